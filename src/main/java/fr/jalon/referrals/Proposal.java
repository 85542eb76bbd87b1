package fr.jalon.referrals;

import java.util.UUID;

/** A session that could be proposed, with what the fit rule needs. */
record Proposal(UUID sessionId, java.time.LocalDate date, java.time.LocalTime start, String site, String room,
                int freeSeats, SessionFit.Candidate candidate) {
}
