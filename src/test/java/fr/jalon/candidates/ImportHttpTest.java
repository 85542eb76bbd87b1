package fr.jalon.candidates;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Db;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestTime;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@HttpTest
class ImportHttpTest {

    static final String HEADER = "Numéro de session préexistante;* Nom du site;* Nom de la salle;"
            + "* Date de début (format: JJ/MM/AAAA);* Heure de début (heure locale format: HH:MM);* Surveillant(s);"
            + "Observations (optionnel);* Nom de naissance;* Prénom;* Date de naissance (format: JJ/MM/AAAA);"
            + "* Sexe (M ou F);Code INSEE de la commune de naissance;Code postal de la commune de naissance;"
            + "Nom de la commune de naissance;* Pays de naissance;"
            + "E-mail du destinataire des résultats (formateur, enseignant…);E-mail de convocation;Identifiant externe;"
            + "Temps majoré ? (exemple format: 33%);* Tarification part Pix (Gratuite, Prépayée ou Payante);"
            + "Code de prépaiement (si Tarification part Pix Prépayée);CléA Numérique ('oui' ou laisser vide)";

    private final ApiClient admin;
    private final Fixtures fixtures;
    private String centerId;
    private String siteName;
    private String importPath;
    private final String day = TestTime.todayInParis().plusDays(50).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    /** Letters that make this test's people unique, so tests do not find each other's candidates. */
    private final String tag = Fixtures.uniqueLetters();

    ImportHttpTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    @BeforeEach
    void centre() {
        centerId = fixtures.center();
        siteName = Fixtures.unique("Maison du numérique");
        String site = admin.post("/api/v1/centers/" + centerId + "/sites", Fixtures.siteBody(siteName).build()).id();
        admin.post("/api/v1/sites/" + site + "/rooms", Fixtures.roomBody("Salle Adour", 12).build());
        admin.post("/api/v1/sites/" + site + "/rooms", Fixtures.roomBody("Salle Midouze", 2).build());
        importPath = "/api/v1/sessions/import?center=" + centerId;
    }

    private String realisticFile() {
        String t = "-" + tag;
        String s1 = ";" + siteName + ";Salle Adour;" + day + ";09:30;Marie Lafitte;Session du matin;";
        String s2 = "4242;" + siteName + ";Salle Adour;" + day + ";14:00;Jean Darrigade;;";
        return "\uFEFF" + HEADER + "\r\n"
                + s1 + "D'Artagnan" + t + ";Jean-Pierre;03/07/1961;M;40192;;;FRANCE;conseiller@example.org;jp@example.org;FT-001;33%;Gratuite;;oui\r\n"
                + s1 + "Lœuillet-Dupré" + t + ";Anaïs;12/11/1999;F;;40110;Morcenx-la-Nouvelle;France;;;;;Prépayée;12345678912345/FACT12345;\r\n"
                + s1 + "Benali" + t + ";Youssef;01/02/1985;M;;;Casablanca;MAROC;;youssef@example.org;;;Payante;;\r\n"
                + s1 + "Santoni" + t + ";Maria-Lucia;28/02/1970;F;2A004;;;France;;;;;Gratuite;;\r\n"
                + s1 + "Lafargue" + t + ";Éloïse;15/05/1950;F;40009;;;France;;;;;Gratuite;;\r\n"
                + s2 + "Nguyen" + t + ";Thi Mai;09/09/2001;F;2B033;;;France;;;;50%;Gratuite;;\r\n"
                + ";" + siteName + ";Salle Midouze;" + day + ";16:00;Paul Lassalle;Session vide;;;;;;;;;;;;;;;\r\n";
    }

    private ApiClient.Answer upload(String path, String file) {
        return admin.send("POST", path, "text/csv", file);
    }

