package fr.jalon.testing;

import java.nio.file.Path;
import java.util.Map;

import fr.jalon.Application;
import fr.jalon.platform.db.Database;
import fr.jalon.platform.http.ApiRoutes;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;

/** Configures a test server with the application's real routes (see {@link HttpTestExtension}). */
public final class JalonServer {

    private static String adminToken;
    private static ApiRoutes lastRoutes;

    private JalonServer() {
    }

    public static void configure(WebServerConfig.Builder server) {
        lastRoutes = TestDatabase.get().application().configure(server);
        // Tests have no start-up work beyond the migrations TestDatabase ran.
        TestDatabase.get().application().ready();
    }

    /**
     * A second, independent instance of the service on the same database, as a second process
     * would be: its own connection pool, wiring, caches and data directory (its outbox), and a
     * server on its own port. Close it to stop the server and the pool.
     */
    public static SecondInstance secondInstance() {
        return secondInstance(Map.of());
    }

    /** The same, with some settings of its own ({@code JALON_*} environment variables). */
    public static SecondInstance secondInstance(Map<String, String> env) {
        TestDatabase db = TestDatabase.get();
        Database pool = Database.connect(db.jdbcUrl(), "postgres", "", 4);
        Path dataDir = TestDatabase.newDataDir();
        Application app = Application.on(pool, TestDatabase.settings(dataDir, env), TestTime.clock());
        WebServerConfig.Builder config = WebServer.builder().port(0);
        app.configure(config);
        app.ready();
        return new SecondInstance(app, pool, config.build().start(), dataDir);
    }

    /** A second instance: its application, its own pool, its server and its data directory. */
    public record SecondInstance(Application application, Database pool, WebServer server, Path dataDir)
            implements AutoCloseable {

        public int port() {
            return server.port();
        }

        @Override
        public void close() {
            server.stop();
            application.close();
            pool.close();
        }
    }

    /** The routes of the last configured server (for the OpenAPI coverage test). */
    public static ApiRoutes routes() {
        return lastRoutes;
    }

    /** An administrator token, created once per test JVM. */
    public static synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = TestDatabase.get().application().bootstrap()
                    .createToken("admin-tests@example.org", "Administrateur des tests");
        }
        return adminToken;
    }
}
