package fr.jalon.bench;

import java.util.List;

import fr.jalon.platform.json.Jsons;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The strict benchmark check reads each goal's threshold back from the written report. */
class BenchGoalsTest {

    private static JsonObject report(double threshold, String operator) {
        return Jsons.createObjectBuilder()
                .add("result", Jsons.createObjectBuilder().add("perSecond", 950.5))
                .add("goalMet", false)
                .add("goals", Jsons.createArrayBuilder()
                        .add(Jsons.createObjectBuilder().add("metric", "result.perSecond").add("operator", operator)
                                .add("threshold", threshold).add("measured", 950.5).add("met", true)))
                .build();
    }

    @Test
    void aGoalIsJudgedOnTheThresholdWrittenInTheReportNotOnItsMetFlag() {
        assertEquals(List.of("result.perSecond >= 1000 but measured 950.50"), BenchSupport.missedGoals(report(1000, ">=")));
        assertEquals(List.of(), BenchSupport.missedGoals(report(900, ">=")));
        assertEquals(List.of("result.perSecond < 900 but measured 950.50"), BenchSupport.missedGoals(report(900, "<")));
    }

    @Test
    void metricsAreReadByDottedPathAndBooleansCountAsOneOrZero() {
        JsonObject report = report(1, ">=");
        assertEquals(950.5, BenchSupport.number(report, "result.perSecond"));
        assertEquals(0, BenchSupport.number(report, "goalMet"));
        assertThrows(IllegalArgumentException.class, () -> BenchSupport.number(report, "result.p99"));
    }
}
