package fr.jalon.platform.http;

import java.io.StringWriter;

import fr.jalon.platform.json.Jsons;

import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;

/** JSON-P structures to text. */
public final class JsonText {

    private JsonText() {
    }

    public static String write(JsonStructure json) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = Jsons.createWriter(out)) {
            writer.write(json);
        }
        return out.toString();
    }
}
