package fr.jalon.attestations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ClientAddresses;
import fr.jalon.results.CertificationResult;
import fr.jalon.results.Results;

/**
 * The public check of an attestation by its code, for an employer: only what they need (first
 * name initial and last name, session date, centre, status, score and level, revoked or not).
 * Every request costs the same — a malformed code is looked up like a well-formed one, so answers
 * do not tell codes apart by time — and each client address gets a limited number per minute,
 * counted in the database so that every instance shares the limit.
 */
final class Verification {

    /** Checks per client address and minute: plenty for people, too few to walk the code space. */
    static final int PER_MINUTE = 30;
    /** All clients together: a ceiling that a spread-out scan (many addresses) cannot go through. */
    static final int GLOBAL_PER_MINUTE = 1_200;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** What the public sees of an attestation. */
    record View(String code, boolean results, boolean revoked, LocalDate revokedOn, String holder, LocalDate sessionDate,
                String centre, String status, Integer score, String level) {
    }

    private final Transactions transactions;
    private final AttestationRepository repository;
    private final AttestationSubjectReadModel holders = new AttestationSubjectReadModel();
    private final Results results;
    private final AuditLog audit;
    private final Clock clock;

    Verification(Transactions transactions, AttestationRepository repository, Results results, AuditLog audit, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.results = results;
        this.audit = audit;
        this.clock = clock;
    }

    /** The attestation under {@code rawCode} (as typed or scanned), or empty when no attestation has it. */
    Optional<View> check(String rawCode, String clientAddress) {
        String code = normalize(rawCode);
        return transactions.inTransaction(tx -> {
            if (repository.hit(tx, "verify:*", clock.instant()) > GLOBAL_PER_MINUTE) {
                throw ApiProblem.unavailable("Le service de vérification est très sollicité : réessayez dans une minute.")
                        .retryAfter(60 - clock.instant().atZone(ZoneOffset.UTC).getSecond());
            }
            if (repository.hit(tx, "verify:" + ClientAddresses.limitKey(clientAddress), clock.instant()) > PER_MINUTE) {
                throw ApiProblem.tooManyRequests("Trop de vérifications depuis votre adresse : réessayez dans une minute.")
                        .retryAfter(60 - clock.instant().atZone(ZoneOffset.UTC).getSecond());
            }
            Optional<VerifiedAttestation> found = holders.verify(tx, code);
            if (found.isEmpty()) {
                return Optional.<View>empty();
            }
            VerifiedAttestation v = found.get();
            CertificationResult result = v.kind() == AttestationKind.RESULTS
                    ? results.ofEnrolment(tx, v.enrolmentId()).orElse(null) : null;
            audit.record(tx, null, "attestation.verify", "attestation", v.code());
            return Optional.of(new View(v.code(), result != null, v.revokedAt() != null,
                    v.revokedAt() == null ? null : LocalDate.ofInstant(v.revokedAt(), PARIS),
                    initial(v.firstName()) + " " + v.birthName(), v.sessionDate(), v.centre(),
                    result == null ? "Présence à la session" : result.status().label(),
                    result == null ? null : result.score(), result == null ? null : result.globalLevelLabel()));
        });
    }

    /** Upper case, no spaces, the {@code P-} prefix added if forgotten; anything else is looked up as typed. */
    static String normalize(String raw) {
        String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        if (code.length() > 20) {
            code = code.substring(0, 20);
        }
        return code.startsWith("P-") ? code : "P-" + code;
    }

    private static String initial(String firstName) {
        return firstName.isEmpty() ? "" : firstName.substring(0, firstName.offsetByCodePoints(0, 1)) + ".";
    }
}
