package fr.jalon.platform.csv;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpreadsheetSafeTest {

    @Test
    void cellsStartingLikeAFormulaGetAQuoteThatReadingTakesOff() {
        for (String formula : List.of("=SUM(A1)", "+33612", "-2", "@cmd", "\tx", "\rx")) {
            assertEquals("'" + formula, SpreadsheetSafe.neutralise(formula));
            assertEquals(formula, SpreadsheetSafe.restore(SpreadsheetSafe.neutralise(formula)));
        }
    }

    @Test
    void otherCellsAreLeftAlone() {
        for (String plain : List.of("", "Dupont", "D'Artagnan", "'quoted", "12/03/2026", "a=b")) {
            assertEquals(plain, SpreadsheetSafe.neutralise(plain));
            assertEquals(plain, SpreadsheetSafe.restore(plain));
        }
        assertEquals(null, SpreadsheetSafe.neutralise(null));
    }
}
