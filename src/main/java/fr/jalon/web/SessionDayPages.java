package fr.jalon.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Role;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObjectBuilder;

/**
 * The session day for staff, made for a tablet in the room: the check-in list (present, absent,
 * excused in one touch), each present candidate's report (arrival, test finished or the abort
 * reason, comment), incident reports with Pix's categories, and finalization with every broken
 * rule shown where it applies. Through the API's session-day use cases.
 */
final class SessionDayPages implements ApiRoutes.ApiService {

    static final String PAGE = "/console/sessions/{id}/jour";
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, String> ATTENDANCE = Map.of("PRESENT", "Présent(e)", "ABSENT", "Absent(e)",
            "EXCUSED", "Excusé(e)");
    /** Pix Certif's incident categories and subcategories, as the form offers them: value, French label. */
    private static final List<Map<String, Object>> INCIDENTS = List.of(
            group("Modification des informations du candidat", option("CANDIDATE_INFORMATIONS_CHANGES:NAME_OR_BIRTHDATE",
                    "Nom, prénom ou date de naissance"), option("CANDIDATE_INFORMATIONS_CHANGES:EXTRA_TIME_PERCENTAGE",
                    "Ajout ou modification du temps majoré")),
            group("Émargement", option("SIGNATURE_ISSUE", "Problème de signature (émargement)")),
            group("Problème sur une question (numéro de la question)",
                    option("IN_CHALLENGE:IMAGE_NOT_DISPLAYING", "L'image ne s'affiche pas"),
                    option("IN_CHALLENGE:EMBED_NOT_WORKING", "Le simulateur ou l'application ne s'affiche pas"),
                    option("IN_CHALLENGE:FILE_NOT_OPENING", "Le fichier à télécharger ne s'ouvre pas"),
                    option("IN_CHALLENGE:WEBSITE_UNAVAILABLE", "Le site à visiter est indisponible"),
                    option("IN_CHALLENGE:WEBSITE_BLOCKED", "Le site est bloqué par le réseau du centre"),
                    option("IN_CHALLENGE:EXTRA_TIME_EXCEEDED", "Temps majoré dépassé sur la question"),
                    option("IN_CHALLENGE:SOFTWARE_NOT_WORKING", "Le logiciel de l'ordinateur n'a pas fonctionné"),
                    option("IN_CHALLENGE:UNINTENTIONAL_FOCUS_OUT", "Sortie involontaire du cadre de la question"),
                    option("IN_CHALLENGE:SKIP_ON_OOPS", "Une page « Oups » s'affiche à la question"),
                    option("IN_CHALLENGE:ACCESSIBILITY_ISSUE", "Problème d'accessibilité de la question")),
            group("Autres (description obligatoire)", option("FRAUD", "Suspicion de fraude"),
                    option("NON_BLOCKING_CANDIDATE_ISSUE", "Incident non bloquant lié au candidat"),
                    option("NON_BLOCKING_TECHNICAL_ISSUE", "Incident technique non bloquant")));

    private final WebContext web;

    SessionDayPages(WebContext web) {
        this.web = web;
    }

    @SafeVarargs
    private static Map<String, Object> group(String label, Map<String, String>... options) {
        return Map.of("libelle", label, "options", List.of(options));
    }

