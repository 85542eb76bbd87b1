package fr.jalon.testing;

import fr.jalon.platform.http.ApiRoutes;

import io.helidon.webserver.WebServerConfig;

/** Configures a test server (Helidon {@code @ServerTest}) with the application's real routes. */
public final class JalonServer {

    private static String adminToken;
    private static ApiRoutes lastRoutes;

    private JalonServer() {
    }

    public static void configure(WebServerConfig.Builder server) {
        lastRoutes = TestDatabase.get().application().configure(server);
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
