package fr.jalon.platform.http;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every property of every schema in the API contract is camelCase (JSON field names of the API). */
class OpenApiNamingTest {

    private static final String CAMEL_CASE = "[a-z][a-zA-Z0-9]*";

    @Test
    void everySchemaPropertyIsCamelCase() throws Exception {
        Map<String, Object> document;
        try (InputStream in = OpenApiNamingTest.class.getResourceAsStream("/openapi.yaml")) {
            document = new Yaml().load(in);
        }
        List<String> offending = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        walk(document, "", offending, seen);
        assertTrue(seen.size() > 200, "the walk reaches the schemas' properties (" + seen.size() + ")");
        assertTrue(offending.isEmpty(), "not camelCase: " + offending);
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object node, String where, List<String> offending, List<String> seen) {
        if (node instanceof Map<?, ?> map) {
            Object properties = map.get("properties");
            if (properties instanceof Map<?, ?> props) {
                for (Object name : props.keySet()) {
                    seen.add(where + "." + name);
                    if (!String.valueOf(name).matches(CAMEL_CASE)) {
                        offending.add(where + "." + name);
                    }
                }
            }
            ((Map<Object, Object>) map).forEach((key, value) -> walk(value, where + "/" + key, offending, seen));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walk(item, where + "[]", offending, seen));
        }
    }
}
