package fr.jalon.campaigns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ProblemList;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.text.Folding;
import fr.jalon.platform.validation.FieldError;

/**
 * Imports a Pix Orga export into a campaign: each row is matched to an invited agent by the
 * external id (the employee number), else by folded names when exactly one participant bears
 * them. A row matching nobody is reported, never created. A file with an unreadable cell or
 * another campaign's code is refused whole. The same export again changes nothing.
 */
final class ParticipationImport {

    private final Transactions transactions;
    private final CampaignRepository campaigns;
    private final AuditLog audit;

    ParticipationImport(Transactions transactions, CampaignRepository campaigns, AuditLog audit) {
        this.transactions = transactions;
        this.campaigns = campaigns;
        this.audit = audit;
    }

    ParticipationReport importFile(Principal actor, UUID campaignId, byte[] file) {
        return transactions.inTransaction(tx -> {
            Campaign campaign = campaigns.find(tx, campaignId, true)
                    .filter(c -> Scopes.sees(actor, c.authorityId()))
                    .orElseThrow(() -> ApiProblem.notFound(CampaignDesk.NOT_FOUND));
            if (campaign.status() == CampaignStatus.DRAFT || campaign.status() == CampaignStatus.ARCHIVED) {
                throw ApiProblem.conflict("La campagne est " + campaign.status().label()
                        + " : on n'y importe des résultats qu'une fois ouverte, et jusqu'à son archivage.");
            }
            PixOrgaExport.Content content = PixOrgaExport.read(file, campaign);
            List<FieldError> errors = new ProblemList(content.errors());
            Map<String, CampaignRepository.Matchable> byNumber = new HashMap<>();
            Map<String, List<CampaignRepository.Matchable>> byName = new HashMap<>();
            for (CampaignRepository.Matchable p : campaigns.matchable(tx, campaignId)) {
                byNumber.put(p.employeeNumber().toUpperCase(Locale.ROOT), p);
                byName.computeIfAbsent(nameKey(p.birthName(), p.firstName()), k -> new ArrayList<>()).add(p);
            }
            Map<UUID, Integer> seen = new HashMap<>();
            List<UUID> agents = new ArrayList<>();
            List<Participation> participations = new ArrayList<>();
            List<ParticipationReport.Unmatched> unmatched = new ArrayList<>();
            int unchanged = 0;
            for (PixOrgaExport.Row row : content.rows()) {
                CampaignRepository.Matchable match = row.externalId() == null ? null
                        : byNumber.get(row.externalId().toUpperCase(Locale.ROOT));
                if (match == null) {
                    List<CampaignRepository.Matchable> named = byName.getOrDefault(nameKey(row.lastName(), row.firstName()),
                            List.of());
                    if (named.size() == 1) {
                        match = named.getFirst();
                    } else {
                        unmatched.add(new ParticipationReport.Unmatched(row.line(), row.externalId(), named.isEmpty()
                                ? "Aucun agent invité à la campagne ne correspond à cette ligne."
                                : "Plusieurs agents invités portent ce nom : renseignez l'identifiant externe."));
                        continue;
                    }
                }
                Integer first = seen.putIfAbsent(match.agentId(), row.line());
                if (first != null) {
                    errors.add(new FieldError(row.line(), "Nom du Participant", "duplicate_participant",
                            "Ce participant figure déjà ligne " + first + "."));
                    continue;
                }
                String fingerprint = row.participation().fingerprint();
                if (fingerprint.equals(match.fingerprint())) {
                    unchanged++;
                    continue;
                }
                agents.add(match.agentId());
                participations.add(row.participation());
            }
            if (!errors.isEmpty()) {
                throw new ImportRejected(errors);
            }
            campaigns.setCompetences(tx, campaignId, content.competences());
            campaigns.record(tx, campaignId, agents, participations);
            audit.recordCounts(tx, actor, "campaign.participation", "campaign", Map.of("updated", agents.size(),
                    "unchanged", unchanged, "unmatched", unmatched.size()));
            return new ParticipationReport(content.rows().size(), agents.size(), unchanged, unmatched);
        });
    }

    private static String nameKey(String lastName, String firstName) {
        return Folding.fold(String.valueOf(lastName)) + "|" + Folding.fold(String.valueOf(firstName));
    }
}
