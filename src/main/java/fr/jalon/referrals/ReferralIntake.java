package fr.jalon.referrals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.JsonText;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.validation.FieldError;

/**
 * Receiving referrals: one at a time under an optional Idempotency-Key (the key, the person, the
 * referral and its change are one transaction, so a retry replays the first answer), or a batch
 * recorded all or nothing with each faulty line named.
 */
final class ReferralIntake {

    /** What to answer: the stored or new body, and whether it is a replay. */
    record Answer(int status, String body, UUID referralId, boolean replayed) {
    }

    /** A line of a batch, already read into an intake. */
    record BatchLine(int number, ReferralDesk.Intake intake) {
    }

    private final Transactions transactions;
    private final ReferralDesk desk;
    private final IdempotencyKeyRepository keys;

    ReferralIntake(Transactions transactions, ReferralDesk desk, IdempotencyKeyRepository keys) {
        this.transactions = transactions;
        this.desk = desk;
        this.keys = keys;
    }

    Answer refer(Principal actor, ReferralDesk.Intake intake, Optional<String> key, String requestHash) {
        actor.requireRole(Role.ADVISER);
        return transactions.inTransaction(tx -> {
            if (key.isPresent()) {
                Optional<IdempotencyKeyRepository.Earlier> earlier = keys.claim(tx, actor.scopeId(), key.get(), requestHash);
                if (earlier.isPresent()) {
                    return switch (earlier.get()) {
                        case IdempotencyKeyRepository.Replay replay -> new Answer(replay.status(), replay.body(), null, true);
                        case IdempotencyKeyRepository.Mismatch m -> throw ApiProblem.invalidField("Idempotency-Key", "reused",
                                "Cette clé d'idempotence a déjà servi pour une autre demande.");
                    };
                }
            }
            Referral referral = desk.refer(actor, tx, intake);
            String body = JsonText.write(ReferralJson.referral(referral));
            key.ifPresent(k -> keys.answer(tx, actor.scopeId(), k, 201, body));
            return new Answer(201, body, referral.id(), false);
        });
    }

    /** Records every line in one transaction; the first refused line rolls all back, named by its number. */
    List<Referral> referAll(Principal actor, List<BatchLine> lines) {
        actor.requireRole(Role.ADVISER);
        return transactions.inTransaction(tx -> {
            List<Referral> referrals = new ArrayList<>();
            for (BatchLine line : lines) {
                try {
                    referrals.add(desk.refer(actor, tx, line.intake()));
                } catch (ApiProblem problem) {
                    throw ApiProblem.validation(atLine(line.number(), problem));
                }
            }
            return referrals;
        });
    }

    /** The digest of a request body, stored with its Idempotency-Key to tell a retry from another request. */
    static String requestHash(String body) {
        return IdempotencyKeyRepository.hash(body);
    }

    /** A problem's errors, each tagged with the file line it comes from. */
    static List<FieldError> atLine(int line, ApiProblem problem) {
        if (problem.errors().isEmpty()) {
            return List.of(new FieldError(line, "(ligne)", problem.type(), "Ligne " + line + " : " + problem.getMessage()));
        }
        return problem.errors().stream()
                .map(e -> new FieldError(line, e.field(), e.code(), "Ligne " + line + " : " + e.message())).toList();
    }
}
