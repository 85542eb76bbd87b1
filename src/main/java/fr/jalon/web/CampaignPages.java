package fr.jalon.web;

import java.time.LocalDate;
import java.util.ArrayList;
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
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * HR's skills campaigns (Pix Territoires): a campaign's life (draft, open, closed, archived), its
 * invitations (everyone or by service), who started and who shared, the Pix Orga export imported
 * from the browser, the collective report with its charts (figures below the publishing threshold
 * withheld, with the reason), and agents sent to a certification session of a partner centre.
 * Through {@code /api/v1/campaigns}.
 */
final class CampaignPages implements ApiRoutes.ApiService {

    static final String LIST = "/console/campagnes";
    private static final long MAX_UPLOAD = 33L * 1024 * 1024;
    private static final List<String> TRACKS = List.of("Socle commun", "Télétravail", "Messagerie et agenda", "Données",
            "Travail collaboratif", "Cybersécurité");
    private static final Map<String, String> STATUS = Map.of("DRAFT", "brouillon", "OPEN", "ouverte", "CLOSED", "close",
            "ARCHIVED", "archivée");
    private static final Map<String, String> TYPES = Map.of("ASSESSMENT", "Évaluation", "PROFILES_COLLECTION",
            "Collecte de profils");
    private static final Map<String, String> PARTICIPATION = Map.of("NOT_STARTED", "pas commencé", "STARTED",
            "commencé", "SHARED", "résultats partagés");
    /** The status moves a button offers from each status: action, API verb, label. */
    private static final Map<String, List<Map<String, String>>> MOVES = Map.of(
            "DRAFT", List.of(Map.of("action", "open", "libelle", "Ouvrir la campagne")),
            "OPEN", List.of(Map.of("action", "close", "libelle", "Clore la campagne")),
            "CLOSED", List.of(Map.of("action", "archive", "libelle", "Archiver la campagne")),
            "ARCHIVED", List.of());
    private static final List<String> FIELDS = List.of("nom", "parcours", "parcoursLibre", "type", "libelleId", "debut",
            "fin", "lien", "collectivite");
    private static final Map<String, String> FIELD_NAMES = Map.of("name", "nom", "track", "parcours", "type", "type",
            "externalIdLabel", "libelleId", "startsOn", "debut", "endsOn", "fin", "pixUrl", "lien", "authorityId",
            "collectivite");
    /** Bars of the report's charts: the width of 100 %, in SVG units. */
    private static final int BAR = 300;

    private final WebContext web;

