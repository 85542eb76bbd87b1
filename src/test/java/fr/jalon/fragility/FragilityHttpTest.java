package fr.jalon.fragility;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Db;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.ResultsCsv;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Landes inputs imported over HTTP, evaluated per IRIS, commune and EPCI, and compared. */
@HttpTest
class FragilityHttpTest {

    private final ApiClient admin;
    private final Fixtures fixtures;

    FragilityHttpTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = FragilityHttpTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private String vintage() throws Exception {
        String vintage = "TEST-" + Fixtures.uniqueLetters();
        ApiClient.Answer inputs = admin.sendBytes("POST", "/api/v1/fragility/inputs?vintage=" + vintage, "text/csv",
                resource("/fragility/landes-iris-rp2016.csv"));
        assertEquals(200, inputs.status(), inputs.body());
        assertEquals(365, inputs.json().getInt("units"));
        ApiClient.Answer refs = admin.sendBytes("POST", "/api/v1/fragility/references", "text/csv",
                resource("/fragility/landes-references-2016.csv"));
        assertEquals(6, refs.json().getInt("references"), refs.body());
        return vintage;
    }

    private JsonObject evaluate(String vintage, String level) {
        ApiClient.Answer created = admin.post("/api/v1/fragility/evaluations", Jsons.createObjectBuilder()
                .add("vintage", vintage).add("level", level).build());
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    @Test
    void theLandesAreEvaluatedPerIrisCommuneAndEpciFromTheShippedData() throws Exception {
        String vintage = vintage();
        JsonObject iris = evaluate(vintage, "IRIS");
        assertTrue(iris.getJsonObject("references").getJsonObject("share_65_plus").getBoolean("supplied"));
        assertFalse(iris.getJsonObject("references").containsKey("poverty_rate"), "no input, no reference, no index");
        List<JsonObject> units = admin.get("/api/v1/fragility/evaluations/" + iris.getString("id") + "/units.json").json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(365, units.size());
        JsonObject plage = units.stream().filter(u -> u.getString("unitCode").equals("401840102")).findFirst().orElseThrow();
        assertEquals(121.37, plage.getJsonNumber("accesInformation").doubleValue(), 1e-9);
        assertEquals(111.21, plage.getJsonNumber("capacitesUsage").doubleValue(), 1e-9);
        assertEquals(92.22, plage.getJsonNumber("competencesAdministratives").doubleValue(), 1e-9);
        String csv = new String(admin.download("/api/v1/fragility/evaluations/" + iris.getString("id") + "/units.csv")
                .body(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("unit_code,unit_name,level,idx_share_one_person_households"), csv.substring(0, 80));
        assertTrue(csv.contains("401840102,\"Plage\",IRIS,145.79,96.94,,,,,101.71,127.68,94.73,92.22,,,121.37,101.71,111.21,"
                + "92.22,109.85"), "Mimizan « Plage », empty where not computable: " + csv.lines().filter(l -> l.startsWith("401840102")).findFirst().orElse(""));

        ApiClient.Download map = admin.download("/api/v1/fragility/evaluations/" + iris.getString("id") + "/map.svg");
        assertEquals("image/svg+xml", map.contentType());
        assertTrue(map.body().length < 400 * 1024, "under 400 KB: " + map.body().length);
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(map.body()));
        assertEquals("svg", svg.getDocumentElement().getNodeName(), "a valid standalone SVG");
        assertEquals(365, svg.getElementsByTagName("path").getLength(), "every IRIS of the Landes");
        String text = new String(map.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains("Indice de fragilité numérique des Landes") && text.contains("Non calculable"));

        JsonObject communes = evaluate(vintage, "COMMUNE");
        List<JsonObject> byCommune = admin.get("/api/v1/fragility/evaluations/" + communes.getString("id") + "/units.json")
                .json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertTrue(byCommune.size() >= 320 && byCommune.size() <= 327, "the 2026 communes of the Landes: " + byCommune.size());
        assertTrue(byCommune.stream().anyMatch(u -> u.getString("unitName").equals("Mimizan")));
        assertTrue(communes.getString("notice").contains("approximation"));
        JsonObject epcis = evaluate(vintage, "EPCI");
        int epciCount = admin.get("/api/v1/fragility/evaluations/" + epcis.getString("id") + "/units.json").json()
                .getJsonArray("items").size();
        assertEquals(18, epciCount, "the 18 EPCIs of the Landes");
    }

    @Test
    void twoEvaluationsAreComparedUnitByUnitAndKeptAsTheyWere() throws Exception {
        String vintage = vintage();
        JsonObject first = evaluate(vintage, "COMMUNE");
        ApiClient.Answer second = admin.post("/api/v1/fragility/evaluations", Jsons.createObjectBuilder()
                .add("vintage", vintage).add("level", "COMMUNE").add("reference", "epci:244000675").build());
        assertEquals(201, second.status(), second.body());
        assertFalse(second.json().getJsonObject("references").getJsonObject("share_65_plus").getBoolean("supplied"),
                "no supplied reference for the Grand Dax: pooled over its units");
        Map<String, JsonObject> changes = admin.get("/api/v1/fragility/evaluations/" + first.getString("id") + "/compare/"
                        + second.id()).json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(c -> c.getString("unitCode"), c -> c));
        assertTrue(changes.size() >= 320, "every commune in both");
        assertTrue(changes.values().stream().anyMatch(c -> c.containsKey("scoreGlobal") && c.getJsonNumber("scoreGlobal")
                .doubleValue() != 0), "another reference territory moves the scores");
        assertEquals(first.getString("createdAt"), admin.get("/api/v1/fragility/evaluations/" + first.getString("id")).json()
                .getString("createdAt"), "kept as it was");
    }

