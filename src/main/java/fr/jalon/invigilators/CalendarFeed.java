package fr.jalon.invigilators;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.calendar.ICalendar;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.security.TokenSecrets;

/**
 * An invigilator's personal calendar: a secret URL their phone subscribes to (no login), listing
 * their upcoming sessions. Only the secret's hash is stored; asking again replaces it, so a
 * leaked URL is revoked by asking for a new one.
 */
final class CalendarFeed {

    private final Transactions transactions;
    private final InvigilatorRepository invigilators;
    private final AssignmentRepository assignments;
    private final DutiesReadModel duties = new DutiesReadModel();
    private final AuditLog audit;
    private final Clock clock;

    CalendarFeed(Transactions transactions, InvigilatorRepository invigilators, AssignmentRepository assignments,
                 AuditLog audit, Clock clock) {
        this.transactions = transactions;
        this.invigilators = invigilators;
        this.assignments = assignments;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new secret URL path for the signed-in invigilator (the previous one stops working). */
    String renew(Principal actor) {
        actor.requireRole(Role.INVIGILATOR);
        String secret = TokenSecrets.newSecret();
        transactions.run(tx -> {
            UUID me = invigilators.ofUser(tx, actor.userId())
                    .orElseThrow(() -> ApiProblem.notFound("Votre compte n'est lié à aucune fiche de surveillant."));
            invigilators.setCalendarToken(tx, me, TokenSecrets.hash(secret));
            audit.record(tx, actor, "invigilator.calendar.renew", "invigilator", me);
        });
        return "/calendars/" + secret + ".ics";
    }

    void revoke(Principal actor) {
        actor.requireRole(Role.INVIGILATOR);
        transactions.run(tx -> invigilators.ofUser(tx, actor.userId()).ifPresent(me -> {
            invigilators.setCalendarToken(tx, me, null);
            audit.record(tx, actor, "invigilator.calendar.revoke", "invigilator", me);
        }));
    }

    /** The feed behind a secret; empty for an unknown or revoked one. */
    Optional<String> feed(String secret) {
        if (!TokenSecrets.wellFormed(secret)) {
            return Optional.empty();
        }
        return transactions.inTransaction(tx -> invigilators.ofCalendarToken(tx, TokenSecrets.hash(secret)).map(me -> {
            List<ICalendar.Event> events = duties.upcomingOf(tx, me).stream()
                    .filter(a -> !a.status().equals("DECLINED"))
                    // The session's own start and end: its length may differ from the default 1 h 45.
                    .map(a -> new ICalendar.Event(a.id() + "@jalon", a.startsAt(), a.endsAt(),
                            "Surveillance certification Pix — " + a.site(), a.site() + ", " + a.room() + ", " + a.address(),
                            "Arrivez 30 minutes avant le début.", clock.instant().getEpochSecond() / 60))
                    .toList();
            return ICalendar.of(ICalendar.Method.PUBLISH, events, clock.instant());
        }));
    }
}