    CampaignPages(WebContext web) {
        this.web = web;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, LIST, this::list)
                .root(Method.GET, LIST + "/nouvelle", this::form)
                .root(Method.POST, LIST, this::create)
                .root(Method.GET, LIST + "/{id}", this::campaign)
                .root(Method.POST, LIST + "/{id}/statut", this::move)
                .root(Method.POST, LIST + "/{id}/invitations", this::invite)
                .root(Method.POST, LIST + "/{id}/participation", this::participation)
                .root(Method.POST, LIST + "/{id}/certifications", this::certify)
                .root(Method.GET, LIST + "/{id}/rapport", this::report)
                .root(Method.GET, LIST + "/{id}/rapport.{format}", this::reportFile);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.HR, Role.ADMIN);
        if (signed.isEmpty()) {
            return;
        }
        List<Map<String, Object>> campaigns = new ArrayList<>();
        for (Map<String, Object> c : web.api.get(req, signed.get().token(), "/campaigns?limit=200").items()) {
            campaigns.add(described(c));
        }
        Map<String, Object> model = web.page("Campagnes", signed.get(), LIST);
        model.put("campagnes", campaigns);
        web.render(res, Status.OK_200, "campagnes", model);
    }

    private static Map<String, Object> described(Map<String, Object> c) {
        Map<String, Object> row = new LinkedHashMap<>(c);
        row.put("statut", STATUS.getOrDefault(String.valueOf(c.get("status")), ""));
        row.put("genre", TYPES.getOrDefault(String.valueOf(c.get("type")), ""));
        row.put("du", LocalDate.parse(String.valueOf(c.get("startsOn"))).format(StaffPages.LONG_DATE));
        row.put("au", LocalDate.parse(String.valueOf(c.get("endsOn"))).format(StaffPages.LONG_DATE));
        return row;
    }

    private void form(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.HR, Role.ADMIN);
        if (signed.isPresent()) {
            LocalDate today = web.today();
            renderForm(req, res, signed.get(), Status.OK_200, Map.of("parcours", TRACKS.getFirst(), "type", "ASSESSMENT",
                    "libelleId", "Matricule", "debut", today.toString(), "fin", today.plusWeeks(6).toString()), Map.of(), "");
        }
    }

    private void renderForm(ServerRequest req, ServerResponse res, WebContext.Signed signed, Status status,
                            Map<String, String> form, Map<String, String> errors, String error) {
        Map<String, Object> model = web.page("Nouvelle campagne", signed, LIST);
        model.put("valeurs", WebContext.values(form, FIELDS));
        model.put("parcours", TRACKS);
        model.put("collectivites", web.api.get(req, signed.token(), "/local-authorities?limit=200").items());
        model.put("erreurs", errors);
        model.put("erreur", error);
        web.render(res, status, "campagne-nouvelle", model);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.HR, Role.ADMIN);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        Map<String, String> form = posted.get().form();
        JsonObjectBuilder body = Jsons.createObjectBuilder();
        WebContext.putIfPresent(body, "authorityId", form.get("collectivite"));
        WebContext.putIfPresent(body, "name", form.get("nom"));
        String track = "autre".equals(form.get("parcours")) ? form.get("parcoursLibre") : form.get("parcours");
        WebContext.putIfPresent(body, "track", track);
        WebContext.putIfPresent(body, "type", form.get("type"));
        WebContext.putIfPresent(body, "externalIdLabel", form.get("libelleId"));
        WebContext.putIfPresent(body, "startsOn", form.get("debut"));
        WebContext.putIfPresent(body, "endsOn", form.get("fin"));
        WebContext.putIfPresent(body, "pixUrl", form.get("lien"));
        LoopbackApi.Answer created = web.api.post(req, signed.token(), "/campaigns", body.build());
        if (created.ok()) {
            WebContext.redirect(res, LIST + "/" + created.body().get("id") + "?fait=creee");
            return;
        }
        renderForm(req, res, signed, Status.create(created.status() == 409 ? 409 : 422), form,
                WebContext.fieldErrors(created.fieldErrors(), FIELD_NAMES), "La campagne n'est pas créée : "
                        + created.detail());
    }

    private void campaign(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.HR, Role.ADMIN);
        if (signed.isPresent()) {
            renderCampaign(req, res, signed.get(), Status.OK_200, Map.of(), notice(req));
        }
    }

    private static String notice(ServerRequest req) {
        return switch (req.query().first("fait").orElse("")) {
            case "creee" -> "La campagne est créée (brouillon). Invitez les agents, puis ouvrez-la.";
            case "open" -> "La campagne est ouverte : les invitations partent avec les prochains envois.";
            case "close" -> "La campagne est close : plus aucune relance.";
            case "archive" -> "La campagne est archivée.";
            case "invites" -> req.query().first("nombre").orElse("0") + " agent(s) invité(s) en plus.";
            case "participation" -> "Export importé : " + req.query().first("maj").orElse("0") + " participation(s) "
                    + "mise(s) à jour, " + req.query().first("inchangees").orElse("0") + " inchangée(s).";
            case "certifications" -> req.query().first("inscrits").orElse("0") + " agent(s) inscrit(s), "
                    + req.query().first("refuses").orElse("0") + " non inscrit(s) (raison ci-dessous pour chacun).";
            default -> "";
        };
    }

    /** The campaign's page; {@code outcome} carries an error and its report, or the outcomes of a dispatch. */
    private void renderCampaign(ServerRequest req, ServerResponse res, WebContext.Signed signed, Status status,
                                Map<String, Object> outcome, String notice) {
        Optional<String> id = WebContext.pathId(req);
        LoopbackApi.Answer campaign = id.map(i -> web.api.get(req, signed.token(), "/campaigns/" + i))
                .orElse(new LoopbackApi.Answer(404, Map.of()));
        if (!campaign.ok()) {
            web.notFound(res, signed);
            return;
        }
        Map<String, Object> c = described(campaign.body());
        String authority = String.valueOf(c.get("authorityId"));
        List<Map<String, Object>> participants = new ArrayList<>();
        for (Map<String, Object> p : web.api.get(req, signed.token(), "/campaigns/" + id.get() + "/participants").items()) {
            Map<String, Object> row = new LinkedHashMap<>(p);
            row.put("etat", PARTICIPATION.getOrDefault(String.valueOf(p.get("status")), ""));
            participants.add(row);
        }
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (Map<String, Object> s : web.api.get(req, signed.token(), "/local-authorities/" + authority + "/sessions")
                .items()) {
            Map<String, Object> row = new LinkedHashMap<>(s);
            row.put("dateLongue", LocalDate.parse(String.valueOf(s.get("date"))).format(StaffPages.LONG_DATE));
            sessions.add(row);
        }
        Map<String, Object> model = web.page("Campagne " + c.get("name"), signed, LIST);
        model.put("campagne", c);
        model.put("actions", MOVES.getOrDefault(String.valueOf(c.get("status")), List.of()));
        model.put("participants", participants);
        model.put("partages", participants.stream().filter(p -> "SHARED".equals(p.get("status"))).count());
        model.put("services", web.api.get(req, signed.token(), "/local-authorities/" + authority + "/services").items());
        model.put("sessions", sessions);
        model.put("erreur", outcome.getOrDefault("erreur", ""));
        model.put("rapport", outcome.getOrDefault("rapport", List.of()));
        model.put("nonTrouves", outcome.getOrDefault("nonTrouves", List.of()));
        model.put("envois", outcome.getOrDefault("envois", List.of()));
        model.put("message", notice);
        web.render(res, status, "campagne", model);
    }

    private void move(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.HR, Role.ADMIN);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        Map<String, String> form = posted.get().form();
        String action = form.getOrDefault("action", "");
        Optional<String> id = WebContext.pathId(req);
        if (id.isEmpty() || !List.of("open", "close", "archive").contains(action)) {
            web.notFound(res, signed);
            return;
        }
        LoopbackApi.Answer moved = web.api.post(req, signed.token(), "/campaigns/" + id.get() + "/" + action,
                Jsons.createObjectBuilder().build());
        answer(req, res, signed, moved, "?fait=" + action);
    }

    private void invite(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.HR, Role.ADMIN);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        List<Map.Entry<String, String>> fields = posted.get().fields();
        Map<String, String> form = posted.get().form();
        JsonObjectBuilder body = Jsons.createObjectBuilder();
        JsonArrayBuilder services = Jsons.createArrayBuilder();
        boolean any = false;
        for (Map.Entry<String, String> f : fields) {
            if (f.getKey().equals("service") && WebContext.isUuid(f.getValue())) {
                services.add(f.getValue());
                any = true;
            }
        }
        if ("oui".equals(form.get("tous"))) {
            body.add("all", true);
        } else if (any) {
            body.add("serviceIds", services);
        } else {
            renderCampaign(req, res, signed, Status.create(422), Map.of("erreur",
                    "Personne n'est invité : cochez « tous les agents » ou au moins un service."), "");
            return;
        }
        Optional<String> id = WebContext.pathId(req);
        LoopbackApi.Answer invited = id.map(i -> web.api.post(req, signed.token(), "/campaigns/" + i + "/invitations",
                body.build())).orElse(new LoopbackApi.Answer(404, Map.of()));
        answer(req, res, signed, invited, "?fait=invites&nombre=" + invited.body().getOrDefault("invited", 0));
    }

    private void participation(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Uploaded> uploaded = web.uploaded(req, res, MAX_UPLOAD, (signed, problem) -> renderCampaign(req, res, signed,
                Status.create(problem.status()), Map.of("erreur", problem.detail()), ""), Role.HR, Role.ADMIN);
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
            renderCampaign(req, res, signed, Status.create(422), Map.of("erreur",
                    "Choisissez l'export CSV de la campagne téléchargé depuis Pix Orga."), "");
            return;
        }
        LoopbackApi.Answer imported = web.api.postFile(req, signed.token(), "/campaigns/" + id.get()
                + "/participation", upload.file(), "text/csv");
        if (imported.status() == 404) {
            web.notFound(res, signed);
        } else if (!imported.ok()) {
            renderCampaign(req, res, signed, Status.create(imported.status()), Map.of("erreur",
                    "L'export n'est pas importé, rien n'a changé : " + imported.detail(), "rapport", imported.errors()), "");
        } else if (imported.body().get("unmatched") instanceof List<?> unmatched && !unmatched.isEmpty()) {
            renderCampaign(req, res, signed, Status.OK_200, Map.of("nonTrouves", unmatched),
                    "Export importé : " + imported.body().get("updated") + " participation(s) mise(s) à jour, "
                            + imported.body().get("unchanged") + " inchangée(s) ; " + unmatched.size()
                            + " ligne(s) ne correspondent à aucun agent invité (ci-dessous).");
        } else {
            WebContext.redirect(res, LIST + "/" + id.get() + "?fait=participation&maj=" + imported.body().get("updated")
                    + "&inchangees=" + imported.body().get("unchanged"));
        }
    }

    private void certify(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.HR, Role.ADMIN);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        List<Map.Entry<String, String>> fields = posted.get().fields();
        Map<String, String> form = posted.get().form();
        JsonObjectBuilder body = Jsons.createObjectBuilder();
        WebContext.putIfPresent(body, "sessionId", form.get("session"));
        JsonArrayBuilder agents = Jsons.createArrayBuilder();
        long chosen = fields.stream().filter(f -> f.getKey().equals("agent") && WebContext.isUuid(f.getValue()))
                .peek(f -> agents.add(f.getValue())).count();
        String threshold = form.getOrDefault("seuil", "").strip();
        if (chosen > 0) {
            body.add("agentIds", agents);
        } else if (threshold.matches("\\d{1,3}") && Integer.parseInt(threshold) <= 100) {
            body.add("minMasteryPercent", Integer.parseInt(threshold));
        } else {
            renderCampaign(req, res, signed, Status.create(422), Map.of("erreur", "Personne n'est inscrit : "
                    + "cochez des agents, ou indiquez un taux de maîtrise minimal entre 0 et 100."), "");
            return;
        }
        Optional<String> id = WebContext.pathId(req);
        LoopbackApi.Answer sent = id.map(i -> web.api.post(req, signed.token(), "/campaigns/" + i
                + "/certifications", body.build())).orElse(new LoopbackApi.Answer(404, Map.of()));
        if (sent.ok()) {
            List<Map<String, Object>> refused = sent.items().stream().filter(i -> i.get("refusal") != null).toList();
            if (!refused.isEmpty()) {
                renderCampaign(req, res, signed, Status.OK_200, Map.of("envois", refused), sent.body().get("enrolled")
                        + " agent(s) inscrit(s), " + refused.size() + " non inscrit(s) : raisons ci-dessous.");
                return;
            }
        }
        answer(req, res, signed, sent, "?fait=certifications&inscrits=" + sent.body().getOrDefault("enrolled", 0)
                + "&refuses=0");
    }

    /** After an action: back to the campaign saying what was done, the page with the reason, or 404. */
    private void answer(ServerRequest req, ServerResponse res, WebContext.Signed signed, LoopbackApi.Answer answer,
                        String done) {
        if (answer.status() == 404) {
            web.notFound(res, signed);
        } else if (!answer.ok()) {
            renderCampaign(req, res, signed, Status.create(answer.status()), Map.of("erreur", "Rien n'a changé : "
                    + answer.messages()), "");
        } else {
            WebContext.redirect(res, LIST + "/" + WebContext.pathId(req).orElseThrow() + done);
        }
    }

    private void report(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.HR, Role.ADMIN);
        if (signed.isEmpty()) {
            return;
        }
        Optional<String> id = WebContext.pathId(req);
        LoopbackApi.Answer campaign = id.map(i -> web.api.get(req, signed.get().token(), "/campaigns/" + i))
                .orElse(new LoopbackApi.Answer(404, Map.of()));
        if (!campaign.ok()) {
            web.notFound(res, signed.get());
            return;
        }
        LoopbackApi.Answer report = web.api.get(req, signed.get().token(), "/campaigns/" + id.get() + "/report");
        List<Map<String, Object>> nodes = new ArrayList<>();
        int n = 0;
        for (Object o : report.body().get("nodes") instanceof List<?> list ? list : List.of()) {
            nodes.add(chartsOf(asMap(o), n++));
        }
        Map<String, Object> model = web.page("Rapport de la campagne " + campaign.body().get("name"), signed.get(), LIST);
        model.put("campagne", described(campaign.body()));
        model.put("rapport", report.body());
        model.put("noeuds", nodes);
        web.render(res, Status.OK_200, "campagne-rapport", model);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A node of the report with its bars: label, percent, width and position, or the reason a figure is withheld. */
    private static Map<String, Object> chartsOf(Map<String, Object> node, int index) {
        Map<String, Object> shown = new LinkedHashMap<>(node);
        shown.put("numero", index);
        Map<String, Object> results = asMap(node.get("results"));
        List<Map<String, Object>> bars = new ArrayList<>();
        for (Object b : results.get("masteryBands") instanceof List<?> list ? list : List.of()) {
            bars.add(bar(String.valueOf(asMap(b).get("band")), asMap(b).get("percent"), bars.size()));
        }
        List<Map<String, Object>> competences = new ArrayList<>();
        for (Object c : results.get("competences") instanceof List<?> list ? list : List.of()) {
            Map<String, Object> competence = asMap(c);
            if (competence.get("masteryPercent") != null) {
                competences.add(bar(String.valueOf(competence.get("competence")), competence.get("masteryPercent"),
                        competences.size()));
            }
        }
        shown.put("barres", bars);
        shown.put("barresHauteur", 28 * bars.size() + 8);
        shown.put("competencesBarres", competences);
        shown.put("competencesHauteur", 28 * competences.size() + 8);
        return shown;
    }

    private static Map<String, Object> bar(String label, Object percent, int row) {
        Map<String, Object> bar = new LinkedHashMap<>();
        bar.put("libelle", label);
        bar.put("y", 4 + 28 * row);
        bar.put("texteY", 20 + 28 * row);
        if (percent instanceof Number p) {
            bar.put("pourcent", p.intValue());
            bar.put("largeur", Math.max(1, BAR * p.intValue() / 100));
            bar.put("publie", true);
        } else {
            bar.put("pourcent", "");
            bar.put("largeur", 0);
            bar.put("publie", false);
        }
        return bar;
    }

    private void reportFile(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.HR, Role.ADMIN);
        if (signed.isEmpty()) {
            return;
        }
        String format = req.path().pathParameters().first("format").orElse("");
        Optional<String> id = WebContext.pathId(req);
        if (id.isEmpty() || !List.of("csv", "pdf").contains(format)) {
            web.notFound(res, signed.get());
            return;
        }
        LoopbackApi.Download file = web.api.download(req, signed.get().token(), "/campaigns/" + id.get() + "/report."
                + format);
        if (file.status() != 200) {
            web.notFound(res, signed.get());
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, file.contentType()).header(HeaderNames.CONTENT_DISPOSITION, file.disposition()
                .orElse("attachment; filename=\"rapport-campagne." + format + "\"")).send(file.body());
    }
}
