package fr.jalon.results;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.jalon.candidates.Candidates;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.events.DomainEvents;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ProblemList;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.validation.FieldError;
import fr.jalon.sessions.SessionStatus;
import fr.jalon.sessions.Sessions;

import io.helidon.dbclient.DbExecute;

/**
 * Imports Pix Certif's results export, all or nothing: every row is read and matched to an
 * enrolment first, every problem reported with its line; then, in one transaction, new results
 * are written, corrected ones replace the stored values (kept in history), identical ones are
 * left alone, and the sessions become RESULTS_IMPORTED. One file may cover many sessions of a
 * centre (by the « Session » column), or be checked against the one session it is posted to.
 */
final class ResultsImport {

    static final String RESULTS_IMPORTED = "RESULTS_IMPORTED";

    /** What an import did, per session and in all. */
    record Report(int rows, int created, int updated, int unchanged, List<SessionReport> sessions) {
    }

    record SessionReport(UUID sessionId, long pixNumber, int created, int updated, int unchanged) {
    }

    private final Transactions transactions;
    private final ResultsRepository repository;
    private final ResultSessionsReadModel sessionsRead = new ResultSessionsReadModel();
    private final Sessions sessions;
    private final Candidates candidates;
    private final AuditLog audit;
    private final DomainEvents events;
    private final Clock clock;
    private final List<ResultsListener> listeners = new CopyOnWriteArrayList<>();

    ResultsImport(Transactions transactions, ResultsRepository repository, Sessions sessions, Candidates candidates,
                  AuditLog audit, DomainEvents events, Clock clock) {
        this.clock = clock;
        this.transactions = transactions;
        this.repository = repository;
        this.sessions = sessions;
        this.candidates = candidates;
        this.audit = audit;
        this.events = events;
    }

    void onRecorded(ResultsListener listener) {
        listeners.add(listener);
    }

