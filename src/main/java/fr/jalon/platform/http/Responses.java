package fr.jalon.platform.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonStructure;

/** Small helpers so handlers stay one line per answer. */
public final class Responses {

    private static final String JSON = "application/json";

    private Responses() {
    }

    public static void ok(ServerResponse res, JsonStructure body) {
        res.status(Status.OK_200).header(HeaderNames.CONTENT_TYPE, JSON).send(JsonText.write(body));
    }

    public static void created(ServerResponse res, String location, JsonStructure body) {
        res.status(Status.CREATED_201)
                .header(HeaderNames.LOCATION, ApiRoutes.BASE + location)
                .header(HeaderNames.CONTENT_TYPE, JSON)
                .send(JsonText.write(body));
    }

    public static void accepted(ServerResponse res, JsonStructure body) {
        res.status(Status.ACCEPTED_202).header(HeaderNames.CONTENT_TYPE, JSON).send(JsonText.write(body));
    }

    /** A file to download (CSV export, PDF), named for the user's disk. */
    public static void file(ServerResponse res, String contentType, String fileName, byte[] content) {
        res.status(Status.OK_200)
                .header(HeaderNames.CONTENT_TYPE, contentType)
                .header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .send(content);
    }

    public static void noContent(ServerResponse res) {
        res.status(Status.NO_CONTENT_204).send();
    }
}
