package fr.jalon.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import fr.jalon.platform.db.ServiceState;
import fr.jalon.platform.json.Jsons;
import fr.jalon.sessions.SessionSlot;
import fr.jalon.users.AdminBootstrap;
import fr.jalon.users.IssuedToken;
import fr.jalon.web.Console;

import io.helidon.dbclient.DbClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Demo data for the embedded mode: a centre in the Landes with three sites, their rooms, a
 * month of sessions from today and a few candidates in the first one. It is created through the public API, with a short-lived
 * administrator token, so it passes exactly the checks a user's input passes. Loaded once per
 * database; everything is named « [DÉMO] ».
 */
public final class DemoData {

    private static final Logger LOG = System.getLogger(DemoData.class.getName());
    private static final String STATE_KEY = "demo-data";

    private final String baseUrl;
    private final AdminBootstrap bootstrap;
    private final Clock clock;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    public DemoData(String baseUrl, AdminBootstrap bootstrap, Clock clock) {
        this.baseUrl = baseUrl;
        this.bootstrap = bootstrap;
        this.clock = clock;
    }

    public void loadOnce(DbClient db) {
        ServiceState state = new ServiceState(db);
        if (state.has(STATE_KEY)) {
            return;
        }
        IssuedToken issued = bootstrap.internalToken("demo data loader");
        token = issued.secret();
        try {
            load(db);
            state.put(STATE_KEY, LocalDate.now(clock.withZone(SessionSlot.PARIS)).toString());
            LOG.log(Level.INFO, "Demo data loaded");
        } finally {
            bootstrap.revoke(issued.info());
        }
    }

    private void load(DbClient db) {
        String center = id(post("/centers", Jsons.createObjectBuilder()
                .add("name", "[DÉMO] Agence départementale d'inclusion numérique des Landes")
                .add("type", "PRO")
                .add("siret", "22004000000006")
                .add("habilitations", Jsons.createArrayBuilder().add("CLEA"))
                .add("contactEmail", "certification@demo.jalon.local")
                .add("contactPhone", "05 58 00 00 00")
                .build()));
        String mont = id(post("/centers/" + center + "/sites", site("[DÉMO] Mont-de-Marsan — Maison du numérique",
                "12 rue Victor Hugo", "40000", "Mont-de-Marsan", "40192", true)));
        String dax = id(post("/centers/" + center + "/sites", site("[DÉMO] Dax — Espace France Services",
                "3 avenue Saint-Vincent-de-Paul", "40100", "Dax", "40088", true)));
        String gabarret = id(post("/centers/" + center + "/sites", site("[DÉMO] Gabarret — Médiathèque",
                "1 place de la Mairie", "40310", "Gabarret", "40102", false)));
        String montLarge = id(post("/sites/" + mont + "/rooms", room("Salle Adour", 12, true)));
        String montSmall = id(post("/sites/" + mont + "/rooms", room("Salle Midouze", 8, true)));
        String daxRoom = id(post("/sites/" + dax + "/rooms", room("Salle des Thermes", 10, true)));
        String gabarretRoom = id(post("/sites/" + gabarret + "/rooms", room("Salle multimédia", 6, false)));

        LocalDate today = LocalDate.now(clock.withZone(SessionSlot.PARIS));
        String firstSession = null;
        for (LocalDate day = today.plusDays(1); !day.isAfter(today.plusMonths(1)); day = day.plusDays(1)) {
            DayOfWeek dow = day.getDayOfWeek();
            if (dow == DayOfWeek.TUESDAY || dow == DayOfWeek.THURSDAY) {
                String id = id(post("/sessions", session(montLarge, day, "09:30", "Session du matin")));
                firstSession = firstSession == null ? id : firstSession;
                post("/sessions", session(montSmall, day, "14:00", "Session de l'après-midi"));
            } else if (dow == DayOfWeek.WEDNESDAY) {
                post("/sessions", session(daxRoom, day, "09:30", "Session du matin"));
            } else if (dow == DayOfWeek.FRIDAY && day.getDayOfMonth() % 2 == 0) {
                post("/sessions", session(gabarretRoom, day, "14:00", "Session itinérante"));
            }
        }
        if (firstSession != null) {
            enrol(firstSession, person("Démo-Lafargue", "Éloïse", "F", "1968-05-15", "40192", null, "France")
                    .add("mobilePhone", "06 12 34 56 78"), "FREE");
            enrol(firstSession, person("Démo-Benali", "Youssef", "M", "1985-02-01", null, "Casablanca", "Maroc")
                    .add("email", "youssef.benali@demo.jalon.local"), "PAID");
            enrol(firstSession, person("Démo-Etcheverry", "Maïté", "F", "1959-11-30", "40088", null, "France")
                    .add("address", Jsons.createObjectBuilder().add("line1", "4 rue des Arènes").add("postalCode", "40100")
                            .add("city", "Dax"))
                    .add("accessibility", Jsons.createObjectBuilder().add("extraTimePercent", 33)
                            .add("needs", "Malvoyante : grand écran")), "FREE");
        }
        sessionUnderWay(db, center, montSmall, today);
        commune(center, today);
        certifiedResidents(db, mont, today);
        consoleAccounts(center);
        invigilator(center, mont, firstSession);
    }

