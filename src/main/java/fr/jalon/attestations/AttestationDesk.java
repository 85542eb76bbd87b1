package fr.jalon.attestations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import fr.jalon.candidates.EnrolmentStatus;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.codes.CodeGenerator;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.text.Folding;
import fr.jalon.results.CertificationResult;
import fr.jalon.results.Results;
import fr.jalon.sessions.Sessions;

import io.helidon.dbclient.DbExecute;

/**
 * Attestations for staff and for the results message: issued on first need (a verification code
 * that is never reused), rendered once and kept, so every later download is the same document;
 * revoked with a reason. A candidate with results gets a results attestation; a present candidate
 * still waiting for them, an attendance attestation.
 */
final class AttestationDesk {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int CODE_ATTEMPTS = 5;

    /** A file to hand over. */
    record Document(String fileName, byte[] content) {
    }

    private final Transactions transactions;
    private final AttestationRepository repository;
    private final AttestationSubjectReadModel subjects = new AttestationSubjectReadModel();
    private final Results results;
    private final Sessions sessions;
    private final AuditLog audit;
    private final CodeGenerator codes;
    private final String publicUrl;

    AttestationDesk(Transactions transactions, AttestationRepository repository, Results results, Sessions sessions,
                    AuditLog audit, CodeGenerator codes, String publicUrl) {
        this.transactions = transactions;
        this.repository = repository;
        this.results = results;
        this.sessions = sessions;
        this.audit = audit;
        this.codes = codes;
        this.publicUrl = publicUrl;
    }

    String verificationUrl(String code) {
        return publicUrl + "/verify/" + code;
    }

    // Attestations are issued (and their reading audited) in one short transaction; the PDFs are
    // laid out after it, so a pooled connection is not held while iText works. A first rendering
    // is then kept in a second short transaction (the first kept wins a race).

    /** An attestation issued, with its stored PDF if it has one already. */
    private record Issued(AttestationSubject subject, CertificationResult result, IssuedAttestation attestation,
                          byte[] pdf) {
    }

