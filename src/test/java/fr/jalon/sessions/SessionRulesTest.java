package fr.jalon.sessions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.jalon.centers.Habilitation;
import fr.jalon.platform.validation.Breach;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-03T08:00:00Z");

    private static CertificationSession session(SessionStatus status, String date, String time) {
        SessionSlot slot = new SessionSlot(LocalDate.parse(date), LocalTime.parse(time), 105, SessionSlot.PARIS);
        return new CertificationSession(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Site",
                UUID.randomUUID(), "Salle", slot, 10, null, "PIX", "BCDF23", "abcdef", status, null, 0, null, null, NOW, NOW);
    }

    @Test
    void capacityMayEqualButNotExceedTheSeats() {
        assertTrue(SessionRules.capacityFits(12, 12, "Adour").isEmpty());
        Breach breach = SessionRules.capacityFits(13, 12, "Adour").orElseThrow();
        assertEquals(Breach.Kind.INVALID_FIELD, breach.kind());
        assertEquals("capacity", breach.field());
    }

    @Test
    void aSessionMovesOnlyBeforeItStarts() {
        assertTrue(SessionRules.movable(session(SessionStatus.SCHEDULED, "2026-03-03", "09:30"), NOW).isEmpty());
        assertEquals(Breach.Kind.CONFLICT,
                SessionRules.movable(session(SessionStatus.SCHEDULED, "2026-03-03", "09:00"), NOW).orElseThrow().kind());
        assertEquals(Breach.Kind.CONFLICT,
                SessionRules.movable(session(SessionStatus.FINALIZED, "2026-04-03", "09:00"), NOW).orElseThrow().kind());
    }

    @Test
    void thePastCannotBeScheduled() {
        SessionSlot past = new SessionSlot(LocalDate.parse("2026-03-03"), LocalTime.parse("08:59"), 105, SessionSlot.PARIS);
        assertEquals("past", SessionRules.future(past, NOW).orElseThrow().code());
    }

    @Test
    void complementaryCertificationNeedsTheHabilitation() {
        Set<Habilitation> clea = EnumSet.of(Habilitation.CLEA);
        assertEquals(Optional.empty(), SessionRules.certificationType(null, clea));
        assertEquals("PIX", SessionRules.canonicalType(null));
        assertEquals("PIX", SessionRules.canonicalType("pix"));
        assertTrue(SessionRules.certificationType("clea", clea).isEmpty());
        assertEquals("CLEA", SessionRules.canonicalType("clea"));
        assertEquals("not_habilitated", SessionRules.certificationType("PIX_PLUS_DROIT", clea).orElseThrow().code());
        assertEquals("invalid_value", SessionRules.certificationType("TOEIC", clea).orElseThrow().code());
    }

    @Test
    void cancellingNeedsAScheduledSession() {
        assertTrue(SessionRules.transition(session(SessionStatus.SCHEDULED, "2026-04-01", "09:00"),
                SessionStatus.CANCELLED).isEmpty());
        assertEquals(Breach.Kind.CONFLICT, SessionRules.transition(session(SessionStatus.CANCELLED, "2026-04-01", "09:00"),
                SessionStatus.CANCELLED).orElseThrow().kind());
    }
}
