package fr.jalon.platform.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.commons.fileupload2.core.MultipartInput;

/** Takes the uploaded file out of a multipart/form-data body (already size-limited). */
final class MultipartFiles {

    private MultipartFiles() {
    }

    static byte[] firstFile(byte[] body, String contentType) {
        String boundary = boundary(contentType);
        try {
            MultipartInput input = MultipartInput.builder()
                    .setInputStream(new ByteArrayInputStream(body))
                    .setBoundary(boundary.getBytes(StandardCharsets.ISO_8859_1))
                    .get();
            boolean more = input.skipPreamble();
            while (more) {
                String headers = input.readHeaders().toLowerCase(Locale.ROOT);
                ByteArrayOutputStream part = new ByteArrayOutputStream();
                input.readBodyData(part);
                if (headers.contains("filename=") || headers.contains("name=\"file\"")) {
                    return part.toByteArray();
                }
                more = input.readBoundary();
            }
        } catch (IOException e) {
            throw ApiProblem.badRequest("Le formulaire multipart est mal formé.");
        }
        throw ApiProblem.badRequest("Le formulaire ne contient aucun fichier (champ « file »).");
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