    /** The results of one session: every row must carry that session's Pix number. */
    Report intoSession(Principal actor, UUID sessionId, byte[] file) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        PixResultsFile.Content content = readOrReject(file);
        return transactions.inTransactionWithConnection((tx, connection) -> {
            var session = sessions.visible(actor, tx, sessionId);
            Set<Long> numbers = new TreeSet<>();
            content.rows().forEach(r -> numbers.add(r.sessionNumber()));
            Long expected = session.pixNumber();
            List<FieldError> errors = new ProblemList();
            for (PixResultsFile.Row row : content.rows()) {
                boolean other = expected != null ? row.sessionNumber() != expected : numbers.size() > 1;
                if (other) {
                    errors.add(new FieldError(row.line(), "Session", "session_mismatch", expected != null
                            ? "Ce résultat est celui de la session Pix n° " + row.sessionNumber() + ", pas de cette session "
                                    + "(n° " + expected + ") : vérifiez le fichier."
                            : "Le fichier mêle plusieurs sessions Pix : importez-le depuis l'import multi-sessions."));
                }
            }
            rejectIfAny(errors);
            if (expected == null) {
                // The session learns its Pix number from the file (it was planned in Jalon only).
                sessions.complete(tx, sessionId, numbers.iterator().next(), null);
            }
            return apply(actor, tx, connection, content.rows(), Map.of(numbers.iterator().next(), sessionId));
        });
    }

    /** A file of many sessions of one centre, found by their Pix numbers. */
    Report intoCenter(Principal actor, UUID centerId, byte[] file) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        UUID center = actor.isAdmin() ? centerId : actor.scopeId();
        if (center == null) {
            throw ApiProblem.invalidField("centerId", "required", "Indiquez le centre (« centerId »).");
        }
        PixResultsFile.Content content = readOrReject(file);
        return transactions.inTransactionWithConnection((tx, connection) -> {
            Set<Long> numbers = new TreeSet<>();
            content.rows().forEach(r -> numbers.add(r.sessionNumber()));
            Map<Long, UUID> found = sessionsRead.sessionsByPixNumber(tx, center, numbers);
            List<FieldError> errors = new ProblemList();
            for (PixResultsFile.Row row : content.rows()) {
                if (!found.containsKey(row.sessionNumber())) {
                    errors.add(new FieldError(row.line(), "Session", "unknown_session", "Aucune session du centre ne porte "
                            + "le numéro Pix " + row.sessionNumber() + " : renseignez-le sur la session ou importez son "
                            + "fichier depuis la session elle-même."));
                }
            }
            rejectIfAny(errors);
            return apply(actor, tx, connection, content.rows(), found);
        });
    }

    private Report apply(Principal actor, DbExecute tx, Connection connection, List<PixResultsFile.Row> rows,
                         Map<Long, UUID> sessionIds) throws SQLException {
        List<UUID> ids = new ArrayList<>(new TreeSet<>(sessionIds.values()));
        Map<UUID, ResultSessionsReadModel.SessionRow> locked = new HashMap<>();
        sessionsRead.lockSessions(tx, ids).forEach(s -> locked.put(s.id(), s));
        List<FieldError> errors = new ProblemList();
        Set<UUID> reported = new HashSet<>();
        for (PixResultsFile.Row row : rows) {
            ResultSessionsReadModel.SessionRow s = locked.get(sessionIds.get(row.sessionNumber()));
            boolean open = s.status().equals(SessionStatus.FINALIZED.name())
                    || s.status().equals(SessionStatus.RESULTS_IMPORTED.name());
            if (!open && reported.add(s.id())) {
                errors.add(new FieldError(row.line(), "Session", "session_not_finalized", "La session n° "
                        + row.sessionNumber() + " n'est pas finalisée dans Jalon : finalisez-la avant d'importer ses résultats."));
            }
        }
        rejectIfAny(errors);

        List<ResultMatching.Candidate> seated = candidates.seatIdentitiesOf(connection, ids).stream()
                .map(s -> new ResultMatching.Candidate(s.enrolmentId(), s.sessionId(), s.identityKey()))
                .toList();
        ResultMatching.Outcome matched = ResultMatching.match(rows, sessionIds, seated,
                repository.knownNumbers(tx, rows.stream().map(PixResultsFile.Row::certificationNumber).toList()));
        rejectIfAny(matched.errors());

        Map<UUID, CertificationResult> stored = repository.stored(tx, ids);
        List<ResultsRepository.Write> writes = new ArrayList<>();
        List<ResultsRepository.Write> firstResults = new ArrayList<>();
        List<ResultsRepository.Write> corrections = new ArrayList<>();
        List<UUID> corrected = new ArrayList<>();
        Map<UUID, int[]> counts = new LinkedHashMap<>();
        ids.forEach(id -> counts.put(id, new int[3]));
        for (ResultMatching.Match m : matched.matches()) {
            PixResultsFile.Row row = m.row();
            ResultMeaning meaning = ResultMeaning.of(row);
            CertificationResult before = stored.get(m.enrolmentId());
            int outcome = before == null ? 0 : ResultMeaning.of(before).equals(meaning) ? 2 : 1;
            counts.get(m.sessionId())[outcome]++;
            if (outcome == 2) {
                continue;
            }
            var write = new ResultsRepository.Write(m.enrolmentId(), m.sessionId(), row, meaning.globalLevel(),
                    meaning.digest());
            writes.add(write);
            if (outcome == 1) {
                corrected.add(m.enrolmentId());
                corrections.add(write);
            } else {
                firstResults.add(write);
            }
        }
        repository.archive(tx, corrected, actor.userId());
        repository.write(connection, firstResults, corrections, actor.userId());
        List<UUID> changedSessions = counts.entrySet().stream().filter(e -> e.getValue()[0] + e.getValue()[1] > 0)
                .map(Map.Entry::getKey).toList();
        if (!writes.isEmpty()) {
            sessions.advanceAll(tx, changedSessions, SessionStatus.FINALIZED, SessionStatus.RESULTS_IMPORTED);
            events.recordMany(tx, RESULTS_IMPORTED, "session", changedSessions,
                    changedSessions.stream().map(id -> Jsons.createObjectBuilder().build()).toList());
            Instant now = clock.instant();
            List<CertificationResult> news = writes.stream().map(w -> {
                CertificationResult before = stored.get(w.enrolmentId());
                PixResultsFile.Row r = w.row();
                return new CertificationResult(w.enrolmentId(), w.sessionId(), r.certificationNumber(),
                        r.certificationType(), r.status(), r.score(), w.globalLevel(), r.levels(), r.complementary(),
                        r.juryComment(), r.takenOn(), before == null ? 1 : before.version() + 1, now);
            }).toList();
            listeners.forEach(l -> l.recorded(tx, news, corrected));
        }
        audit.recordMany(tx, actor, "results.import", "session", ids.stream().map(UUID::toString).toList());
        List<SessionReport> perSession = new ArrayList<>();
        Map<UUID, Long> numberOf = new HashMap<>();
        sessionIds.forEach((number, id) -> numberOf.put(id, number));
        counts.forEach((id, c) -> perSession.add(new SessionReport(id, numberOf.get(id), c[0], c[1], c[2])));
        perSession.sort(Comparator.comparingLong(SessionReport::pixNumber));
        int created = perSession.stream().mapToInt(SessionReport::created).sum();
        int updated = perSession.stream().mapToInt(SessionReport::updated).sum();
        return new Report(rows.size(), created, updated, rows.size() - created - updated, perSession);
    }

    private static PixResultsFile.Content readOrReject(byte[] file) {
        PixResultsFile.Content content = PixResultsFile.read(file);
        rejectIfAny(content.errors());
        return content;
    }

    /** Nothing is applied when anything is wrong; the first thousand problems are listed by line, the rest counted. */
    private static void rejectIfAny(List<FieldError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        List<FieldError> sorted = errors.stream()
                .sorted(Comparator.comparing(FieldError::line, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        if (sorted.size() == 1 && !(errors instanceof ProblemList list && list.more() > 0)) {
            throw ApiProblem.validation(sorted);
        }
        throw new ApiProblem(422, "validation", "Données invalides", ProblemList.summary(errors)
                + " ; rien n'a été importé.", sorted);
    }
}
