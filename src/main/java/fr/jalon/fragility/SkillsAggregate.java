package fr.jalon.fragility;

import java.util.List;

/**
 * A published cell of the skills aggregates: a commune, an EPCI or a département in a year.
 * Figures are null where withheld (with the reason) or where a share would be 0 % or 100 %.
 */
record SkillsAggregate(String level, String code, String name, String parentCode, Integer persons, Integer meanScore,
                       Integer shareBelow3, List<Integer> levelShares, String withheld) {
}
