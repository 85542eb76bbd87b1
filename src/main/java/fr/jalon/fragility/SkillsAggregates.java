package fr.jalon.fragility;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.jalon.platform.disclosure.Disclosure;

/**
 * The skills aggregates of a year from the per-commune totals, under every publishing rule of
 * DESIGN.md ({@link Disclosure}): 11 persons per published cell, secondary suppression between
 * the communes of an EPCI (and the EPCIs of a département), no min/max, no 0 %/100 % share,
 * mean score rounded to the pix, shares to the percent.
 */
final class SkillsAggregates {

    private SkillsAggregates() {
    }

    /** A group's sums (a commune, an EPCI, a département). */
    private static final class Sums {
        final String level;
        final String code;
        final String name;
        final String parent;
        int persons;
        long scoreSum;
        int below3;
        final int[] levels = new int[9];

        Sums(String level, String code, String name, String parent) {
            this.level = level;
            this.code = code;
            this.name = name;
            this.parent = parent;
        }

        void add(ResultsByResidenceReadModel.CommuneTotals t) {
            persons += t.persons();
            scoreSum += t.scoreSum();
            below3 += t.below3();
            for (int l = 0; l < levels.length; l++) {
                levels[l] += t.levels()[l];
            }
        }
    }

    static List<SkillsAggregate> of(List<ResultsByResidenceReadModel.CommuneTotals> totals) {
        Map<String, Sums> groups = new LinkedHashMap<>();
        for (ResultsByResidenceReadModel.CommuneTotals t : totals) {
            String departement = "departement:" + t.departement();
            String epci = t.epci() == null ? null : "epci:" + t.epci();
            groups.computeIfAbsent(departement, k -> new Sums("DEPARTEMENT", t.departement(), "Département " + t.departement(),
                    null)).add(t);
            if (epci != null) {
                groups.computeIfAbsent(epci, k -> new Sums("EPCI", t.epci(), String.valueOf(t.epciName()), departement))
                        .add(t);
            }
            groups.computeIfAbsent("commune:" + t.commune(), k -> new Sums("COMMUNE", t.commune(), t.communeName(),
                    epci != null ? epci : departement)).add(t);
        }
        // Parents first: départements, then EPCIs, then communes.
        List<String> order = new ArrayList<>();
        for (String level : List.of("DEPARTEMENT", "EPCI", "COMMUNE")) {
            groups.forEach((key, s) -> {
                if (s.level.equals(level)) {
                    order.add(key);
                }
            });
        }
        List<Disclosure.Group> disclosure = new ArrayList<>();
        for (String key : order) {
            Sums s = groups.get(key);
            int direct = s.level.equals("COMMUNE") ? s.persons : 0;
            disclosure.add(new Disclosure.Group(key, s.parent, s.persons, direct));
        }
        Map<String, Disclosure.Reason> withheld = Disclosure.withheld(disclosure);
        List<SkillsAggregate> aggregates = new ArrayList<>();
        for (String key : order) {
            Sums s = groups.get(key);
            String parent = s.parent == null ? null : s.parent.substring(s.parent.indexOf(':') + 1);
            Disclosure.Reason reason = withheld.get(key);
            if (reason != null) {
                aggregates.add(new SkillsAggregate(s.level, s.code, s.name, parent, null, null, null, List.of(),
                        reason.text()));
                continue;
            }
            List<Integer> shares = new ArrayList<>();
            for (int level : s.levels) {
                shares.add(Disclosure.percent(level, s.persons));
            }
            aggregates.add(new SkillsAggregate(s.level, s.code, s.name, parent, s.persons,
                    (int) Math.round((double) s.scoreSum / s.persons), Disclosure.percent(s.below3, s.persons), shares, null));
        }
        return aggregates;
    }
}
