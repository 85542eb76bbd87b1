package fr.jalon.documents;

import java.time.LocalDate;

import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.QueryParams;
import fr.jalon.platform.http.Responses;
import fr.jalon.platform.security.Authentication;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Session documents over HTTP: PDFs per session, a ZIP per period. */
final class DocumentsService implements ApiRoutes.ApiService {

    private final Documents documents;

    DocumentsService(Documents documents) {
        this.documents = documents;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/sessions/documents.zip", this::archive)
                .get("/sessions/{id}/kit.pdf", this::kit)
                .get("/sessions/{id}/attendance-sheet.pdf", this::sheet);
    }

    private void kit(ServerRequest req, ServerResponse res) {
        send(res, "application/pdf", documents.kit(Authentication.principal(req), QueryParams.pathId(req, "id")));
    }

    private void sheet(ServerRequest req, ServerResponse res) {
        send(res, "application/pdf", documents.attendanceSheet(Authentication.principal(req), QueryParams.pathId(req, "id")));
    }

    private void archive(ServerRequest req, ServerResponse res) {
        QueryParams params = QueryParams.of(req);
        LocalDate from = params.date("from").orElseThrow(() -> ApiProblem.badRequest("Le paramètre « from » est obligatoire."));
        LocalDate to = params.date("to").orElseThrow(() -> ApiProblem.badRequest("Le paramètre « to » est obligatoire."));
        send(res, "application/zip", documents.archive(Authentication.principal(req), params.uuid("centerId").orElse(null),
                from, to));
    }

    private static void send(ServerResponse res, String type, Documents.File file) {
        Responses.file(res, type, file.name(), file.content());
    }
}
