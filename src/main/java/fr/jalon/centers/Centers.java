package fr.jalon.centers;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.territory.Territory;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;

/** The centres feature: its HTTP service and what other features may ask of it. */
public final class Centers {

    private final CenterRepository repository = new CenterRepository();
    private final CentersService service;

    public Centers(DbClient db, Transactions transactions, Territory territory, AuditLog audit, RoomUsage roomUsage,
                   RequestBodies bodies) {
        CenterCatalog catalog = new CenterCatalog(transactions, repository, territory, audit, roomUsage);
        this.service = new CentersService(catalog, db, bodies);
    }

    public ApiRoutes.ApiService httpService() {
        return service;
    }

    public boolean centerExists(DbExecute exec, UUID centerId) {
        return repository.center(exec, centerId).isPresent();
    }

    /** The ids of the centre's sites. */
    public Set<UUID> siteIdsOf(DbExecute exec, UUID centerId) {
        return repository.sites(exec, centerId).stream().map(Site::id).collect(Collectors.toSet());
    }

    /** Candidates per invigilator in the centre's sessions (default 20). */
    public int staffRatio(DbExecute exec, UUID centerId) {
        return repository.center(exec, centerId).map(c -> c.draft().staffRatio()).orElse(20);
    }

    /** The centre's name, as printed on its documents. */
    public Optional<String> name(DbExecute exec, UUID centerId) {
        return repository.center(exec, centerId).map(c -> c.draft().name());
    }

    public Set<Habilitation> habilitations(DbExecute exec, UUID centerId) {
        return repository.center(exec, centerId).map(c -> c.draft().habilitations()).orElse(Set.of());
    }

    /** Every room of a centre with its site, for matching import files by names. */
    public List<RoomPlacement> roomsOf(DbExecute exec, UUID centerId) {
        return repository.placementsOf(exec, centerId);
    }

    /** Where a room is; with {@code lock}, its seats cannot change until the transaction ends. */
    public Optional<RoomPlacement> room(DbExecute exec, UUID roomId, boolean lock) {
        return repository.placement(exec, roomId, lock);
    }
}
