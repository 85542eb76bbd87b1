package fr.jalon.fragility;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SkillsAggregatesTest {

    /** {@code persons} residents of a commune of the Grand Dax, {@code below} of them under level 3, scores of 300 each. */
    private static ResultsByResidenceReadModel.CommuneTotals commune(String code, int persons, int below) {
        int[] levels = new int[9];
        levels[2] = below;
        levels[4] = persons - below;
        return new ResultsByResidenceReadModel.CommuneTotals(code, "Commune " + code, "244000675", "CA du Grand Dax", "40",
                persons, 300L * persons, below, levels);
    }

    private static Map<String, SkillsAggregate> byCode(List<SkillsAggregate> aggregates) {
        return aggregates.stream().collect(Collectors.toMap(a -> a.level() + ":" + a.code(), a -> a));
    }

    @Test
    void tenPersonsPublishNothingElevenPublish() {
        Map<String, SkillsAggregate> ten = byCode(SkillsAggregates.of(List.of(commune("40088", 10, 3))));
        assertTrue(ten.get("COMMUNE:40088").withheld().startsWith("Moins de 11"));
        assertNull(ten.get("COMMUNE:40088").persons());
        assertTrue(ten.get("DEPARTEMENT:40").withheld() != null, "10 in the whole département: nothing at all");
        Map<String, SkillsAggregate> eleven = byCode(SkillsAggregates.of(List.of(commune("40088", 11, 3))));
        assertEquals(11, eleven.get("COMMUNE:40088").persons());
        assertEquals(300, eleven.get("COMMUNE:40088").meanScore());
        assertEquals(27, eleven.get("COMMUNE:40088").shareBelow3(), "3 of 11, rounded to the percent");
    }

    @Test
    void aSmallCommuneHidesItsSmallestPublishedNeighbourToo() {
        Map<String, SkillsAggregate> cells = byCode(SkillsAggregates.of(List.of(commune("40088", 14, 6),
                commune("40279", 12, 2), commune("40035", 4, 1))));
        assertEquals(30, cells.get("EPCI:244000675").persons());
        assertEquals(14, cells.get("COMMUNE:40088").persons());
        assertTrue(cells.get("COMMUNE:40035").withheld().startsWith("Moins de 11"));
        assertTrue(cells.get("COMMUNE:40279").withheld().contains("déduit"),
                "30 − 14 would give the 4 of Bénesse-lès-Dax away with Saint-Paul-lès-Dax's 12");
    }

    @Test
    void sharesOfNobodyOrEverybodyAreNotGiven() {
        SkillsAggregate all = byCode(SkillsAggregates.of(List.of(commune("40088", 12, 12)))).get("COMMUNE:40088");
        assertNull(all.shareBelow3(), "100 % below level 3 is not published");
        assertEquals(12, all.persons());
        assertNull(all.levelShares().get(4), "nobody at level 4: 0 % is not published");
    }
}
