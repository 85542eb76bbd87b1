package fr.jalon.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Invigilators for staff: the centre's pool, and the automatic staffing of a period — run it, read
 * the plan (who goes where, and why each place left empty stays empty), publish it. Through
 * {@code /api/v1/invigilators} and {@code /api/v1/assignments/plans}.
 */
final class PoolPages implements ApiRoutes.ApiService {

    static final String PAGE = "/console/surveillants";
    private static final Map<String, String> KINDS = Map.of("EMPLOYEE", "salarié(e)", "PARTNER", "partenaire",
            "VOLUNTEER", "bénévole");

    private final WebContext web;

    PoolPages(WebContext web) {
        this.web = web;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.root(Method.GET, PAGE, this::page)
                .root(Method.POST, PAGE + "/planification", this::plan)
                .root(Method.POST, PAGE + "/planification/{id}/publier", this::publish);
    }

    private void page(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Signed> signed = web.require(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (signed.isPresent()) {
            LocalDate today = web.today();
            Map<String, String> values = new HashMap<>(Map.of("du", today.plusDays(1).toString(), "au",
                    today.plusDays(28).toString(), "centre", req.query().first("centre").orElse("")));
            render(req, res, signed.get(), Status.OK_200, values, Map.of(), "", req.query().first("fait")
                    .filter("publie"::equals).isPresent() ? "Le plan est publié : les surveillants sont prévenus." : "");
        }
    }

    private void render(ServerRequest req, ServerResponse res, WebContext.Signed signed, Status status,
                        Map<String, String> values, Map<String, Object> plan, String error, String notice) {
        boolean admin = signed.role() == Role.ADMIN;
        List<Map<String, Object>> centers = admin ? web.api.get(req, signed.token(), "/centers").items() : List.of();
        String center = values.getOrDefault("centre", "");
        if (admin && !WebContext.isUuid(center) && !centers.isEmpty()) {
            center = String.valueOf(centers.getFirst().get("id"));
        }
        List<Map<String, Object>> pool = new ArrayList<>();
        String poolPath = "/invigilators?limit=200" + (admin && WebContext.isUuid(center) ? "&centerId=" + center : "");
        for (Map<String, Object> i : web.api.get(req, signed.token(), poolPath).items()) {
            Map<String, Object> row = new LinkedHashMap<>(i);
            row.put("statut", KINDS.getOrDefault(String.valueOf(i.get("kind")), ""));
            row.put("sites", i.get("siteIds") instanceof List<?> sites ? sites.size() : 0);
            pool.add(row);
        }
        Map<String, Object> model = web.page("Surveillants", signed, PAGE);
        model.put("admin", admin);
        model.put("centres", centers);
        model.put("centre", center);
        model.put("surveillants", pool);
        model.put("valeurs", values);
        model.put("plan", plan);
        model.put("erreur", error);
        model.put("message", notice);
        web.render(res, status, "surveillants", model);
    }

    private void plan(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        Map<String, String> form = posted.get().form();
        JsonObjectBuilder body = Jsons.createObjectBuilder();
        WebContext.putIfPresent(body, "from", form.get("du"));
        WebContext.putIfPresent(body, "to", form.get("au"));
        if (signed.role() == Role.ADMIN) {
            WebContext.putIfPresent(body, "centerId", form.get("centre"));
        }
        LoopbackApi.Answer plan = web.api.post(req, signed.token(), "/assignments/plans", body.build());
        Map<String, String> values = WebContext.values(form, List.of("du", "au", "centre"));
        if (!plan.ok()) {
            render(req, res, signed, Status.create(plan.status()), values, Map.of(), "Pas de plan : " + plan.messages(), "");
            return;
        }
        render(req, res, signed, Status.OK_200, values, described(plan.body()), "", "");
    }

    /** The plan as the page shows it: dates in French, assignments and empty places by session. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> described(Map<String, Object> plan) {
        Map<String, Object> shown = new LinkedHashMap<>(plan);
        List<Map<String, Object>> assignments = new ArrayList<>();
        for (Object a : (List<Object>) plan.getOrDefault("assignments", List.of())) {
            Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) a);
            row.put("quand", LocalDate.parse(String.valueOf(row.get("date"))).format(StaffPages.LONG_DATE));
            assignments.add(row);
        }
        List<Map<String, Object>> unmet = new ArrayList<>();
        for (Object u : (List<Object>) plan.getOrDefault("unmet", List.of())) {
            Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) u);
            row.put("quand", LocalDate.parse(String.valueOf(row.get("date"))).format(StaffPages.LONG_DATE));
            unmet.add(row);
        }
        shown.put("affectations", assignments);
        shown.put("vides", unmet);
        return shown;
    }

    private void publish(ServerRequest req, ServerResponse res) {
        Optional<WebContext.Posted> posted = web.posted(req, res, Role.CENTER_STAFF, Role.ADMIN);
        if (posted.isEmpty()) {
            return;
        }
        WebContext.Signed signed = posted.get().signed();
        Optional<String> id = WebContext.pathId(req);
        LoopbackApi.Answer published = id.map(i -> web.api.post(req, signed.token(), "/assignments/plans/" + i
                + "/publish", Jsons.createObjectBuilder().build())).orElse(new LoopbackApi.Answer(404, Map.of()));
        if (published.status() == 404) {
            web.notFound(res, signed);
        } else if (!published.ok()) {
            render(req, res, signed, Status.create(published.status()), Map.of(), Map.of(),
                    "Le plan n'est pas publié : " + published.detail(), "");
        } else {
            WebContext.redirect(res, PAGE + "?fait=publie");
        }
    }
}
