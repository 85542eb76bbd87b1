package fr.jalon.referrals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import fr.jalon.candidates.Candidates;
import fr.jalon.candidates.EnrolmentStatus;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.calendar.HalfDay;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;

import io.helidon.dbclient.DbExecute;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * The referral workflow (DESIGN.md): an adviser refers a person; the centre accepts (enrols),
 * refuses or postpones; the adviser may cancel while it is open; then the referral follows its
 * enrolment. Every change is logged for the adviser's feed, webhook and e-mail, in its own
 * transaction. Advisers see their organisation's referrals, staff their centre's; others get 404.
 */
final class ReferralDesk {

    /** What an intake carries, checked. */
    record Intake(UUID centerId, Candidates.PersonDetails person, String certification, String targetLevel,
                  JsonObject constraints, List<String> communes, List<String> epcis, String referentName,
                  String referentEmail, String note) {
    }

    private final Transactions transactions;
    private final ReferralRepository referrals;
    private final ReferralPlacesReadModel places = new ReferralPlacesReadModel();
    private final OrganisationRepository organisations;
    private final ChangeLogRepository changes;
    private final Candidates candidates;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration expiry;

    ReferralDesk(Transactions transactions, ReferralRepository referrals, OrganisationRepository organisations,
                 ChangeLogRepository changes, Candidates candidates, AuditLog audit, Clock clock, Duration expiry) {
        this.transactions = transactions;
        this.referrals = referrals;
        this.organisations = organisations;
        this.changes = changes;
        this.candidates = candidates;
        this.audit = audit;
        this.clock = clock;
        this.expiry = expiry;
    }

    /** Records a referral in the caller's transaction (the idempotency key is claimed in it too). */
    Referral refer(Principal actor, DbExecute tx, Intake intake) {
        actor.requireRole(Role.ADVISER);
        Organisation organisation = organisations.find(tx, actor.scopeId()).orElseThrow();
        UUID center = intake.centerId() != null ? intake.centerId()
                : organisation.centerIds().size() == 1 ? organisation.centerIds().getFirst() : null;
        if (center == null) {
            throw ApiProblem.invalidField("centerId", "required",
                    "Votre structure oriente vers plusieurs centres : indiquez « centerId ».");
        }
        if (!organisation.centerIds().contains(center)) {
            throw ApiProblem.invalidField("centerId", "not_partner", "Votre structure n'oriente pas vers ce centre.");
        }
        List<String> unknown = places.unknownPlaces(tx, intake.communes(), intake.epcis());
        if (!unknown.isEmpty()) {
            throw ApiProblem.invalidField("constraints.mobility", "unknown_place",
                    "Commune ou EPCI inconnu (codes INSEE de 2026, SIREN d'EPCI) : " + String.join(", ", unknown) + ".");
        }
        String flag = null;
        if ((!intake.communes().isEmpty() || !intake.epcis().isEmpty())
                && !places.reachable(tx, center, intake.communes(), intake.epcis())) {
            flag = "Aucun site du centre n'est dans les communes ou EPCI indiqués comme accessibles : mobilité à voir.";
        }
        // The person belongs to the receiving centre; the adviser sees only the name they sent.
        UUID person = candidates.findOrCreatePerson(actor, tx, center, intake.person());
        UUID id = referrals.insert(tx, organisation.id(), center, person, intake.person().displayName(), actor.userId(),
                intake.referentName(),
                intake.referentEmail(), intake.certification(), intake.targetLevel(), intake.constraints(), flag,
                intake.note(), clock.instant());
        audit.record(tx, actor, "referral.create", "referral", id);
        return logged(tx, id, "referral.created");
    }

    Referral get(Principal actor, UUID id) {
        return transactions.inTransaction(tx -> {
            Referral referral = visible(actor, tx, id, false);
            audit.record(tx, actor, "referral.read", "referral", id);
            return referral;
        });
    }

    /**
     * The convocation of a referred person enrolled in a session to come, for the adviser (to
     * print or forward) and the centre; audited as a read of the referral.
     */
    Convocation convocation(Principal actor, UUID id) {
        return transactions.inTransaction(tx -> {
            Referral referral = visible(actor, tx, id, false);
            Convocation convocation = Optional.ofNullable(referral.sessionId())
                    .flatMap(session -> places.convocation(tx, session, referral.personName()))
                    .orElseThrow(() -> ApiProblem.conflict("Pas de convocation : la personne n'est inscrite à aucune "
                            + "session à venir."));
            audit.record(tx, actor, "referral.convocation", "referral", id);
            return convocation;
        });
    }

