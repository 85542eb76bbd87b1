package fr.jalon.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Role;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObjectBuilder;

/**
 * The digital fragility index in the console: the evaluations kept, a new one (with or without
 * the measured skills of a year), an evaluation's map and its units sortable by any axis (links
 * that work without JavaScript), and the comparison of two evaluations.
 */
final class FragilityPages implements ApiRoutes.ApiService {

    static final String PAGE = "/console/fragilite";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy à HH:mm", Locale.FRANCE);
    private static final Map<String, String> LEVELS = Map.of("IRIS", "IRIS", "COMMUNE", "communes", "EPCI",
            "intercommunalités");
    /** The columns of the units and comparison tables: key in the API's JSON, French heading. */
    private static final List<Map<String, String>> COLUMNS = List.of(
            Map.of("cle", "accesInformation", "titre", "Accès à l'information"),
            Map.of("cle", "accesInterfaces", "titre", "Accès aux interfaces numériques"),
            Map.of("cle", "capacitesUsage", "titre", "Capacités d'usage"),
            Map.of("cle", "competencesAdministratives", "titre", "Compétences administratives"),
            Map.of("cle", "scoreGlobal", "titre", "Score global"));
    private static final List<String> SORTABLE = List.of("unitCode", "unitName", "accesInformation", "accesInterfaces",
            "capacitesUsage", "competencesAdministratives", "scoreGlobal");
    private static final Map<String, String> FIELD_NAMES = Map.of("vintage", "millesime", "level", "niveau",
            "reference", "reference", "skillsYear", "annee");

    private final WebContext web;

