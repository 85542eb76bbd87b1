package fr.jalon.fragility;

import java.util.Map;

/**
 * A territorial unit and its input counts by column: an IRIS (or a commune not split into IRIS)
 * as the census gives it, or a commune or EPCI pooled from them. Absent columns are unknown, not 0.
 */
record Unit(String code, String name, String commune2026, String epci2026, String departement, Map<String, Double> counts) {
}