    @Test
    void importsARealisticFileAndCreatesSessionsAndCandidates() {
        ApiClient.Answer answer = upload(importPath, realisticFile());

        assertEquals(200, answer.status(), answer.body());
        JsonObject report = answer.json();
        assertEquals(3, report.getJsonObject("sessions").getInt("created"));
        assertEquals(6, report.getJsonObject("enrolments").getInt("created"));
        assertEquals(6, report.getJsonObject("people").getInt("created"));
        List<JsonObject> sessions = sessionsOfCentre();
        assertEquals(3, sessions.size());
        JsonObject numbered = sessions.stream().filter(s -> s.containsKey("pixNumber")).findFirst().orElseThrow();
        assertEquals(4242, numbered.getInt("pixNumber"));
        assertEquals("Jean Darrigade", numbered.getString("declaredInvigilators"));
        JsonObject morning = sessions.stream().filter(s -> s.getString("startTime").equals("09:30")).findFirst().orElseThrow();
        assertEquals(5, morning.getInt("seatsTaken"));
        JsonObject person = admin.get("/api/v1/people?q=benali%20" + tag).json().getJsonArray("items").getJsonObject(0);
        assertEquals("Maroc", person.getJsonObject("birthplace").getString("country"));
        assertEquals("Casablanca", person.getJsonObject("birthplace").getString("city"));
        JsonObject merged = admin.get("/api/v1/people?q=lafargue%20" + tag).json().getJsonArray("items").getJsonObject(0);
        assertEquals("40009", merged.getJsonObject("birthplace").getString("inseeCode"), "a former commune code is kept");
        List<JsonObject> enrolled = admin.get("/api/v1/sessions/" + morning.getString("id") + "/enrolments").json()
                .getJsonArray("items").stream().map(v -> v.asJsonObject()).toList();
        JsonObject dartagnan = enrolled.stream().filter(e -> e.getJsonObject("person").getString("birthName").equals("D'Artagnan-" + tag))
                .findFirst().orElseThrow();
        assertEquals(33, dartagnan.getInt("extraTimePercent"));
        assertEquals("CLEA", dartagnan.getString("complementaryCertification"));
        assertEquals("IMPORT", dartagnan.getString("origin"));
    }

