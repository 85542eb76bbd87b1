package fr.jalon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import fr.jalon.Application;
import fr.jalon.platform.config.JalonSettings;
import fr.jalon.platform.db.Database;
import fr.jalon.platform.db.EmbeddedDatabase;

import io.helidon.config.Config;

/**
 * One real embedded PostgreSQL per test JVM, migrated once, shared by every HTTP test. Tests
 * isolate themselves by creating their own centres (unique names), not by resetting tables.
 */
public final class TestDatabase {

    private static TestDatabase instance;

    private final Path directory;
    private final EmbeddedDatabase embedded;
    private final Database database;
    private final Application application;

    private TestDatabase() throws IOException {
        directory = Files.createTempDirectory("jalon-test-db");
        embedded = EmbeddedDatabase.start(directory.resolve("postgres"));
        // The suite keeps 10 connections; benchmarks take what the service would on this machine (-Djalon.test.pool=auto).
        String pool = System.getProperty("jalon.test.pool", "10");
        database = Database.connect(embedded.jdbcUrl(), embedded.user(), "",
                pool.equals("auto") ? JalonSettings.embeddedPoolSize() : Integer.parseInt(pool));
        application = Application.on(database, settings(), TestTime.clock());
        application.startJobs();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            try {
                instance = new TestDatabase();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** Where the tests' outbox and other files go: never the working tree's ./data. */
    public static final Path DATA_DIR = createDataDir();

    public static JalonSettings settings() {
        return settings(DATA_DIR);
    }

    /** The settings of an instance whose files (outbox…) go under {@code dataDir}. */
    public static JalonSettings settings(Path dataDir) {
        return settings(dataDir, Map.of());
    }

    /** The same, with some environment variables of its own ({@code JALON_*}). */
    public static JalonSettings settings(Path dataDir, Map<String, String> more) {
        // Benchmarks send the access log to a file (-Djalon.access-log=…), as production would.
        // Jobs run only when a test asks: background sends would change statuses under assertions.
        // The suite writes with one admin token far beyond a person's pace: no write limit unless a test sets one.
        Map<String, String> env = new HashMap<>(Map.of("JALON_ACCESS_LOG", System.getProperty("jalon.access-log", ""),
                "JALON_DATA_DIR", dataDir.toString(), "JALON_JOBS_AUTOMATIC", "false", "JALON_WRITES_PER_TOKEN_PER_MINUTE", "0"));
        env.putAll(more);
        return JalonSettings.from(Config.empty(), env);
    }

    /** A new temporary data directory, deleted when the JVM exits. */
    public static Path newDataDir() {
        return createDataDir();
    }

    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("jalon-test-data");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Application application() {
        return application;
    }

    public Database database() {
        return database;
    }

    public String jdbcUrl() {
        return embedded.jdbcUrl();
    }

    /** The embedded server's user (no password): tests that create databases of their own use it. */
    public String user() {
        return embedded.user();
    }

    private void stop() {
        application.close();
        database.close();
        embedded.close();
        deleteRecursively(directory);
    }

    public static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
