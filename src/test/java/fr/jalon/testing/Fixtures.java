package fr.jalon.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import fr.jalon.platform.json.Jsons;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Builds centres, sites, rooms, sessions and users through the API, with unique names. */
public final class Fixtures {

    /** A valid SIRET (Luhn) used for test centres. */
    public static final String SIRET = "73282932000074";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ApiClient admin;

    public Fixtures(ApiClient admin) {
        this.admin = admin;
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQUENCE.incrementAndGet();
    }

    /** A few random letters: names accept letters only, and tests must not meet each other's people. */
    public static String uniqueLetters() {
        return letters(Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 26L * 26 * 26 * 26 * 26 * 26));
    }

    /** n written in base 26 with the letters a–z: distinct numbers give distinct names. */
    public static String letters(long n) {
        StringBuilder s = new StringBuilder();
        long v = n;
        do {
            s.append((char) ('a' + v % 26));
            v /= 26;
        } while (v > 0);
        return s.toString();
    }

    public static JsonObjectBuilder centerBody(String name) {
        return Jsons.createObjectBuilder()
                .add("name", name)
                .add("type", "PRO")
                .add("siret", SIRET)
                .add("habilitations", Jsons.createArrayBuilder().add("CLEA"))
                .add("contactEmail", "centre@example.org")
                .add("contactPhone", "05 58 46 40 40");
    }

    public static JsonObjectBuilder siteBody(String name) {
        return Jsons.createObjectBuilder()
                .add("name", name)
                .add("address", Jsons.createObjectBuilder().add("line1", "1 place du Foirail").add("postalCode", "40000")
                        .add("city", "Mont-de-Marsan"))
                .add("communeInsee", "40192")
                .add("wheelchairAccessible", true);
    }

    public static JsonObjectBuilder roomBody(String name, int seats) {
        return Jsons.createObjectBuilder().add("name", name).add("seats", seats).add("accessible", true);
    }

    public static JsonObject sessionBody(String roomId, LocalDate date, String time) {
        return Jsons.createObjectBuilder().add("roomId", roomId).add("date", date.toString()).add("startTime", time).build();
    }

    public String center() {
        return created(admin.post("/api/v1/centers", centerBody(unique("Centre")).build()));
    }

    public String site(String centerId) {
        return created(admin.post("/api/v1/centers/" + centerId + "/sites", siteBody(unique("Site")).build()));
    }

    public String room(String siteId, int seats) {
        return created(admin.post("/api/v1/sites/" + siteId + "/rooms", roomBody(unique("Salle"), seats).build()));
    }

    public String session(String roomId, LocalDate date, String time) {
        return created(admin.post("/api/v1/sessions", sessionBody(roomId, date, time)));
    }

    /**
     * Moves a scheduled session so that it started an hour ago (sessions cannot be created in the
     * past): the session day can then be recorded. Every field comes from one instant (the start,
     * to the minute) read in Paris, so the date, the wall-clock time and the instants agree at any
     * hour, across midnight and in the DST fall-back hour.
     */
    public static void startedAnHourAgo(String sessionId) {
        Instant start = TestTime.clock().instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));
        ZonedDateTime local = start.atZone(TestTime.PARIS);
        TestDatabase.get().database().client().execute().dml("""
                UPDATE sessions SET local_date = ?, start_time = ?, starts_at = ?,
                       ends_at = CAST(? AS timestamptz) + duration_minutes * interval '1 minute' WHERE id = ?""",
                local.toLocalDate(), local.toLocalTime(), start.atOffset(ZoneOffset.UTC), start.atOffset(ZoneOffset.UTC),
                UUID.fromString(sessionId));
    }

    /** Enrols a new person in a session; returns the enrolment's id. */
    public String enrol(String sessionId, String birthName, String firstName, String birthDate) {
        return created(admin.post("/api/v1/sessions/" + sessionId + "/enrolments",
                enrolmentBody(personBody(birthName, firstName, birthDate))));
    }

    /** The same, for a person who gave an e-mail address (and so gets e-mails). */
    public String enrolWithEmail(String sessionId, String birthName, String firstName, String birthDate, String email) {
        return created(admin.post("/api/v1/sessions/" + sessionId + "/enrolments",
                enrolmentBody(personBody(birthName, firstName, birthDate).add("email", email))));
    }

    /** A person born in Mont-de-Marsan, as the enrolment API takes it. */
    public static JsonObjectBuilder personBody(String birthName, String firstName, String birthDate) {
        return Jsons.createObjectBuilder()
                .add("birthName", birthName)
                .add("firstName", firstName)
                .add("sex", "F")
                .add("birthDate", birthDate)
                .add("birthplace", Jsons.createObjectBuilder().add("inseeCode", "40192").add("country", "France"));
    }

    public static JsonObject enrolmentBody(JsonObjectBuilder person) {
        return Jsons.createObjectBuilder().add("person", person).add("billingMode", "FREE").build();
    }

    /** A user of the given role and centre, and a token for it. */
    public String tokenFor(String role, String centerId) {
        JsonObjectBuilder user = Jsons.createObjectBuilder()
                .add("email", UUID.randomUUID() + "@example.org")
                .add("displayName", "Agent de test")
                .add("role", role);
        if (centerId != null) {
            user.add("centerId", centerId);
        }
        String userId = created(admin.post("/api/v1/users", user.build()));
        ApiClient.Answer token = admin.post("/api/v1/users/" + userId + "/tokens",
                Jsons.createObjectBuilder().add("label", "test").build());
        assertEquals(201, token.status(), token.body());
        return token.json().getString("token");
    }

    /** A centre, an organisation referring to it, an adviser of that organisation and staff of the centre. */
    public record Partner(String center, String organisation, ApiClient adviser, ApiClient staff) {
    }

    public Partner partner() {
        return partner(center());
    }

    /** A new organisation referring to this centre, with an adviser and a member of the centre's staff. */
    public Partner partner(String center) {
        ApiClient.Answer organisation = admin.post("/api/v1/referring-organisations", Jsons.createObjectBuilder()
                .add("kind", "FT").add("name", unique("France Travail Dax")).add("siret", SIRET)
                .add("safirCode", "40011").add("contactEmail", "agence@example.org")
                .add("centerIds", Jsons.createArrayBuilder().add(center)).build());
        assertEquals(201, organisation.status(), organisation.body());
        ApiClient.Answer user = admin.post("/api/v1/users", Jsons.createObjectBuilder()
                .add("email", UUID.randomUUID() + "@francetravail.example").add("displayName", "Claire Martin")
                .add("role", "ADVISER").add("organisationId", organisation.id()).build());
        assertEquals(201, user.status(), user.body());
        String token = admin.post("/api/v1/users/" + user.id() + "/tokens",
                Jsons.createObjectBuilder().add("label", "outil").build()).json().getString("token");
        return new Partner(center, organisation.id(), admin.as(token), admin.as(tokenFor("CENTER_STAFF", center)));
    }

    private static String created(ApiClient.Answer answer) {
        assertEquals(201, answer.status(), answer.body());
        return answer.id();
    }
}