    @Test
    void aDryRunReportsWithoutApplying() {
        ApiClient.Answer answer = upload(importPath + "&dryRun=true", realisticFile());

        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.json().getBoolean("dryRun"));
        assertEquals(6, answer.json().getJsonObject("enrolments").getInt("created"));
        assertEquals(0, sessionsOfCentre().size());
    }

    @Test
    void everyFaultyLineIsReportedAndNothingIsApplied() {
        String s = ";" + siteName + ";Salle Adour;" + day + ";09:30;;;";
        String file = HEADER + "\n"
                + s + "Dupont;Jean;01/01/1980;M;40999;;;France;;;;;Gratuite;;\n"
                + s + "Durand;Luc;01/01/1980;M;;40000;Dax;France;;;;;Gratuite;;\n"
                + s + "Futur;Léo;01/01/2999;M;40192;;;France;;;;;Gratuite;;\n"
                + s + "Ancien;Léon;31/12/1899;M;40192;;;France;;;;;Gratuite;;\n"
                + s + "Moreau;Zoé;01/01/1990;F;40192;;;France;;pas-une-adresse;;;Payante;CODE123;\n"
                + s + "Martin;Zoé;01/01/1990;F;40192;;;France;;;;;Gratuite;;\n"
                + s + "MARTIN;Zoe;01/01/1990;F;40192;;;France;;;;;Gratuite;;\n"
                + s + "Petit;Ana;31/02/1990;X;40192;;;Atlantide;;;;;Gratis;;peut-être\n"
                + s + "Valide;Yves;01/01/1990;M;40192;;;France;;;;;Gratuite;;\n";

        ApiClient.Answer answer = upload(importPath, file);

        assertEquals(422, answer.status(), answer.body());
        assertTrue(answer.isProblem());
        Map<Integer, List<String>> codesByLine = answer.json().getJsonArray("errors").stream().map(v -> v.asJsonObject())
                .collect(Collectors.groupingBy(e -> e.getInt("line"), Collectors.mapping(e -> e.getString("code"),
                        Collectors.toList())));
        assertEquals(List.of("unknown_insee"), codesByLine.get(2));
        assertEquals(List.of("postal_code_mismatch"), codesByLine.get(3));
        assertEquals(List.of("future"), codesByLine.get(4));
        assertEquals(List.of("too_old"), codesByLine.get(5));
        assertTrue(codesByLine.get(6).containsAll(List.of("invalid_email", "unexpected")), codesByLine.get(6).toString());
        assertEquals(null, codesByLine.get(7));
        assertEquals(List.of("duplicate_candidate"), codesByLine.get(8));
        assertTrue(codesByLine.get(9).containsAll(List.of("invalid_value", "unknown_country")), codesByLine.get(9).toString());
        assertTrue(answer.body().contains("* Date de naissance (format: JJ/MM/AAAA)"), "errors name the column");
        assertEquals(null, codesByLine.get(10));
        assertEquals(0, sessionsOfCentre().size(), "nothing applied");
    }

    @Test
    void malformedFilesAreRejectedClearly() {
        assertCode(upload(importPath, ""), "empty");
        assertCode(upload(importPath, HEADER.replace(';', ',') + "\n"), "separator");
        assertCode(upload(importPath, HEADER.replace("* Prénom;", "") + "\n"), "missing_column");
        assertCode(upload(importPath, HEADER + ";Couleur préférée\n"), "unknown_column");
        assertCode(upload(importPath, HEADER + "\n;\"" + siteName + ";Salle Adour;" + day + ";09:30\n"), "quotes");
        byte[] latin1 = (HEADER + "\n;" + siteName + ";Salle Adour;" + day + ";09:30;;;Légère;Zoé;01/01/1990;F;40192;;;France;;;;;Gratuite;;\n")
                .getBytes(Charset.forName("windows-1252"));
        assertCode(admin.sendBytes("POST", importPath, "text/csv", latin1), "encoding");
        assertEquals(415, admin.send("POST", importPath, "application/json", "{}").status());
    }

    @Test
    void aFileOverTheLimitIs413() {
        byte[] huge = new byte[50 * 1000 * 1000];
        Arrays.fill(huge, (byte) 'a');
        ApiClient.Answer answer = admin.sendBytes("POST", importPath, "text/csv", huge);
        assertEquals(413, answer.status());
        assertTrue(answer.isProblem());
    }

    @Test
    void olderHeadersAndMultipartUploadsAreAccepted() {
        String older = HEADER.replace("Numéro de session préexistante", "N° de session")
                .replace("Code INSEE de la commune de naissance", "Code Insee")
                .replace("* Pays de naissance", "* Pays").replace("Identifiant externe", "Identifiant local");
        String file = older + "\n;" + siteName + ";Salle Adour;" + day + ";10:00;;;Roux-" + tag + ";Camille;02/03/1992;F;40088;;;France;;;L-7;;Gratuite;;\n";
        String boundary = "----jalon" + UUID.randomUUID();
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"candidats.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";

        ApiClient.Answer answer = admin.sendBytes("POST", importPath, "multipart/form-data; boundary=" + boundary,
                form.getBytes(StandardCharsets.UTF_8));

        assertEquals(200, answer.status(), answer.body());
        assertEquals(1, answer.json().getJsonObject("enrolments").getInt("created"));
    }

    @Test
    void exportThenReimportChangesNothing() {
        assertEquals(200, upload(importPath, realisticFile()).status());
        JsonObject morning = sessionsOfCentre().stream().filter(s -> s.getString("startTime").equals("09:30")).findFirst()
                .orElseThrow();
        String sessionId = morning.getString("id");

        ApiClient.Answer export = admin.get("/api/v1/sessions/" + sessionId + "/candidates.csv");
        long eventsBefore = count(EVENTS_OF_CENTRE, centerId, centerId);
        long peopleBefore = count("SELECT count(*) AS n FROM people WHERE owner_id = CAST(? AS uuid)", centerId);
        ApiClient.Answer again = upload(importPath, export.body());

        assertEquals(200, export.status());
        assertTrue(export.contentType().startsWith("text/csv"));
        assertTrue(export.raw().headers().firstValue("Content-Disposition").orElseThrow().contains("attachment"));
        assertTrue(export.body().startsWith("\uFEFF" + HEADER.substring(0, 40)), export.body().substring(0, 60));
        assertEquals(6, export.body().split("\r\n").length, "header + 5 candidates");
        assertEquals(200, again.status(), again.body());
        JsonObject report = again.json();
        assertEquals(0, report.getJsonObject("sessions").getInt("created"));
        assertEquals(0, report.getJsonObject("enrolments").getInt("created"));
        assertEquals(0, report.getJsonObject("enrolments").getInt("updated"));
        assertEquals(5, report.getJsonObject("enrolments").getInt("unchanged"));
        assertEquals(eventsBefore, count(EVENTS_OF_CENTRE, centerId, centerId));
        assertEquals(peopleBefore, count("SELECT count(*) AS n FROM people WHERE owner_id = CAST(? AS uuid)", centerId));
        assertEquals(morning.getString("updatedAt"), admin.get("/api/v1/sessions/" + sessionId).json().getString("updatedAt"));
    }

    /** A duplicate is reported even when the other line of the pair has faults of its own. */
    @Test
    void aDuplicateOfAFaultyLineIsReportedWithEveryOtherProblem() {
        String s = ";" + siteName + ";Salle Adour;" + day + ";09:30;;;";
        String file = HEADER + "\n"
                + s + "Double-" + tag + ";Jeanne;01/01/1980;F;40192;;;France;;;;;Gratuite;;\n"
                + s + "DOUBLE-" + tag + ";Jeanne;1/1/1980;F;40192;;;France;;;;;Prépayée;;\n";

        ApiClient.Answer answer = upload(importPath, file);

        assertEquals(422, answer.status(), answer.body());
        List<String> third = answer.json().getJsonArray("errors").stream().map(v -> v.asJsonObject())
                .filter(e -> e.getInt("line") == 3).map(e -> e.getString("code")).toList();
        assertTrue(third.contains("duplicate_candidate"), answer.body());
        assertTrue(third.size() >= 2, "the missing prepayment code too: " + answer.body());
    }

    /** A file of faults: the first thousand problems are listed, the rest counted; cells echoed short. */
    @Test
    void hugeReportsAreBoundedAndNeverEchoALongCell() {
        String s = ";" + siteName + ";Salle Adour;" + day + ";09:30;;;";
        StringBuilder file = new StringBuilder(HEADER).append("\n");
        String longCell = "X".repeat(300);
        for (int i = 0; i < 1_500; i++) {
            file.append(s).append("Faux").append(Fixtures.letters(i)).append(";Jean;01/01/1980;").append(longCell)
                    .append(";40192;;;France;;;;;Gratuite;;\n");
        }

        ApiClient.Answer answer = upload(importPath, file.toString());

        assertEquals(422, answer.status(), answer.body().substring(0, 300));
        assertEquals(1_000, answer.json().getJsonArray("errors").size());
        assertTrue(answer.json().getString("detail").contains("1500 problèmes : les 1000 premiers sont listés, 500 autres"),
                answer.json().getString("detail"));
        assertFalse(answer.body().contains("X".repeat(41)), "a cell is echoed to 40 characters at most");
        assertTrue(answer.body().contains("X".repeat(40) + "…"), "and says it was cut");

        StringBuilder tooLong = new StringBuilder(HEADER).append("\n");
        for (int i = 0; i <= PixFileReader.MAX_LINES; i++) {
            tooLong.append(s).append("L;J;01/01/1980;M;40192;;;France;;;;;Gratuite;;\n");
        }
        ApiClient.Answer lines = upload(importPath, tooLong.toString());
        assertEquals(422, lines.status());
        assertTrue(lines.body().contains("too_many_lines"), lines.body());
        assertEquals(0, sessionsOfCentre().size(), "nothing applied");
    }

    /** A NUL byte (or another control character) is refused line by line, in files and JSON alike. */
    @Test
    void controlCharactersAreRefusedWithTheirLine() {
        String s = ";" + siteName + ";Salle Adour;" + day + ";09:30;;;";
        String file = HEADER + "\n"
                + s + "Nul-" + tag + ";Jean;01/01/1980;M;40192;;;France;;;;;Gratuite;;\n"
                + s + "Zero\u0000-" + tag + ";Jean;01/01/1980;M;40192;;;France;;;;;Gratuite;;\n"
                + s + "Bell-" + tag + ";Je\u0007an;01/01/1980;M;40192;;;France;;;;;Gratuite;;\n";

        ApiClient.Answer answer = upload(importPath, file);

        assertEquals(422, answer.status(), answer.body());
        List<Integer> lines = answer.json().getJsonArray("errors").stream().map(v -> v.asJsonObject())
                .filter(e -> e.getString("code").equals("control_character")).map(e -> e.getInt("line")).toList();
        assertEquals(List.of(3, 4), lines);
        assertEquals(0, sessionsOfCentre().size(), "nothing applied");

        String session = fixtures.session(fixtures.room(fixtures.site(centerId), 5), TestTime.todayInParis().plusDays(60), "09:00");
        ApiClient.Answer json = admin.post("/api/v1/sessions/" + session + "/enrolments",
                Fixtures.enrolmentBody(Fixtures.personBody("Nul\u0000" + tag, "Jean", "1980-01-01")));
        assertEquals(422, json.status(), json.body());
        assertTrue(json.body().contains("control_character"), json.body());
        ApiClient.Answer search = admin.get("/api/v1/people?q=a%00b");
        assertEquals(400, search.status(), search.body());
    }

    /** Cells a spreadsheet would run as formulas leave Jalon neutralised, and come back unchanged. */
    @Test
    void formulaLikeCellsAreNeutralisedOnExportAndReadBackUnchanged() {
        String s = ";" + siteName + ";Salle Adour;" + day + ";10:30;Marie Lafitte;=1+1;";
        String file = "\uFEFF" + HEADER + "\r\n"
                + s + "Formule-" + tag + ";Ada;10/12/1985;F;40192;;;France;;;@cmd;;Gratuite;;\r\n"
                + s + "Signe-" + tag + ";Blaise;19/06/1983;M;40192;;;France;;;+33612;;Gratuite;;\r\n";
        assertEquals(200, upload(importPath, file).status());
        String sessionId = sessionsOfCentre().stream().filter(x -> x.getString("startTime").equals("10:30")).findFirst()
                .orElseThrow().getString("id");

        ApiClient.Answer export = admin.get("/api/v1/sessions/" + sessionId + "/candidates.csv");
        assertEquals(200, export.status());
        for (String line : export.body().split("\r\n")) {
            for (String cell : line.replace("\uFEFF", "").split(";", -1)) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "a formula cell: " + cell);
            }
        }
        assertTrue(export.body().contains(";'=1+1;"), export.body());
        assertTrue(export.body().contains(";'@cmd;"), export.body());
        assertTrue(export.body().contains(";'+33612;"), export.body());
        ApiClient.Answer again = upload(importPath, export.body());
        assertEquals(200, again.status(), again.body());
        assertEquals(2, again.json().getJsonObject("enrolments").getInt("unchanged"), again.body());
        assertEquals("=1+1", admin.get("/api/v1/sessions/" + sessionId).json().getString("description"));
    }

    @Test
    void aFileThatOverfillsARoomIsRefused() {
        String s = ";" + siteName + ";Salle Midouze;" + day + ";11:00;;;";
        String file = HEADER + "\n"
                + s + "Un-" + tag + ";Alain;01/01/1990;M;40192;;;France;;;;;Gratuite;;\n"
                + s + "Deux-" + tag + ";Alain;01/01/1990;M;40192;;;France;;;;;Gratuite;;\n"
                + s + "Trois-" + tag + ";Alain;01/01/1990;M;40192;;;France;;;;;Gratuite;;\n";

        ApiClient.Answer answer = upload(importPath, file);

        assertEquals(422, answer.status(), answer.body());
        assertEquals("session_full", answer.json().getJsonArray("errors").getJsonObject(0).getString("code"));
        assertEquals(0, sessionsOfCentre().size(), "the session created for the file is rolled back too");
    }

    @Test
    void aComplementaryCertificationTheCentreDoesNotHoldRejectsTheLine() {
        String header = HEADER + ";Pix+ Droit ('oui' ou laisser vide)";
        String s = ";" + siteName + ";Salle Adour;" + day + ";15:00;;;";
        String file = header + "\n" + s + "Juriste-" + tag + ";Paul;01/01/1980;M;40192;;;France;;;;;Gratuite;;;oui\n";

        ApiClient.Answer answer = upload(importPath, file);

        assertEquals(422, answer.status(), answer.body());
        JsonObject error = answer.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("not_habilitated", error.getString("code"));
        assertEquals(2, error.getInt("line"));
        assertEquals("Pix+ Droit ('oui' ou laisser vide)", error.getString("field"));
    }

    private static void assertCode(ApiClient.Answer answer, String code) {
        assertEquals(422, answer.status(), answer.body());
        assertTrue(answer.isProblem());
        assertEquals(code, answer.json().getJsonArray("errors").getJsonObject(0).getString("code"), answer.body());
    }

    private List<JsonObject> sessionsOfCentre() {
        return admin.get("/api/v1/sessions?limit=200&center=" + centerId).json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).toList();
    }

    /** The domain events about this centre's sessions and enrolments (other tests' events never count). */
    private static final String EVENTS_OF_CENTRE = """
            SELECT count(*) AS n FROM domain_events
            WHERE aggregate_id IN (SELECT id FROM sessions WHERE center_id = CAST(? AS uuid))
               OR aggregate_id IN (SELECT id FROM enrolments WHERE center_id = CAST(? AS uuid))""";

    private static long count(String sql, Object... params) {
        return Db.count(sql, params);
    }
}