    /**
     * A volunteer invigilator of Mont-de-Marsan planned for the first session, with the console
     * account {@code surveillant@demo.jalon.local} (to confirm or decline from the console).
     */
    private void invigilator(String center, String site, String session) {
        String invigilator = id(post("/invigilators", Jsons.createObjectBuilder().add("centerId", center)
                .add("kind", "VOLUNTEER").add("firstName", "Paul").add("lastName", "[DÉMO] Lacoste")
                .add("email", "surveillant@demo.jalon.local").add("homeInsee", "40192").add("trainedPix", true)
                .add("maxPerWeek", 2).add("maxPerMonth", 6).add("siteIds", Jsons.createArrayBuilder().add(site))
                .add("availability", Jsons.createObjectBuilder().add("weekly", Jsons.createArrayBuilder()
                        .add("TUESDAY_MORNING").add("THURSDAY_MORNING"))).build()));
        if (session != null) {
            post("/sessions/" + session + "/assignments", Jsons.createObjectBuilder().add("invigilatorId", invigilator)
                    .build());
        }
        String user = id(post("/users", Jsons.createObjectBuilder().add("email", "surveillant@demo.jalon.local")
                .add("displayName", "[DÉMO] Paul Lacoste, surveillant bénévole").add("role", "INVIGILATOR")
                .add("centerId", center).build()));
        send("PUT", "/invigilators/" + invigilator + "/user", Jsons.createObjectBuilder().add("userId", user).build(), token,
                200);
        send("PUT", "/users/" + user + "/password", Jsons.createObjectBuilder().add("password", Console.DEMO_PASSWORD)
                .build(), token, 204);
    }

    /**
     * The console's demo accounts (development only): a staff member of the centre, and the
     * password {@link Console#DEMO_PASSWORD} for them, the adviser, HR and the administrator.
     */
    private void consoleAccounts(String center) {
        post("/users", Jsons.createObjectBuilder().add("email", "personnel@demo.jalon.local")
                .add("displayName", "[DÉMO] Julie Lafitte, chargée de certification").add("role", "CENTER_STAFF")
                .add("centerId", center).build());
        List<String> emails = List.of("personnel@demo.jalon.local", "conseillere@demo.jalon.local", "rh@demo.jalon.local",
                AdminBootstrap.DEFAULT_ADMIN_EMAIL);
        send("GET", "/users?limit=200", new byte[0], "application/json", 200).getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(u -> emails.contains(u.getString("email")))
                .forEach(u -> send("PUT", "/users/" + u.getString("id") + "/password", Jsons.createObjectBuilder()
                        .add("password", Console.DEMO_PASSWORD).build(), token, 204));
    }

