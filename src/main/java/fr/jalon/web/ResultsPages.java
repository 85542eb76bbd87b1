package fr.jalon.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.Upload;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Role;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * After the session, for staff: the results file exported by Pix Certif imported from the
 * browser (the line report in place when it is refused, nothing applied), the candidates'
 * results, their attestations one by one, in one PDF or in a ZIP, revocation with a reason; and
 * the documents to print before the day (the session kit, the attendance sheet).
 */
final class ResultsPages implements ApiRoutes.ApiService {

    static final String PAGE = "/console/sessions/{id}/resultats";
    /** The results import's own limit (32 MB) and room for the form around it. */
    private static final long MAX_UPLOAD = 33L * 1024 * 1024;
    private static final Map<String, String> FILES = Map.of("attestations.pdf", "/attestations.pdf", "attestations.zip",
            "/attestations.zip", "kit.pdf", "/kit.pdf", "emargement.pdf", "/attendance-sheet.pdf", "candidats.csv",
            "/candidates.csv");

    private final WebContext web;

    ResultsPages(WebContext web) {
        this.web = web;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, PAGE, this::page)
                .root(Method.POST, PAGE, this::importResults)
                .root(Method.GET, "/console/sessions/{id}/documents/{file}", this::sessionFile)
                .root(Method.GET, "/console/inscriptions/{id}/attestation.pdf", this::attestation)
                .root(Method.POST, "/console/sessions/{id}/attestations/{code}/revoquer", this::revoke);
    }

    private void page(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (signed.isPresent()) {
            String done = req.query().first("fait").orElse("");
            render(req, res, signed.get(), Status.OK_200, List.of(), "", switch (done) {
                case "importe" -> "Les résultats sont importés : " + req.query().first("lignes").orElse("0")
                        + " ligne(s) lue(s), " + req.query().first("nouveaux").orElse("0") + " nouveau(x), "
                        + req.query().first("modifies").orElse("0") + " corrigé(s), "
                        + req.query().first("inchanges").orElse("0") + " inchangé(s).";
                case "revoquee" -> "L'attestation est révoquée : la page de vérification l'indique désormais.";
                default -> "";
            });
        }
    }

    private void render(ServerRequest req, ServerResponse res, WebContext.Signed signed, Status status,
                        List<Map<String, Object>> report, String error, String notice) {
        Optional<String> id = WebContext.pathId(req);
        LoopbackApi.Answer session = id.map(i -> web.api.get(req, signed.token(), "/sessions/" + i))
                .orElse(new LoopbackApi.Answer(404, Map.of()));
        if (!session.ok()) {
            web.notFound(res, signed);
            return;
        }
        Map<String, String> names = new HashMap<>();
        for (Map<String, Object> e : web.api.get(req, signed.token(), "/sessions/" + id.get() + "/enrolments").items()) {
            if (e.get("person") instanceof Map<?, ?> person) {
                names.put(String.valueOf(e.get("id")), person.get("birthName") + " " + person.get("firstName"));
            }
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Map<String, Object> r : web.api.get(req, signed.token(), "/sessions/" + id.get() + "/results").items()) {
            Map<String, Object> row = new LinkedHashMap<>(r);
            row.put("candidat", names.getOrDefault(String.valueOf(r.get("enrolmentId")), "—"));
            results.add(row);
        }
        Map<String, Object> s = new LinkedHashMap<>(session.body());
        s.put("dateLongue", LocalDate.parse(String.valueOf(s.get("date"))).format(StaffPages.LONG_DATE));
        s.put("statut", StaffPages.SESSION_STATUS.getOrDefault(String.valueOf(s.get("status")), ""));
        Map<String, Object> model = web.page("Résultats de la session du " + s.get("dateLongue"), signed,
                "/console/sessions");
        model.put("session", s);
        model.put("resultats", results);
        model.put("attestations", web.api.get(req, signed.token(), "/sessions/" + id.get() + "/attestations").items());
        model.put("importable", "FINALIZED".equals(s.get("status")) || "RESULTS_IMPORTED".equals(s.get("status")));
        model.put("rapport", report);
        model.put("erreur", error);
        model.put("message", notice);
        web.render(res, status, "session-resultats", model);
    }

    private void importResults(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Uploaded> uploaded = web.uploaded(req, res, MAX_UPLOAD, (signed, problem) -> render(req, res, signed,
                Status.create(problem.status()), List.of(), problem.detail(), ""), Role.CENTER_STAFF, Role.ADMIN);
        if (uploaded.isEmpty()) {
            return;
        }
        WebContext.Signed signed = uploaded.get().signed();
        Upload upload = uploaded.get().upload();
        Optional<String> id = WebContext.pathId(req);
        if (id.isEmpty()) {
            web.notFound(res, signed);
            return;
        }
        if (upload.file().length == 0) {
            render(req, res, signed, Status.create(422), List.of(), "Choisissez le fichier de résultats exporté "
                    + "de Pix Certif (CSV).", "");
            return;
        }
        LoopbackApi.Answer answer = web.api.postFile(req, signed.token(), "/sessions/" + id.get() + "/results",
                upload.file(), "text/csv");
        if (answer.status() == 404) {
            web.notFound(res, signed);
            return;
        }
        if (!answer.ok()) {
            render(req, res, signed, Status.create(answer.status()), answer.errors(),
                    "Rien n'a été importé : " + answer.detail(), "");
            return;
        }
        Map<String, Object> b = answer.body();
        WebContext.redirect(res, "/console/sessions/" + id.get() + "/resultats?fait=importe&lignes=" + b.get("rows")
                + "&nouveaux=" + b.get("created") + "&modifies=" + b.get("updated") + "&inchanges=" + b.get("unchanged"));
    }

    private void sessionFile(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (signed.isEmpty()) {
            return;
        }
        String file = req.path().pathParameters().first("file").orElse("");
        Optional<String> id = WebContext.pathId(req);
        if (id.isEmpty() || !FILES.containsKey(file)) {
            web.notFound(res, signed.get());
            return;
        }
        send(req, res, signed.get(), "/sessions/" + id.get() + FILES.get(file), file);
    }

    private void attestation(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (signed.isEmpty()) {
            return;
        }
        Optional<String> id = WebContext.pathId(req);
        if (id.isEmpty()) {
            web.notFound(res, signed.get());
            return;
        }
        send(req, res, signed.get(), "/enrolments/" + id.get() + "/attestation.pdf", "attestation.pdf");
    }

    /** A file of the API handed to the browser as a download; a refusal as a page. */
    private void send(ServerRequest req, ServerResponse res, WebContext.Signed signed, String path, String fallbackName) {
        LoopbackApi.Download file = web.api.download(req, signed.token(), path);
        if (file.status() == 404) {
            web.notFound(res, signed);
            return;
        }
        if (file.status() != 200) {
            Map<String, Object> model = web.page("Document indisponible", signed, "/console/sessions");
            model.put("detail", LoopbackApi.detailOf(file));
            web.render(res, Status.create(file.status()), "document-refus", model);
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, file.contentType())
                .header(HeaderNames.CONTENT_DISPOSITION, file.disposition().orElse("attachment; filename=\"" + fallbackName
                        + "\""))
                .send(file.body());
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        Map<String, String> form = posted.get().form();
        String code = req.path().pathParameters().first("code").orElse("");
        Optional<String> id = WebContext.pathId(req);
        if (id.isEmpty() || !code.matches("[A-Z0-9-]{1,40}")) {
            web.notFound(res, signed);
            return;
        }
        LoopbackApi.Answer answer = web.api.post(req, signed.token(), "/attestations/" + code + "/revocation",
                Jsons.createObjectBuilder().add("reason", form.getOrDefault("motif", "").strip()).build());
        if (answer.status() == 404) {
            web.notFound(res, signed);
        } else if (!answer.ok()) {
            render(req, res, signed, Status.create(answer.status()), List.of(),
                    "L'attestation " + code + " n'est pas révoquée : " + answer.messages(), "");
        } else {
            WebContext.redirect(res, "/console/sessions/" + id.get() + "/resultats?fait=revoquee");
        }
    }
}
