package fr.jalon.attestations;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.candidates.PersonalDataEraser;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.codes.CodeGenerator;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.ClientAddresses;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.platform.templates.TemplateRenderer;
import fr.jalon.results.Results;
import fr.jalon.sessions.Sessions;

import io.helidon.dbclient.DbExecute;

/**
 * The attestations feature: PDF/A attestations of results or attendance with a verification code
 * and QR code, kept once rendered, revocable; the public verification page. Corrected results
 * revoke the attestation they replace.
 */
public final class Attestations {

    private final AttestationDesk desk;
    private final AttestationsService service;
    private final AttestationRepository repository;

    public Attestations(Transactions transactions, Results results, Sessions sessions, AuditLog audit,
                        TemplateRenderer templates, RequestBodies bodies, String publicUrl, ClientAddresses clients,
                        Clock clock) {
        this.repository = new AttestationRepository();
        this.desk = new AttestationDesk(transactions, repository, results, sessions, audit, new CodeGenerator(), publicUrl);
        this.service = new AttestationsService(desk, new Verification(transactions, repository, results, audit, clock),
                templates, bodies, clients);
        results.onRecorded((tx, recorded, corrected) -> repository.revokeAll(tx, corrected,
                AttestationKind.RESULTS, "Résultats corrigés : une nouvelle attestation remplace celle-ci."));
    }

    /** Retention: what this feature keeps about people being anonymised (their stored PDFs). */
    public Map<String, Integer> erase(DbExecute tx,
                                                PersonalDataEraser.Erasure erasure) {
        return repository.erase(tx, erasure);
    }

    public ApiRoutes.ApiService httpService() {
        return service;
    }

    /** A candidate's results attestation as a file to attach (issued if needed); empty without results. */
    public Optional<Document> forMessage(UUID enrolmentId) {
        return desk.forMessage(enrolmentId).map(d -> new Document(d.fileName(), d.content()));
    }

    /** A file to attach: its name and bytes. */
    public record Document(String fileName, byte[] pdf) {
    }
}
