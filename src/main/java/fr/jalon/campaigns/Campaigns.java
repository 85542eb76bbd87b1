package fr.jalon.campaigns;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.jalon.candidates.Candidates;
import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.codes.CodeGenerator;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.sessions.Sessions;
import fr.jalon.territory.Territory;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;

/**
 * Skills campaigns of local authorities for their agents (Pix Territoires): authorities and their
 * services, the agent directory, campaigns, participation from Pix Orga's exports, reports that
 * never expose a person, and the way from a campaign to a certification session.
 */
public final class Campaigns {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final AuthorityRepository authorities = new AuthorityRepository();
    private final AgentRepository agents = new AgentRepository();
    private final Transactions transactions;
    private final AuditLog audit;
    private final List<ApiRoutes.ApiService> services;

    public Campaigns(DbClient db, Transactions transactions, Centers centers, Territory territory, Sessions sessions,
                     Candidates candidates, AuditLog audit, RequestBodies bodies, CodeGenerator codes, Clock clock) {
        this.transactions = transactions;
        this.audit = audit;
        CampaignRepository campaigns = new CampaignRepository();
        CampaignDesk desk = new CampaignDesk(db, transactions, campaigns, authorities, codes, audit);
        this.services = List.of(
                new AuthoritiesService(new AuthorityDesk(db, transactions, authorities, centers, territory, audit, sessions, clock),
                        new AgentDirectory(db, transactions, authorities, agents, audit, clock), bodies),
                new CampaignsService(desk, new ParticipationImport(transactions, campaigns, audit),
                        new CampaignReports(transactions, desk, campaigns, authorities, audit),
                        new CertificationDispatch(transactions, campaigns, authorities, agents, sessions, candidates, audit,
                                clock), bodies));
    }

    public List<ApiRoutes.ApiService> httpServices() {
        return services;
    }

    /** Whether this local authority exists (for the users' HR scope). */
    public boolean authorityExists(DbExecute exec, UUID authorityId) {
        return authorities.exists(exec, authorityId);
    }

    /** What other features keep about agents and erase with them (the outbox's delivery errors). */
    @FunctionalInterface
    public interface AgentEraser {
        int erase(DbExecute tx, List<UUID> agentIds);
    }

    /**
     * Retention: agents who left more than {@code months} ago are anonymised, and what other
     * features keep about them erased in the same transaction; returns a summary.
     */
    public String purge(int months, AgentEraser others) {
        int anonymised = transactions.inTransaction(tx -> {
            List<UUID> ids = agents.anonymiseLeft(tx, months);
            int messages = others.erase(tx, ids);
            audit.recordCounts(tx, null, "retention.purge", "agents", Map.of("agents", ids.size(), "notifications",
                    messages));
            return ids.size();
        });
        return anonymised + " agent(s) parti(s) anonymisé(s)";
    }
}
