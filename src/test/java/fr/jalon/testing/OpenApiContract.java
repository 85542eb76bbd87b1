package fr.jalon.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * The API contract, checked on every answer of the HTTP tests: a JSON answer (problem+json
 * included) must match the schema {@code openapi.yaml} gives for its operation and status, and
 * an answer with a status the operation does not document is drift too. Schemas are read once,
 * with every {@code $ref} resolved, and validated as JSON Schema 2020-12 (OpenAPI 3.1).
 */
public final class OpenApiContract {

    private static final OpenApiContract INSTANCE = new OpenApiContract();

    private final List<Template> templates = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final AtomicLong checked = new AtomicLong();

    private final ApiResponse genericProblem = new ApiResponse();

    private record Template(String path, Pattern pattern, int literalLength, PathItem item) {
    }

    private OpenApiContract() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().read("openapi.yaml", null, options);
        if (api == null || api.getPaths() == null) {
            throw new IllegalStateException("openapi.yaml could not be read");
        }
        api.getPaths().forEach((path, item) -> templates.add(new Template(path,
                Pattern.compile(path.replaceAll("\\{[^/}]+}", "[^/]+")), path.replaceAll("\\{[^/}]+}", "").length(), item)));
        // A literal path (/sessions/documents.zip) wins over a template (/sessions/{id}).
        templates.sort(Comparator.comparingInt(Template::literalLength).reversed());
        MediaType problem = new MediaType();
        problem.setSchema(api.getComponents().getSchemas().get("Problem"));
        genericProblem.setContent(new Content().addMediaType("application/problem+json",
                problem));
    }

    /** A documented operation: method and path template. */
    public record Route(String method, String path) {
    }

    /** Every operation {@code openapi.yaml} documents, and the methods each path documents. */
    public static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Template t : INSTANCE.templates) {
            for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
                if (operation(t.item(), method) != null) {
                    routes.add(new Route(method, t.path()));
                }
            }
        }
        return routes;
    }

    /** How many answers were checked so far in this JVM. */
    public static long checked() {
        return INSTANCE.checked.get();
    }

    /**
     * Checks one answer; throws an {@link AssertionError} naming the operation and every breach.
     * Paths outside the document (none should be) and non-JSON answers are left to other tests.
     */
    public static void check(String method, String pathAndQuery, int status, String contentType, String body) {
        if (OFF) {
            return;
        }
        INSTANCE.verify(method, pathAndQuery, status, contentType, body);
    }

    /**
     * Benchmarks turn the check off ({@code -Djalon.contract=off}, set by the bench profile): the
     * load generator runs in the server's JVM, and validating every answer would bill the
     * server for the client's CPU.
     */
    private static final boolean OFF = "off".equals(System.getProperty("jalon.contract"));

    private void verify(String method, String pathAndQuery, int status, String contentType, String body) {
        String path = pathAndQuery.split("\\?", 2)[0];
        Template template = templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst().orElse(null);
        if (template == null || contentType == null || !contentType.contains("json") || status == 401
                || status == 404 && isUnrouted(template, method)) {
            return;
        }
        Operation operation = operation(template.item(), method);
        if (operation == null) {
            return; // 405 territory: the route does not exist for this method.
        }
        String where = method + " " + template.path() + " → " + status;
        ApiResponse response = operation.getResponses() == null ? null : operation.getResponses().get(String.valueOf(status));
        if (response == null && operation.getResponses() != null) {
            response = operation.getResponses().get("default");
        }
        if (response == null) {
            if (status >= 400 && Set.of(400, 403, 404, 409, 413, 415, 422, 429, 503).contains(status)) {
                // Any operation may answer these generic problems: checked against the Problem shape.
                response = genericProblem;
            } else {
                throw new AssertionError("openapi.yaml does not document " + where);
            }
        }
        MediaType media = response.getContent() == null ? null
                : response.getContent().entrySet().stream().filter(e -> e.getKey().contains("json"))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
        if (media == null || media.getSchema() == null) {
            return; // Documented without a schema (e.g. a file or an empty body).
        }
        Schema schema = schemas.computeIfAbsent(where, k -> registry.getSchema(
                (JsonNode) Json31.mapper().valueToTree(media.getSchema())));
        try {
            List<Error> breaches = schema.validate(json.readTree(body));
            checked.incrementAndGet();
            if (!breaches.isEmpty()) {
                throw new AssertionError("The answer of " + where + " breaks openapi.yaml: " + breaches + "\n" + abbreviated(body));
            }
        } catch (JsonProcessingException e) {
            throw new AssertionError("The answer of " + where + " is not JSON: " + abbreviated(body), e);
        }
    }

    private static boolean isUnrouted(Template template, String method) {
        return operation(template.item(), method) == null;
    }

    private static Operation operation(PathItem item, String method) {
        return switch (method) {
            case "GET" -> item.getGet();
            case "POST" -> item.getPost();
            case "PUT" -> item.getPut();
            case "PATCH" -> item.getPatch();
            case "DELETE" -> item.getDelete();
            default -> null;
        };
    }

    private static String abbreviated(String body) {
        return body.length() > 800 ? body.substring(0, 800) + "…" : body;
    }
}