    private static Map<String, String> option(String value, String label) {
        return Map.of("valeur", value, "libelle", label);
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, PAGE, this::page)
                .root(Method.POST, PAGE + "/{enrolment}/presence", this::attendance)
                .root(Method.POST, PAGE + "/{enrolment}/deroule", this::report)
                .root(Method.POST, PAGE + "/incidents", this::incident)
                .root(Method.POST, PAGE + "/incidents/{incident}/supprimer", this::removeIncident)
                .root(Method.POST, "/console/sessions/{id}/finalisation", this::finalize);
    }

    private void page(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (signed.isPresent()) {
            render(req, res, signed.get(), Status.OK_200, Map.of(), "", notice(req));
        }
    }

    private static String notice(ServerRequest req) {
        return switch (req.query().first("fait").orElse("")) {
            case "presence" -> "Présence enregistrée.";
            case "deroule" -> "Déroulé enregistré.";
            case "incident" -> "Incident enregistré.";
            case "incident-supprime" -> "Incident supprimé.";
            case "finalisee" -> "La session est finalisée. Les absents et excusés se verront proposer une autre session.";
            default -> "";
        };
    }

    /**
     * The day sheet; {@code errors} by enrolment id ({@code session} for the session as a whole,
     * {@code incident} for the incident form), shown where they apply.
     */
    @SuppressWarnings("unchecked")
    private void render(ServerRequest req, ServerResponse res, WebContext.Signed signed, Status status,
                        Map<String, String> errors, String error, String notice) {
        Optional<String> id = WebContext.pathId(req);
        LoopbackApi.Answer session = id.map(i -> web.api.get(req, signed.token(), "/sessions/" + i))
                .orElse(new LoopbackApi.Answer(404, Map.of()));
        if (!session.ok()) {
            web.notFound(res, signed);
            return;
        }
        LoopbackApi.Answer day = web.api.get(req, signed.token(), "/sessions/" + id.get() + "/day");
        Map<String, Object> s = new LinkedHashMap<>(session.body());
        s.put("dateLongue", LocalDate.parse(String.valueOf(s.get("date"))).format(StaffPages.LONG_DATE));
        s.put("statut", StaffPages.SESSION_STATUS.getOrDefault(String.valueOf(s.get("status")), ""));
        List<Map<String, Object>> candidates = new ArrayList<>();
        List<Map<String, Object>> incidents = new ArrayList<>();
        for (Map<String, Object> c : candidatesOf(day)) {
            Map<String, Object> line = new LinkedHashMap<>(c);
            line.put("statut", StaffPages.ENROLMENT_STATUS.getOrDefault(String.valueOf(c.get("status")), ""));
            line.put("erreur", errors.getOrDefault(String.valueOf(c.get("enrolmentId")), ""));
            line.put("present", "PRESENT".equals(c.get("status")));
            line.put("naissance", LocalDate.parse(String.valueOf(c.get("birthDate"))).format(BIRTH_DATE));
            line.put("termine", !Boolean.FALSE.equals(c.get("testFinished")));
            if (c.get("incidents") instanceof List<?> list) {
                for (Object i : list) {
                    Map<String, Object> incident = new LinkedHashMap<>((Map<String, Object>) i);
                    incident.put("candidat", c.get("birthName") + " " + c.get("firstName"));
                    incidents.add(incident);
                }
            }
            candidates.add(line);
        }
        boolean open = "SCHEDULED".equals(s.get("status"));
        Map<String, Object> model = web.page("Jour de la session du " + s.get("dateLongue"), signed, "/console/sessions");
        model.put("session", s);
        model.put("jour", day.body());
        model.put("candidats", candidates);
        model.put("incidents", incidents);
        model.put("presences", ATTENDANCE);
        model.put("natures", INCIDENTS);
        model.put("modifiable", open && day.ok());
        model.put("erreurs", errors);
        model.put("erreur", error);
        model.put("message", notice);
        model.put("commentaire", day.body().getOrDefault("globalComment", ""));
        web.render(res, status, "session-jour", model);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> candidatesOf(LoopbackApi.Answer day) {
        return day.body().get("candidates") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private void attendance(ServerRequest req, ServerResponse res) {
        onCandidate(req, res, (signed, enrolment, form) -> web.api.put(req, signed.token(), "/enrolments/" + enrolment
                + "/attendance", Jsons.createObjectBuilder().add("status", form.getOrDefault("statut", "")).build()),
                "presence");
    }

    private void report(ServerRequest req, ServerResponse res) {
        onCandidate(req, res, (signed, enrolment, form) -> {
            JsonObjectBuilder body = Jsons.createObjectBuilder();
            WebContext.putIfPresent(body, "arrivedAt", form.get("arrivee"));
            WebContext.putIfPresent(body, "comment", form.get("commentaire"));
            boolean finished = !"non".equals(form.get("termine"));
            body.add("testFinished", finished);
            if (!finished) {
                WebContext.putIfPresent(body, "abortReason", form.get("motif"));
            }
            return web.api.put(req, signed.token(), "/enrolments/" + enrolment + "/day-report", body.build());
        }, "deroule");
    }

    private void incident(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        Map<String, String> form = posted.get().form();
        String enrolment = form.getOrDefault("candidat", "");
        if (!WebContext.isUuid(enrolment)) {
            render(req, res, signed, Status.create(422), Map.of("incident", "Choisissez le candidat concerné."),
                    "L'incident n'est pas enregistré.", "");
            return;
        }
        String[] nature = form.getOrDefault("nature", "").split(":", 2);
        JsonObjectBuilder body = Jsons.createObjectBuilder();
        WebContext.putIfPresent(body, "category", nature[0]);
        if (nature.length > 1) {
            WebContext.putIfPresent(body, "subcategory", nature[1]);
        }
        WebContext.putIfPresent(body, "description", form.get("description"));
        String question = form.getOrDefault("question", "").strip();
        if (!question.isEmpty()) {
            if (!question.matches("\\d{1,3}")) {
                render(req, res, signed, Status.create(422), Map.of("incident",
                        "Le numéro de question s'écrit en chiffres, par exemple 12."), "L'incident n'est pas enregistré.", "");
                return;
            }
            body.add("questionNumber", Integer.parseInt(question));
        }
        LoopbackApi.Answer answer = web.api.post(req, signed.token(), "/enrolments/" + enrolment + "/incidents",
                body.build());
        if (answer.status() == 404) {
            web.notFound(res, signed);
        } else if (!answer.ok()) {
            render(req, res, signed, Status.create(answer.status()), Map.of("incident", answer.messages()),
                    "L'incident n'est pas enregistré.", "");
        } else {
            WebContext.redirect(res, back(req, "incident", "incidents"));
        }
    }

    private void removeIncident(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        String incident = req.path().pathParameters().first("incident").orElse("");
        LoopbackApi.Answer answer = WebContext.isUuid(incident) ? web.api.delete(req, signed.token(), "/incidents/"
                + incident) : new LoopbackApi.Answer(404, Map.of());
        if (answer.status() == 404) {
            web.notFound(res, signed);
        } else if (!answer.ok()) {
            render(req, res, signed, Status.create(answer.status()), Map.of("incident", answer.detail()),
                    "L'incident n'est pas supprimé.", "");
        } else {
            WebContext.redirect(res, back(req, "incident-supprime", "incidents"));
        }
    }

    private void finalize(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        Map<String, String> form = posted.get().form();
        Optional<String> id = WebContext.pathId(req);
        if (id.isEmpty()) {
            web.notFound(res, signed);
            return;
        }
        JsonObjectBuilder body = Jsons.createObjectBuilder().add("hasIncident", "oui".equals(form.get("incident")))
                .add("hasJoiningIssue", "oui".equals(form.get("connexion")));
        WebContext.putIfPresent(body, "globalComment", form.get("commentaire"));
        LoopbackApi.Answer answer = web.api.put(req, signed.token(), "/sessions/" + id.get() + "/finalization",
                body.build());
        if (answer.status() == 404) {
            web.notFound(res, signed);
            return;
        }
        if (!answer.ok()) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (Map<String, Object> e : answer.errors()) {
                String field = String.valueOf(e.get("field"));
                String where = field.startsWith("candidates[") ? field.substring(11, field.indexOf(']')) : "session";
                errors.merge(where, String.valueOf(e.get("message")), (a, b) -> a + " " + b);
            }
            if (errors.isEmpty()) {
                errors.put("session", answer.detail());
            }
            render(req, res, signed, Status.create(answer.status()), errors,
                    "La session n'est pas finalisée : " + (answer.errors().isEmpty() ? answer.detail()
                            : answer.errors().size() + " point(s) à régler, indiqués ci-dessous."), "");
            return;
        }
        WebContext.redirect(res, "/console/sessions/" + id.get() + "/jour?fait=finalisee");
    }

    /** A change on one candidate's line: the API call, then back to the line, or the page with the error on it. */
    private void onCandidate(ServerRequest req, ServerResponse res, CandidateCall call, String done) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        Map<String, String> form = posted.get().form();
        String enrolment = req.path().pathParameters().first("enrolment").orElse("");
        if (WebContext.pathId(req).isEmpty() || !WebContext.isUuid(enrolment)) {
            web.notFound(res, signed);
            return;
        }
        LoopbackApi.Answer answer = call.on(signed, enrolment, form);
        if (answer.status() == 404) {
            web.notFound(res, signed);
        } else if (!answer.ok()) {
            render(req, res, signed, Status.create(answer.status()), Map.of(enrolment, answer.messages()),
                    "La modification n'est pas enregistrée : voir la ligne du candidat.", "");
        } else {
            WebContext.redirect(res, back(req, done, "c-" + enrolment));
        }
    }

    @FunctionalInterface
    private interface CandidateCall {
        LoopbackApi.Answer on(WebContext.Signed signed, String enrolment, Map<String, String> form);
    }

    private static String back(ServerRequest req, String done, String anchor) {
        return "/console/sessions/" + WebContext.pathId(req).orElseThrow() + "/jour?fait=" + done + "#" + anchor;
    }
}
