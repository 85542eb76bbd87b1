package fr.jalon.testing;

import java.time.Clock;

import fr.jalon.Application;
import fr.jalon.platform.http.ApiRoutes;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;

/** Configures a test server (Helidon {@code @ServerTest}) with the application's real routes. */
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
     * A second, independent instance of the service on the same database: its own wiring, its
     * own caches, as a second process would have.
     */
    public static WebServer secondInstance() {
        TestDatabase db = TestDatabase.get();
        WebServerConfig.Builder config = WebServer.builder().port(0);
        Application app = Application.on(db.database(), TestDatabase.settings(), Clock.systemUTC());
        app.configure(config);
        app.ready();
        return config.build().start();
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
