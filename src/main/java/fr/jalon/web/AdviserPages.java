package fr.jalon.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Role;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * Referrals in the console: an adviser refers a person (with their availability, needs and the
 * consent statement) and follows each referral's status; staff of the receiving centre see the
 * same list. Through {@code /api/v1/referrals}, with an Idempotency-Key per form.
 */
final class AdviserPages implements ApiRoutes.ApiService {

    static final String LIST = "/console/orientations";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    static final Map<String, String> STATUS = Map.ofEntries(Map.entry("NEW", "nouvelle"),
            Map.entry("ACCEPTED", "acceptée : inscription à une session"), Map.entry("REFUSED", "refusée"),
            Map.entry("POSTPONED", "reportée"), Map.entry("EXPIRED", "expirée sans traitement"),
            Map.entry("CANCELLED", "annulée"), Map.entry("CONVOKED", "convocation envoyée"),
            Map.entry("ATTENDED", "présente à la session"), Map.entry("NO_SHOW", "absente à la session"),
            Map.entry("EXCUSED", "absence excusée"), Map.entry("CERTIFIED", "résultats de certification disponibles"));
    private static final List<String> DAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY");
    private static final List<String> DAY_LABELS = List.of("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi");
    private static final List<String> FIELDS = List.of("nom", "prenom", "sexe", "dateNaissance", "inseeNaissance",
            "communeNaissance", "paysNaissance", "email", "telephone", "identifiantFT", "communeResidence", "besoins", "note",
            "consentement", "cle");
    private static final Map<String, String> FIELD_NAMES;

    static {
        Map<String, String> names = new LinkedHashMap<>(StaffPages.FIELD_NAMES);
        names.put("person.franceTravailNumber", "identifiantFT");
        names.put("person.residenceInsee", "communeResidence");
        names.put("constraints.accessibility", "besoins");
        names.put("note", "note");
        names.put("consent", "consentement");
        names.put("consent.personInformed", "consentement");
        FIELD_NAMES = Map.copyOf(names);
    }

    private final WebContext web;

    AdviserPages(WebContext web) {
        this.web = web;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, LIST, this::list)
                .root(Method.GET, LIST + "/nouvelle", this::form)
                .root(Method.POST, LIST, this::refer);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.ADVISER, Role.CENTER_STAFF);
        if (signed.isEmpty()) {
            return;
        }
        List<Map<String, Object>> referrals = new ArrayList<>();
        for (Map<String, Object> r : web.api.get(req, signed.get().token(), "/referrals?limit=200").items()) {
            Map<String, Object> row = new LinkedHashMap<>(r);
            row.put("statut", STATUS.getOrDefault(String.valueOf(r.get("status")), String.valueOf(r.get("status"))));
            row.put("creee", day(r.get("createdAt")));
            row.put("majLe", day(r.get("updatedAt")));
            referrals.add(row);
        }
        Map<String, Object> model = web.page("Orientations", signed.get(), LIST);
        model.put("orientations", referrals);
        model.put("conseiller", signed.get().role() == Role.ADVISER);
        model.put("message", req.query().first("envoyee").asOptional().isPresent()
                ? "L'orientation est envoyée au centre. Son statut s'affiche ci-dessous et change à chaque étape." : "");
        web.render(res, Status.OK_200, "orientations", model);
    }

    private void form(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.ADVISER);
        if (signed.isPresent()) {
            renderForm(res, signed.get(), Status.OK_200, Map.of(), List.of(), Map.of(), "");
        }
    }

    private void renderForm(ServerResponse res, WebContext.Signed signed, Status status, Map<String, String> form,
                            List<String> availability, Map<String, String> errors, String error) {
        Map<String, Object> model = web.page("Orienter une personne", signed, LIST);
        Map<String, String> values = WebContext.values(form, FIELDS);
        // A new key for each form shown: a refused form sent again, corrected, is another request.
        values.put("cle", UUID.randomUUID().toString());
        model.put("valeurs", values);
        model.put("erreurs", errors);
        model.put("erreur", error);
        List<Map<String, Object>> days = new ArrayList<>();
        for (int i = 0; i < DAYS.size(); i++) {
            String morning = DAYS.get(i) + "_MORNING";
            String afternoon = DAYS.get(i) + "_AFTERNOON";
            days.add(Map.of("libelle", DAY_LABELS.get(i), "matin", morning, "apresMidi", afternoon,
                    "matinCoche", availability.contains(morning), "apresMidiCoche", availability.contains(afternoon)));
        }
        model.put("jours", days);
        web.render(res, status, "orientation", model);
    }

    private void refer(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.ADVISER);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        Map<String, String> form = posted.get().form();
        List<String> availability = posted.get().fields().stream().filter(f -> f.getKey().equals("disponibilite"))
                .map(Map.Entry::getValue).toList();
        JsonObjectBuilder person = StaffPages.person(form);
        WebContext.putIfPresent(person, "franceTravailNumber", form.get("identifiantFT"));
        WebContext.putIfPresent(person, "residenceInsee", form.get("communeResidence"));
        JsonArrayBuilder halfDays = Jsons.createArrayBuilder();
        availability.stream().filter(v -> v.matches("[A-Z]+_(MORNING|AFTERNOON)")).distinct().forEach(halfDays::add);
        JsonObjectBuilder constraints = Jsons.createObjectBuilder().add("availability", halfDays);
        WebContext.putIfPresent(constraints, "accessibility", form.get("besoins"));
        JsonObjectBuilder body = Jsons.createObjectBuilder().add("person", person).add("constraints", constraints);
        WebContext.putIfPresent(body, "note", form.get("note"));
        if ("oui".equals(form.get("consentement"))) {
            body.add("consent", Jsons.createObjectBuilder().add("personInformed", true));
        }
        String key = Optional.ofNullable(form.get("cle")).filter(WebContext::isUuid).orElse(UUID.randomUUID().toString());
        LoopbackApi.Answer answer = web.api.post(req, signed.token(), "/referrals", body.build(), key);
        if (answer.ok()) {
            WebContext.redirect(res, LIST + "?envoyee=" + answer.body().get("id"));
            return;
        }
        Map<String, String> errors = WebContext.fieldErrors(answer.fieldErrors(), FIELD_NAMES);
        if (answer.status() == 422 && !form.containsKey("consentement") && !errors.containsKey("consentement")) {
            errors.put("consentement", "Cochez cette case : la personne doit être informée de l'orientation.");
        }
        renderForm(res, signed, Status.create(answer.status() == 409 ? 409 : 422), form, availability, errors,
                answer.detail());
    }

    static String day(Object instant) {
        try {
            return OffsetDateTime.parse(String.valueOf(instant)).atZoneSameInstant(WebContext.PARIS)
                    .toLocalDate().format(DAY);
        } catch (DateTimeParseException e) {
            return "";
        }
    }
}
