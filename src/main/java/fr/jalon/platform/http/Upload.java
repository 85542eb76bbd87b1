package fr.jalon.platform.http;

import java.util.Map;

/** A {@code multipart/form-data} form as sent by a browser: its text fields, and its file (empty if none). */
public record Upload(Map<String, String> fields, byte[] file) {

    public Upload {
        fields = Map.copyOf(fields);
    }
}
