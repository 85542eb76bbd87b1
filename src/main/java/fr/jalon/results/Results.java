package fr.jalon.results;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.candidates.Candidates;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.events.DomainEvents;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.sessions.Sessions;

import io.helidon.dbclient.DbExecute;

/** The results feature: imports of Pix Certif's results export, and the results other features read. */
public final class Results {

    private final ResultsRepository repository = new ResultsRepository();
    private final ResultsImport imports;
    private final ResultsService service;

    public Results(Transactions transactions, Sessions sessions, Candidates candidates, AuditLog audit,
                   DomainEvents events, RequestBodies bodies, Clock clock) {
        this.imports = new ResultsImport(transactions, repository, sessions, candidates, audit, events, clock);
        this.service = new ResultsService(imports, new ResultsDesk(transactions, repository, sessions, candidates, audit),
                bodies);
        candidates.retention().onErase(repository::erase);
    }

    public ApiRoutes.ApiService httpService() {
        return service;
    }

    /** Follows results as imports record them, inside the import's transaction. */
    public void onRecorded(ResultsListener listener) {
        imports.onRecorded(listener);
    }

    public Optional<CertificationResult> ofEnrolment(DbExecute exec, UUID enrolmentId) {
        return repository.ofEnrolment(exec, enrolmentId);
    }

    public List<CertificationResult> ofSession(DbExecute exec, UUID sessionId) {
        return repository.ofSession(exec, sessionId);
    }
}
