package fr.jalon.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import fr.jalon.testing.JalonServer;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import jakarta.json.JsonObject;

/** A server on the shared embedded database, and the report files of a benchmark. */
public final class BenchSupport {

    private BenchSupport() {
    }

    public static WebServer startServer() {
        WebServerConfig.Builder config = WebServer.builder().port(0);
        JalonServer.configure(config);
        return config.build().start();
    }

    /** Writes {@code target/bench/<name>.json} and the one-line summary next to it, and prints the line. */
    public static void report(String name, JsonObject report, String summary) throws Exception {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".json"), report.toString());
        Files.writeString(dir.resolve(name + ".txt"), summary + System.lineSeparator());
        System.out.println(summary);
    }

    public static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
