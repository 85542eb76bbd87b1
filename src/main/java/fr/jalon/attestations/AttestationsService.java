package fr.jalon.attestations;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.ClientAddresses;
import fr.jalon.platform.http.JsonInput;
import fr.jalon.platform.http.QueryParams;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.platform.http.Responses;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Authentication;
import fr.jalon.platform.templates.TemplateRenderer;
import fr.jalon.platform.text.FrenchDates;
import fr.jalon.results.GlobalLevel;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObjectBuilder;

/**
 * Attestations over HTTP: downloads and revocation for staff; the public verification page
 * ({@code /verify/{code}}) and its JSON twin ({@code /api/v1/public/attestations/{code}}), open
 * to anyone and rate-limited per client address.
 */
final class AttestationsService implements ApiRoutes.ApiService {

    static final String PAGE = "pages/verification.html.vm";

    private static final HeaderName FORWARDED_FOR = HeaderNames.create("X-Forwarded-For");

    private final AttestationDesk desk;
    private final Verification verification;
    private final ClientAddresses clients;
    private final TemplateRenderer templates;
    private final RequestBodies bodies;

    AttestationsService(AttestationDesk desk, Verification verification, TemplateRenderer templates, RequestBodies bodies,
                        ClientAddresses clients) {
        this.clients = clients;
        this.desk = desk;
        this.verification = verification;
        this.templates = templates;
        this.bodies = bodies;
        validate();
    }

    /** Renders the page both ways at start-up: a reworded template with a typo stops the start, not a visitor. */
    private void validate() {
        Map<String, Object> model = new HashMap<>(Map.of("code", "P-2346789B", "trouvee", true, "revoquee", true,
                "dateRevocation", "3 mars 2026", "titulaire", "L. Dupont", "dateSession", "1er mars 2026",
                "centre", "Centre des Landes", "statut", "Validée", "avecScore", true, "score", "412"));
        model.put("scoreMax", "895");
        model.put("niveau", "Indépendant 4");
        templates.render(PAGE, model);
        templates.render(PAGE, Map.of("code", "P-2346789B", "trouvee", false));
        templates.render(PAGE, Map.of("formulaire", true));
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/enrolments/{id}/attestation.pdf", this::ofEnrolment)
                .get("/sessions/{id}/attestations", this::listSession)
                .get("/sessions/{id}/attestations.pdf", this::sessionPdf)
                .get("/sessions/{id}/attestations.zip", this::sessionZip)
                .post("/attestations/{code}/revocation", this::revoke)
                .get("/public/attestations/{code}", this::verifyJson)
                .root(Method.GET, "/verify", this::verifyForm)
                .root(Method.GET, "/verify/{code}", this::verifyPage);
    }

    private void ofEnrolment(ServerRequest req, ServerResponse res) {
        send(res, "application/pdf", desk.forEnrolment(Authentication.principal(req), QueryParams.pathId(req, "id")));
    }

    private void listSession(ServerRequest req, ServerResponse res) {
        var items = Jsons.createArrayBuilder();
        desk.listSession(Authentication.principal(req), QueryParams.pathId(req, "id")).forEach(listed -> {
            IssuedAttestation issued = listed.issued();
            JsonObjectBuilder item = Jsons.createObjectBuilder().add("code", issued.code())
                    .add("enrolmentId", issued.enrolmentId().toString()).add("birthName", listed.birthName())
                    .add("firstName", listed.firstName()).add("kind", issued.kind().name())
                    .add("issuedAt", issued.issuedAt().toString()).add("valid", issued.revokedAt() == null)
                    .add("verificationUrl", desk.verificationUrl(issued.code()));
            if (issued.revokedAt() != null) {
                item.add("revokedAt", issued.revokedAt().toString()).add("revocationReason", issued.revocationReason());
            }
            items.add(item);
        });
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void sessionPdf(ServerRequest req, ServerResponse res) {
        send(res, "application/pdf", desk.sessionPdf(Authentication.principal(req), QueryParams.pathId(req, "id")));
    }

    private void sessionZip(ServerRequest req, ServerResponse res) {
        send(res, "application/zip", desk.sessionZip(Authentication.principal(req), QueryParams.pathId(req, "id")));
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        JsonInput in = bodies.json(req);
        String reason = in.requiredText("reason", 500);
        in.validate();
        desk.revoke(Authentication.principal(req), Verification.normalize(req.path().pathParameters().get("code")), reason);
        Responses.noContent(res);
    }

    private void verifyJson(ServerRequest req, ServerResponse res) {
        String code = req.path().pathParameters().get("code");
        verification.check(code, client(req)).ifPresentOrElse(view -> {
            JsonObjectBuilder body = Jsons.createObjectBuilder().add("code", view.code()).add("valid", !view.revoked())
                    .add("revoked", view.revoked()).add("holder", view.holder())
                    .add("sessionDate", view.sessionDate().toString()).add("centre", view.centre())
                    .add("kind", view.results() ? "RESULTS" : "ATTENDANCE").add("status", view.status());
            if (view.revokedOn() != null) {
                body.add("revokedOn", view.revokedOn().toString());
            }
            if (view.score() != null) {
                body.add("score", view.score()).add("maxScore", GlobalLevel.MAX_REACHABLE_SCORE).add("level", view.level());
            }
            Responses.ok(res, body.build());
        }, () -> {
            throw ApiProblem.notFound("Aucune attestation ne correspond à ce code.");
        });
    }

    /** The form to type a code; with {@code ?code=} (the form sent), the code's own page. */
    private void verifyForm(ServerRequest req, ServerResponse res) {
        var code = QueryParams.of(req).text("code", 40).map(Verification::normalize).filter(c -> !c.isEmpty());
        if (code.isPresent()) {
            res.status(Status.SEE_OTHER_303)
                    .header(HeaderNames.LOCATION, "/verify/" + URLEncoder.encode(code.get(),
                            StandardCharsets.UTF_8))
                    .send();
            return;
        }
        res.status(Status.OK_200).header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8")
                .send(templates.render(PAGE, Map.of("formulaire", true)));
    }

    private void verifyPage(ServerRequest req, ServerResponse res) {
        String code = req.path().pathParameters().get("code");
        Map<String, Object> model = new HashMap<>();
        model.put("code", Verification.normalize(code));
        var found = verification.check(code, client(req));
        model.put("trouvee", found.isPresent());
        found.ifPresent(view -> {
            model.put("revoquee", view.revoked());
            model.put("dateRevocation", view.revokedOn() == null ? "" : FrenchDates.date(view.revokedOn()));
            model.put("titulaire", view.holder());
            model.put("dateSession", FrenchDates.date(view.sessionDate()));
            model.put("centre", view.centre());
            model.put("statut", view.status());
            model.put("avecScore", view.score() != null);
            model.put("score", view.score() == null ? "" : view.score().toString());
            model.put("scoreMax", String.valueOf(GlobalLevel.MAX_REACHABLE_SCORE));
            model.put("niveau", view.level() == null ? "" : view.level());
        });
        res.status(found.isPresent() ? Status.OK_200 : Status.NOT_FOUND_404)
                .header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8")
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .send(templates.render(PAGE, model));
    }

    /** The client's address: the socket's peer, or behind a configured trusted proxy, the address it forwards. */
    private String client(ServerRequest req) {
        return clients.of(req.remotePeer().host(), req.headers().first(FORWARDED_FOR));
    }

    private static void send(ServerResponse res, String contentType, AttestationDesk.Document document) {
        Responses.file(res, contentType, document.fileName(), document.content());
    }
}
