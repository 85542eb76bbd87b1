package fr.jalon;

import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import fr.jalon.demo.DemoData;
import fr.jalon.platform.config.JalonSettings;
import fr.jalon.platform.db.Database;
import fr.jalon.platform.db.EmbeddedDatabase;

import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;

/**
 * A running Jalon: its database (embedded or external), its HTTP server, and the order in which
 * they stop: the server first (finishing requests in flight), then the pool, then PostgreSQL.
 */
public final class Jalon implements AutoCloseable {

    private static final Logger LOG = System.getLogger(Jalon.class.getName());

    private final EmbeddedDatabase embedded;
    private final Application app;
    private final Database database;
    private final WebServer server;
    private volatile boolean stopped;

    private Jalon(EmbeddedDatabase embedded, Application app, Database database, WebServer server) {
        this.embedded = embedded;
        this.app = app;
        this.database = database;
        this.server = server;
    }

    public static Jalon start(JalonSettings settings, Config config) {
        EmbeddedDatabase embedded = null;
        Database database;
        if (settings.embeddedDatabase()) {
            embedded = EmbeddedDatabase.start(settings.dataDir().resolve("postgres"));
            database = Database.connect(embedded.jdbcUrl(), embedded.user(), "", settings.poolSize());
        } else {
            JalonSettings.ExternalDb db = settings.externalDb().orElseThrow();
            database = Database.connect(db.url(), db.user(), db.password(), settings.poolSize());
        }
        Application app = Application.on(database, settings, Clock.systemUTC());
        app.startJobs();
        WebServerConfig.Builder builder = WebServer.builder()
                .config(config.get("server"))
                .host(settings.host())
                .port(settings.port())
                .shutdownHook(false)
                .shutdownGracePeriod(Duration.ofSeconds(10));
        app.configure(builder);
        WebServer server = builder.build().start();
        Jalon jalon = new Jalon(embedded, app, database, server);
        String url = "http://localhost:" + server.port();
        if (settings.embeddedDatabase()) {
            Optional<String> generated = app.bootstrap().embeddedStart(settings.bootstrapToken());
            generated.ifPresent(Jalon::printGeneratedToken);
            // The Landes data set of the fragility index, once (no personal data: census counts).
            app.fragility().loadDefaultDataSet();
            if (settings.demoData()) {
                new DemoData(url, app.bootstrap(), Clock.systemUTC()).loadOnce(database.client());
            }
        }
        app.ready();
        System.out.println("Jalon est prêt : " + url + "  (API " + url + "/api/v1, documentation " + url + "/openapi)");
        return jalon;
    }

    public int port() {
        return server.port();
    }

    /** The running application (for operations and tests: its bootstrap, its jobs). */
    public Application application() {
        return app;
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        LOG.log(Level.INFO, "Stopping Jalon");
        server.stop();
        app.close();
        database.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    // Printed on the console, never logged: the secret must not land in log files.
    private static void printGeneratedToken(String token) {
        System.out.println();
        System.out.println("Jeton administrateur (affiché une seule fois, conservez-le) :");
        System.out.println("  " + token);
        System.out.println();
    }
}
