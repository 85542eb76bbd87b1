package fr.jalon.candidates;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.events.DomainEvents;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.JsonInput;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.sessions.Sessions;
import fr.jalon.territory.Territory;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;

/** The candidates feature: people, enrolments, waiting lists, Pix files. */
public final class Candidates {

    private final CandidatesService service;
    private final Retention retention;
    private final EnrolmentRepository enrolments;
    private final BookingsReadModel booked = new BookingsReadModel();
    private final EnrolmentDesk desk;
    private final Territory territory;
    private final List<EnrolmentStatusListener> statusListeners = new CopyOnWriteArrayList<>();

    public Candidates(DbClient db, Transactions transactions, Sessions sessions, Centers centers, Territory territory,
                      AuditLog audit, DomainEvents events, Clock clock, RequestBodies bodies, int retentionMonths) {
        this.territory = territory;
        PersonRepository people = new PersonRepository();
        this.enrolments = new EnrolmentRepository();
        this.desk = new EnrolmentDesk(transactions, sessions, centers, people, enrolments, audit, events, clock,
                (tx, id, status) -> statusListeners.forEach(l -> l.statusChanged(tx, id, status)));
        sessions.onSeatsFreed((tx, sessionId) -> desk.promoteWaitlist(tx, sessionId, null));
        sessions.guardMoves((tx, sessionId, start, end) -> {
            long busy = booked.peopleBusyDuring(tx, sessionId, start, end);
            if (busy > 0) {
                throw ApiProblem.conflict(busy + " candidat(s) inscrit(s) ont déjà une autre session à ce nouvel horaire : "
                        + "transférez-les ou choisissez un autre créneau.");
            }
        });
        SessionImport imports = new SessionImport(transactions, sessions, centers, territory, people, enrolments, audit,
                events, clock);
        CandidateFiles files = new CandidateFiles(transactions, sessions, centers, people, enrolments, audit);
        this.retention = new Retention(transactions, people, enrolments, audit, retentionMonths);
        this.service = new CandidatesService(this.desk, new PeopleDirectory(transactions, people, audit), imports, files,
                territory, db, bodies, clock);
    }

    public ApiRoutes.ApiService httpService() {
        return service;
    }

    /** The convocation of an enrolment went out: ENROLLED becomes CONVOKED (other statuses stay). */
    public void convoked(DbExecute tx, UUID enrolmentId) {
        if (enrolments.markConvoked(tx, enrolmentId)) {
            statusListeners.forEach(l -> l.statusChanged(tx, enrolmentId, EnrolmentStatus.CONVOKED));
        }
    }

    /** A line of a session's attendance sheet. */
    public record AttendanceLine(String birthName, String firstName, LocalDate birthDate, String externalId,
                                 Integer extraTimePercent) {
    }

    /** The seat holders of each session, by birth name then first name (for attendance sheets). */
    public Map<UUID, List<AttendanceLine>> attendanceLines(DbExecute exec, List<UUID> sessionIds) {
        Map<UUID, List<AttendanceLine>> lines = new HashMap<>();
        sessionIds.forEach(id -> lines.put(id, new ArrayList<>()));
        enrolments.ofSessions(exec, sessionIds).stream()
                .filter(e -> e.status().holdsSeat())
                .sorted(Comparator.comparing(Enrolment::birthName).thenComparing(Enrolment::firstName))
                .forEach(e -> lines.get(e.sessionId()).add(new AttendanceLine(e.birthName(), e.firstName(), e.birthDate(),
                        e.terms().externalId(), e.terms().extraTimePercent())));
        return lines;
    }

    /** A seat in a session as the session day and the results see it: who, and their current status. */
    public record Seat(UUID enrolmentId, UUID sessionId, UUID centerId, UUID personId, String birthName, String firstName,
                       LocalDate birthDate, EnrolmentStatus status, String externalId) {
    }

    /** An enrolment the caller may manage (404 otherwise), locked when asked. */
    public Seat seat(Principal actor, DbExecute tx, UUID enrolmentId, boolean lock) {
        return seat(desk.visibleEnrolment(actor, tx, enrolmentId, lock));
    }

    /** The enrolments of some sessions that hold or held a seat (not waiting, not cancelled). */
    public List<Seat> seatsOf(DbExecute exec, List<UUID> sessionIds) {
        return enrolments.seats(exec, sessionIds);
    }