    List<Referral> list(Principal actor, String status, int limit) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF, Role.ADVISER);
        return transactions.inTransaction(tx -> {
            List<Referral> found = referrals.list(tx, actor.role() == Role.ADVISER ? actor.scopeId() : null,
                    actor.role() == Role.CENTER_STAFF ? actor.scopeId() : null, status, limit);
            found.forEach(r -> audit.record(tx, actor, "referral.read", "referral", r.id()));
            return found;
        });
    }

    /** Sessions to offer: upcoming, with a free seat, fitting the person's constraints, soonest first. */
    List<Proposal> proposals(Principal actor, UUID id, int limit) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            Referral referral = visible(actor, tx, id, false);
            SessionFit fit = fitOf(referral.constraints());
            return places.openSessions(tx, referral.centerId(), 1_000).stream()
                    .filter(p -> fit.fits(p.candidate())).limit(limit).toList();
        });
    }

    private static SessionFit fitOf(JsonObject constraints) {
        JsonObject mobility = constraints.getJsonObject("mobility");
        List<String> communes = mobility == null ? List.of()
                : mobility.getJsonArray("communes").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList();
        List<String> epcis = mobility == null ? List.of()
                : mobility.getJsonArray("epcis").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList();
        Set<HalfDay> availability = EnumSet.noneOf(HalfDay.class);
        if (constraints.containsKey("availability")) {
            constraints.getJsonArray("availability").getValuesAs(JsonString.class)
                    .forEach(v -> availability.add(HalfDay.valueOf(v.getString())));
        }
        return new SessionFit(communes, epcis, availability, constraints.containsKey("accessibility"));
    }

    /** The centre accepts: the person is enrolled in the session, in the same transaction. */
    Referral accept(Principal actor, UUID id, UUID sessionId) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            Referral referral = open(actor, tx, id);
            Candidates.ReferredEnrolment enrolment = candidates.enrolReferred(actor, tx, sessionId, referral.personId(), id);
            referrals.accept(tx, id, enrolment.enrolmentId());
            audit.record(tx, actor, "referral.accept", "referral", id);
            return logged(tx, id, "referral.accepted");
        });
    }

    Referral refuse(Principal actor, UUID id, RefusalReason reason, String text, boolean shared) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        if (reason == RefusalReason.OTHER && (text == null || text.isBlank())) {
            throw ApiProblem.invalidField("text", "required", "Précisez le motif « autre » dans « text ».");
        }
        return transactions.inTransaction(tx -> {
            open(actor, tx, id);
            referrals.decide(tx, id, ReferralStatus.REFUSED, reason, text, shared, null);
            audit.record(tx, actor, "referral.refuse", "referral", id);
            return logged(tx, id, "referral.refused");
        });
    }

    Referral postpone(Principal actor, UUID id, LocalDate until, String text) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        if (until != null && !until.isAfter(LocalDate.now(clock))) {
            throw ApiProblem.invalidField("until", "past", "La date de report doit être dans le futur.");
        }
        return transactions.inTransaction(tx -> {
            open(actor, tx, id);
            referrals.decide(tx, id, ReferralStatus.POSTPONED, null, text, null, until);
            audit.record(tx, actor, "referral.postpone", "referral", id);
            return logged(tx, id, "referral.postponed");
        });
    }

    /** The adviser withdraws a referral the centre has not accepted yet. */
    Referral cancel(Principal actor, UUID id, String text) {
        actor.requireRole(Role.ADVISER, Role.ADMIN);
        return transactions.inTransaction(tx -> {
            open(actor, tx, id);
            referrals.decide(tx, id, ReferralStatus.CANCELLED, null, text, null, null);
            audit.record(tx, actor, "referral.cancel", "referral", id);
            return logged(tx, id, "referral.cancelled");
        });
    }

    /** Follows an enrolment's change (convoked, attended, absent, cancelled) for the referral behind it. */
    void enrolmentChanged(DbExecute tx, UUID enrolmentId, EnrolmentStatus enrolmentStatus) {
        ReferralStatus.following(enrolmentStatus).ifPresent(status -> referrals.referralOfEnrolment(tx, enrolmentId)
                .ifPresent(id -> {
                    referrals.follow(tx, id, status);
                    logged(tx, id, "referral." + status.name().toLowerCase(Locale.ROOT));
                }));
    }

    /**
     * Results arrived for the enrolment behind a referral: it becomes CERTIFIED with the result
     * summary (status, score, level), in the caller's transaction (the results import's).
     */
    /** Results reached some enrolments: those behind a referral make it CERTIFIED (one query for the others). */
    void certified(DbExecute tx, Set<UUID> enrolmentIds, Function<UUID, JsonObject> summaryOf) {
        referrals.referralsOfEnrolments(tx, enrolmentIds).forEach((enrolmentId, id) -> {
            referrals.certify(tx, id, summaryOf.apply(enrolmentId));
            logged(tx, id, "referral.certified");
        });
    }

    /** NEW referrals nobody handled within the limit expire (job "referral-expiry"). */
    int expire(Instant now) {
        return transactions.inTransaction(tx -> {
            List<UUID> expired = referrals.expire(tx, now.minus(expiry));
            expired.forEach(id -> logged(tx, id, "referral.expired"));
            return expired.size();
        });
    }

    /** Reminds centres of referrals waiting for a week (job "referral-expiry", after expiring). */
    int remindCentres(OutcomeDelivery outcomes, Instant now) {
        return transactions.inTransaction(tx -> {
            try {
                return outcomes.remindCentres(tx, referrals, now);
            } catch (Exception e) {
                throw new IllegalStateException("Rappel aux centres non envoyé (" + e.getClass().getSimpleName() + ")", e);
            }
        });
    }

    private Referral logged(DbExecute tx, UUID id, String event) {
        Referral referral = referrals.find(tx, id).orElseThrow();
        changes.record(tx, id, referral.organisationId(), event, ReferralJson.referral(referral));
        return referral;
    }

    private Referral open(Principal actor, DbExecute tx, UUID id) {
        Referral referral = visible(actor, tx, id, true);
        if (!referral.status().open()) {
            throw ApiProblem.conflict("Cette orientation est déjà traitée (statut " + referral.status() + ").");
        }
        return referral;
    }

    private Referral visible(Principal actor, DbExecute tx, UUID id, boolean lock) {
        return (lock ? referrals.lock(tx, id) : referrals.find(tx, id))
                .filter(r -> switch (actor.role()) {
                    case ADMIN -> true;
                    case ADVISER -> r.organisationId().equals(actor.scopeId());
                    case CENTER_STAFF -> r.centerId().equals(actor.scopeId());
                    default -> false;
                })
                .orElseThrow(() -> ApiProblem.notFound("Aucune orientation ne correspond à cet identifiant."));
    }
}
