package fr.jalon.centers;

import java.util.List;
import java.util.UUID;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.territory.Territory;

import io.helidon.dbclient.DbExecute;

/**
 * Use cases of centres, sites and rooms. Each write runs in one transaction with its audit
 * entry; out-of-scope records answer 404 as if they did not exist.
 */
final class CenterCatalog {

    private final Transactions transactions;
    private final CenterRepository repository;
    private final Territory territory;
    private final AuditLog audit;
    private final RoomUsage roomUsage;

    CenterCatalog(Transactions transactions, CenterRepository repository, Territory territory, AuditLog audit,
                  RoomUsage roomUsage) {
        this.transactions = transactions;
        this.repository = repository;
        this.territory = territory;
        this.audit = audit;
        this.roomUsage = roomUsage;
    }

    Center createCenter(Principal actor, CenterDraft draft) {
        actor.requireRole(Role.ADMIN);
        return transactions.inTransaction(tx -> {
            ensureCenterNameFree(tx, draft.name(), null);
            Center center = repository.insertCenter(tx, draft);
            audit.record(tx, actor, "center.create", "center", center.id());
            return center;
        });
    }

    Center updateCenter(Principal actor, UUID id, CenterDraft draft) {
        actor.requireCenter(id);
        return transactions.inTransaction(tx -> {
            ensureCenterNameFree(tx, draft.name(), id);
            Center center = repository.updateCenter(tx, id, draft).orElseThrow(CenterCatalog::notFound);
            audit.record(tx, actor, "center.update", "center", id);
            return center;
        });
    }

    List<Center> centers(Principal actor, DbExecute exec) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return repository.centers(exec, actor.isAdmin() ? null : actor.scopeId());
    }

    Center center(Principal actor, DbExecute exec, UUID id) {
        actor.requireCenter(id);
        return repository.center(exec, id).orElseThrow(CenterCatalog::notFound);
    }

    Site addSite(Principal actor, UUID centerId, SiteDraft draft) {
        actor.requireCenter(centerId);
        return transactions.inTransaction(tx -> {
            repository.center(tx, centerId).orElseThrow(CenterCatalog::notFound);
            checkSite(tx, centerId, draft, null);
            Site site = repository.insertSite(tx, centerId, draft);
            audit.record(tx, actor, "site.create", "site", site.id());
            return site;
        });
    }

    Site updateSite(Principal actor, UUID siteId, SiteDraft draft) {
        return transactions.inTransaction(tx -> {
            Site existing = site(actor, tx, siteId);
            checkSite(tx, existing.centerId(), draft, siteId);
            Site site = repository.updateSite(tx, siteId, draft).orElseThrow(CenterCatalog::notFound);
            audit.record(tx, actor, "site.update", "site", siteId);
            return site;
        });
    }

    List<Site> sites(Principal actor, DbExecute exec, UUID centerId) {
        center(actor, exec, centerId);
        return repository.sites(exec, centerId);
    }

    Site site(Principal actor, DbExecute exec, UUID siteId) {
        Site site = repository.site(exec, siteId).orElseThrow(CenterCatalog::notFound);
        actor.requireCenter(site.centerId());
        return site;
    }

    Room addRoom(Principal actor, UUID siteId, RoomDraft draft) {
        return transactions.inTransaction(tx -> {
            site(actor, tx, siteId);
            if (repository.roomNameTaken(tx, siteId, draft.name(), null)) {
                throw ApiProblem.invalidField("name", "duplicate", "Ce site a déjà une salle nommée « " + draft.name() + " ».");
            }
            Room room = repository.insertRoom(tx, siteId, draft);
            audit.record(tx, actor, "room.create", "room", room.id());
            return room;
        });
    }

    Room updateRoom(Principal actor, UUID roomId, RoomDraft draft) {
        return transactions.inTransaction(tx -> {
            Room existing = repository.lockRoom(tx, roomId).orElseThrow(CenterCatalog::notFound);
            actor.requireCenter(existing.centerId());
            if (repository.roomNameTaken(tx, existing.siteId(), draft.name(), roomId)) {
                throw ApiProblem.invalidField("name", "duplicate", "Ce site a déjà une salle nommée « " + draft.name() + " ».");
            }
            int booked = roomUsage.largestUpcomingCapacity(tx, roomId);
            if (draft.seats() < booked) {
                throw ApiProblem.conflict("Une session à venir dans cette salle accueille " + booked
                        + " candidats : la salle ne peut pas descendre à " + draft.seats() + " postes.");
            }
            Room room = repository.updateRoom(tx, roomId, draft).orElseThrow(CenterCatalog::notFound);
            audit.record(tx, actor, "room.update", "room", roomId);
            return room;
        });
    }

    List<Room> rooms(Principal actor, DbExecute exec, UUID siteId) {
        site(actor, exec, siteId);
        return repository.rooms(exec, siteId);
    }

    Room room(Principal actor, DbExecute exec, UUID roomId) {
        Room room = repository.room(exec, roomId).orElseThrow(CenterCatalog::notFound);
        actor.requireCenter(room.centerId());
        return room;
    }

    private void ensureCenterNameFree(DbExecute exec, String name, UUID exceptId) {
        if (repository.centerNameTaken(exec, name, exceptId)) {
            throw ApiProblem.invalidField("name", "duplicate", "Un centre porte déjà le nom « " + name + " ».");
        }
    }

    private void checkSite(DbExecute exec, UUID centerId, SiteDraft draft, UUID exceptId) {
        if (territory.currentCommune(draft.communeInsee()).isEmpty()) {
            throw ApiProblem.invalidField("communeInsee", "unknown_commune",
                    "Le code INSEE « " + draft.communeInsee() + " » ne correspond à aucune commune actuelle.");
        }
        if (repository.siteNameTaken(exec, centerId, draft.name(), exceptId)) {
            throw ApiProblem.invalidField("name", "duplicate", "Ce centre a déjà un site nommé « " + draft.name() + " ».");
        }
    }

    private static ApiProblem notFound() {
        return ApiProblem.notFound("Aucune ressource ne correspond à cet identifiant.");
    }
}
