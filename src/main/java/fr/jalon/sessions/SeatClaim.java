package fr.jalon.sessions;

/** An open session, now locked by the caller's transaction, and whether a seat was taken for it. */
public record SeatClaim(SessionView session, boolean seated) {
}