    FragilityPages(WebContext web) {
        this.web = web;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, PAGE, this::list)
                .root(Method.POST, PAGE, this::evaluate)
                .root(Method.GET, PAGE + "/comparaison", this::compare)
                .root(Method.GET, PAGE + "/{id}", this::evaluation)
                .root(Method.GET, PAGE + "/{id}/carte.svg", this::map);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.ADMIN, Role.CENTER_STAFF);
        if (signed.isPresent()) {
            renderList(req, res, signed.get(), Status.OK_200, Map.of(), Map.of(), "");
        }
    }

    private void renderList(ServerRequest req, ServerResponse res, WebContext.Signed signed, Status status,
                            Map<String, String> form, Map<String, String> errors, String error) {
        List<Map<String, Object>> evaluations = new ArrayList<>();
        for (Map<String, Object> e : web.api.get(req, signed.token(), "/fragility/evaluations").items()) {
            evaluations.add(described(e));
        }
        Map<String, Object> model = web.page("Indice de fragilité numérique", signed, PAGE);
        model.put("evaluations", evaluations);
        Map<String, String> values = WebContext.values(form, List.of("millesime", "niveau", "reference", "annee"));
        if (values.get("millesime").isEmpty()) {
            values.put("millesime", "RP2016");
        }
        if (values.get("reference").isEmpty()) {
            values.put("reference", "departement:40");
        }
        if (values.get("niveau").isEmpty()) {
            values.put("niveau", "COMMUNE");
        }
        model.put("valeurs", values);
        model.put("erreurs", errors);
        model.put("erreur", error);
        web.render(res, status, "fragilite", model);
    }

    private void evaluate(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.ADMIN, Role.CENTER_STAFF);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        Map<String, String> form = posted.get().form();
        JsonObjectBuilder body = Jsons.createObjectBuilder();
        WebContext.putIfPresent(body, "vintage", form.get("millesime"));
        WebContext.putIfPresent(body, "level", form.get("niveau"));
        WebContext.putIfPresent(body, "reference", form.get("reference"));
        String year = form.getOrDefault("annee", "").strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!year.isEmpty()) {
            if (year.matches("\\d{4}")) {
                body.add("skillsYear", Integer.parseInt(year));
            } else {
                errors.put("annee", "Indiquez une année sur quatre chiffres, par exemple 2026, ou laissez vide.");
            }
        }
        if (errors.isEmpty()) {
            LoopbackApi.Answer answer = web.api.post(req, signed.token(), "/fragility/evaluations", body.build());
            if (answer.ok()) {
                WebContext.redirect(res, PAGE + "/" + answer.body().get("id"));
                return;
            }
            errors.putAll(WebContext.fieldErrors(answer.fieldErrors(), FIELD_NAMES));
            renderList(req, res, signed, Status.create(answer.status() == 409 ? 409 : 422), form, errors,
                    answer.detail());
            return;
        }
        renderList(req, res, signed, Status.create(422), form, errors, "Le formulaire contient une erreur.");
    }

    private void evaluation(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.ADMIN, Role.CENTER_STAFF);
        if (signed.isEmpty()) {
            return;
        }
        Optional<String> id = WebContext.pathId(req);
        LoopbackApi.Answer evaluation = id.map(i -> web.api.get(req, signed.get().token(), "/fragility/evaluations/" + i))
                .orElse(new LoopbackApi.Answer(404, Map.of()));
        if (!evaluation.ok()) {
            web.notFound(res, signed.get());
            return;
        }
        String sort = req.query().first("tri").asOptional().filter(SORTABLE::contains).orElse("scoreGlobal");
        boolean ascending = req.query().first("ordre").asOptional().map("croissant"::equals).orElse(false);
        List<Map<String, Object>> units = new ArrayList<>(web.api.get(req, signed.get().token(),
                "/fragility/evaluations/" + id.get() + "/units.json").items());
        units.sort(order(sort, ascending));
        units = units.stream().map(FragilityPages::formatted).toList();
        Map<String, Object> model = web.page("Évaluation de l'indice de fragilité", signed.get(), PAGE);
        model.put("evaluation", described(evaluation.body()));
        model.put("unites", units);
        model.put("colonnes", COLUMNS);
        model.put("tri", sort);
        model.put("croissant", ascending);
        web.render(res, Status.OK_200, "fragilite-evaluation", model);
    }

    private void map(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.ADMIN, Role.CENTER_STAFF);
        if (signed.isEmpty()) {
            return;
        }
        Optional<String> id = WebContext.pathId(req);
        LoopbackApi.Download map = id.map(i -> web.api.download(req, signed.get().token(), "/fragility/evaluations/" + i
                + "/map.svg")).orElseGet(LoopbackApi.Download::missing);
        if (map.status() != 200) {
            web.notFound(res, signed.get());
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, "image/svg+xml").send(map.body());
    }

    private void compare(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.ADMIN, Role.CENTER_STAFF);
        if (signed.isEmpty()) {
            return;
        }
        Optional<String> a = req.query().first("a").asOptional().filter(WebContext::isUuid);
        Optional<String> b = req.query().first("b").asOptional().filter(WebContext::isUuid);
        if (a.isEmpty() || b.isEmpty()) {
            renderList(req, res, signed.get(), Status.create(422), Map.of(), Map.of(),
                    "Choisissez les deux évaluations à comparer.");
            return;
        }
        LoopbackApi.Answer changes = web.api.get(req, signed.get().token(), "/fragility/evaluations/" + a.get()
                + "/compare/" + b.get());
        if (changes.status() == 404) {
            web.notFound(res, signed.get());
            return;
        }
        if (!changes.ok()) {
            renderList(req, res, signed.get(), Status.create(422), Map.of(), Map.of(), changes.detail());
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>(changes.items());
        rows.sort(order("scoreGlobal", false));
        rows = rows.stream().map(FragilityPages::formatted).toList();
        Map<String, Object> model = web.page("Comparaison de deux évaluations", signed.get(), PAGE);
        model.put("avant", described(web.api.get(req, signed.get().token(), "/fragility/evaluations/" + a.get()).body()));
        model.put("apres", described(web.api.get(req, signed.get().token(), "/fragility/evaluations/" + b.get()).body()));
        model.put("lignes", rows);
        model.put("colonnes", COLUMNS);
        web.render(res, Status.OK_200, "fragilite-comparaison", model);
    }

    /** The row with {@code affiche}: each column's value written the French way (« 109,85 »), « — » where missing. */
    private static Map<String, Object> formatted(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        Map<String, String> shown = new LinkedHashMap<>();
        for (Map<String, String> column : COLUMNS) {
            Object value = row.get(column.get("cle"));
            shown.put(column.get("cle"), value instanceof Number n ? String.format(Locale.FRANCE, "%.2f", n.doubleValue())
                    : "—");
        }
        copy.put("affiche", shown);
        return copy;
    }

    /** An evaluation as the pages show it: when, level and reference in French. */
    private static Map<String, Object> described(Map<String, Object> e) {
        Map<String, Object> row = new LinkedHashMap<>(e);
        row.put("niveau", LEVELS.getOrDefault(String.valueOf(e.get("level")), String.valueOf(e.get("level"))));
        row.put("quand", when(e.get("createdAt")));
        String reference = String.valueOf(e.get("reference"));
        row.put("territoire", reference.startsWith("departement:") ? "département " + reference.substring(12)
                : reference.startsWith("epci:") ? "intercommunalité " + reference.substring(5) : reference);
        row.put("competences", e.containsKey("skillsYear") ? "compétences mesurées en " + e.get("skillsYear")
                : "recensement seul");
        return row;
    }

    /** Units by a column, missing values last whatever the order. */
    private static Comparator<Map<String, Object>> order(String key, boolean ascending) {
        Comparator<Object> values = (x, y) -> {
            if (x instanceof Number n && y instanceof Number m) {
                return Double.compare(n.doubleValue(), m.doubleValue());
            }
            return String.valueOf(x).compareTo(String.valueOf(y));
        };
        Comparator<Object> directed = ascending ? values : values.reversed();
        return (u, v) -> {
            Object x = u.get(key);
            Object y = v.get(key);
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1;
            }
            return directed.compare(x, y);
        };
    }

    private static String when(Object instant) {
        try {
            return OffsetDateTime.parse(String.valueOf(instant)).atZoneSameInstant(WebContext.PARIS).format(WHEN);
        } catch (DateTimeParseException e) {
            return "";
        }
    }
}
