package fr.jalon.invigilators;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.sessions.Sessions;

import io.helidon.dbclient.DbExecute;

/** The centre's invigilator pool: kept by its staff; reads of these people are audited. */
final class InvigilatorDesk {

    private final Transactions transactions;
    private final InvigilatorRepository repository;
    private final PoolPlacesReadModel places = new PoolPlacesReadModel();
    private final Centers centers;
    private final AuditLog audit;
    private final Sessions sessions;

    InvigilatorDesk(Transactions transactions, InvigilatorRepository repository, Centers centers,
                    Sessions sessions, AuditLog audit) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.repository = repository;
        this.centers = centers;
        this.audit = audit;
    }

    Invigilator create(Principal actor, Invigilator draft) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        UUID center = actor.isAdmin() ? draft.centerId() : actor.scopeId();
        if (center == null) {
            throw ApiProblem.invalidField("centerId", "required", "Indiquez le centre (« centerId »).");
        }
        return transactions.inTransaction(tx -> {
            if (!centers.centerExists(tx, center)) {
                throw ApiProblem.invalidField("centerId", "unknown_center", "Ce centre n'existe pas.");
            }
            Invigilator checked = check(tx, withCenter(draft, center));
            UUID id = repository.insert(tx, checked);
            audit.record(tx, actor, "invigilator.create", "invigilator", id);
            return repository.find(tx, id, false).orElseThrow();
        });
    }

    Invigilator replace(Principal actor, UUID id, Invigilator draft) {
        return transactions.inTransaction(tx -> {
            Invigilator current = visible(actor, tx, id, true);
            repository.update(tx, id, check(tx, withCenter(draft, current.centerId())));
            audit.record(tx, actor, "invigilator.update", "invigilator", id);
            return repository.find(tx, id, false).orElseThrow();
        });
    }

    /** Links the invigilator to their INVIGILATOR account, so they see their assignments. */
    Invigilator linkUser(Principal actor, UUID id, UUID userId) {
        return transactions.inTransaction(tx -> {
            Invigilator current = visible(actor, tx, id, true);
            if (userId != null && !places.isInvigilatorUserOf(tx, userId, current.centerId())) {
                throw ApiProblem.invalidField("userId", "not_invigilator_user",
                        "Ce compte n'est pas un compte surveillant (INVIGILATOR) de ce centre.");
            }
            repository.linkUser(tx, id, userId);
            audit.record(tx, actor, "invigilator.link-user", "invigilator", id);
            return repository.find(tx, id, false).orElseThrow();
        });
    }

    Invigilator get(Principal actor, UUID id) {
        return transactions.inTransaction(tx -> {
            Invigilator found = visible(actor, tx, id, false);
            audit.record(tx, actor, "invigilator.read", "invigilator", id);
            return found;
        });
    }

    List<Invigilator> list(Principal actor, UUID centerId, int limit) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        UUID center = actor.isAdmin() ? centerId : actor.scopeId();
        if (center == null) {
            throw ApiProblem.badRequest("Indiquez le centre (paramètre « centerId »).");
        }
        return transactions.inTransaction(tx -> {
            List<Invigilator> found = repository.ofCenter(tx, center, limit);
            found.forEach(i -> audit.record(tx, actor, "invigilator.read", "invigilator", i.id()));
            return found;
        });
    }

    /** A session's staffing need: one invigilator per {@code staffRatio} seated candidates, at least one. */
    record Need(Sessions.SessionKit session, int ratio, int required) {
    }

    List<Need> needs(Principal actor, UUID centerId, LocalDate from, LocalDate to) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        UUID center = actor.isAdmin() ? centerId : actor.scopeId();
        if (center == null) {
            throw ApiProblem.badRequest("Indiquez le centre (paramètre « centerId »).");
        }
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 93) {
            throw ApiProblem.invalidField("to", "invalid_period", "La période va de « from » à « to », 3 mois au plus.");
        }
        return transactions.inTransaction(tx -> {
            StaffingRule rule = new StaffingRule(centers.staffRatio(tx, center));
            return sessions.kitsOfCenter(tx, center, from, to).stream()
                    .map(kit -> new Need(kit, rule.ratio(), rule.required(kit.session().seatsTaken()))).toList();
        });
    }

    /** Rules the form cannot see alone: sites of this centre, an existing home commune. */
    private Invigilator check(DbExecute tx, Invigilator draft) {
        if (draft.siteIds().isEmpty()) {
            throw ApiProblem.invalidField("siteIds", "required", "Un surveillant couvre au moins un site du centre.");
        }
        Set<UUID> ownSites = centers.siteIdsOf(tx, draft.centerId());
        if (!ownSites.containsAll(draft.siteIds())) {
            throw ApiProblem.invalidField("siteIds", "other_center", "Chaque site doit appartenir au centre du surveillant.");
        }
        if (!places.communeExists(tx, draft.homeInsee())) {
            throw ApiProblem.invalidField("homeInsee", "unknown_commune",
                    "La commune de résidence " + draft.homeInsee() + " n'existe pas (code INSEE 2026).");
        }
        return draft;
    }

    private Invigilator visible(Principal actor, DbExecute tx, UUID id, boolean lock) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return repository.find(tx, id, lock).filter(i -> actor.managesCenter(i.centerId()))
                .orElseThrow(() -> ApiProblem.notFound("Aucun surveillant ne correspond à cet identifiant."));
    }

    private static Invigilator withCenter(Invigilator d, UUID center) {
        return new Invigilator(d.id(), center, d.kind(), d.firstName(), d.lastName(), d.email(), d.phone(), d.homeInsee(),
                d.trainedPix(), d.habilitations(), d.maxPerWeek(), d.maxPerMonth(), d.siteIds(), d.weekly(), d.exceptions(),
                d.active());
    }
}
