package fr.jalon.campaigns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The collective results of a campaign, for the whole campaign and for each service of the
 * authority's tree, with every cell under the publishing rules ({@link Disclosure}): participation
 * figures need 11 invited agents, results need 11 agents who shared theirs; shares of 0 % or
 * 100 % are not given; means are rounded. No person can be singled out from it.
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

    /** A competence's mean mastery (percent, assessment) or mean level (profiles collection, one decimal). */
    record Mean(String competence, Integer masteryPercent, BigDecimal level) {
    }

    static CampaignReport of(Campaign campaign, List<ServiceNode> services, List<Participant> participants) {
        Map<UUID, ServiceNode> byId = new HashMap<>();
        services.forEach(s -> byId.put(s.id(), s));
        // Each participant counts in the campaign and in every service above theirs.
        Map<String, List<Participant>> members = new LinkedHashMap<>();
        Map<String, List<Participant>> direct = new HashMap<>();
        members.put(ROOT, new ArrayList<>());
        services.forEach(s -> members.put(s.id().toString(), new ArrayList<>()));
        for (Participant p : participants) {
            members.get(ROOT).add(p);
            ServiceNode node = p.serviceId() == null ? null : byId.get(p.serviceId());
            direct.computeIfAbsent(node == null ? ROOT : node.id().toString(), k -> new ArrayList<>()).add(p);
            while (node != null) {
                members.get(node.id().toString()).add(p);
                node = node.parentId() == null ? null : byId.get(node.parentId());
            }
        }
        List<Disclosure.Group> invited = new ArrayList<>();
        List<Disclosure.Group> sharers = new ArrayList<>();
        invited.add(new Disclosure.Group(ROOT, null, members.get(ROOT).size(), direct.getOrDefault(ROOT, List.of()).size()));
        sharers.add(new Disclosure.Group(ROOT, null, shared(members.get(ROOT)).size(), shared(direct.getOrDefault(ROOT,
                List.of())).size()));
        // Services sorted by path: a parent always comes before its children.
        for (ServiceNode s : services) {
            String key = s.id().toString();
            String parent = s.parentId() == null ? ROOT : s.parentId().toString();
            invited.add(new Disclosure.Group(key, parent, members.get(key).size(), direct.getOrDefault(key, List.of()).size()));
            sharers.add(new Disclosure.Group(key, parent, shared(members.get(key)).size(),
                    shared(direct.getOrDefault(key, List.of())).size()));
        }
        Map<String, Disclosure.Reason> participationWithheld = Disclosure.withheld(invited);
        Map<String, Disclosure.Reason> resultsWithheld = Disclosure.withheld(sharers);
        List<Node> nodes = new ArrayList<>();
        nodes.add(node(campaign, ROOT, "Toute la campagne", 0, members.get(ROOT), participationWithheld, resultsWithheld));
        for (ServiceNode s : services) {
            String key = s.id().toString();
            nodes.add(node(campaign, key, s.path(), s.depth(), members.get(key), participationWithheld, resultsWithheld));
        }
        return new CampaignReport(campaign, nodes);
    }

    private static List<Participant> shared(List<Participant> people) {
        return people.stream().filter(p -> p.participation().status() == ParticipantStatus.SHARED).toList();
    }

    private static Node node(Campaign campaign, String key, String path, int depth, List<Participant> people,
                             Map<String, Disclosure.Reason> participationWithheld,
                             Map<String, Disclosure.Reason> resultsWithheld) {
        Turnout turnout;
        Disclosure.Reason p = participationWithheld.get(key);
        int started = (int) people.stream().filter(x -> x.participation().status() != ParticipantStatus.NOT_STARTED).count();
        List<Participant> sharing = shared(people);
        if (p != null) {
            turnout = new Turnout(null, null, null, null, p.text);
        } else {
            turnout = new Turnout(people.size(), started, sharing.size(),
                    Disclosure.percent(sharing.size(), people.size()), null);
        }
        Disclosure.Reason r = resultsWithheld.get(key);
        Results results = r != null ? new Results(null, List.of(), List.of(), null, null, r.text)
                : campaign.type() == CampaignType.ASSESSMENT ? assessment(sharing) : profiles(sharing);
        return new Node(key, path, depth, turnout, results);
    }

    private static Results assessment(List<Participant> sharing) {
        int[] counts = new int[BANDS.size()];
        for (Participant p : sharing) {
            BigDecimal mastery = p.participation().mastery();
            int band = mastery == null ? 0 : Math.min(BANDS.size() - 1, mastery.movePointRight(2).intValue() / 20);
            counts[band]++;
        }
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < BANDS.size(); i++) {
            bands.add(new Band(BANDS.get(i), Disclosure.percent(counts[i], sharing.size())));
        }
        List<Mean> means = new ArrayList<>();
        competenceNames(sharing).forEach(name -> {
            List<BigDecimal> values = sharing.stream().flatMap(p -> p.participation().competences().stream())
                    .filter(c -> c.name().equals(name) && c.mastery() != null).map(Participation.Competence::mastery)
                    .toList();
            if (values.size() >= Disclosure.MIN_PERSONS) {
                double mean = values.stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
                means.add(new Mean(name, (int) Math.round(mean * 100), null));
            }
        });
        return new Results(sharing.size(), bands, means, null, null, null);
    }

    private static Results profiles(List<Participant> sharing) {
        List<Mean> means = new ArrayList<>();
        competenceNames(sharing).forEach(name -> {
            List<Integer> levels = sharing.stream().flatMap(p -> p.participation().competences().stream())
                    .filter(c -> c.name().equals(name) && c.level() != null).map(Participation.Competence::level).toList();
            if (levels.size() >= Disclosure.MIN_PERSONS) {
                double mean = levels.stream().mapToInt(Integer::intValue).average().orElseThrow();
                means.add(new Mean(name, null, BigDecimal.valueOf(Math.round(mean * 10), 1)));
            }
        });
        List<Integer> pix = sharing.stream().map(p -> p.participation().pixTotal()).filter(x -> x != null).toList();
        Integer meanPix = pix.size() >= Disclosure.MIN_PERSONS
                ? (int) Math.round(pix.stream().mapToInt(Integer::intValue).average().orElseThrow()) : null;
        int certifiable = (int) sharing.stream().filter(p -> Boolean.TRUE.equals(p.participation().certifiable())).count();
        return new Results(sharing.size(), List.of(), means, meanPix, Disclosure.percent(certifiable, sharing.size()), null);
    }

    /** The competences in the order the exports gave them. */
    private static List<String> competenceNames(List<Participant> sharing) {
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        sharing.forEach(p -> p.participation().competences().forEach(c -> {
            if (seen.add(c.name())) {
                names.add(c.name());
            }
        }));
        return names;
    }
}
