package fr.jalon.platform.http;

import java.util.ArrayList;
import java.util.List;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;

/**
 * Registers API routes with their full path and remembers them, so a test can check that every
 * routed endpoint is documented in the OpenAPI file.
 */
public final class ApiRoutes {

    public static final String BASE = "/api/v1";

    /** One routed endpoint, with its path template as OpenAPI writes it. */
    public record Route(String method, String path) {
    }

    private final HttpRouting.Builder routing;
    private final List<Route> routes = new ArrayList<>();

    public ApiRoutes(HttpRouting.Builder routing) {
        this.routing = routing;
    }

    /** A feature's HTTP service: declares its routes, relative to {@code /api/v1}. */
    public interface ApiService {
        void routes(ApiRoutes routes);
    }

    public ApiRoutes register(ApiService service) {
        service.routes(this);
        return this;
    }

    public ApiRoutes get(String path, Handler handler) {
        return add(Method.GET, path, handler);
    }

    public ApiRoutes post(String path, Handler handler) {
        return add(Method.POST, path, handler);
    }

    public ApiRoutes put(String path, Handler handler) {
        return add(Method.PUT, path, handler);
    }

    public ApiRoutes patch(String path, Handler handler) {
        return add(Method.PATCH, path, handler);
    }

    public ApiRoutes delete(String path, Handler handler) {
        return add(Method.DELETE, path, handler);
    }

    /** A route outside {@code /api/v1} (e.g. {@code /openapi}). */
    public ApiRoutes root(Method method, String fullPath, Handler handler) {
        routing.route(method, fullPath, handler);
        routes.add(new Route(method.text(), fullPath));
        return this;
    }

    public List<Route> all() {
        return List.copyOf(routes);
    }

    private ApiRoutes add(Method method, String path, Handler handler) {
        return root(method, BASE + path, handler);
    }
}
