package fr.jalon.results;

import java.util.List;
import java.util.UUID;

import fr.jalon.candidates.Candidates;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.sessions.Sessions;

/** Reading results back: a session's, or one candidate's with its earlier versions. Reads are audited. */
final class ResultsDesk {

    record WithHistory(CertificationResult result, List<EarlierResult> history) {
    }

    private final Transactions transactions;
    private final ResultsRepository repository;
    private final Sessions sessions;
    private final Candidates candidates;
    private final AuditLog audit;

    ResultsDesk(Transactions transactions, ResultsRepository repository, Sessions sessions, Candidates candidates,
                AuditLog audit) {
        this.transactions = transactions;
        this.repository = repository;
        this.sessions = sessions;
        this.candidates = candidates;
        this.audit = audit;
    }

    List<CertificationResult> ofSession(Principal actor, UUID sessionId) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            sessions.visible(actor, tx, sessionId);
            audit.record(tx, actor, "results.read", "session", sessionId);
            return repository.ofSession(tx, sessionId);
        });
    }

    WithHistory ofEnrolment(Principal actor, UUID enrolmentId) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            candidates.seat(actor, tx, enrolmentId, false);
            CertificationResult result = repository.ofEnrolment(tx, enrolmentId)
                    .orElseThrow(() -> ApiProblem.notFound("Aucun résultat n'a encore été importé pour cette inscription."));
            audit.record(tx, actor, "result.read", "enrolment", enrolmentId);
            return new WithHistory(result, repository.history(tx, enrolmentId));
        });
    }
}
