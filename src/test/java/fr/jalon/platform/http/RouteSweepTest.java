package fr.jalon.platform.http;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.OpenApiContract.Route;
import fr.jalon.testing.OpenApiContract;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route {@code openapi.yaml} documents, swept: with unknown and malformed ids, with
 * undocumented methods, with malformed bodies, and by each role of one tenant with the ids of
 * another tenant's records. Never a 500; another tenant's record answers exactly as a record that
 * does not exist (404 where an unknown id is 404), and nothing of it changes.
 */
@HttpTest
class RouteSweepTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** The public verification routes are rate-limited per address: called once each, not swept. */
    private static final Set<String> RATE_LIMITED = Set.of("/verify/{code}", "/api/v1/public/attestations/{code}");

    private final ApiClient admin;
    private final Fixtures fixtures;
    /** Tenant B's records, by the first path segment naming their kind; built by the first test that needs them. */
    private static final Map<String, String> tenantB = new LinkedHashMap<>();
    private static final Map<String, ApiClient> tenantA = new LinkedHashMap<>();

    RouteSweepTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    private synchronized void twoTenants() {
        if (!tenantB.isEmpty()) {
            return;
        }
        String centerA = fixtures.center();
        Fixtures.Partner a = fixtures.partner(centerA);
        tenantA.put("CENTER_STAFF", a.staff());
        tenantA.put("ADVISER", a.adviser());
        tenantA.put("INVIGILATOR", admin.as(fixtures.tokenFor("INVIGILATOR", centerA)));
        tenantA.put("HR", hrOf(authority(centerA)));

        String centerB = fixtures.center();
        Fixtures.Partner b = fixtures.partner(centerB);
        String siteB = fixtures.site(centerB);
        String roomB = fixtures.room(siteB, 10);
        String sessionB = fixtures.session(roomB, TestTime.todayInParis().plusDays(33), "09:00");
        String enrolmentB = fixtures.enrolWithEmail(sessionB, "Sweep-" + Fixtures.uniqueLetters(), "Lou", "1991-01-01",
                "lou@example.org");
        String daySession = fixtures.session(roomB, TestTime.todayInParis().plusDays(34), "09:00");
        String present = fixtures.enrol(daySession, "Sweep-" + Fixtures.uniqueLetters(), "Noa", "1992-02-02");
        Fixtures.startedAnHourAgo(daySession);
        ApiClient.Answer incident = b.staff().post("/api/v1/enrolments/" + present + "/incidents",
                Jsons.createObjectBuilder().add("category", "SIGNATURE_ISSUE").build());
        assertEquals(201, incident.status(), incident.body());
        ApiClient.Answer referral = b.adviser().post("/api/v1/referrals", Jsons.createObjectBuilder()
                .add("person", Fixtures.personBody("Sweep-" + Fixtures.uniqueLetters(), "Eli", "1993-03-03"))
                .add("consent", Jsons.createObjectBuilder().add("personInformed", true)).build());
        assertEquals(201, referral.status(), referral.body());
        ApiClient.Answer invigilator = b.staff().post("/api/v1/invigilators", Jsons.createObjectBuilder()
                .add("kind", "VOLUNTEER").add("firstName", "Marie").add("lastName", "Lafitte")
                .add("email", "marie.lafitte@example.org").add("homeInsee", "40088").add("trainedPix", true)
                .add("maxPerWeek", 2).add("maxPerMonth", 6).add("siteIds", Jsons.createArrayBuilder().add(siteB)).build());
        assertEquals(201, invigilator.status(), invigilator.body());
        TestDatabase.get().application().notifications().plan();
        String userB = b.staff().get("/api/v1/me").json().getString("id");

        tenantB.put("centers", centerB);
        tenantB.put("sites", siteB);
        tenantB.put("rooms", roomB);
        tenantB.put("sessions", sessionB);
        tenantB.put("enrolments", enrolmentB);
        tenantB.put("people", admin.get("/api/v1/enrolments/" + enrolmentB).json().getJsonObject("person").getString("id"));
        tenantB.put("incidents", incident.id());
        tenantB.put("referrals", referral.id());
        tenantB.put("referring-organisations", b.organisation());
        tenantB.put("invigilators", invigilator.id());
        tenantB.put("users", userB);
        tenantB.put("tokens", admin.get("/api/v1/users/" + userB + "/tokens").json().getJsonArray("items")
                .getJsonObject(0).getString("id"));
        String authorityB = authority(centerB);
        ApiClient hrB = hrOf(authorityB);
        tenantB.put("local-authorities", authorityB);
        tenantB.put("campaigns", hrB.post("/api/v1/campaigns", Jsons.createObjectBuilder().add("authorityId", authorityB)
                .add("name", "Campagne B").add("type", "ASSESSMENT").add("startsOn", TestTime.todayInParis().toString())
                .add("endsOn", TestTime.todayInParis().plusDays(30).toString()).build()).id());
        tenantB.put("notifications", TestDatabase.get().database().client().execute()
                .get("SELECT id::text AS id FROM notifications WHERE subject_id = ? LIMIT 1", UUID.fromString(enrolmentB))
                .map(r -> r.column("id").get(String.class)).orElseThrow());
    }

    @Test
    void anotherTenantsRecordsAnswerAsUnknownOnesAndStayAsTheyWere() {
        twoTenants();
        Map<String, String> before = snapshotOfTenantB();
        List<String> breaches = new ArrayList<>();
        int calls = 0;
        for (Route route : OpenApiContract.routes()) {
            String kind = kind(route.path());
            if (kind == null || !tenantB.containsKey(kind) || RATE_LIMITED.contains(route.path())) {
                continue;
            }
            for (Map.Entry<String, ApiClient> role : tenantA.entrySet()) {
                int theirs = call(role.getValue(), route.method(), fill(route.path(), tenantB.get(kind)), "{}").status();
                int unknown = call(role.getValue(), route.method(), fill(route.path(), UUID.randomUUID().toString()), "{}")
                        .status();
                calls += 2;
                if (theirs >= 500 || theirs != unknown || unknown == 404 && theirs != 404 || theirs < 300) {
                    breaches.add(role.getKey() + " " + route.method() + " " + route.path() + ": another tenant's record → "
                            + theirs + ", an unknown one → " + unknown);
                }
            }
        }
        assertTrue(calls > 150, "the sweep reached the routes (" + calls + " calls)");
        assertEquals(List.of(), breaches);
        assertEquals(before, snapshotOfTenantB(), "nothing of tenant B changed");
    }

    @Test
    void unknownAndMalformedIdsNeverAnswer500() {
        List<String> breaches = new ArrayList<>();
        for (Route route : OpenApiContract.routes()) {
            List<String> values = RATE_LIMITED.contains(route.path()) ? List.of("P-ZZZZZZZZ")
                    : List.of(UUID.randomUUID().toString(), "pas-un-identifiant", "%E2%82%AC", "0");
            for (String value : values) {
                int status = call(admin, route.method(), fill(route.path(), value), "{}").status();
                if (status >= 500 || route.path().contains("{") && status < 300 && !lenient(route.path())) {
                    breaches.add(route.method() + " " + route.path() + " with « " + value + " » → " + status);
                }
            }
        }
        assertEquals(List.of(), breaches);
    }

    @Test
    void undocumentedMethodsAnswer404Or405() {
        List<String> breaches = new ArrayList<>();
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        OpenApiContract.routes().forEach(r -> documented.computeIfAbsent(r.path(), p -> new HashSet<>())
                .add(r.method()));
        documented.forEach((path, methods) -> {
            if (RATE_LIMITED.contains(path)) {
                return;
            }
            for (String method : METHODS) {
                if (!methods.contains(method)) {
                    int status = call(admin, method, fill(path, UUID.randomUUID().toString()), "{}").status();
                    if (status != 404 && status != 405) {
                        breaches.add(method + " " + path + " → " + status);
                    }
                }
            }
        });
        assertEquals(List.of(), breaches);
    }

    @Test
    void malformedBodiesAreRefusedWithoutA500() {
        List<String> breaches = new ArrayList<>();
        for (Route route : OpenApiContract.routes()) {
            if (route.method().equals("GET") || route.method().equals("DELETE") || RATE_LIMITED.contains(route.path())) {
                continue;
            }
            String path = fill(route.path(), UUID.randomUUID().toString());
            for (String body : List.of("{\"broken\": ", "[1, 2]", "null", "\"texte\"", "{\"name\": {\"deep\": [[[]]]}}")) {
                int status = call(admin, route.method(), path, body).status();
                if (status >= 500 || status < 400 && !acceptsAnyBody(route)) {
                    breaches.add(route.method() + " " + route.path() + " with " + body + " → " + status);
                }
            }
        }
        assertEquals(List.of(), breaches);
    }

    /** A local authority working with this centre. */
    private String authority(String center) {
        ApiClient.Answer created = admin.post("/api/v1/local-authorities", Jsons.createObjectBuilder()
                .add("name", Fixtures.unique("Commune")).add("kind", "COMMUNE").add("siren", "214000887")
                .add("centerIds", Jsons.createArrayBuilder().add(center)).build());
        assertEquals(201, created.status(), created.body());
        return created.id();
    }

    /** An HR user of this authority. */
    private ApiClient hrOf(String authority) {
        String user = admin.post("/api/v1/users", Jsons.createObjectBuilder().add("email", UUID.randomUUID() + "@example.org")
                .add("displayName", "RH").add("role", "HR").add("authorityId", authority).build()).id();
        return admin.as(admin.post("/api/v1/users/" + user + "/tokens", Jsons.createObjectBuilder().build()).json()
                .getString("token"));
    }

    /** GETs whose parameter is not an id: a page, a public code, a commune — an answer, not a 404, is right. */
    private static boolean lenient(String path) {
        return path.startsWith("/verify/") || path.startsWith("/openapi/ui/") || path.equals("/api/v1/public/attestations/{code}");
    }

    /** Routes that take no JSON body (an action without input): any body is ignored, so 2xx is correct there. */
    private static boolean acceptsAnyBody(Route route) {
        return route.path().startsWith("/api/v1/jobs/") || route.path().endsWith("/publish");
    }

    /** Admin's view of tenant B's records, to compare before and after the sweep. */
    private Map<String, String> snapshotOfTenantB() {
        Map<String, String> snapshot = new LinkedHashMap<>();
        for (String kind : List.of("centers", "sites", "rooms", "sessions", "enrolments", "people", "referrals",
                "invigilators", "users", "local-authorities", "campaigns")) {
            ApiClient.Answer answer = admin.get("/api/v1/" + kind + "/" + tenantB.get(kind));
            assertEquals(200, answer.status(), kind + ": " + answer.body());
            snapshot.put(kind, answer.body());
        }
        return snapshot;
    }

    /** The kind of record a templated path names first (its segment before the first parameter). */
    private static String kind(String path) {
        int brace = path.indexOf('{');
        if (brace < 0) {
            return null;
        }
        String before = path.substring(0, brace - 1);
        return before.substring(before.lastIndexOf('/') + 1);
    }

    private static String fill(String path, String value) {
        return path.replaceAll("\\{[^/}]+}", value);
    }

    private static ApiClient.Answer call(ApiClient client, String method, String path, String body) {
        return method.equals("GET") || method.equals("DELETE") ? client.send(method, path, null, "")
                : client.send(method, path, "application/json", body);
    }
}
