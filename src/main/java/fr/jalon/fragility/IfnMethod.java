package fr.jalon.fragility;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The method of DESIGN.md as pure functions: a variable's local value (a share of counts, or a
 * value), its reference (supplied, else pooled over the reference territory), its index
 * ({@code 100 × local / reference}, or {@code reference / local} for the inverse ones), the axes
 * (mean of their available indices) and the global score (mean of all available indices).
 * Missing is never 0: a variable that cannot be computed is left out, and no division by zero,
 * NaN or Infinity ever comes out.
 */
final class IfnMethod {

    /** A reference value and where it comes from. */
    record Reference(double value, boolean supplied) {
    }

    /** A unit's indices, axes and global score (null where nothing could be computed). */
    record Score(String code, String name, Map<Variable, Double> indices, Map<Axis, Double> axes, Double global) {
    }

    private IfnMethod() {
    }

    /** The local value, or null when it cannot be computed (missing column, denominator ≤ 0, negative count). */
    static Double local(Variable v, Unit u) {
        Double numerator = u.counts().get(v.numerator());
        if (numerator == null || numerator < 0 || !Double.isFinite(numerator)) {
            return null;
        }
        if (v.isValue()) {
            return numerator;
        }
        Double denominator = u.counts().get(v.denominator());
        if (denominator == null || denominator <= 0 || !Double.isFinite(denominator) || numerator > denominator) {
            return null;
        }
        return numerator / denominator;
    }

    /**
     * The reference of each variable over the reference territory's units: the supplied value,
     * else Σ numerators / Σ denominators (a share) or the population-weighted mean (a value).
     * A variable with nothing to pool has no reference (and no index).
     */
    static Map<Variable, Reference> references(List<Unit> territory, Map<Variable, Double> supplied) {
        Map<Variable, Reference> references = new EnumMap<>(Variable.class);
        for (Variable v : Variable.values()) {
            Double given = supplied.get(v);
            if (given != null && given > 0) {
                references.put(v, new Reference(given, true));
                continue;
            }
            Unit pooled = pool("reference", "reference", null, null, null, territory);
            Double value = local(v, pooled);
            if (value != null && value > 0) {
                references.put(v, new Reference(value, false));
            }
        }
        return references;
    }

    static Score score(Unit u, Map<Variable, Reference> references) {
        Map<Variable, Double> indices = new EnumMap<>(Variable.class);
        for (Variable v : Variable.values()) {
            Reference ref = references.get(v);
            Double local = local(v, u);
            if (ref == null || local == null) {
                continue;
            }
            Double index = index(v, local, ref.value());
            if (index != null) {
                indices.put(v, index);
            }
        }
        return score(u.code(), u.name(), indices);
    }

    /** The axes and global score of these indices (an extra variable, such as measured skills, may be among them). */
    static Score score(String code, String name, Map<Variable, Double> indices) {
        Map<Axis, Double> axes = new EnumMap<>(Axis.class);
        for (Axis axis : Axis.values()) {
            List<Double> ofAxis = indices.entrySet().stream().filter(e -> e.getKey().axis() == axis)
                    .map(Map.Entry::getValue).toList();
            if (!ofAxis.isEmpty()) {
                axes.put(axis, mean(ofAxis));
            }
        }
        Double global = indices.isEmpty() ? null : mean(new ArrayList<>(indices.values()));
        return new Score(code, name, indices, axes, global);
    }

    /** {@code 100 × local / reference}, or {@code 100 × reference / local} for an inverse variable; null if not finite. */
    static Double index(Variable v, double local, double reference) {
        if (reference <= 0 || v.inverse() && local <= 0) {
            return null;
        }
        double index = v.inverse() ? 100 * reference / local : 100 * local / reference;
        return Double.isFinite(index) ? index : null;
    }

    /**
     * Units pooled into one (a commune, an EPCI, a reference territory): counts summed; a value
     * column (median income, a rate) is the population-weighted mean of the units that have it —
     * for a median, an approximation, said in the outputs.
     */
    static Unit pool(String code, String name, String commune, String epci, String departement, List<Unit> units) {
        Map<String, Double> sums = new HashMap<>();
        Map<String, Double> weighted = new HashMap<>();
        Map<String, Double> weights = new HashMap<>();
        for (Unit u : units) {
            double population = u.counts().getOrDefault("population", 0.0);
            u.counts().forEach((column, value) -> {
                if (value == null || !Double.isFinite(value)) {
                    return;
                }
                if (isValueColumn(column)) {
                    weighted.merge(column, value * population, Double::sum);
                    weights.merge(column, population, Double::sum);
                } else {
                    sums.merge(column, value, Double::sum);
                }
            });
        }
        Map<String, Double> counts = new HashMap<>(sums);
        weighted.forEach((column, total) -> {
            double weight = weights.get(column);
            if (weight > 0) {
                counts.put(column, total / weight);
            }
        });
        return new Unit(code, name, commune, epci, departement, counts);
    }

    private static boolean isValueColumn(String column) {
        for (Variable v : Variable.values()) {
            if (v.isValue() && v.numerator().equals(column)) {
                return true;
            }
        }
        return false;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }
}
