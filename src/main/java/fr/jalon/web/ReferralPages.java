package fr.jalon.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
 * One referral: what the adviser sent and what became of it. Staff of the receiving centre
 * handle it — a session among those that fit the person's constraints (one click enrols them),
 * a refusal with its reason, or a postponement; the adviser may withdraw it while it waits.
 */
final class ReferralPages implements ApiRoutes.ApiService {

    static final String PAGE = "/console/orientations/{id}";
    private static final List<String> WAITING = List.of("NEW", "POSTPONED");
    private static final List<Map<String, String>> REASONS = List.of(
            reason("UNREACHABLE", "Personne injoignable"), reason("ABSENT", "Absente au rendez-vous"),
            reason("IN_EMPLOYMENT", "En emploi"), reason("IN_TRAINING", "En formation"),
            reason("NOT_ELIGIBLE", "Ne remplit pas les conditions"), reason("NOT_MOBILE", "Ne peut pas se déplacer"),
            reason("NOT_INTERESTED", "Ne souhaite plus passer la certification"),
            reason("SESSION_FULL", "Aucune place dans les sessions possibles"), reason("DUPLICATE", "Orientation en double"),
            reason("OTHER", "Autre (précisez)"));

    private final WebContext web;

    ReferralPages(WebContext web) {
        this.web = web;
    }

