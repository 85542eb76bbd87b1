package fr.jalon.platform.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.fileupload2.core.MultipartInput;

/** Takes the uploaded file out of a multipart/form-data body (already size-limited). */
final class MultipartFiles {

    private static final Pattern NAME = Pattern.compile("(?i)content-disposition:[^\\r\\n]*;\\s*name=\"([^\"]{1,100})\"");

    private MultipartFiles() {
    }

    static byte[] firstFile(byte[] body, String contentType) {
        Parts parts = read(body, contentType, true);
        if (parts.file() == null) {
            throw ApiProblem.badRequest("Le formulaire ne contient aucun fichier (champ « file »).");
        }
        return parts.file();
    }

    /** Every part of the form: its text fields, and its file (the first part with a file name, or named « file »). */
    static Upload parts(byte[] body, String contentType) {
        Parts parts = read(body, contentType, false);
        return new Upload(parts.fields(), parts.file() == null ? new byte[0] : parts.file());
    }

    /** The text fields and the first file (null if none) of a form. */
    private record Parts(Map<String, String> fields, byte[] file) {
    }

    /** Walks the parts of the form; {@code fileOnly}: stops at the first file, keeping no field. */
    private static Parts read(byte[] body, String contentType, boolean fileOnly) {
        String boundary = boundary(contentType);
        Map<String, String> fields = new LinkedHashMap<>();
        byte[] file = null;
        try {
            MultipartInput input = MultipartInput.builder()
                    .setInputStream(new ByteArrayInputStream(body))
                    .setBoundary(boundary.getBytes(StandardCharsets.ISO_8859_1))
                    .get();
            boolean more = input.skipPreamble();
            while (more) {
                String headers = input.readHeaders();
                ByteArrayOutputStream part = new ByteArrayOutputStream();
                input.readBodyData(part);
                String lower = headers.toLowerCase(Locale.ROOT);
                Matcher name = NAME.matcher(headers);
                if (lower.contains("filename=") || lower.contains("name=\"file\"")) {
                    file = file == null ? part.toByteArray() : file;
                    if (fileOnly) {
                        break;
                    }
                } else if (!fileOnly && name.find() && fields.size() < 50) {
                    fields.putIfAbsent(name.group(1), part.toString(StandardCharsets.UTF_8));
                }
                more = input.readBoundary();
            }
        } catch (IOException e) {
            throw ApiProblem.badRequest("Le formulaire multipart est mal formé.");
        }
        return new Parts(fields, file);
    }

    private static String boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = p.substring("boundary=".length());
                return value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
            }
        }
        throw ApiProblem.badRequest("Le formulaire multipart n'indique pas de « boundary ».");
    }
}
