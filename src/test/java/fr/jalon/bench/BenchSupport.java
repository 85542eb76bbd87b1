package fr.jalon.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.JalonServer;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A server on the shared embedded database, and the report files of a benchmark. Every report
 * carries its goals as data ({@code goals}: metric, operator, threshold, measured value, met);
 * with {@code -Dbench.strict=true} a missed goal fails the benchmark, the thresholds being read
 * back from that field of the written report.
 */
public final class BenchSupport {

    private BenchSupport() {
    }

    /** A goal on one number of the report, named by its dotted path (e.g. {@code enrol.perSecond}). */
    public record Goal(String metric, String operator, double threshold) {

        public static Goal atLeast(String metric, double threshold) {
            return new Goal(metric, ">=", threshold);
        }

        public static Goal atMost(String metric, double threshold) {
            return new Goal(metric, "<=", threshold);
        }

        public static Goal below(String metric, double threshold) {
            return new Goal(metric, "<", threshold);
        }

        public static Goal equalTo(String metric, double threshold) {
            return new Goal(metric, "==", threshold);
        }

        boolean metBy(double measured) {
            return switch (operator) {
                case ">=" -> measured >= threshold;
                case "<=" -> measured <= threshold;
                case "<" -> measured < threshold;
                case "==" -> measured == threshold;
                default -> throw new IllegalArgumentException("operator " + operator);
            };
        }

        @Override
        public String toString() {
            return metric + " " + operator + " " + format(threshold);
        }
    }

    public static WebServer startServer() {
        WebServerConfig.Builder config = WebServer.builder().port(0);
        JalonServer.configure(config);
        return config.build().start();
    }

    /**
     * Writes {@code target/bench/<name>.json} (the report and its evaluated goals) and the one-line
     * summary next to it, prints the line, then checks the goals when {@code bench.strict} is set.
     */
    public static void report(String name, JsonObjectBuilder builder, String summary, Goal... goals) throws Exception {
        JsonObject measured = builder.build();
        JsonArrayBuilder evaluated = Jsons.createArrayBuilder();
        List<String> lines = new ArrayList<>();
        for (Goal goal : goals) {
            double value = number(measured, goal.metric());
            boolean met = goal.metBy(value);
            evaluated.add(Jsons.createObjectBuilder().add("metric", goal.metric()).add("operator", goal.operator())
                    .add("threshold", goal.threshold()).add("measured", value).add("met", met));
            lines.add(goal + " (" + format(value) + (met ? ", met)" : ", MISSED)"));
        }
        JsonObject report = Jsons.createObjectBuilder(measured).add("goals", evaluated).build();
        String line = summary + (goals.length == 0 ? "" : "; goals: " + String.join(", ", lines));
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".json"), report.toString());
        Files.writeString(dir.resolve(name + ".txt"), line + System.lineSeparator());
        System.out.println(line);
        if (Boolean.getBoolean("bench.strict")) {
            List<String> missed = missedGoals(report);
            if (!missed.isEmpty()) {
                fail(name + ": goals missed: " + String.join("; ", missed));
            }
        }
    }

    /** The goals of a written report whose measured value misses the threshold written beside it. */
    static List<String> missedGoals(JsonObject report) {
        List<String> missed = new ArrayList<>();
        for (JsonValue value : report.getJsonArray("goals")) {
            JsonObject g = value.asJsonObject();
            Goal goal = new Goal(g.getString("metric"), g.getString("operator"), g.getJsonNumber("threshold").doubleValue());
            double measured = number(report, goal.metric());
            if (!goal.metBy(measured)) {
                missed.add(goal + " but measured " + format(measured));
            }
        }
        return missed;
    }

    /** The number at a dotted path of the report; a boolean counts as 1 (true) or 0. */
    static double number(JsonObject report, String path) {
        JsonValue value = report;
        for (String key : path.split("\\.")) {
            if (!(value instanceof JsonObject object) || !object.containsKey(key)) {
                throw new IllegalArgumentException("no metric " + path + " in the report");
            }
            value = object.get(key);
        }
        return switch (value.getValueType()) {
            case NUMBER -> ((JsonNumber) value).doubleValue();
            case TRUE -> 1;
            case FALSE -> 0;
            default -> throw new IllegalArgumentException("metric " + path + " is not a number");
        };
    }

    /** measured / baseline, rounded to 3 decimals. */
    public static double ratio(double measured, double baseline) {
        return Math.round(measured / baseline * 1000) / 1000.0;
    }

    public static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
