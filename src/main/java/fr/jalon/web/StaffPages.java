package fr.jalon.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Role;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObjectBuilder;

/** The staff's pages: the month calendar of sessions per site, a session's page and its enrolment form. */
final class StaffPages implements ApiRoutes.ApiService {

    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);
    static final Map<String, String> SESSION_STATUS = Map.of("SCHEDULED", "programmée", "FINALIZED", "finalisée",
            "RESULTS_IMPORTED", "résultats importés", "CLOSED", "close", "CANCELLED", "annulée");
    private static final Map<String, String> ASSIGNMENT_STATUS = Map.of("PUBLISHED", "à confirmer", "CONFIRMED", "confirmé",
            "DECLINED", "a décliné");
    static final Map<String, String> ENROLMENT_STATUS = Map.of("WAITLISTED", "en liste d'attente", "ENROLLED",
            "inscrit(e)", "CONVOKED", "convoqué(e)", "PRESENT", "présent(e)", "ABSENT", "absent(e)", "EXCUSED", "excusé(e)",
            "CANCELLED", "inscription annulée");
    private static final List<String> FIELDS = List.of("nom", "prenom", "sexe", "dateNaissance", "inseeNaissance",
            "communeNaissance", "paysNaissance", "email", "telephone");
    /** The API's field names → the enrolment form's. */
    static final Map<String, String> FIELD_NAMES = Map.ofEntries(Map.entry("person.birthName", "nom"),
            Map.entry("person.firstName", "prenom"), Map.entry("person.sex", "sexe"),
            Map.entry("person.birthDate", "dateNaissance"), Map.entry("person.birthplace.inseeCode", "inseeNaissance"),
            Map.entry("person.birthplace.city", "communeNaissance"), Map.entry("person.birthplace.country", "paysNaissance"),
            Map.entry("person.birthplace", "inseeNaissance"), Map.entry("person.email", "email"),
            Map.entry("person.mobilePhone", "telephone"));

    /** The calendar reads its sessions in parts of this many days (two for a month), at once. */
    private static final int PART_DAYS = 22;

    private final WebContext web;

    StaffPages(WebContext web) {
        this.web = web;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, "/console/sessions", this::calendar)
                .root(Method.GET, "/console/sessions/{id}", this::session)
                .root(Method.POST, "/console/sessions/{id}/candidats", this::enrol);
    }

    private void calendar(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (signed.isEmpty()) {
            return;
        }
        LocalDate today = web.today();
        YearMonth month = req.query().first("mois").asOptional().flatMap(StaffPages::yearMonth)
                .orElse(YearMonth.from(today));
        Optional<String> site = req.query().first("site").asOptional().filter(WebContext::isUuid);
        String token = signed.get().token();
        // The sites and each half of the sessions are read at once: the page waits for the
        // slowest read, not for their sum.
        CompletableFuture<List<Map<String, Object>>> sitesRead = CompletableFuture.supplyAsync(() -> {
            List<Map<String, Object>> found = new ArrayList<>();
            for (Map<String, Object> center : web.api.get(req, token, "/centers").items()) {
                for (Map<String, Object> s : web.api.get(req, token, "/centers/" + center.get("id") + "/sites").items()) {
                    Map<String, Object> option = new LinkedHashMap<>(s);
                    option.put("choisi", site.map(id -> id.equals(s.get("id"))).orElse(false));
                    found.add(option);
                }
            }
            return found;
        }, WebContext.CALLS);
        List<CompletableFuture<List<Map<String, Object>>>> parts = new ArrayList<>();
        LocalDate to = month.atEndOfMonth().plusDays(6);
        for (LocalDate from = month.atDay(1).minusDays(6); !from.isAfter(to); from = from.plusDays(PART_DAYS)) {
            LocalDate partTo = from.plusDays(PART_DAYS - 1).isAfter(to) ? to : from.plusDays(PART_DAYS - 1);
            String query = "/sessions?limit=200&from=" + from + "&to=" + partTo + site.map(id -> "&site=" + id).orElse("");
            parts.add(CompletableFuture.supplyAsync(() -> allPages(req, token, query), WebContext.CALLS));
        }
        List<Map<String, Object>> sites = sitesRead.join();
        List<Map<String, Object>> sessions = new ArrayList<>();
        parts.forEach(part -> sessions.addAll(part.join()));
        sessions.forEach(StaffPages::describeFill);
        Map<String, Object> model = web.page("Sessions de " + MonthCalendar.title(month), signed.get(), "/console/sessions");
        model.put("mois", MonthCalendar.title(month));
        model.put("semaines", MonthCalendar.weeks(month, sessions, today));
        model.put("precedent", "/console/sessions?mois=" + month.minusMonths(1) + site.map(id -> "&site=" + id).orElse(""));
        model.put("suivant", "/console/sessions?mois=" + month.plusMonths(1) + site.map(id -> "&site=" + id).orElse(""));
        model.put("moisCode", month.toString());
        model.put("sites", sites);
        model.put("plusieursSites", site.isEmpty() && sites.size() > 1);
        model.put("nombre", sessions.stream().filter(s -> YearMonth.from(LocalDate.parse(String.valueOf(s.get("date"))))
                .equals(month)).count());
        web.render(res, Status.OK_200, "sessions", model);
    }

    /** Every page of a sessions query (2,000 sessions at most). */
    private List<Map<String, Object>> allPages(ServerRequest req, String token, String query) {
        List<Map<String, Object>> sessions = new ArrayList<>();
        LoopbackApi.Answer page = web.api.get(req, token, query);
        sessions.addAll(page.items());
        while (page.body().get("nextCursor") instanceof String cursor && !cursor.isEmpty() && sessions.size() < 2_000) {
            page = web.api.get(req, token, query + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            sessions.addAll(page.items());
        }
        return sessions;
    }

    /** A person as the enrolment and referral forms type them, in the API's terms (see {@link #FIELD_NAMES}). */
    static JsonObjectBuilder person(Map<String, String> form) {
        JsonObjectBuilder birthplace = Jsons.createObjectBuilder();
        WebContext.putIfPresent(birthplace, "inseeCode", form.get("inseeNaissance"));
        WebContext.putIfPresent(birthplace, "city", form.get("communeNaissance"));
        WebContext.putIfPresent(birthplace, "country", form.get("paysNaissance"));
        JsonObjectBuilder person = Jsons.createObjectBuilder().add("birthplace", birthplace);
        WebContext.putIfPresent(person, "birthName", form.get("nom"));
        WebContext.putIfPresent(person, "firstName", form.get("prenom"));
        WebContext.putIfPresent(person, "sex", form.get("sexe"));
        WebContext.putIfPresent(person, "birthDate", form.get("dateNaissance"));
        WebContext.putIfPresent(person, "email", form.get("email"));
        WebContext.putIfPresent(person, "mobilePhone", form.get("telephone"));
        return person;
    }

    private void session(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (signed.isPresent()) {
            renderSession(req, res, signed.get(), Status.OK_200, Map.of(), Map.of(), "",
                    req.query().first("inscrit").asOptional().isPresent() ? "Le candidat est inscrit." : "");
        }
    }

    private void renderSession(ServerRequest req, ServerResponse res, WebContext.Signed signed, Status status, Map<String, String> values,
                               Map<String, String> errors, String error, String notice) {
        String id = req.path().pathParameters().first("id").orElse("");
        LoopbackApi.Answer session = WebContext.isUuid(id) ? web.api.get(req, signed.token(), "/sessions/" + id)
                : new LoopbackApi.Answer(404, Map.of());
        if (!session.ok()) {
            web.notFound(res, signed);
            return;
        }
        Map<String, Object> s = new LinkedHashMap<>(session.body());
        describeFill(s);
        s.put("dateLongue", LocalDate.parse(String.valueOf(s.get("date"))).format(LONG_DATE));
        s.put("statut", SESSION_STATUS.getOrDefault(String.valueOf(s.get("status")), String.valueOf(s.get("status"))));
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (Map<String, Object> c : web.api.get(req, signed.token(), "/sessions/" + id + "/enrolments").items()) {
            Map<String, Object> candidate = new LinkedHashMap<>(c);
            candidate.put("statut", ENROLMENT_STATUS.getOrDefault(String.valueOf(c.get("status")),
                    String.valueOf(c.get("status"))));
            candidates.add(candidate);
        }
        Map<String, Object> model = web.page("Session du " + s.get("dateLongue") + " à " + s.get("startTime"), signed,
                "/console/sessions");
        model.put("session", s);
        model.put("candidats", candidates);
        model.put("inscrits", candidates.stream().filter(c -> !"WAITLISTED".equals(c.get("status"))
                && !"CANCELLED".equals(c.get("status"))).count());
        List<Map<String, Object>> invigilators = new ArrayList<>();
        for (Map<String, Object> a : web.api.get(req, signed.token(), "/sessions/" + id + "/assignments").items()) {
            Map<String, Object> row = new LinkedHashMap<>(a);
            row.put("statut", ASSIGNMENT_STATUS.getOrDefault(String.valueOf(a.get("status")), ""));
            invigilators.add(row);
        }
        model.put("surveillants", invigilators);
        model.put("valeurs", WebContext.values(values, FIELDS));
        model.put("erreurs", errors);
        model.put("erreur", error);
        model.put("message", notice);
        model.put("programmee", req.query().contains("programmee"));
        web.render(res, status, "session", model);
    }

    private void enrol(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        Map<String, String> form = posted.get().form();
        String id = req.path().pathParameters().first("id").orElse("");
        if (!WebContext.isUuid(id)) {
            web.notFound(res, signed);
            return;
        }
        JsonObjectBuilder person = person(form);
        LoopbackApi.Answer answer = web.api.post(req, signed.token(), "/sessions/" + id + "/enrolments",
                Jsons.createObjectBuilder().add("person", person).add("billingMode", "FREE").build());
        if (answer.ok()) {
            WebContext.redirect(res, "/console/sessions/" + id + "?inscrit=" + answer.body().get("id"));
            return;
        }
        if (answer.status() == 404) {
            web.notFound(res, signed);
            return;
        }
        renderSession(req, res, signed, Status.create(answer.status() == 409 ? 409 : 422), form,
                WebContext.fieldErrors(answer.fieldErrors(), FIELD_NAMES), answer.detail(), "");
    }

    /** Seats taken of the capacity, as the templates show them (« 12 / 20 »). */
    private static void describeFill(Map<String, Object> s) {
        long capacity = s.get("capacity") instanceof Long c ? c : 0;
        long free = s.get("freeSeats") instanceof Long f ? f : 0;
        s.put("occupees", Math.max(0, capacity - free));
        s.put("capacite", capacity);
        s.put("complet", capacity > 0 && free <= 0);
        s.put("remplissage", capacity <= 0 ? 0 : Math.round(10.0 * Math.max(0, capacity - free) / capacity));
    }

    private static Optional<YearMonth> yearMonth(String text) {
        try {
            return Optional.of(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

}
