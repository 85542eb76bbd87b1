package fr.jalon.testing;

import java.net.URI;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the service once per test JVM (port chosen by the system, stopped at exit) and gives
 * HTTP tests what they ask for in their constructor: the server's {@code URI}, an
 * administrator's {@code ApiClient}, {@code Fixtures} built on it. Nested test classes get the
 * same.
 */
public final class HttpTestExtension implements ParameterResolver {

    private static URI uri;

    static synchronized URI uri() {
        if (uri == null) {
            WebServerConfig.Builder config = WebServer.builder().port(0);
            JalonServer.configure(config);
            WebServer server = config.build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            uri = URI.create("http://localhost:" + server.port());
        }
        return uri;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == URI.class || type == ApiClient.class || type == Fixtures.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == URI.class) {
            return uri();
        }
        ApiClient admin = ApiClient.of(uri(), JalonServer.adminToken());
        return type == ApiClient.class ? admin : new Fixtures(admin);
    }
}