    private static Map<String, String> reason(String code, String label) {
        return Map.of("code", code, "libelle", label);
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, PAGE, this::page)
                .root(Method.POST, PAGE + "/accepter", this::accept)
                .root(Method.POST, PAGE + "/refuser", this::refuse)
                .root(Method.POST, PAGE + "/reporter", this::postpone)
                .root(Method.POST, PAGE + "/annuler", this::cancel)
                .root(Method.GET, PAGE + "/convocation", this::convocation);
    }

    private void page(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.ADVISER, Role.CENTER_STAFF, Role.ADMIN);
        if (signed.isPresent()) {
            String done = req.query().first("fait").orElse("");
            render(req, res, signed.get(), Status.OK_200, Map.of(), "", switch (done) {
                case "acceptee" -> "La personne est inscrite à la session ; sa convocation part avec les prochains envois.";
                case "refusee" -> "L'orientation est refusée ; le conseiller en est informé.";
                case "reportee" -> "L'orientation est reportée ; le conseiller en est informé.";
                case "annulee" -> "L'orientation est retirée.";
                default -> "";
            });
        }
    }

    /** The referral's page; {@code errors} keyed by form (accepter, refuser, reporter, annuler). */
    private void render(ServerRequest req, ServerResponse res, WebContext.Signed signed, Status status,
                        Map<String, String> errors, String error, String notice) {
        Optional<String> id = WebContext.pathId(req);
        LoopbackApi.Answer referral = id.map(i -> web.api.get(req, signed.token(), "/referrals/" + i))
                .orElse(new LoopbackApi.Answer(404, Map.of()));
        if (!referral.ok()) {
            web.notFound(res, signed);
            return;
        }
        Map<String, Object> r = new LinkedHashMap<>(referral.body());
        r.put("statut", AdviserPages.STATUS.getOrDefault(String.valueOf(r.get("status")), String.valueOf(r.get("status"))));
        r.put("creee", AdviserPages.day(r.get("createdAt")));
        r.put("majLe", AdviserPages.day(r.get("updatedAt")));
        boolean waiting = WAITING.contains(String.valueOf(r.get("status")));
        boolean staff = signed.role() != Role.ADVISER;
        List<Map<String, Object>> proposals = new ArrayList<>();
        if (staff && waiting) {
            for (Map<String, Object> p : web.api.get(req, signed.token(), "/referrals/" + id.get() + "/proposals?limit=10")
                    .items()) {
                Map<String, Object> row = new LinkedHashMap<>(p);
                row.put("dateLongue", LocalDate.parse(String.valueOf(p.get("date"))).format(StaffPages.LONG_DATE));
                proposals.add(row);
            }
        }
        Map<String, Object> model = web.page("Orientation de " + r.get("personName"), signed, AdviserPages.LIST);
        model.put("orientation", r);
        model.put("personnel", staff);
        model.put("enAttente", waiting);
        model.put("propositions", proposals);
        model.put("motifs", REASONS);
        model.put("erreurs", errors);
        model.put("erreur", error);
        model.put("message", notice);
        web.render(res, status, "orientation-fiche", model);
    }

    /** The convocation to print or forward: the page, and a mailto: link carrying its text. */
    private void convocation(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.ADVISER, Role.CENTER_STAFF, Role.ADMIN);
        if (signed.isEmpty()) {
            return;
        }
        Optional<String> id = WebContext.pathId(req);
        LoopbackApi.Answer c = id.map(i -> web.api.get(req, signed.get().token(), "/referrals/" + i + "/convocation"))
                .orElse(new LoopbackApi.Answer(404, Map.of()));
        if (c.status() == 404) {
            web.notFound(res, signed.get());
            return;
        }
        if (!c.ok()) {
            Map<String, Object> model = web.page("Convocation", signed.get(), AdviserPages.LIST);
            model.put("detail", c.detail());
            web.render(res, Status.create(c.status()), "document-refus", model);
            return;
        }
        Map<String, Object> convocation = new LinkedHashMap<>(c.body());
        convocation.put("dateLongue", LocalDate.parse(String.valueOf(c.body().get("date"))).format(StaffPages.LONG_DATE));
        Map<?, ?> place = c.body().get("place") instanceof Map<?, ?> p ? p : Map.of();
        String text = "Convocation à la certification Pix\n\n" + c.body().get("personName") + " est attendu(e) le "
                + convocation.get("dateLongue") + " de " + c.body().get("startTime") + " à " + c.body().get("endTime")
                + ",\n" + place.get("centre") + " — " + place.get("site") + "\n" + place.get("line1") + "\n"
                + place.get("postalCode") + " " + place.get("city") + "\n\nÀ apporter : une pièce d'identité en "
                + "cours de validité (carte d'identité, passeport ou titre de séjour).\nArriver 15 minutes avant le "
                + "début de la session.";
        convocation.put("mailto", "mailto:?subject=" + encode("Convocation à la certification Pix le "
                + convocation.get("dateLongue")) + "&body=" + encode(text));
        Map<String, Object> model = web.page("Convocation de " + c.body().get("personName"), signed.get(),
                AdviserPages.LIST);
        model.put("convocation", convocation);
        model.put("lieu", place);
        model.put("contact", c.body().get("contact") instanceof Map<?, ?> contact ? contact : Map.of());
        model.put("orientation", id.get());
        web.render(res, Status.OK_200, "convocation", model);
    }

    /** Percent-encoding for a mailto: URI (spaces as %20, as mail clients expect, not +). */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void accept(ServerRequest req, ServerResponse res) {
        act(req, res, "accepter", "/accept", "acceptee", form -> {
            JsonObjectBuilder body = Jsons.createObjectBuilder();
            WebContext.putIfPresent(body, "sessionId", form.get("session"));
            return body;
        }, Role.CENTER_STAFF, Role.ADMIN);
    }

    private void refuse(ServerRequest req, ServerResponse res) {
        act(req, res, "refuser", "/refuse", "refusee", form -> {
            JsonObjectBuilder body = Jsons.createObjectBuilder().add("sharedWithPerson", "oui".equals(form.get("partage")));
            WebContext.putIfPresent(body, "reason", form.get("motif"));
            WebContext.putIfPresent(body, "text", form.get("precision"));
            return body;
        }, Role.CENTER_STAFF, Role.ADMIN);
    }

    private void postpone(ServerRequest req, ServerResponse res) {
        act(req, res, "reporter", "/postpone", "reportee", form -> {
            JsonObjectBuilder body = Jsons.createObjectBuilder();
            WebContext.putIfPresent(body, "until", form.get("jusquau"));
            WebContext.putIfPresent(body, "text", form.get("precision"));
            return body;
        }, Role.CENTER_STAFF, Role.ADMIN);
    }

    private void cancel(ServerRequest req, ServerResponse res) {
        act(req, res, "annuler", "/cancel", "annulee", form -> {
            JsonObjectBuilder body = Jsons.createObjectBuilder();
            WebContext.putIfPresent(body, "text", form.get("precision"));
            return body;
        }, Role.ADVISER);
    }

    @FunctionalInterface
    private interface Body {
        JsonObjectBuilder of(Map<String, String> form);
    }

    /** One of the page's forms: the API action on the referral, then the page saying what was done or why not. */
    private void act(ServerRequest req, ServerResponse res, String formName, String apiAction, String done, Body body,
                     Role... roles) {
        Optional<WebContext.Posted> posted = web.posted(req, res, roles);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        Map<String, String> form = posted.get().form();
        Optional<String> id = WebContext.pathId(req);
        LoopbackApi.Answer answer = id.map(i -> web.api.post(req, signed.token(), "/referrals/" + i + apiAction,
                body.of(form).build())).orElse(new LoopbackApi.Answer(404, Map.of()));
        if (answer.status() == 404) {
            web.notFound(res, signed);
            return;
        }
        if (!answer.ok()) {
            render(req, res, signed, Status.create(answer.status()), Map.of(formName, answer.messages()),
                    "Rien n'a changé : " + answer.detail(), "");
            return;
        }
        WebContext.redirect(res, "/console/orientations/" + id.get() + "?fait=" + done);
    }
}
