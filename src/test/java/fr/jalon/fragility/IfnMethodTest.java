package fr.jalon.fragility;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class IfnMethodTest {

    private static Unit unit(String code, Map<String, Double> counts) {
        return new Unit(code, code, "40192", "244000808", "40", counts);
    }

    @Test
    void aShareIsIndexedAgainstItsReferenceAndAnIncomeTheOtherWayRound() {
        Map<Variable, IfnMethod.Reference> refs = Map.of(
                Variable.SHARE_65_PLUS, new IfnMethod.Reference(0.25, true),
                Variable.MEDIAN_INCOME, new IfnMethod.Reference(20_000, true));
        IfnMethod.Score score = IfnMethod.score(unit("u", Map.of("population", 1000.0, "population_65_plus", 300.0,
                "median_income_eur", 25_000.0)), refs);
        assertEquals(120.0, score.indices().get(Variable.SHARE_65_PLUS), 1e-9, "100 × 0.30 / 0.25");
        assertEquals(80.0, score.indices().get(Variable.MEDIAN_INCOME), 1e-9, "higher income → lower index: 100 × 20,000 / 25,000");
        assertEquals(120.0, score.axes().get(Axis.CAPACITES_USAGE), 1e-9);
        assertEquals(100.0, score.global(), 1e-9, "the mean of every available index");
    }

    @Test
    void aMissingVariableIsSkippedNotCountedAsZero() {
        Map<Variable, IfnMethod.Reference> refs = Map.of(
                Variable.SHARE_65_PLUS, new IfnMethod.Reference(0.25, true),
                Variable.SHARE_LOW_QUALIFIED, new IfnMethod.Reference(0.30, true));
        IfnMethod.Score score = IfnMethod.score(unit("u", Map.of("population", 1000.0, "population_65_plus", 200.0,
                "non_schooled_15_plus", 0.0, "non_schooled_15_plus_low_qualified", 0.0)), refs);
        assertEquals(Map.of(Variable.SHARE_65_PLUS, 80.0), score.indices(), "a denominator of 0 gives no index");
        assertEquals(80.0, score.axes().get(Axis.CAPACITES_USAGE), 1e-9);
        assertNull(score.axes().get(Axis.ACCES_INFORMATION), "nothing to say, not 0");
    }

    @Test
    void nothingComputableGivesNothingNeverNaN() {
        IfnMethod.Score score = IfnMethod.score(unit("u", Map.of("population", 0.0, "median_income_eur", 0.0)),
                Map.of(Variable.MEDIAN_INCOME, new IfnMethod.Reference(20_000, true)));
        assertEquals(Map.of(), score.indices());
        assertNull(score.global());
        assertNull(IfnMethod.index(Variable.SHARE_15_29, 0.2, 0));
    }

    @Test
    void aReferenceIsPooledOverTheTerritoryWhenNotSupplied() {
        Unit a = unit("a", Map.of("population", 100.0, "population_15_29", 10.0, "median_income_eur", 18_000.0));
        Unit b = unit("b", Map.of("population", 300.0, "population_15_29", 90.0, "median_income_eur", 22_000.0));
        Map<Variable, IfnMethod.Reference> refs = IfnMethod.references(List.of(a, b), Map.of());
        assertEquals(0.25, refs.get(Variable.SHARE_15_29).value(), 1e-9, "(10 + 90) / (100 + 300), not the mean of shares");
        assertEquals(21_000, refs.get(Variable.MEDIAN_INCOME).value(), 1e-9, "population-weighted");
        assertFalse(refs.get(Variable.SHARE_15_29).supplied());
    }

    /** IRIS 401840102, Mimizan « Plage », with the département's references: computed by hand from the CSV. */
    @Test
    void mimizanPlageAgainstTheLandesReferences() throws Exception {
        List<Unit> units;
        try (InputStream in = IfnMethodTest.class.getResourceAsStream("/fragility/landes-iris-rp2016.csv")) {
            units = InputsFile.read(in.readAllBytes()).units();
        }
        Map<Variable, Double> supplied;
        try (InputStream in = IfnMethodTest.class.getResourceAsStream("/fragility/landes-references-2016.csv")) {
            supplied = ReferencesFile.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "departement:40").values();
        }
        Unit plage = units.stream().filter(u -> u.code().equals("401840102")).findFirst().orElseThrow();
        IfnMethod.Score score = IfnMethod.score(plage, IfnMethod.references(units, supplied));
        assertEquals(121.37, round(score.axes().get(Axis.ACCES_INFORMATION)), 1e-9,
                "(100 × 527.10/1079.17 / 0.3350 + 100 × 69.01/532.64 / 0.1336) / 2 = (145.79 + 96.94) / 2");
        assertEquals(111.21, round(score.axes().get(Axis.CAPACITES_USAGE)), 1e-9, "(94.73 + 127.68) / 2");
        assertEquals(92.22, round(score.axes().get(Axis.COMPETENCES_ADMINISTRATIVES)), 1e-9, "100 × 239.42/1902.81 / 0.1364");
        assertEquals(101.71, round(score.axes().get(Axis.ACCES_INTERFACES)), 1e-9, "100 × 20,229 / 19,888");
        assertEquals(109.85, round(score.global()), 1e-9);
        assertEquals(365, units.size());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
