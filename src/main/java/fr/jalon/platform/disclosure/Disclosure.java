package fr.jalon.platform.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The publishing rules of DESIGN.md for aggregates of people, as pure functions (campaign
 * reports, the skills aggregates of the fragility index). A group (the
 * campaign, a direction, a service, a unit) is published only with at least {@link #MIN_PERSONS}
 * distinct persons. Then, under each published group, what is left unpublished — small child
 * groups, and the people attached to the group itself rather than to a child — must not be
 * recoverable by subtracting the published children from the parent: while it holds 1 to 10
 * persons, the smallest published child is withheld too (secondary suppression).
 */
public final class Disclosure {

    public static final int MIN_PERSONS = 11;

    /** Why a group's figures are withheld, said next to the empty cell. */
    public enum Reason {
        TOO_FEW("Moins de " + MIN_PERSONS + " personnes : non publié."),
        SECONDARY("Masqué pour qu'il ne puisse pas être déduit du total et des autres chiffres publiés.");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * A group: its key, its parent's (null for the root), how many distinct persons it counts in
     * all, and how many of them belong to it directly (to none of its children).
     */
    public record Group(String key, String parentKey, int persons, int directPersons) {
    }

    private Disclosure() {
    }

    /** The groups withheld and why; a group absent from the answer is published. Parents come before children. */
    public static Map<String, Reason> withheld(List<Group> groups) {
        Map<String, Reason> withheld = new LinkedHashMap<>();
        Map<String, List<Group>> children = new HashMap<>();
        for (Group g : groups) {
            if (g.persons() < MIN_PERSONS) {
                withheld.put(g.key(), Reason.TOO_FEW);
            }
            if (g.parentKey() != null) {
                children.computeIfAbsent(g.parentKey(), k -> new ArrayList<>()).add(g);
            }
        }
        for (Group parent : groups) {
            if (withheld.containsKey(parent.key())) {
                continue;
            }
            List<Group> kids = children.getOrDefault(parent.key(), List.of());
            int hidden = parent.directPersons() + kids.stream().filter(k -> withheld.containsKey(k.key()))
                    .mapToInt(Group::persons).sum();
            List<Group> shown = new ArrayList<>(kids.stream().filter(k -> !withheld.containsKey(k.key()))
                    .sorted(Comparator.comparingInt(Group::persons).thenComparing(Group::key)).toList());
            while (hidden > 0 && hidden < MIN_PERSONS && !shown.isEmpty()) {
                Group next = shown.removeFirst();
                withheld.put(next.key(), Reason.SECONDARY);
                hidden += next.persons();
            }
        }
        return withheld;
    }

    /** A share published as a whole percent, or withheld when it would say « nobody » or « everybody ». */
    public static Integer percent(int part, int whole) {
        if (whole == 0 || part == 0 || part == whole) {
            return null;
        }
        int rounded = (int) Math.round(100.0 * part / whole);
        return rounded <= 0 || rounded >= 100 ? null : rounded;
    }
}
