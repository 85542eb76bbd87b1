package fr.jalon.platform.http;

import java.io.StringReader;
import java.io.StringWriter;

import fr.jalon.platform.json.Jsons;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;

/** JSON-P structures to text and back (stored JSON the service wrote itself). */
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

    public static JsonObject readObject(String text) {
        try (JsonReader reader = Jsons.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    public static JsonArray readArray(String text) {
        try (JsonReader reader = Jsons.createReader(new StringReader(text))) {
            return reader.readArray();
        }
    }
}
