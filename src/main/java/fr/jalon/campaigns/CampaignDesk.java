package fr.jalon.campaigns;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.codes.CodeGenerator;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;

/** Use cases of campaigns: created and moved along by HR of their authority, agents invited. */
final class CampaignDesk {

    static final String NOT_FOUND = "Aucune campagne ne correspond à cet identifiant.";

    private final DbClient db;
    private final Transactions transactions;
    private final CampaignRepository campaigns;
    private final AuthorityRepository authorities;
    private final CodeGenerator codes;
    private final AuditLog audit;
    private final CertificationsReadModel certifications = new CertificationsReadModel();

    CampaignDesk(DbClient db, Transactions transactions, CampaignRepository campaigns, AuthorityRepository authorities,
                 CodeGenerator codes, AuditLog audit) {
        this.db = db;
        this.transactions = transactions;
        this.campaigns = campaigns;
        this.authorities = authorities;
        this.codes = codes;
        this.audit = audit;
    }

    Campaign create(Principal actor, CampaignDraft draft) {
        actor.requireRole(Role.ADMIN, Role.HR);
        if (!Scopes.sees(actor, draft.authorityId()) || !authorities.exists(db.execute(), draft.authorityId())) {
            throw ApiProblem.invalidField("authorityId", "unknown_authority", "Cette collectivité n'existe pas.");
        }
        return transactions.inTransaction(tx -> {
            // Codes are drawn among 12 billion: a collision is rare, and a second draw settles it.
            for (int attempt = 0; attempt < 5; attempt++) {
                Optional<UUID> id = campaigns.insert(tx, draft, codes.campaignCode());
                if (id.isPresent()) {
                    audit.record(tx, actor, "campaign.create", "campaign", id.get());
                    return campaigns.find(tx, id.get(), false).orElseThrow();
                }
            }
            throw new IllegalStateException("no free campaign code after 5 draws");
        });
    }

    Campaign get(Principal actor, UUID id) {
        return get(actor, db.execute(), id);
    }

    Campaign get(Principal actor, DbExecute exec, UUID id) {
        return campaigns.find(exec, id, false).filter(c -> Scopes.sees(actor, c.authorityId()))
                .orElseThrow(() -> ApiProblem.notFound(NOT_FOUND));
    }

    List<Campaign> list(Principal actor, int limit) {
        actor.requireRole(Role.ADMIN, Role.HR);
        return campaigns.list(db.execute(), actor.isAdmin() ? null : actor.scopeId(), limit);
    }

    /** Moves the campaign to its next status (open, close, archive); any other move is a conflict. */
    Campaign move(Principal actor, UUID id, CampaignStatus target) {
        return transactions.inTransaction(tx -> {
            Campaign campaign = campaigns.find(tx, id, true).filter(c -> Scopes.sees(actor, c.authorityId()))
                    .orElseThrow(() -> ApiProblem.notFound(NOT_FOUND));
            if (!campaign.status().next().contains(target)) {
                throw ApiProblem.conflict("La campagne est " + campaign.status().label() + " : elle ne peut pas devenir "
                        + target.label() + ".");
            }
            campaigns.setStatus(tx, id, target);
            audit.record(tx, actor, "campaign." + target.name().toLowerCase(), "campaign", id);
            return campaigns.find(tx, id, false).orElseThrow();
        });
    }

    /** Invites agents (all, by service, or a list) while the campaign is in preparation or open. */
    int invite(Principal actor, UUID id, CampaignForms.Invitation who) {
        return transactions.inTransaction(tx -> {
            Campaign campaign = campaigns.find(tx, id, true).filter(c -> Scopes.sees(actor, c.authorityId()))
                    .orElseThrow(() -> ApiProblem.notFound(NOT_FOUND));
            if (campaign.status() != CampaignStatus.DRAFT && campaign.status() != CampaignStatus.OPEN) {
                throw ApiProblem.conflict("La campagne est " + campaign.status().label() + " : on n'y invite plus.");
            }
            int added = campaigns.invite(tx, id, campaign.authorityId(), who);
            audit.recordCounts(tx, actor, "campaign.invite", "campaign", Map.of("invited", added));
            return added;
        });
    }

    /** The participants as HR may see them (results only once shared); reading them is audited. */
    List<Participant> participants(Principal actor, UUID id) {
        return transactions.inTransaction(tx -> {
            Campaign campaign = get(actor, tx, id);
            Map<UUID, AgentCertification> sent = certifications.of(tx, id);
            List<Participant> participants = campaigns.participants(tx, campaign).stream()
                    .map(p -> p.withCertification(sent.get(p.agentId()))).toList();
            audit.recordCounts(tx, actor, "campaign.participants.read", "campaign", Map.of("participants",
                    participants.size()));
            return participants;
        });
    }
}
