package fr.jalon.campaigns;

import java.util.Map;
import java.util.UUID;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.security.Principal;

/** Computes a campaign's report from its participants, in one read; computing it is audited. */
final class CampaignReports {

    private final Transactions transactions;
    private final CampaignDesk campaigns;
    private final CampaignRepository repository;
    private final AuthorityRepository authorities;
    private final AuditLog audit;

    CampaignReports(Transactions transactions, CampaignDesk campaigns, CampaignRepository repository,
                    AuthorityRepository authorities, AuditLog audit) {
        this.transactions = transactions;
        this.campaigns = campaigns;
        this.repository = repository;
        this.authorities = authorities;
        this.audit = audit;
    }

    /** The report as a PDF (with its authority's name); computing it is audited as the report is. */
    byte[] pdf(Principal actor, UUID campaignId) {
        CampaignReport report = report(actor, campaignId);
        String authority = transactions.inTransaction(tx -> authorities.find(tx, report.campaign().authorityId())
                .map(Authority::name).orElse(""));
        // Laid out after the reading's transactions: no pooled connection is held while iText works.
        return ReportPdf.render(report, authority);
    }

    CampaignReport report(Principal actor, UUID campaignId) {
        return transactions.inTransaction(tx -> {
            Campaign campaign = campaigns.get(actor, tx, campaignId);
            CampaignReport report = CampaignReport.of(campaign, authorities.services(tx, campaign.authorityId()),
                    repository.groupTotals(tx, campaign));
            audit.recordCounts(tx, actor, "campaign.report", "campaign", Map.of("groups", report.nodes().size()));
            return report;
        });
    }
}
