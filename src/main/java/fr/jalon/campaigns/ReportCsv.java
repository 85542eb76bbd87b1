package fr.jalon.campaigns;

import java.nio.charset.StandardCharsets;

import fr.jalon.platform.csv.SpreadsheetSafe;

/** The report as a spreadsheet: one line per figure, withheld figures with their reason, cells made safe. */
final class ReportCsv {

    private ReportCsv() {
    }

    static byte[] of(CampaignReport report) {
        StringBuilder csv = new StringBuilder("\uFEFFGroupe;Indicateur;Valeur;Remarque\r\n");
        for (CampaignReport.Node n : report.nodes()) {
            CampaignReport.Turnout t = n.turnout();
            if (t.withheld() != null) {
                line(csv, n.path(), "Participation", null, t.withheld());
            } else {
                line(csv, n.path(), "Agents invités", t.invited(), null);
                line(csv, n.path(), "Agents ayant commencé", t.started(), null);
                line(csv, n.path(), "Agents ayant partagé", t.shared(), null);
                line(csv, n.path(), "Part ayant partagé (%)", t.sharedPercent(), withheldShare(t.sharedPercent()));
            }
            CampaignReport.Results r = n.results();
            if (r.withheld() != null) {
                line(csv, n.path(), "Résultats", null, r.withheld());
                continue;
            }
            for (CampaignReport.Band b : r.bands()) {
                line(csv, n.path(), "Maîtrise " + b.label() + " (% des agents)", b.percent(), withheldShare(b.percent()));
            }
            for (CampaignReport.Mean m : r.means()) {
                line(csv, n.path(), "Moyenne " + m.competence(), m.masteryPercent() != null ? m.masteryPercent()
                        : m.level(), null);
                for (CampaignReport.Band b : m.levels()) {
                    line(csv, n.path(), m.competence() + " — " + b.label() + " (% des agents)", b.percent(),
                            withheldShare(b.percent()));
                }
            }
            if (r.meanPix() != null) {
                line(csv, n.path(), "Pix moyen", r.meanPix(), null);
            }
        }
        csv.append(";;;").append(SpreadsheetSafe.neutralise(CampaignReport.NOTICE)).append("\r\n");
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String withheldShare(Integer value) {
        return value == null ? "Part nulle, totale ou sans effectif : non publiée." : null;
    }

    private static void line(StringBuilder csv, String group, String indicator, Object value, String remark) {
        csv.append(SpreadsheetSafe.neutralise(group)).append(';').append(SpreadsheetSafe.neutralise(indicator)).append(';')
                .append(value == null ? "" : value).append(';').append(remark == null ? "" : remark).append("\r\n");
    }
}
