package fr.jalon.sessionday;

import java.time.Instant;
import java.util.List;

import fr.jalon.candidates.EnrolmentStatus;
import fr.jalon.platform.validation.FieldError;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FinalizationRulesTest {

    private static final Instant START = Instant.parse("2026-03-03T08:00:00Z");
    private static final Instant DURING = START.plusSeconds(3600);

    private static FinalizationRules.Candidate candidate(String status, boolean finished, String reason) {
        return new FinalizationRules.Candidate("c", EnrolmentStatus.valueOf(status), finished, reason);
    }

    private static List<String> codes(Instant now, FinalizationRules.Candidate... candidates) {
        return FinalizationRules.breaches(START, now, List.of(candidates)).stream().map(FieldError::code).toList();
    }

    @Test
    void aStartedSessionWithEveryoneNotedAndSomeonePresentIsFinalized() {
        assertEquals(List.of(), codes(DURING, candidate("PRESENT", true, null), candidate("ABSENT", true, null),
                candidate("EXCUSED", true, null), candidate("PRESENT", false, "candidate")));
    }

    @Test
    void notBeforeItStarts() {
        assertEquals(List.of("not_started"), codes(START.minusSeconds(1), candidate("PRESENT", true, null)));
    }

    @Test
    void everyCandidateNeedsTheirAttendanceAndSomeoneMustHaveCome() {
        assertEquals(List.of("attendance_missing", "nobody_present"), codes(DURING, candidate("CONVOKED", true, null),
                candidate("ABSENT", true, null)));
        assertEquals(List.of("nobody_present"), codes(DURING));
    }

    @Test
    void anUnfinishedTestNeedsAnAbortReasonOnlyForPresentCandidates() {
        assertEquals(List.of("abort_reason_missing"), codes(DURING, candidate("PRESENT", false, null)));
        assertEquals(List.of(), codes(DURING, candidate("PRESENT", true, null), candidate("ABSENT", false, null)));
    }
}
