package fr.jalon.sessions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import fr.jalon.centers.Habilitation;
import fr.jalon.platform.http.ApiProblem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SessionRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-03T08:00:00Z");

    private static CertificationSession session(SessionStatus status, String date, String time) {
        SessionSlot slot = new SessionSlot(LocalDate.parse(date), LocalTime.parse(time), 105, SessionSlot.PARIS);
        return new CertificationSession(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Site",
                UUID.randomUUID(), "Salle", slot, 10, null, "PIX", "BCDF23", "abcdef", status, null, 0, null, null, NOW, NOW);
    }

    @Test
    void capacityMayEqualButNotExceedTheSeats() {
        assertDoesNotThrow(() -> SessionRules.requireCapacityFits(12, 12, "Adour"));
        ApiProblem problem = assertThrows(ApiProblem.class, () -> SessionRules.requireCapacityFits(13, 12, "Adour"));
        assertEquals(422, problem.status());
        assertEquals("capacity", problem.errors().getFirst().field());
    }

    @Test
    void aSessionMovesOnlyBeforeItStarts() {
        assertDoesNotThrow(() -> SessionRules.requireMovable(session(SessionStatus.SCHEDULED, "2026-03-03", "09:30"), NOW));
        ApiProblem started = assertThrows(ApiProblem.class,
                () -> SessionRules.requireMovable(session(SessionStatus.SCHEDULED, "2026-03-03", "09:00"), NOW));
        assertEquals(409, started.status());
        ApiProblem finalized = assertThrows(ApiProblem.class,
                () -> SessionRules.requireMovable(session(SessionStatus.FINALIZED, "2026-04-03", "09:00"), NOW));
        assertEquals(409, finalized.status());
    }

    @Test
    void thePastCannotBeScheduled() {
        SessionSlot past = new SessionSlot(LocalDate.parse("2026-03-03"), LocalTime.parse("08:59"), 105, SessionSlot.PARIS);
        assertThrows(ApiProblem.class, () -> SessionRules.requireFuture(past, NOW));
    }

    @Test
    void complementaryCertificationNeedsTheHabilitation() {
        Set<Habilitation> clea = EnumSet.of(Habilitation.CLEA);
        assertEquals("PIX", SessionRules.certificationType(null, clea));
        assertEquals("PIX", SessionRules.certificationType("pix", clea));
        assertEquals("CLEA", SessionRules.certificationType("clea", clea));
        assertEquals("not_habilitated", assertThrows(ApiProblem.class,
                () -> SessionRules.certificationType("PIX_PLUS_DROIT", clea)).errors().getFirst().code());
        assertEquals("invalid_value", assertThrows(ApiProblem.class,
                () -> SessionRules.certificationType("TOEIC", clea)).errors().getFirst().code());
    }

    @Test
    void cancellingNeedsAScheduledSession() {
        assertDoesNotThrow(() -> SessionRules.requireTransition(session(SessionStatus.SCHEDULED, "2026-04-01", "09:00"),
                SessionStatus.CANCELLED));
        assertThrows(ApiProblem.class, () -> SessionRules.requireTransition(
                session(SessionStatus.CANCELLED, "2026-04-01", "09:00"), SessionStatus.CANCELLED));
    }
}