    /** The Pix session number of the demo's certified residents (for the skills aggregates). */
    static final long DEMO_RESIDENTS_PIX_SESSION = 900_002;

    /**
     * Thirty-one residents certified today, so the skills aggregates of the fragility index have
     * something to publish: 14 in Dax and 12 in Mont-de-Marsan (published), 5 in Saint-Paul-lès-Dax
     * (withheld, fewer than 11) — enrolled, present, finalized and their Pix results imported
     * through the API, in a session moved into this morning like the one under way.
     */
    private void certifiedResidents(DbClient db, String site, LocalDate today) {
        String room = id(post("/sites/" + site + "/rooms", room("Salle de conférence", 40, true)));
        String session = id(post("/sessions", session(room, today.plusDays(1), "08:00", "Session des habitants certifiés")));
        List<String> communes = new ArrayList<>();
        communes.addAll(Collections.nCopies(14, "40088"));
        communes.addAll(Collections.nCopies(12, "40192"));
        communes.addAll(Collections.nCopies(5, "40279"));
        List<String> enrolments = new ArrayList<>();
        StringBuilder results = new StringBuilder("Numéro de certification;Prénom;Nom;Date de naissance;Lieu de naissance;"
                + "Identifiant Externe;Type de certification;Statut;Score en pix;Niveau;1.1;1.2;1.3;2.1;2.2;2.3;2.4;3.1;3.2;"
                + "3.3;3.4;4.1;4.2;4.3;5.1;5.2;Commentaire jury pour l'organisation;Session;Centre de certification;"
                + "Date de passage de la certification\r\n");
        String day = String.format("%02d/%02d/%d", today.getDayOfMonth(), today.getMonthValue(), today.getYear());
        for (int i = 0; i < communes.size(); i++) {
            String name = "Démo-Habitant-" + (char) ('A' + i / 26) + (char) ('a' + i % 26);
            LocalDate birth = LocalDate.of(1960 + i, 1 + i % 12, 1 + i % 28);
            enrolments.add(id(post("/sessions/" + session + "/enrolments", Jsons.createObjectBuilder()
                    .add("person", person(name, "Camille", i % 2 == 0 ? "F" : "M", birth.toString(), "40192", null, "France")
                            .add("residenceInsee", communes.get(i)))
                    .add("billingMode", "FREE").build())));
            // A third below level 3 (Novice), the others Indépendant or Avancé.
            int level = i % 3 == 0 ? 2 : 3 + i % 3;
            int score = (level - 1) * 128 + 20; // DESIGN.md: level 2 is 128–255, level 3 256–383…
            results.append(91_100_000 + i).append(";Camille;").append(name).append(';')
                    .append(String.format("%02d/%02d/%d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear()))
                    .append(";Mont-de-Marsan (40);;Pix;Validée;").append(score).append(';').append(level)
                    .append(String.valueOf(";" + level).repeat(16)).append(";;").append(DEMO_RESIDENTS_PIX_SESSION)
                    .append(";[DÉMO] Agence départementale d'inclusion numérique des Landes;").append(day).append("\r\n");
        }
        new DemoRepository(db).startedAnHourAgo(UUID.fromString(session), DEMO_RESIDENTS_PIX_SESSION);
        for (String enrolment : enrolments) {
            send("PUT", "/enrolments/" + enrolment + "/attendance", Jsons.createObjectBuilder().add("status", "PRESENT")
                    .build(), token, 200);
        }
        send("PUT", "/sessions/" + session + "/finalization", Jsons.createObjectBuilder().build(), token, 200);
        send("POST", "/sessions/" + session + "/results", results.toString().getBytes(StandardCharsets.UTF_8), "text/csv",
                200);
    }

    /** Where the demo's agent directory is (also used by {@code ops/demo/campaign.sh}). */
    static final String AGENTS_FILE = "/demo/agents-demo.csv";

    /**
     * HR of a commune working with the centre: its services, 30 agents from the directory file,
     * an HR account (« rh@demo.jalon.local », token made by the administrator) and a campaign opened
     * for every agent, whose Pix Orga export is {@code ops/demo/export-pix-orga-demo.csv}.
     */
    private void commune(String center, LocalDate today) {
        String authority = id(post("/local-authorities", Jsons.createObjectBuilder()
                .add("name", "[DÉMO] Commune de Dax").add("kind", "COMMUNE").add("siren", "214000887")
                .add("territoryCode", "40088").add("contactEmail", "rh@demo-dax.jalon.local")
                .add("centerIds", Jsons.createArrayBuilder().add(center)).build()));
        post("/users", Jsons.createObjectBuilder().add("email", "rh@demo.jalon.local")
                .add("displayName", "[DÉMO] Service des ressources humaines de Dax").add("role", "HR")
                .add("authorityId", authority).build());
        for (String path : List.of("Direction des ressources humaines", "Direction des services techniques / Voirie",
                "Direction des services techniques / Espaces verts")) {
            post("/local-authorities/" + authority + "/services", Jsons.createObjectBuilder().add("path", path).build());
        }
        try (InputStream agents = DemoData.class.getResourceAsStream(AGENTS_FILE)) {
            send("POST", "/local-authorities/" + authority + "/agents/import", Objects.requireNonNull(agents).readAllBytes(),
                    "text/csv", 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String campaign = id(post("/campaigns", Jsons.createObjectBuilder().add("authorityId", authority)
                .add("name", "[DÉMO] Socle numérique 2027").add("type", "ASSESSMENT").add("track", "Socle commun")
                .add("startsOn", today.toString()).add("endsOn", today.plusMonths(2).toString()).build()));
        send("POST", "/campaigns/" + campaign + "/open", Jsons.createObjectBuilder().build(), token, 200);
        send("POST", "/campaigns/" + campaign + "/invitations", Jsons.createObjectBuilder().add("all", true).build(), token,
                200);
    }

    /** The Pix session number of the session under way; {@code ops/demo/resultats-session-demo.csv} carries it. */
    static final long DEMO_PIX_SESSION = 900_001;

    /**
     * A session that started an hour ago, so the session day can be tried at once: four candidates,
     * one of them a jobseeker referred by France Travail. Enrolment needs an upcoming session, so it
     * is planned tomorrow at 08:00 in the room kept free in the mornings, filled, then moved to this
     * morning in the database (demo only).
     * {@code ops/demo/resultats-session-demo.csv} is its results export as Pix would send it.
     */
    private void sessionUnderWay(DbClient db, String center, String room, LocalDate today) {
        String session = id(post("/sessions", session(room, today.plusDays(1), "08:00", "Session en cours (journée de session)")));
        enrol(session, person("Démo-Darrigrand", "Pierre", "M", "1971-03-12", "40192", null, "France")
                .add("email", "pierre.darrigrand@demo.jalon.local"), "FREE");
        enrol(session, person("Démo-Labarthe", "Inès", "F", "1990-08-24", "40088", null, "France")
                .add("mobilePhone", "06 98 76 54 32"), "FREE");
        enrol(session, person("Démo-Nguyen", "Thomas", "M", "1983-12-05", "40192", null, "France"), "PAID");
        String organisation = id(post("/referring-organisations", Jsons.createObjectBuilder()
                .add("kind", "FT").add("name", "[DÉMO] France Travail Mont-de-Marsan").add("siret", "13000548100010")
                .add("safirCode", "40011").add("contactEmail", "agence.montdemarsan@demo.jalon.local")
                .add("centerIds", Jsons.createArrayBuilder().add(center)).build()));
        String adviser = id(post("/users", Jsons.createObjectBuilder().add("email", "conseillere@demo.jalon.local")
                .add("displayName", "[DÉMO] Claire Martin, conseillère").add("role", "ADVISER")
                .add("organisationId", organisation).build()));
        String adviserToken = post("/users/" + adviser + "/tokens", Jsons.createObjectBuilder().add("label", "démo").build())
                .getString("token");
        String referral = id(post("/referrals", Jsons.createObjectBuilder()
                .add("person", person("Démo-Haddad", "Samira", "F", "1996-06-18", "40192", null, "France")
                        .add("franceTravailNumber", "12345678901").add("email", "samira.haddad@demo.jalon.local"))
                .add("goal", Jsons.createObjectBuilder().add("certification", "PIX"))
                .add("note", "Valoriser ses compétences numériques dans sa recherche d'emploi.")
                .add("consent", Jsons.createObjectBuilder().add("personInformed", true)).build(), adviserToken));
        send("POST", "/referrals/" + referral + "/accept", Jsons.createObjectBuilder().add("sessionId", session).build(),
                token, 200);
        new DemoRepository(db).startedAnHourAgo(UUID.fromString(session), DEMO_PIX_SESSION);
    }

    private static JsonObjectBuilder person(String birthName, String firstName, String sex, String birthDate,
                                            String insee, String city, String country) {
        JsonObjectBuilder birthplace = Jsons.createObjectBuilder().add("country", country);
        if (insee != null) {
            birthplace.add("inseeCode", insee);
        }
        if (city != null) {
            birthplace.add("city", city);
        }
        return Jsons.createObjectBuilder().add("birthName", birthName).add("firstName", firstName).add("sex", sex)
                .add("birthDate", birthDate).add("birthplace", birthplace);
    }

    private void enrol(String sessionId, JsonObjectBuilder person, String billing) {
        post("/sessions/" + sessionId + "/enrolments",
                Jsons.createObjectBuilder().add("person", person).add("billingMode", billing).build());
    }

    private static JsonObject site(String name, String line1, String postalCode, String city, String insee,
                                   boolean wheelchair) {
        return Jsons.createObjectBuilder()
                .add("name", name)
                .add("address", Jsons.createObjectBuilder().add("line1", line1).add("postalCode", postalCode)
                        .add("city", city))
                .add("communeInsee", insee)
                .add("wheelchairAccessible", wheelchair)
                .add("accessibilityInfo", wheelchair ? "Accès de plain-pied, toilettes adaptées."
                        : "Salle à l'étage sans ascenseur : prévenir le centre.")
                .build();
    }

    private static JsonObject room(String name, int seats, boolean accessible) {
        return Jsons.createObjectBuilder().add("name", name).add("seats", seats).add("accessible", accessible).build();
    }

    private static JsonObject session(String room, LocalDate day, String time, String description) {
        return Jsons.createObjectBuilder()
                .add("roomId", room)
                .add("date", day.toString())
                .add("startTime", time)
                .add("description", "[DÉMO] " + description)
                .build();
    }

    private JsonObject post(String path, JsonObject body) {
        return send("POST", path, body, token, 201);
    }

    private JsonObject post(String path, JsonObject body, String asToken) {
        return send("POST", path, body, asToken, 201);
    }

    private JsonObject send(String method, String path, JsonObject body, String asToken, int expected) {
        return send(method, path, body.toString().getBytes(StandardCharsets.UTF_8), "application/json", asToken, expected);
    }

    private JsonObject send(String method, String path, byte[] body, String contentType, int expected) {
        return send(method, path, body, contentType, token, expected);
    }

    private JsonObject send(String method, String path, byte[] body, String contentType, String asToken, int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1" + path))
                .header("Authorization", "Bearer " + asToken)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("Demo data rejected on " + path + ": " + response.statusCode() + " "
                        + response.body());
            }
            return response.body().isBlank() ? Jsons.createObjectBuilder().build()
                    : Jsons.createReader(new StringReader(response.body())).readObject();
        } catch (IOException e) {
            throw new IllegalStateException("Demo data could not be sent to " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading demo data", e);
        }
    }

    private static String id(JsonObject created) {
        return created.getString("id");
    }
}