    /** A seat holder known by its person's identity key only (results of thousands of sessions read these). */
    public record SeatIdentity(UUID enrolmentId, UUID sessionId, String identityKey) {
    }

    /**
     * The seats of {@link #seatsOf}, each with its person's identity key instead of the person,
     * read on a transaction's own connection ({@code Transactions.inTransactionWithConnection}):
     * an import of 100,000 results reads 100,000 of these.
     */
    public List<SeatIdentity> seatIdentitiesOf(Connection connection, List<UUID> sessionIds) throws SQLException {
        return enrolments.seatIdentities(connection, sessionIds);
    }

    /**
     * How a person is found again, whoever looks: folded birth name, first name and birth date
     * (the key stored with each person).
     */
    public static String identityKey(String birthName, String firstName, LocalDate birthDate) {
        return PersonRules.identityKey(birthName, firstName, birthDate);
    }

    private static Seat seat(Enrolment e) {
        return new Seat(e.id(), e.sessionId(), e.centerId(), e.personId(), e.birthName(), e.firstName(), e.birthDate(),
                e.status(), e.terms().externalId());
    }

    /** Follows every status change of enrolments, inside the changing transaction. */
    public void onStatusChange(EnrolmentStatusListener listener) {
        statusListeners.add(listener);
    }

    /** A person as the enrolment API describes one (identity, contact, channels), checked. */
    public static final class PersonDetails {
        private final PersonDraft draft;

        private PersonDetails(PersonDraft draft) {
            this.draft = draft;
        }

        public String franceTravailNumber() {
            return draft.franceTravailNumber();
        }

        /** « Prénom Nom » as it was sent. */
        public String displayName() {
            return draft.firstName() + " " + draft.birthName();
        }
    }

    /** Reads a person from JSON; errors are collected in {@code in} (empty when there are some). */
    public Optional<PersonDetails> personDetails(JsonInput in, LocalDate today) {
        return CandidateForms.person(in, territory.places(), today).map(PersonDetails::new);
    }

    /** The centre's record of this identity, or a new one owned by the centre; returns its id. */
    public UUID findOrCreatePerson(Principal actor, DbExecute tx, UUID centerId, PersonDetails details) {
        return desk.findOrCreate(actor, tx, centerId, details.draft).person().id();
    }

    /** An enrolment made for a referral: its id and status (ENROLLED, or WAITLISTED when full). */
    public record ReferredEnrolment(UUID enrolmentId, EnrolmentStatus status) {
    }

    /** Enrols a referred person in the caller's transaction, free of charge, origin REFERRAL. */
    public ReferredEnrolment enrolReferred(Principal actor, DbExecute tx, UUID sessionId, UUID personId, UUID referralId) {
        EnrolmentTerms terms = new EnrolmentTerms(BillingMode.FREE, null, null, null, null, null, false);
        EnrolmentDesk.Outcome outcome = desk.enrolIn(actor, tx, sessionId, new PersonRequest.Referred(personId), terms,
                Origin.REFERRAL, referralId.toString());
        return new ReferredEnrolment(outcome.enrolment().id(), outcome.enrolment().status());
    }

    /**
     * Enrols someone sent by a partner under its agreement with the centre (a local authority's
     * campaign): the centre's own record of this identity is found or made (the partner's record
     * is never shared), and the enrolment is the centre's, origin {@code origin}, free of charge.
     * The caller has checked the agreement; the enrolment rules (seats, waiting list, duplicates)
     * apply as for any enrolment.
     */
    public ReferredEnrolment enrolOnAgreement(Principal actor, DbExecute tx, UUID centerId, UUID sessionId,
                                              PersonDetails person, Origin origin, String reference) {
        Principal centre = new Principal(actor.userId(), actor.tokenId(), Role.CENTER_STAFF, centerId);
        UUID personId = desk.findOrCreate(centre, tx, centerId, person.draft).person().id();
        EnrolmentTerms terms = new EnrolmentTerms(BillingMode.FREE, null, null, null, null, null, false);
        EnrolmentDesk.Outcome outcome = desk.enrolIn(centre, tx, sessionId, new PersonRequest.Referred(personId), terms,
                origin, reference);
        return new ReferredEnrolment(outcome.enrolment().id(), outcome.enrolment().status());
    }

    public Retention retention() {
        return retention;
    }
}
