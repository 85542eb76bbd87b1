package fr.jalon.campaigns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.jalon.platform.disclosure.Disclosure;

/**
 * The collective results of a campaign, for the whole campaign and for each service of the
 * authority's tree, with every cell under the publishing rules ({@link Disclosure}): participation
 * figures need 11 invited agents, results need 11 agents who shared theirs; shares of 0 % or
 * 100 % are not given; means are rounded. No person can be singled out from it. PostgreSQL sums
 * the participants of each service; the sums are then rolled up the tree.
 */
record CampaignReport(Campaign campaign, List<Node> nodes) {

    /** Whoever shares results chose to: they are not a random sample of the agents. */
    static final String NOTICE = "Les agents qui partagent leurs résultats ne forment pas un échantillon représentatif de "
            + "tous les agents : ces chiffres décrivent ceux qui ont participé et partagé, pas l'ensemble de la collectivité.";
    static final String ROOT = "campagne";
    static final List<String> BANDS = List.of("0 à 20 %", "20 à 40 %", "40 à 60 %", "60 à 80 %", "80 à 100 %");

    /** One group of the report; a null figure is withheld, with its reason. */
    record Node(String key, String path, int depth, Turnout turnout, Results results) {
    }

    /** Invited, started and shared counts, and the share who shared. */
    record Turnout(Integer invited, Integer started, Integer shared, Integer sharedPercent, String withheld) {
    }

    /** Mastery bands (assessment) and means per competence, or null with the reason they are withheld. */
    record Results(Integer sharers, List<Band> bands, List<Mean> means, Integer meanPix, Integer certifiablePercent,
                   String withheld) {
    }

    /** A band's share of the sharers, or null when it would be 0 % or 100 %. */
    record Band(String label, Integer percent) {
    }

    /**
     * A competence's mean mastery (percent, assessment), or its mean level (one decimal) and the
     * share of sharers at levels 0–1, 2–3, 4–5 and 6–8 (profiles collection; null where 0 % or 100 %).
     */
    record Mean(String competence, Integer masteryPercent, BigDecimal level, List<Band> levels) {
    }

    static final List<String> LEVEL_BANDS = List.of("niveaux 0 et 1", "niveaux 2 et 3", "niveaux 4 et 5",
            "niveaux 6 à 8");

    /** What one group adds up: its services' totals and those of the agents attached to it directly. */
    private static final class Tally {
        int invited;
        int started;
        int shared;
        int direct;
        int directShared;
        int certifiable;
        long pixSum;
        int pixCount;
        final int[] bands = new int[BANDS.size()];
        final double[] sums;
        final int[] counts;
        final int[][] levelBands;

        Tally(int competences) {
            sums = new double[competences];
            counts = new int[competences];
            levelBands = new int[competences][GroupTotals.LEVEL_BANDS];
        }

        void add(GroupTotals g) {
            invited += g.invited();
            started += g.started();
            shared += g.shared();
            certifiable += g.certifiable();
            pixSum += g.pixSum();
            pixCount += g.pixCount();
            for (int b = 0; b < bands.length; b++) {
                bands[b] += g.bands()[b];
            }
            for (int i = 0; i < sums.length && i < g.sums().length; i++) {
                sums[i] += g.sums()[i];
                counts[i] += g.counts()[i];
                for (int b = 0; b < GroupTotals.LEVEL_BANDS; b++) {
                    levelBands[i][b] += g.levelBands()[i][b];
                }
            }
        }
    }

    /** The report from the sums of each service ({@link GroupTotals}), rolled up the tree. */
    static CampaignReport of(Campaign campaign, List<ServiceNode> services, List<GroupTotals> totals) {
        boolean assessment = campaign.type() == CampaignType.ASSESSMENT;
        List<String> competences = campaign.competences();
        Map<UUID, ServiceNode> byId = new HashMap<>();
        services.forEach(s -> byId.put(s.id(), s));
        Map<String, Tally> tallies = new LinkedHashMap<>();
        tallies.put(ROOT, new Tally(competences.size()));
        services.forEach(s -> tallies.put(s.id().toString(), new Tally(competences.size())));
        for (GroupTotals g : totals) {
            ServiceNode node = g.serviceId() == null ? null : byId.get(g.serviceId());
            Tally own = tallies.get(node == null ? ROOT : node.id().toString());
            own.direct += g.invited();
            own.directShared += g.shared();
            tallies.get(ROOT).add(g);
            while (node != null) {
                tallies.get(node.id().toString()).add(g);
                node = node.parentId() == null ? null : byId.get(node.parentId());
            }
        }
        // Services sorted by path: a parent always comes before its children.
        List<Disclosure.Group> invited = new ArrayList<>();
        List<Disclosure.Group> sharers = new ArrayList<>();
        tallies.forEach((key, t) -> {
            ServiceNode s = key.equals(ROOT) ? null : byId.get(UUID.fromString(key));
            String parent = s == null ? null : s.parentId() == null ? ROOT : s.parentId().toString();
            invited.add(new Disclosure.Group(key, parent, t.invited, t.direct));
            sharers.add(new Disclosure.Group(key, parent, t.shared, t.directShared));
        });
        Map<String, Disclosure.Reason> turnoutWithheld = Disclosure.withheld(invited);
        Map<String, Disclosure.Reason> resultsWithheld = Disclosure.withheld(sharers);
        List<Node> nodes = new ArrayList<>();
        tallies.forEach((key, t) -> {
            ServiceNode s = key.equals(ROOT) ? null : byId.get(UUID.fromString(key));
            nodes.add(new Node(key, s == null ? "Toute la campagne" : s.path(), s == null ? 0 : s.depth(),
                    turnout(t, turnoutWithheld.get(key)), results(t, resultsWithheld.get(key), assessment, competences)));
        });
        return new CampaignReport(campaign, nodes);
    }

    private static Turnout turnout(Tally t, Disclosure.Reason withheld) {
        return withheld != null ? new Turnout(null, null, null, null, withheld.text())
                : new Turnout(t.invited, t.started, t.shared, Disclosure.percent(t.shared, t.invited), null);
    }

    private static Results results(Tally t, Disclosure.Reason withheld, boolean assessment, List<String> competences) {
        if (withheld != null) {
            return new Results(null, List.of(), List.of(), null, null, withheld.text());
        }
        List<Mean> means = new ArrayList<>();
        for (int i = 0; i < competences.size(); i++) {
            if (t.counts[i] >= Disclosure.MIN_PERSONS) {
                double mean = t.sums[i] / t.counts[i];
                if (assessment) {
                    means.add(new Mean(competences.get(i), (int) Math.round(mean * 100), null, List.of()));
                } else {
                    List<Band> levels = new ArrayList<>();
                    for (int b = 0; b < GroupTotals.LEVEL_BANDS; b++) {
                        levels.add(new Band(LEVEL_BANDS.get(b), Disclosure.percent(t.levelBands[i][b], t.counts[i])));
                    }
                    means.add(new Mean(competences.get(i), null, BigDecimal.valueOf(Math.round(mean * 10), 1), levels));
                }
            }
        }
        if (!assessment) {
            Integer meanPix = t.pixCount >= Disclosure.MIN_PERSONS ? (int) Math.round((double) t.pixSum / t.pixCount) : null;
            return new Results(t.shared, List.of(), means, meanPix, Disclosure.percent(t.certifiable, t.shared), null);
        }
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < BANDS.size(); i++) {
            bands.add(new Band(BANDS.get(i), Disclosure.percent(t.bands[i], t.shared)));
        }
        return new Results(t.shared, bands, means, null, null, null);
    }
}