    Document forEnrolment(Principal actor, UUID enrolmentId) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        Issued issued = transactions.inTransaction(tx -> {
            AttestationSubject subject = subjects.subject(tx, enrolmentId)
                    .filter(s -> actor.managesCenter(s.centerId()))
                    .orElseThrow(() -> ApiProblem.notFound("Aucune inscription ne correspond à cet identifiant."));
            Optional<CertificationResult> result = results.ofEnrolment(tx, enrolmentId);
            if (result.isEmpty() && subject.enrolmentStatus() != EnrolmentStatus.PRESENT) {
                throw ApiProblem.conflict("Pas d'attestation : le candidat n'a ni résultats importés ni présence notée.");
            }
            audit.record(tx, actor, "attestation.download", "enrolment", enrolmentId);
            return issued(tx, subject, result.orElse(null));
        });
        return stored(List.of(issued)).getFirst();
    }

    /** Every attestation of a session in one PDF (fonts embedded once), in the order of the attendance sheet. */
    Document sessionPdf(Principal actor, UUID sessionId) {
        List<Issued> all = transactions.inTransaction(tx -> {
            List<Issued> issued = new ArrayList<>();
            forSession(actor, tx, sessionId, (subject, result) -> issued.add(new Issued(subject, result,
                    issue(tx, subject, result), null)));
            audit.record(tx, actor, "attestation.download-session", "session", sessionId);
            return issued;
        });
        List<AttestationPdf.Page> pages = all.stream().map(i -> page(i.subject(), i.result(), i.attestation())).toList();
        LocalDate date = all.isEmpty() ? null : all.getLast().subject().sessionDate();
        return new Document("attestations-" + date + ".pdf", AttestationPdf.render(pages));
    }

    /** Every attestation of a session, one stored PDF per candidate, in a ZIP. */
    Document sessionZip(Principal actor, UUID sessionId) {
        List<Issued> all = transactions.inTransaction(tx -> {
            List<Issued> issued = new ArrayList<>();
            forSession(actor, tx, sessionId, (subject, result) -> issued.add(issued(tx, subject, result)));
            audit.record(tx, actor, "attestation.download-session", "session", sessionId);
            return issued;
        });
        List<Document> documents = stored(all);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < all.size(); i++) {
                Document document = documents.get(i);
                String name = document.fileName();
                for (int n = 2; !names.add(name); n++) {
                    name = document.fileName().replace(".pdf", "-" + n + ".pdf");
                }
                ZipEntry entry = new ZipEntry(name);
                // A fixed time: the same attestations always make the same archive.
                entry.setTimeLocal(all.get(i).subject().sessionDate().atStartOfDay());
                zip.putNextEntry(entry);
                zip.write(document.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalDate date = all.isEmpty() ? null : all.getLast().subject().sessionDate();
        return new Document("attestations-" + date + ".zip", out.toByteArray());
    }

    /** The attestations issued in a session, so staff find the code to give or to revoke. */
    List<ListedAttestation> listSession(Principal actor, UUID sessionId) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            sessions.visible(actor, tx, sessionId);
            List<ListedAttestation> listed = this.subjects.ofSession(tx, sessionId);
            audit.record(tx, actor, "attestation.list", "session", sessionId);
            return listed;
        });
    }

    void revoke(Principal actor, String code, String reason) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        transactions.run(tx -> {
            IssuedAttestation issued = repository.byCode(tx, code)
                    .filter(a -> subjects.subject(tx, a.enrolmentId()).map(s -> actor.managesCenter(s.centerId()))
                            .orElse(false))
                    .orElseThrow(() -> ApiProblem.notFound("Aucune attestation de votre centre ne porte ce code."));
            if (!repository.revoke(tx, issued.id(), reason)) {
                throw ApiProblem.conflict("Cette attestation est déjà révoquée.");
            }
            audit.record(tx, actor, "attestation.revoke", "attestation", issued.id());
        });
    }

    /** The results attestation a results message attaches (issued and kept if needed). */
    Optional<Document> forMessage(UUID enrolmentId) {
        Optional<Issued> issued = transactions.inTransaction(tx -> {
            Optional<CertificationResult> result = results.ofEnrolment(tx, enrolmentId);
            Optional<AttestationSubject> subject = subjects.subject(tx, enrolmentId);
            if (result.isEmpty() || subject.isEmpty()) {
                return Optional.<Issued>empty();
            }
            audit.record(tx, null, "attestation.send", "enrolment", enrolmentId);
            return Optional.of(issued(tx, subject.get(), result.get()));
        });
        return issued.map(i -> stored(List.of(i)).getFirst());
    }

    private interface Each {
        void accept(AttestationSubject subject, CertificationResult result);
    }

    /** The session's candidates who get an attestation: those with results, and those present. */
    private void forSession(Principal actor, DbExecute tx, UUID sessionId, Each each) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        sessions.visible(actor, tx, sessionId);
        Map<UUID, CertificationResult> byEnrolment = new HashMap<>();
        results.ofSession(tx, sessionId).forEach(r -> byEnrolment.put(r.enrolmentId(), r));
        List<AttestationSubject> subjects = new ArrayList<>(this.subjects.presentIn(tx, sessionId));
        Set<UUID> seen = new HashSet<>();
        subjects.forEach(s -> seen.add(s.enrolmentId()));
        for (UUID other : byEnrolment.keySet()) {
            if (!seen.contains(other)) {
                this.subjects.subject(tx, other).ifPresent(subjects::add);
            }
        }
        if (subjects.isEmpty()) {
            throw ApiProblem.conflict("Aucune attestation dans cette session : ni résultats importés ni candidat présent.");
        }
        subjects.forEach(s -> each.accept(s, byEnrolment.get(s.enrolmentId())));
    }

    /** The attestation to give, issued if need be, with its stored PDF if it has one. */
    private Issued issued(DbExecute tx, AttestationSubject subject, CertificationResult result) {
        IssuedAttestation attestation = issue(tx, subject, result);
        return new Issued(subject, result, attestation, repository.pdf(tx, attestation.id()).orElse(null));
    }

    /**
     * The stored PDF of each attestation: those without one are laid out now, outside any
     * transaction, then kept together in one short transaction (where another rendering won a
     * race, that one is read back and given).
     */
    private List<Document> stored(List<Issued> all) {
        Map<UUID, byte[]> rendered = new HashMap<>();
        for (Issued i : all) {
            if (i.pdf() == null) {
                rendered.put(i.attestation().id(), AttestationPdf.render(List.of(page(i.subject(), i.result(), i.attestation()))));
            }
        }
        Map<UUID, byte[]> kept = rendered.isEmpty() ? Map.of() : transactions.inTransaction(tx -> {
            Map<UUID, byte[]> pdfs = new HashMap<>();
            rendered.forEach((id, pdf) -> {
                repository.keepPdf(tx, id, pdf);
                pdfs.put(id, repository.pdf(tx, id).orElseThrow());
            });
            return pdfs;
        });
        return all.stream().map(i -> new Document(fileName(i.subject()),
                i.pdf() != null ? i.pdf() : kept.get(i.attestation().id()))).toList();
    }

    /** The valid attestation of the right kind, issued now under a fresh code if there is none. */
    private IssuedAttestation issue(DbExecute tx, AttestationSubject subject, CertificationResult result) {
        AttestationKind kind = result == null ? AttestationKind.ATTENDANCE
                : AttestationKind.RESULTS;
        Integer version = result == null ? null : result.version();
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            Optional<IssuedAttestation> valid = repository.valid(tx, subject.enrolmentId(), kind);
            if (valid.isPresent() && Objects.equals(valid.get().resultVersion(), version)) {
                return valid.get();
            }
            if (valid.isPresent()) {
                // Results were corrected since: the old attestation no longer holds.
                repository.revoke(tx, valid.get().id(), "Résultats corrigés : une nouvelle attestation remplace celle-ci.");
            }
            repository.issue(tx, codes.verificationCode(), subject.enrolmentId(), kind, version);
        }
        return repository.valid(tx, subject.enrolmentId(), kind)
                .orElseThrow(() -> new IllegalStateException("no verification code could be issued"));
    }

    private AttestationPdf.Page page(AttestationSubject subject, CertificationResult result,
                                     IssuedAttestation issued) {
        return new AttestationPdf.Page(issued.kind(), subject, result, issued.code(), verificationUrl(issued.code()),
                LocalDate.ofInstant(issued.issuedAt(), PARIS));
    }

    /** {@code attestation-<nom>-<prenom>-<date>.pdf}, in plain ASCII so every system keeps the name. */
    static String fileName(AttestationSubject subject) {
        return "attestation-" + Folding.fold(subject.birthName()).replace(' ', '-') + "-"
                + Folding.fold(subject.firstName()).replace(' ', '-') + "-" + subject.sessionDate() + ".pdf";
    }
}
