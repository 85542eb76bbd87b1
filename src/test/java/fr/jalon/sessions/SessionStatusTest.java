package fr.jalon.sessions;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionStatusTest {

    @Test
    void followsThePixLifecycle() {
        assertEquals(Set.of(SessionStatus.FINALIZED, SessionStatus.CANCELLED), SessionStatus.SCHEDULED.next());
        assertTrue(SessionStatus.FINALIZED.canBecome(SessionStatus.RESULTS_IMPORTED));
        assertTrue(SessionStatus.RESULTS_IMPORTED.canBecome(SessionStatus.CLOSED));
    }

    @Test
    void onlyAScheduledSessionCanBeCancelled() {
        for (SessionStatus status : SessionStatus.values()) {
            assertEquals(status == SessionStatus.SCHEDULED, status.canBecome(SessionStatus.CANCELLED), status.name());
        }
    }

    @Test
    void endStatesLeadNowhereAndNothingGoesBack() {
        assertTrue(SessionStatus.CLOSED.next().isEmpty());
        assertTrue(SessionStatus.CANCELLED.next().isEmpty());
        assertFalse(SessionStatus.FINALIZED.canBecome(SessionStatus.SCHEDULED));
        assertFalse(SessionStatus.RESULTS_IMPORTED.canBecome(SessionStatus.FINALIZED));
    }
}
