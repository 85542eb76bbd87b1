package fr.jalon.referrals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A session that could be proposed, with what the fit rule needs. */
record Proposal(UUID sessionId, LocalDate date, LocalTime start, String site, String room,
                int freeSeats, SessionFit.Candidate candidate) {
}
