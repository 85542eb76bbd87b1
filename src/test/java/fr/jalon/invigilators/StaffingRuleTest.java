package fr.jalon.invigilators;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StaffingRuleTest {

    @ParameterizedTest
    @CsvSource({"20, 0, 1", "20, 1, 1", "20, 20, 1", "20, 21, 2", "20, 40, 2", "20, 41, 3", "12, 25, 3", "1, 5, 5"})
    void oneInvigilatorPerRatioCandidatesRoundedUpAndNeverNone(int ratio, int enrolled, int required) {
        assertEquals(required, new StaffingRule(ratio).required(enrolled));
    }
}
