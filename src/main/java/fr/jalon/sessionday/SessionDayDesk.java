package fr.jalon.sessionday;

import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.jalon.candidates.Candidates;
import fr.jalon.candidates.EnrolmentStatus;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.events.DomainEvents;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.validation.FieldError;
import fr.jalon.sessions.SessionStatus;
import fr.jalon.sessions.SessionView;
import fr.jalon.sessions.Sessions;

import io.helidon.dbclient.DbExecute;

/**
 * The session day's use cases: the day sheet, each candidate's report (late arrival, comment,
 * unfinished test and why), incident reports, and finalization under Pix's rules. Reports can be
 * written from the session's start until it is finalized.
 */
final class SessionDayDesk {

    static final String SESSION_FINALIZED = "SESSION_FINALIZED";

    /** A session's day: its report and every seated candidate with theirs. */
    record Sheet(SessionView session, SessionReport report, List<Line> lines) {
    }

    record Line(Candidates.Seat seat, CandidateReport report, List<Incident> incidents) {
    }

    private final Transactions transactions;
    private final SessionDayRepository repository;
    private final Sessions sessions;
    private final Candidates candidates;
    private final AuditLog audit;
    private final DomainEvents events;
    private final Clock clock;

    SessionDayDesk(Transactions transactions, SessionDayRepository repository, Sessions sessions, Candidates candidates,
                   AuditLog audit, DomainEvents events, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.sessions = sessions;
        this.candidates = candidates;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    Sheet sheet(Principal actor, UUID sessionId) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            Sheet sheet = sheetOf(tx, sessions.visible(actor, tx, sessionId));
            audit.record(tx, actor, "session.day.read", "session", sessionId);
            return sheet;
        });
    }

    Line report(Principal actor, UUID enrolmentId, LocalTime arrivedAt, String comment, boolean testFinished,
                String abortReason) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            Candidates.Seat seat = candidates.seat(actor, tx, enrolmentId, true);
            SessionView session = openDay(actor, tx, seat.sessionId());
            List<FieldError> errors = new ArrayList<>();
            if (arrivedAt != null && seat.status() != EnrolmentStatus.PRESENT) {
                errors.add(FieldError.of("arrivedAt", "not_present",
                        "L'heure d'arrivée ne se note que pour un candidat présent : notez d'abord sa présence."));
            }
            if (arrivedAt != null && arrivedAt.isBefore(session.slot().startTime())) {
                errors.add(FieldError.of("arrivedAt", "before_start",
                        "Une arrivée en retard est postérieure au début de la session (" + session.slot().startTime() + ")."));
            }
            if (testFinished && abortReason != null) {
                errors.add(FieldError.of("abortReason", "test_finished",
                        "Une raison d'abandon ne s'indique que pour un test non terminé (« testFinished »: false)."));
            }
            if (!errors.isEmpty()) {
                throw ApiProblem.validation(errors);
            }
            repository.saveCandidateReport(tx, new CandidateReport(enrolmentId, arrivedAt, comment,
                    testFinished, abortReason));
            audit.record(tx, actor, "enrolment.day-report", "enrolment", enrolmentId);
            return lineOf(tx, seat);
        });
    }

    Incident addIncident(Principal actor, UUID enrolmentId, IncidentCategory category,
                                              String subcategory, String description, Integer questionNumber) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        List<FieldError> errors = new ArrayList<>();
        if (category.needsSubcategory() && (subcategory == null || !category.subcategories().contains(subcategory))) {
            errors.add(FieldError.of("subcategory", "invalid_value", "Pour « " + category.label()
                    + " », la sous-catégorie vaut : " + String.join(", ", category.subcategories()) + "."));
        }
        if (!category.needsSubcategory() && subcategory != null) {
            errors.add(FieldError.of("subcategory", "not_expected", "« " + category.label() + " » n'a pas de sous-catégorie."));
        }
        if (category.needsQuestion() && questionNumber == null) {
            errors.add(FieldError.of("questionNumber", "required", "Indiquez le numéro de la question concernée."));
        }
        if (category.needsDescription() && description == null) {
            errors.add(FieldError.of("description", "required", "Décrivez l'incident (500 caractères au plus)."));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return transactions.inTransaction(tx -> {
            Candidates.Seat seat = candidates.seat(actor, tx, enrolmentId, true);
            openDay(actor, tx, seat.sessionId());
            UUID id = repository.addIncident(tx, enrolmentId, category, subcategory, description, questionNumber,
                    actor.userId());
            audit.record(tx, actor, "incident.create", "incident_report", id);
            return repository.incident(tx, id).orElseThrow();
        });
    }

    void removeIncident(Principal actor, UUID incidentId) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        transactions.run(tx -> {
            Incident incident = repository.incident(tx, incidentId)
                    .orElseThrow(() -> ApiProblem.notFound("Aucun incident ne correspond à cet identifiant."));
            Candidates.Seat seat = candidates.seat(actor, tx, incident.enrolmentId(), true);
            openDay(actor, tx, seat.sessionId());
            repository.removeIncident(tx, incidentId);
            audit.record(tx, actor, "incident.delete", "incident_report", incidentId);
        });
    }

    /** Applies Pix's finalization rules; on success the session is FINALIZED and its no-shows are told. */
    Sheet finalize(Principal actor, UUID sessionId, String globalComment, boolean hasIncident, boolean hasJoiningIssue) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            sessions.visible(actor, tx, sessionId);
            SessionView session = sessions.lock(tx, sessionId).orElseThrow();
            if (session.status() != SessionStatus.SCHEDULED) {
                throw ApiProblem.conflict("La session est " + session.status().label() + " : elle ne peut pas être finalisée.");
            }
            Sheet sheet = sheetOf(tx, session);
            List<FinalizationRules.Candidate> seated = sheet.lines().stream()
                    .map(l -> new FinalizationRules.Candidate(l.seat().enrolmentId().toString(), l.seat().status(),
                            l.report().testFinished(), l.report().abortReason()))
                    .toList();
            List<FieldError> breaches = FinalizationRules.breaches(session.slot().startsAt(), clock.instant(), seated);
            if (!breaches.isEmpty()) {
                throw ApiProblem.validation(breaches);
            }
            boolean incidents = sheet.lines().stream().anyMatch(l -> !l.incidents().isEmpty());
            repository.finalize(tx, sessionId, globalComment, hasIncident || incidents, hasJoiningIssue, actor.userId());
            sessions.advance(tx, sessionId, SessionStatus.SCHEDULED, SessionStatus.FINALIZED);
            events.record(tx, SESSION_FINALIZED, "session", sessionId, Jsons.createObjectBuilder().build());
            audit.record(tx, actor, "session.finalize", "session", sessionId);
            return sheetOf(tx, sessions.lock(tx, sessionId).orElseThrow());
        });
    }

    /** The session of a report, which must have started and not be finalized yet. */
    private SessionView openDay(Principal actor, DbExecute tx, UUID sessionId) {
        SessionView session = sessions.visible(actor, tx, sessionId);
        if (session.status() != SessionStatus.SCHEDULED) {
            throw ApiProblem.conflict("La session est " + session.status().label() + " : son déroulé ne se modifie plus.");
        }
        if (session.slot().startsAt().isAfter(clock.instant())) {
            throw ApiProblem.conflict("La session n'a pas encore commencé : le déroulé se note le jour même.");
        }
        return session;
    }

    private Sheet sheetOf(DbExecute tx, SessionView session) {
        List<Candidates.Seat> seats = candidates.seatsOf(tx, List.of(session.id()));
        List<UUID> ids = seats.stream().map(Candidates.Seat::enrolmentId).toList();
        Map<UUID, CandidateReport> reports = repository.candidateReports(tx, ids);
        List<Incident> incidents = repository.incidents(tx, ids);
        List<Line> lines = seats.stream().map(seat -> new Line(seat,
                reports.getOrDefault(seat.enrolmentId(), CandidateReport.blank(seat.enrolmentId())),
                incidents.stream().filter(i -> i.enrolmentId().equals(seat.enrolmentId())).toList())).toList();
        return new Sheet(session, repository.sessionReport(tx, session.id()), lines);
    }

    private Line lineOf(DbExecute tx, Candidates.Seat seat) {
        List<UUID> ids = List.of(seat.enrolmentId());
        return new Line(seat, repository.candidateReports(tx, ids).getOrDefault(seat.enrolmentId(),
                CandidateReport.blank(seat.enrolmentId())), repository.incidents(tx, ids));
    }
}
