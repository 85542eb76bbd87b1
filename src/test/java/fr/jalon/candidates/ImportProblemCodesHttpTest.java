package fr.jalon.candidates;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One faulty Pix file per problem code of the candidates import, each answered with exactly that
 * code on its line and column, and nothing applied. The codes the realistic-file tests of
 * {@link ImportHttpTest} already pin down are not repeated here.
 */
@HttpTest
class ImportProblemCodesHttpTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String DATE = "* Date de début (format: JJ/MM/AAAA)";
    private static final String ROOM = "* Nom de la salle";

    private final ApiClient admin;
    private final Fixtures fixtures;

    ImportProblemCodesHttpTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    /** What a case gets: its centre's site name, a free day, and the centre's staff-visible state. */
    record Place(String centerId, String siteId, String site, String day, String tag) {

        String line(String sessionCells, String candidate) {
            return sessionCells + candidate + "\r\n";
        }

        String session(String room, String time) {
            return ";" + site + ";" + room + ";" + day + ";" + time + ";;;";
        }

        String candidate(String name) {
            return name + "-" + tag + ";Léa;01/01/1990;F;40192;;;France;;;;;Gratuite;;";
        }
    }

    record Case(String code, int line, String field, Function<Place, String> file) {

        @Override
        public String toString() {
            return code;
        }
    }

    static Stream<Arguments> cases() {
        String header = ImportHttpTest.HEADER;
        return Stream.of(
                new Case("column_count", 2, "(ligne)", p -> header + "\r\n" + p.session("Salle Adour", "09:30") + "Court\r\n"),
                new Case("duplicate_column", 1, "* Prénom", p -> header + ";* Prénom\r\n"
                        + p.line(p.session("Salle Adour", "09:30"), p.candidate("Double") + ";Léa")),
                new Case("invalid_number", 2, "Numéro de session préexistante", p -> header + "\r\n"
                        + p.line("douze" + p.session("Salle Adour", "09:30"), p.candidate("Numero"))),
                new Case("invalid_percent", 2, "Temps majoré ? (exemple format: 33%)", p -> header + "\r\n"
                        + p.line(p.session("Salle Adour", "09:30"),
                        "Majore-" + p.tag() + ";Léa;01/01/1990;F;40192;;;France;;;;trente%;Gratuite;;")),
                new Case("overlapping_session", 3, DATE, p -> header + "\r\n"
                        + p.line(p.session("Salle Adour", "09:30"), p.candidate("Ubiquite"))
                        + p.line(p.session("Salle Midouze", "10:00"), p.candidate("Ubiquite"))),
                new Case("session_closed", 2, DATE, p -> header + "\r\n"
                        + p.line(p.session("Salle Adour", "14:00"), p.candidate("Tardif"))),
                new Case("session_rejected", 2, DATE, p -> header + "\r\n"
                        + p.line(";" + p.site() + ";Salle Adour;" + TestTime.todayInParis().minusDays(3).format(DAY)
                        + ";09:30;;;", p.candidate("Passe"))),
                new Case("several_complementary", 2, "Pix+ Droit ('oui' ou laisser vide)", p -> header
                        + ";Pix+ Droit ('oui' ou laisser vide)\r\n"
                        + p.line(p.session("Salle Adour", "09:30"), p.candidate("Deux").replace("Gratuite;;", "Gratuite;;oui") + ";oui")),
                new Case("unknown_room", 2, ROOM, p -> header + "\r\n"
                        + p.line(p.session("Salle Inconnue", "09:30"), p.candidate("Perdu"))))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachProblemIsReportedOnItsLineAndColumnAndNothingIsApplied(Case c) {
        Place place = place();
        ApiClient.Answer answer = admin.send("POST", "/api/v1/sessions/import?center=" + place.centerId(), "text/csv",
                c.file().apply(place));

        assertEquals(422, answer.status(), answer.body());
        assertTrue(answer.isProblem());
        JsonObject error = answer.json().getJsonArray("errors").stream().map(v -> v.asJsonObject())
                .filter(e -> e.getString("code").equals(c.code())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + c.code() + " in " + answer.body()));
        assertEquals(c.line(), error.getInt("line"), answer.body());
        assertEquals(c.field(), error.getString("field"), answer.body());
        assertTrue(error.getString("message").length() > 10, "a sentence in French: " + error.getString("message"));
        assertEquals(1, sessionsOf(place.centerId()), "nothing applied: the finalized session alone");
        assertEquals(0L, TestDatabase.get().database().client().execute()
                .get("SELECT count(*) AS n FROM people WHERE owner_id = ?", UUID.fromString(place.centerId()))
                .map(r -> r.column("n").get(Long.class)).orElseThrow(), "no person created");
    }

    /**
     * A new centre (CléA and Pix+ Droit) with a site (rooms Salle Adour, 12 seats, and Salle Midouze), and one session
     * at 14:00 that is already finalized (for {@code session_closed}).
     */
    private Place place() {
        // Habilitated for CléA and Pix+ Droit: two complementary certifications may be asked for.
        String center = admin.post("/api/v1/centers", Fixtures.centerBody(Fixtures.unique("Centre"))
                .add("habilitations", Jsons.createArrayBuilder().add("CLEA").add("PIX_PLUS_DROIT")).build()).id();
        String siteName = Fixtures.unique("Maison du numérique");
        String site = admin.post("/api/v1/centers/" + center + "/sites", Fixtures.siteBody(siteName).build()).id();
        String adour = admin.post("/api/v1/sites/" + site + "/rooms", Fixtures.roomBody("Salle Adour", 12).build()).id();
        admin.post("/api/v1/sites/" + site + "/rooms", Fixtures.roomBody("Salle Midouze", 2).build());
        LocalDate day = TestTime.todayInParis().plusDays(50);
        String closed = fixtures.session(adour, day, "14:00");
        TestDatabase.get().database().client().execute().dml("UPDATE sessions SET status = 'FINALIZED' WHERE id = ?",
                UUID.fromString(closed));
        return new Place(center, site, siteName, day.format(DAY), Fixtures.uniqueLetters());
    }

    private int sessionsOf(String center) {
        return admin.get("/api/v1/sessions?limit=200&center=" + center).json().getJsonArray("items").size();
    }
}