    /** {@code persons} certified residents of {@code commune} in 2031, {@code below} of them under level 3. */
    private List<UUID> certified(String session, String center, String commune, int persons, int below) {
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            String name = "Certifie-" + Fixtures.uniqueLetters();
            UUID person = Db.execute().get("""
                    INSERT INTO people (owner_id, birth_name, first_name, sex, birth_date, birth_insee_code, birth_city,
                                        birth_country, identity_key, residence_insee)
                    VALUES (?, ?, 'Camille', 'F', DATE '1980-01-01', '40192', 'Mont-de-Marsan', 'France', ?, ?) RETURNING id""",
                    UUID.fromString(center), name, name.toLowerCase() + "|camille|1980-01-01", commune)
                    .orElseThrow().column("id").get(UUID.class);
            result(session, center, person, i < below ? 2 : 4, "2031-06-12");
            people.add(person);
        }
        return people;
    }

    /** A validated result of {@code person} at {@code level}, taken on {@code day} in {@code session}. */
    private static void result(String session, String center, UUID person, int level, String day) {
        UUID enrolment = Db.execute().get("""
                INSERT INTO enrolments (session_id, center_id, person_id, status, billing_mode, origin)
                VALUES (?, ?, ?, 'PRESENT', 'FREE', 'DIRECT') RETURNING id""", UUID.fromString(session),
                UUID.fromString(center), person).orElseThrow().column("id").get(UUID.class);
        Db.execute().dml("""
                INSERT INTO certification_results (enrolment_id, session_id, certification_number, status, score,
                                                   global_level, competences, taken_on, fingerprint)
                VALUES (?, ?, ?, 'VALIDATED', ?, ?, CAST(? AS smallint[]), CAST(? AS date), 'test')""", enrolment,
                UUID.fromString(session), ResultsCsv.newNumber(), level * 128 + 10, level,
                "{" + String.join(",", Collections.nCopies(16, String.valueOf(level))) + "}", day);
    }

    @Test
    void measuredSkillsJoinTheIndexOnlyWhereTheyArePublishable() throws Exception {
        String vintage = vintage();
        String center = fixtures.center();
        String session = fixtures.session(fixtures.room(fixtures.site(center), 50), TestTime.todayInParis().plusDays(5),
                "09:00");
        List<UUID> dax = certified(session, center, "40088", 14, 6);
        String earlier = fixtures.session(fixtures.room(fixtures.site(center), 10), TestTime.todayInParis().plusDays(6),
                "09:00");
        result(earlier, center, dax.getLast(), 1, "2031-03-02");
        certified(session, center, "40279", 12, 2);
        certified(session, center, "40035", 4, 1);
        TestDatabase.get().application().fragility().computeAggregates(2031);

        JsonObject aggregates = admin.get("/api/v1/fragility/aggregates?year=2031").json();
        Map<String, JsonObject> cells = aggregates.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(c -> c.getString("level") + ":" + c.getString("code"), c -> c));
        assertEquals(30, cells.get("EPCI:244000675").getInt("persons"));
        assertEquals(14, cells.get("COMMUNE:40088").getInt("persons"), "a person's two results of the year count once");
        assertEquals(43, cells.get("COMMUNE:40088").getInt("shareBelowLevel3Percent"), "6 of 14: the latest result counts");
        assertTrue(cells.get("COMMUNE:40035").containsKey("withheld") && cells.get("COMMUNE:40279").containsKey("withheld"));
        assertTrue(aggregates.getString("notice").contains("échantillon représentatif"));
        String csv = new String(admin.download("/api/v1/fragility/aggregates.csv?year=2031").body(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("COMMUNE,40088,\"Dax\",14,"), csv);

        JsonObject census = evaluate(vintage, "COMMUNE");
        ApiClient.Answer skills = admin.post("/api/v1/fragility/evaluations", Jsons.createObjectBuilder()
                .add("vintage", vintage).add("level", "COMMUNE").add("skillsYear", 2031).build());
        assertEquals(201, skills.status(), skills.body());
        Map<String, JsonObject> units = admin.get("/api/v1/fragility/evaluations/" + skills.id() + "/units.json").json()
                .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(u -> u.getString("unitCode"), u -> u));
        double departement = cells.get("DEPARTEMENT:40").getInt("shareBelowLevel3Percent");
        assertEquals(Math.round(100 * 43 / departement * 100) / 100.0, units.get("40088").getJsonObject("indices")
                .getJsonNumber("share_certified_below_level_3").doubleValue(), 1e-9, "Dax against the département");
        assertEquals(100, units.get("40279").getJsonObject("indices").getJsonNumber("share_certified_below_level_3")
                .doubleValue(), 1e-9, "withheld: the reference value, never a neighbour's");
        Map<String, JsonObject> changes = admin.get("/api/v1/fragility/evaluations/" + census.getString("id") + "/compare/"
                        + skills.id()).json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(c -> c.getString("unitCode"), c -> c));
        assertTrue(changes.get("40088").getJsonNumber("capacitesUsage").doubleValue() != 0, "skills move Dax's axis 3");
        assertEquals(0, changes.get("40088").getJsonNumber("accesInformation").doubleValue(), 1e-9, "and nothing else");
        String map = new String(admin.download("/api/v1/fragility/evaluations/" + skills.id() + "/map.svg").body(),
                StandardCharsets.UTF_8);
        assertTrue(map.contains("pas un échantillon représentatif"), "the selection-bias notice is on the map");

        ApiClient.Answer noYear = admin.post("/api/v1/fragility/evaluations", Jsons.createObjectBuilder()
                .add("vintage", vintage).add("skillsYear", 2040).build());
        assertEquals(422, noYear.status());
        assertTrue(noYear.body().contains("no_aggregates"), noYear.body());
    }

    @Test
    void badRequestsAreExplainedInFrench() throws Exception {
        String vintage = vintage();
        ApiClient.Answer unknownVintage = admin.post("/api/v1/fragility/evaluations", Jsons.createObjectBuilder()
                .add("vintage", "NOPE").build());
        assertEquals(422, unknownVintage.status());
        assertTrue(unknownVintage.body().contains("unknown_vintage"));
        ApiClient.Answer emptyReference = admin.post("/api/v1/fragility/evaluations", Jsons.createObjectBuilder()
                .add("vintage", vintage).add("reference", "departement:33").build());
        assertEquals(422, emptyReference.status());
        assertTrue(emptyReference.body().contains("ne contient aucune unité"), emptyReference.body());
        ApiClient.Answer badFile = admin.send("POST", "/api/v1/fragility/inputs?vintage=" + vintage, "text/csv",
                "iris_code,iris_name,commune_insee_2016,commune_name,population,households,one_person_households\n"
                        + "401840102,Plage,40184,Mimizan,-3,10,5\n"
                        + "409990101,Nulle part,40999,Nulle part,10,10,5\n");
        assertEquals(422, badFile.status(), badFile.body());
        assertTrue(badFile.body().contains("invalid_number") && badFile.body().contains("unknown_commune"), badFile.body());
        assertEquals(365, admin.get("/api/v1/fragility/evaluations/" + evaluate(vintage, "IRIS").getString("id")
                + "/units.json").json().getJsonArray("items").size(), "the refused file changed nothing");
        ApiClient staff = admin.as(fixtures.tokenFor("CENTER_STAFF", fixtures.center()));
        assertEquals(403, staff.send("POST", "/api/v1/fragility/inputs?vintage=X", "text/csv", "a").status());
    }
}
