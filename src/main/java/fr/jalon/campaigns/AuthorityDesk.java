package fr.jalon.campaigns;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.validation.FieldError;
import fr.jalon.sessions.SessionStatus;
import fr.jalon.sessions.SessionView;
import fr.jalon.sessions.Sessions;
import fr.jalon.territory.Territory;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;

/** Use cases of local authorities: registered by an administrator, read by their HR, their services. */
final class AuthorityDesk {

    static final String NOT_FOUND = "Aucune collectivité ne correspond à cet identifiant.";

    private final DbClient db;
    private final Transactions transactions;
    private final AuthorityRepository authorities;
    private final Centers centers;
    private final Territory territory;
    private final AuditLog audit;
    private final Sessions sessions;
    private final Clock clock;

    AuthorityDesk(DbClient db, Transactions transactions, AuthorityRepository authorities, Centers centers,
                  Territory territory, AuditLog audit, Sessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
        this.db = db;
        this.transactions = transactions;
        this.authorities = authorities;
        this.centers = centers;
        this.territory = territory;
        this.audit = audit;
    }

    Authority create(Principal actor, AuthorityDraft draft) {
        actor.requireRole(Role.ADMIN);
        List<FieldError> errors = new ArrayList<>();
        if (draft.territoryCode() != null) {
            boolean known = draft.territoryCode().length() == 5 ? territory.currentCommune(draft.territoryCode()).isPresent()
                    : territory.epci(draft.territoryCode()).isPresent();
            if (!known) {
                errors.add(FieldError.of("territoryCode", "unknown_territory",
                        "Ni une commune actuelle (code INSEE) ni un EPCI (SIREN) ne porte ce code."));
            }
        }
        return transactions.inTransaction(tx -> {
            draft.centerIds().stream().filter(id -> !centers.centerExists(tx, id)).findFirst().ifPresent(id ->
                    errors.add(FieldError.of("centerIds", "unknown_center", "Le centre " + id + " n'existe pas.")));
            if (!errors.isEmpty()) {
                throw ApiProblem.validation(errors);
            }
            UUID id = authorities.insert(tx, draft);
            audit.record(tx, actor, "authority.create", "authority", id);
            return authorities.find(tx, id).orElseThrow();
        });
    }

    Authority get(Principal actor, UUID id) {
        Scopes.requireAuthority(actor, id, NOT_FOUND);
        return authorities.find(db.execute(), id).orElseThrow(() -> ApiProblem.notFound(NOT_FOUND));
    }

    List<Authority> list(Principal actor, int limit) {
        actor.requireRole(Role.ADMIN, Role.HR);
        return authorities.list(db.execute(), actor.isAdmin() ? null : actor.scopeId(), limit);
    }

    /**
     * The scheduled sessions of the centres the authority works with, in the next {@code days}
     * days, that still have free seats: where HR may send agents.
     */
    List<SessionView> partnerSessions(Principal actor, UUID authorityId, int days) {
        Authority authority = get(actor, authorityId);
        LocalDate today = LocalDate.now(clock.withZone(Campaigns.PARIS));
        DbExecute exec = db.execute();
        return authority.centerIds().stream()
                .flatMap(center -> sessions.ofCenter(exec, center, today.plusDays(1), today.plusDays(days)).stream())
                .filter(s -> s.status() == SessionStatus.SCHEDULED && s.freeSeats() > 0)
                .sorted(Comparator.comparing((SessionView s) -> s.slot().date()).thenComparing(s -> s.slot().startTime()))
                .toList();
    }

    List<ServiceNode> services(Principal actor, UUID authorityId) {
        get(actor, authorityId);
        return authorities.services(db.execute(), authorityId);
    }

    ServiceNode addService(Principal actor, UUID authorityId, List<String> names) {
        get(actor, authorityId);
        return transactions.inTransaction(tx -> {
            ServiceNode node = authorities.ensureService(tx, authorityId, names);
            audit.record(tx, actor, "authority.service", "authority", authorityId);
            return node;
        });
    }
}
