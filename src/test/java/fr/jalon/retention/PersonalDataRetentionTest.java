package fr.jalon.retention;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import fr.jalon.platform.codes.CodeGenerator;
import fr.jalon.platform.json.Jsons;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.ResultsCsv;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import io.helidon.dbclient.DbExecute;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention (DESIGN.md): nothing erased while it is still needed, everything erased when due, in
 * one transaction per person, and every personal column of the schema accounted for.
 */
@HttpTest
class PersonalDataRetentionTest {

    private static final String THREE_YEARS = "interval '3 years'";

    private final ApiClient admin;
    private final Fixtures fixtures;

    PersonalDataRetentionTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    private static DbExecute db() {
        return TestDatabase.get().database().client().execute();
    }

    private static String purge() {
        return TestDatabase.get().application().purgeRetention();
    }

    private static JsonObject referralBody(String birthName, String number) {
        return Jsons.createObjectBuilder()
                .add("person", Fixtures.personBody(birthName, "Inès", "2001-07-09").add("email", "ines@example.org")
                        .add("mobilePhone", "0612345678").add("franceTravailNumber", number))
                .add("constraints", Jsons.createObjectBuilder().add("accessibility", "Fauteuil roulant")
                        .add("mobility", Jsons.createObjectBuilder().add("communes", Jsons.createArrayBuilder().add("40192"))))
                .add("referent", Jsons.createObjectBuilder().add("name", "Claire Martin").add("email", "claire@example.org"))
                .add("note", "Suivie pour dépression, préfère le matin")
                .add("consent", Jsons.createObjectBuilder().add("personInformed", true))
                .build();
    }

    private static String newNumber() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L));
    }

    /** Everything about a person, their referral and their sessions moved three years back. */
    private static void ageThreeYears(UUID person) {
        db().dml("UPDATE people SET created_at = created_at - " + THREE_YEARS + ", updated_at = updated_at - " + THREE_YEARS
                + " WHERE id = ?", person);
        db().dml("UPDATE referrals SET created_at = created_at - " + THREE_YEARS + ", updated_at = updated_at - " + THREE_YEARS
                + " WHERE person_id = ?", person);
        db().dml("UPDATE sessions SET local_date = local_date - " + THREE_YEARS + ", starts_at = starts_at - " + THREE_YEARS
                + ", ends_at = ends_at - " + THREE_YEARS + " WHERE id IN (SELECT session_id FROM enrolments WHERE person_id = ?)",
                person);
    }

    private static UUID personOfReferral(String referral) {
        return db().get("SELECT person_id FROM referrals WHERE id = ?", UUID.fromString(referral)).orElseThrow()
                .column("person_id").get(UUID.class);
    }

    private static String text(String sql, Object... params) {
        return db().get(sql, params).map(r -> r.column(1).get(String.class)).orElse(null);
    }

    /** The defect as reported: a NEW referral's person was wiped overnight. Not any more, however old. */
    @Test
    void aNewReferralsPersonSurvivesRetentionAndIsEnrolledWithTheirChannels() {
        Fixtures.Partner partner = fixtures.partner();
        ApiClient.Answer referred = partner.adviser().post("/api/v1/referrals", referralBody("Lagarde", newNumber()));
        assertEquals(201, referred.status(), referred.body());
        UUID person = personOfReferral(referred.id());
        ageThreeYears(person);

        purge();

        JsonObject seen = partner.adviser().get("/api/v1/referrals/" + referred.id()).json();
        assertEquals("Inès Lagarde", seen.getString("personName"));
        assertEquals("Suivie pour dépression, préfère le matin", seen.getString("note"));
        String session = fixtures.session(fixtures.room(fixtures.site(partner.center()), 10), TestTime.todayInParis().plusDays(12),
                "09:00");
        ApiClient.Answer accepted = partner.staff().post("/api/v1/referrals/" + referred.id() + "/accept",
                Jsons.createObjectBuilder().add("sessionId", session).build());
        assertEquals(200, accepted.status(), accepted.body());
        JsonObject enrolled = partner.staff().get("/api/v1/people/" + person).json();
        assertEquals("Lagarde", enrolled.getString("birthName"));
        assertEquals("ines@example.org", enrolled.getString("email"), "the acceptance enrols a reachable person");
    }

    /** A postponed referral or an upcoming session keeps a person whose record is old. */
    @Test
    void anOpenReferralOrAnUpcomingSessionKeepsThePerson() {
        Fixtures.Partner partner = fixtures.partner();
        ApiClient.Answer postponed = partner.adviser().post("/api/v1/referrals", referralBody("Reporte", newNumber()));
        assertEquals(200, partner.staff().post("/api/v1/referrals/" + postponed.id() + "/postpone",
                Jsons.createObjectBuilder().add("text", "Rappeler en janvier").build()).status());
        UUID waiting = personOfReferral(postponed.id());
        ageThreeYears(waiting);
        String session = fixtures.session(fixtures.room(fixtures.site(partner.center()), 10), TestTime.todayInParis().plusDays(15),
                "09:00");
        ApiClient.Answer upcoming = partner.staff().post("/api/v1/sessions/" + session + "/enrolments",
                Fixtures.enrolmentBody(Fixtures.personBody("Avenir-" + Fixtures.uniqueLetters(), "Lou", "1990-01-01")));
        assertEquals(201, upcoming.status(), upcoming.body());
        UUID enrolled = UUID.fromString(upcoming.json().getJsonObject("person").getString("id"));
        db().dml("UPDATE people SET created_at = created_at - " + THREE_YEARS + ", updated_at = updated_at - " + THREE_YEARS
                + " WHERE id = ?", enrolled);

        purge();

        assertEquals("Reporte", text("SELECT birth_name FROM people WHERE id = ?", waiting));
        assertTrue(text("SELECT birth_name FROM people WHERE id = ?", enrolled).startsWith("Avenir-"));
    }

    /** Every column of the schema is in the inventory, and nothing in the inventory is missing from the schema. */
    @Test
    void everyColumnOfTheSchemaIsClassified() {
        Set<String> schema = new TreeSet<>(db().query("""
                        SELECT table_name || '.' || column_name AS c FROM information_schema.columns
                        WHERE table_schema = 'public' AND table_name NOT LIKE 'qrtz%' AND table_name <> 'flyway_schema_history'""")
                .map(r -> r.column("c").getString()).toList());
        Set<String> inventory = new TreeSet<>();
        for (PersonalDataInventory.Column c : PersonalDataInventory.COLUMNS) {
            assertTrue(inventory.add(c.table() + "." + c.column()), "listed twice: " + c.table() + "." + c.column());
        }
        Set<String> unclassified = new TreeSet<>(schema);
        unclassified.removeAll(inventory);
        Set<String> gone = new TreeSet<>(inventory);
        gone.removeAll(schema);
        assertTrue(unclassified.isEmpty(), "columns without a retention decision in PersonalDataInventory: " + unclassified);
        assertTrue(gone.isEmpty(), "inventory lines for columns that do not exist: " + gone);
    }

    /** What the inventory says retention clears is cleared, for a person who went through every flow. */
    @Test
    void retentionClearsEveryPersonalColumnOfSomeoneInactiveForThreeYears() throws Exception {
        Fixtures.Partner partner = fixtures.partner();
        String center = partner.center();
        String room = fixtures.room(fixtures.site(center), 10);
        String session = fixtures.session(room, TestTime.todayInParis().plusDays(20), "09:00");
        String other = fixtures.session(room, TestTime.todayInParis().plusDays(21), "09:00");
        String name = "Oubli-" + Fixtures.uniqueLetters();

        // Referred with an Idempotency-Key (its stored answer names the person), accepted, attended, certified.
        ApiClient.Answer referred = partner.adviser().send("POST", "/api/v1/referrals", "application/json",
                referralBody(name, newNumber()).toString(), "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, referred.status(), referred.body());
        String referral = referred.id();
        UUID person = personOfReferral(referral);
        ApiClient staff = partner.staff();
        assertEquals(200, staff.post("/api/v1/referrals/" + referral + "/accept",
                Jsons.createObjectBuilder().add("sessionId", session).build()).status());
        String enrolment = staff.get("/api/v1/referrals/" + referral).json().getString("enrolmentId");
        ApiClient.Answer second = staff.post("/api/v1/sessions/" + other + "/enrolments", Jsons.createObjectBuilder()
                .add("personId", person.toString()).add("billingMode", "FREE").build());
        assertEquals(201, second.status(), second.body());
        assertEquals(200, staff.delete("/api/v1/enrolments/" + second.id() + "?reason=D%C3%A9m%C3%A9nagement%20%C3%A0%20Pau")
                .status());
        Fixtures.startedAnHourAgo(session);
        assertEquals(200, staff.put("/api/v1/enrolments/" + enrolment + "/attendance",
                Jsons.createObjectBuilder().add("status", "PRESENT").build()).status());
        assertEquals(200, staff.put("/api/v1/enrolments/" + enrolment + "/day-report",
                Jsons.createObjectBuilder().add("comment", "Arrivée accompagnée de sa mère").build()).status());
        assertEquals(201, staff.post("/api/v1/enrolments/" + enrolment + "/incidents", Jsons.createObjectBuilder()
                .add("category", "NON_BLOCKING_CANDIDATE_ISSUE").add("description", "Malaise, a fait une pause").build())
                .status());
        assertEquals(200, staff.put("/api/v1/sessions/" + session + "/finalization",
                Jsons.createObjectBuilder().add("globalComment", "Inès a eu un malaise").build()).status());
        long pixSession = 500_000 + ThreadLocalRandom.current().nextInt(400_000);
        String number = ResultsCsv.newNumber();
        for (String score : List.of("300", "310")) {
            ApiClient.Answer results = staff.sendBytes("POST", "/api/v1/sessions/" + session + "/results", "text/csv",
                    ResultsCsv.v2026().row(number, "Inès", name.toUpperCase(Locale.ROOT), "09/07/2001", "Validée",
                            score, ResultsCsv.levels(3), "-", "Candidate très stressée", pixSession).bytes());
            assertEquals(200, results.status(), results.body());
        }
        assertEquals(200, staff.download("/api/v1/enrolments/" + enrolment + "/attestation.pdf").status());

        // What no route writes in this flow, written as the other flows would.
        db().dml("""
                UPDATE people SET usage_name = 'Martin', birth_postal_code = '40000', address_line1 = '3 rue des Pins',
                    address_line2 = 'Bât. B', address_postal_code = '40000', address_city = 'Mont-de-Marsan',
                    preferred_channels = '{SMS}', extra_time_percent = 33, accessibility_adjustment = true,
                    accessibility_needs = 'Malvoyante', imilo_id = '123456' WHERE id = ?""", person);
        db().dml("UPDATE enrolments SET external_id = 'FT-42', result_recipient_email = 'conseil@example.org', "
                + "extra_time_percent = 33, accessibility_adjustment = true WHERE person_id = ?", person);
        db().dml("UPDATE referrals SET refusal_text = 'Déjà certifiée ailleurs', needs_flag = 'Mobilité à voir' WHERE id = ?",
                UUID.fromString(referral));
        db().dml("INSERT INTO referral_deliveries (change_id, channel, last_error) SELECT id, 'WEBHOOK', 'HTTP 500 from "
                + "https://example.org/?name=Inès' FROM referral_changes WHERE referral_id = ? ON CONFLICT (change_id, channel) "
                + "DO UPDATE SET last_error = EXCLUDED.last_error", UUID.fromString(referral));
        db().dml("INSERT INTO notifications (kind, channel, person_id, center_id, subject_type, subject_id, status, last_error) "
                + "VALUES ('CONVOCATION', 'EMAIL', ?, ?, 'enrolment', ?, 'FAILED', '550 ines@example.org unknown')", person,
                UUID.fromString(center), UUID.fromString(enrolment));
        db().dml("UPDATE sessions SET declared_invigilators = 'Marie Lafitte' WHERE id = ?", UUID.fromString(session));
        UUID invigilatorUser = db().get("INSERT INTO users (email, display_name, role, center_id) VALUES (?, 'Jean Darrigade', "
                + "'INVIGILATOR', ?) RETURNING id", UUID.randomUUID() + "@example.org", UUID.fromString(center)).orElseThrow()
                .column("id").get(UUID.class);
        UUID invigilator = db().get("""
                INSERT INTO invigilators (center_id, user_id, kind, first_name, last_name, email, phone, home_insee,
                    max_per_week, max_per_month, calendar_token_hash)
                VALUES (?, ?, 'VOLUNTEER', 'Jean', 'Darrigade', 'jean@example.org', '0611223344', '40192', 2, 4, ?)
                RETURNING id""", UUID.fromString(center), invigilatorUser, UUID.randomUUID().toString()).orElseThrow()
                .column("id").get(UUID.class);
        db().dml("INSERT INTO invigilator_exceptions (invigilator_id, kind, from_date, to_date, note) "
                + "VALUES (?, 'ABSENT', current_date, current_date, 'Opération du genou')", invigilator);
        db().dml("INSERT INTO assignments (session_id, invigilator_id, status, decline_reason) VALUES (?, ?, 'DECLINED', "
                + "'Enfant malade')", UUID.fromString(session), invigilator);
        db().dml("INSERT INTO assignment_plans (center_id, from_date, to_date, score, plan) VALUES (?, current_date, "
                + "current_date, '0hard', '{\"assignments\":[{\"invigilator\":\"Jean Darrigade\"}]}')", UUID.fromString(center));
        UUID idle = db().get("INSERT INTO users (email, display_name, role, center_id) VALUES (?, 'Agent Parti', "
                + "'CENTER_STAFF', ?) RETURNING id", UUID.randomUUID() + "@example.org", UUID.fromString(center)).orElseThrow()
                .column("id").get(UUID.class);
        db().dml("UPDATE users SET password_hash = '$argon2id$v=19$m=19456,t=2,p=1$c2Vs$aGFjaGU' WHERE id = ?", idle);
        UUID consoleToken = db().get("INSERT INTO api_tokens (user_id, label, token_hash, created_at, expires_at) VALUES "
                        + "(?, 'console', ?, now() - " + THREE_YEARS + ", now() - " + THREE_YEARS + " + interval '12 hours') "
                        + "RETURNING id", idle, "hash-" + UUID.randomUUID()).orElseThrow().column("id").get(UUID.class);
        db().dml("INSERT INTO console_sessions (token_id, user_id, csrf_token, created_at, last_seen_at) VALUES "
                + "(?, ?, 'csrf', now() - " + THREE_YEARS + ", now() - " + THREE_YEARS + ")", consoleToken, idle);
        db().dml("INSERT INTO password_links (user_id, secret_hash, created_at, expires_at) VALUES (?, ?, now() - "
                + THREE_YEARS + ", now() - " + THREE_YEARS + " + interval '30 minutes')", idle, "hash-" + UUID.randomUUID());

        UUID authority = db().get("INSERT INTO local_authorities (name, kind, siren) VALUES ('Commune de Dax', 'COMMUNE', "
                + "'214000880') RETURNING id").orElseThrow().column("id").get(UUID.class);
        UUID agent = db().get("""
                INSERT INTO agents (authority_id, employee_number, birth_name, first_name, birth_date, identity_key, email,
                                    sex, birth_insee, birth_country, residence_insee, active, left_at)
                VALUES (?, ?, 'Lacoste', 'Inès', DATE '1980-07-09', ?, 'ines.lacoste@dax.example', 'F', '40088', 'France',
                        '40088', false, now())
                RETURNING id""", authority, "M-" + name, "lacoste|ines|" + name).orElseThrow().column("id").get(UUID.class);
        UUID campaign = db().get("""
                INSERT INTO campaigns (authority_id, code, name, track, type, external_id_label, starts_on, ends_on, status)
                VALUES (?, ?, 'Socle', 'Socle commun', 'ASSESSMENT', 'Matricule', current_date, current_date, 'CLOSED')
                RETURNING id""", authority, new CodeGenerator().campaignCode())
                .orElseThrow().column("id").get(UUID.class);
        db().dml("INSERT INTO notifications (kind, channel, agent_id, subject_type, subject_id, status, last_error) "
                + "VALUES ('CAMPAIGN_INVITATION', 'EMAIL', ?, 'campaign', ?, 'FAILED', '550 ines.lacoste@dax.example unknown')",
                agent, campaign);

        // Three years pass for all of it.
        ageThreeYears(person);
        db().dml("UPDATE invigilators SET created_at = created_at - " + THREE_YEARS + ", updated_at = updated_at - "
                + THREE_YEARS + " WHERE id = ?", invigilator);
        db().dml("UPDATE assignment_plans SET created_at = created_at - " + THREE_YEARS + " WHERE center_id = ?",
                UUID.fromString(center));
        db().dml("UPDATE users SET created_at = created_at - " + THREE_YEARS + " WHERE id IN (?, ?)", idle, invigilatorUser);
        db().dml("UPDATE agents SET left_at = left_at - " + THREE_YEARS + " WHERE id = ?", agent);

        List<String> enrolments = db().query("SELECT id FROM enrolments WHERE person_id = ?", person)
                .map(r -> "'" + r.column("id").getString() + "'").toList();
        Map<String, String> subjects = Map.of(":person", "'" + person + "'", ":enrolments", String.join(",", enrolments),
                ":referrals", "'" + referral + "'", ":referral", "'" + referral + "'", ":invigilator", "'" + invigilator + "'",
                ":user", "'" + idle + "'", ":session", "'" + session + "'", ":center", "'" + center + "'",
                ":agent", "'" + agent + "'");
        List<String> notExercised = new ArrayList<>(erasable());
        notExercised.removeAll(holdingPersonalData(subjects));
        assertTrue(notExercised.isEmpty(), "the scenario must hold personal data in every listed column: " + notExercised);

        String summary = purge();

        List<String> left = holdingPersonalData(subjects);
        assertTrue(left.isEmpty(), "retention left personal data in " + left + " (" + summary + ")");
        assertTrue(summary.contains("personne(s) anonymisée(s)"), summary);

        // Audited with counts, never with values; the person is anonymous everywhere, attestations still verifiable.
        List<String> details = db().query("SELECT details::text AS d FROM audit_log WHERE action = 'retention.purge' "
                + "AND at > now() - interval '1 minute'").map(r -> r.column("d").getString()).toList();
        assertTrue(details.stream().anyMatch(d -> d.contains("\"referrals\":") && d.contains("\"people\":")), details.toString());
        assertTrue(details.stream().noneMatch(d -> d.contains(name) || d.contains("Inès")), details.toString());
        assertEquals(1, count("audit_log", "action = 'person.anonymise' AND record_id = '" + person + "'"));
        assertEquals("ANONYME", staff.get("/api/v1/people/" + person).json().getString("birthName"));
        JsonObject referralNow = partner.adviser().get("/api/v1/referrals/" + referral).json();
        assertEquals("ANONYME", referralNow.getString("personName"));
        assertFalse(referralNow.containsKey("note"));
        ApiClient.Download pdf = staff.download("/api/v1/enrolments/" + enrolment + "/attestation.pdf");
        assertEquals(200, pdf.status(), "an attestation asked again is drawn with the anonymised identity");
        assertFalse(new String(pdf.body(), StandardCharsets.ISO_8859_1).contains(name));
        assertTrue(db().get("SELECT u.disabled_at IS NOT NULL AS off FROM users u WHERE u.id = ?", invigilatorUser)
                .orElseThrow().column("off").getBoolean(), "the anonymised invigilator's account is disabled");
    }

    /**
     * Retention killed in the middle of a batch (its connection terminated while it waits on a
     * lock, after the people were updated): every person is whole; the next run anonymises fully.
     */
    @Test
    void retentionInterruptedHalfwayLeavesEachPersonWholeThenFinishes() throws Exception {
        Fixtures.Partner partner = fixtures.partner();
        String session = fixtures.session(fixtures.room(fixtures.site(partner.center()), 10), TestTime.todayInParis().plusDays(9),
                "10:00");
        List<UUID> people = new ArrayList<>();
        List<String> referrals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ApiClient.Answer referred = partner.adviser().post("/api/v1/referrals",
                    referralBody("Coupure-" + Fixtures.uniqueLetters(), newNumber()));
            assertEquals(201, referred.status(), referred.body());
            assertEquals(200, partner.staff().post("/api/v1/referrals/" + referred.id() + "/accept",
                    Jsons.createObjectBuilder().add("sessionId", session).build()).status());
            referrals.add(referred.id());
            people.add(personOfReferral(referred.id()));
        }
        // Their session took place three years ago; the referrals followed it.
        db().dml("UPDATE referrals SET status = 'ATTENDED' WHERE id = ANY(CAST(? AS uuid[]))",
                (Object) referrals.toArray(String[]::new));
        people.forEach(PersonalDataRetentionTest::ageThreeYears);

        try (Connection blocker = DriverManager.getConnection(TestDatabase.get().jdbcUrl(), "postgres", "")) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                // Retention updates referral_changes after the people: it will wait here, mid-transaction.
                lock.execute("LOCK TABLE referral_changes IN SHARE MODE");
            }
            CompletableFuture<String> run = CompletableFuture.supplyAsync(PersonalDataRetentionTest::purge);
            long pid = awaitBlockedBackend();
            try (Statement kill = blocker.createStatement()) {
                kill.execute("SELECT pg_terminate_backend(" + pid + ")");
            }
            assertThrows(Exception.class, () -> run.get(30, TimeUnit.SECONDS));
            blocker.rollback();
        }
        for (UUID person : people) {
            assertTrue(text("SELECT birth_name FROM people WHERE id = ?", person).startsWith("Coupure-"), "whole: " + person);
            assertEquals("Suivie pour dépression, préfère le matin",
                    text("SELECT note FROM referrals WHERE person_id = ?", person));
        }

        purge();

        for (UUID person : people) {
            assertEquals("ANONYME", text("SELECT birth_name FROM people WHERE id = ?", person));
            assertEquals(null, text("SELECT note FROM referrals WHERE person_id = ?", person));
            assertEquals(0, count("referral_changes", "referral_id IN (SELECT id FROM referrals WHERE person_id = '" + person
                    + "') AND jsonb_exists(snapshot, 'personName')"));
        }
    }

    /** A referral accepted while retention runs keeps its person (and retention never blocks the acceptance). */
    @Test
    void referralsAcceptedWhileRetentionRunsKeepTheirPerson() throws Exception {
        Fixtures.Partner partner = fixtures.partner();
        String session = fixtures.session(fixtures.room(fixtures.site(partner.center()), 30), TestTime.todayInParis().plusDays(11),
                "09:00");
        List<String> referrals = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ApiClient.Answer referred = partner.adviser().post("/api/v1/referrals",
                    referralBody("Course-" + Fixtures.uniqueLetters(), newNumber()));
            assertEquals(201, referred.status(), referred.body());
            referrals.add(referred.id());
            ageThreeYears(personOfReferral(referred.id()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (String referral : referrals) {
                work.add(pool.submit(() -> assertEquals(200, partner.staff().post("/api/v1/referrals/" + referral + "/accept",
                        Jsons.createObjectBuilder().add("sessionId", session).build()).status())));
                work.add(pool.submit(PersonalDataRetentionTest::purge));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String referral : referrals) {
            UUID person = personOfReferral(referral);
            assertTrue(text("SELECT birth_name FROM people WHERE id = ?", person).startsWith("Course-"));
            assertEquals("ines@example.org", text("SELECT email FROM people WHERE id = ?", person));
        }
        Set<String> statuses = new HashSet<>(db().query("SELECT status FROM referrals WHERE id = ANY(CAST(? AS uuid[]))",
                (Object) referrals.toArray(String[]::new)).map(r -> r.column("status").getString()).toList());
        assertEquals(Set.of("ACCEPTED"), statuses);
    }

    /** Answers to retried requests are kept a day; outbox files as long as JALON_OUTBOX_DAYS says. */
    @Test
    void storedAnswersExpireAfterADayAndOutboxFilesAfterTheirLimit() throws Exception {
        Fixtures.Partner partner = fixtures.partner();
        String key = UUID.randomUUID().toString();
        JsonObject body = referralBody("Rejoue-" + Fixtures.uniqueLetters(), newNumber());
        ApiClient.Answer first = partner.adviser().send("POST", "/api/v1/referrals", "application/json", body.toString(),
                "Idempotency-Key", key);
        assertEquals(201, first.status(), first.body());
        db().dml("UPDATE idempotency_keys SET created_at = created_at - interval '25 hours' WHERE key = ?", key);
        Path outbox = TestDatabase.settings().dataDir().resolve("outbox").resolve("2020-01-01");
        Files.createDirectories(outbox);
        Path old = outbox.resolve("vieux.eml");
        Files.writeString(old, "To: ines@example.org");
        Files.setLastModifiedTime(old, FileTime.from(
                Instant.now().minus(Duration.ofDays(31))));
        Files.setLastModifiedTime(outbox, FileTime.from(
                Instant.now().minus(Duration.ofDays(31))));
        Path recent = TestDatabase.settings().dataDir().resolve("outbox").resolve("recent.eml");
        Files.writeString(recent, "To: lou@example.org");

        String summary = purge();

        assertEquals(0, count("idempotency_keys", "key = '" + key + "'"), summary);
        assertFalse(Files.exists(old), summary);
        assertFalse(Files.exists(outbox), "the emptied day folder goes too");
        assertTrue(Files.exists(recent));
        // The same key now starts a new request instead of replaying a forgotten answer.
        ApiClient.Answer again = partner.adviser().send("POST", "/api/v1/referrals", "application/json", body.toString(),
                "Idempotency-Key", key);
        assertEquals(201, again.status(), again.body());
        assertFalse(again.id().equals(first.id()));
    }

    private static long awaitBlockedBackend() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            var pid = db().get("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND query LIKE 'UPDATE referral_changes%' LIMIT 1").map(r -> r.column("pid").get(Integer.class).longValue());
            if (pid.isPresent()) {
                return pid.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("retention never reached the locked table");
    }

    /** The columns retention clears or deletes, as {@code table.column}. */
    private static List<String> erasable() {
        return PersonalDataInventory.COLUMNS.stream().filter(c -> c.fate() != PersonalDataInventory.Fate.KEPT)
                .map(c -> c.table() + "." + c.column()).toList();
    }

    /** Of those, the ones that still hold something of the subjects (a value not cleared, a row not deleted). */
    private static List<String> holdingPersonalData(Map<String, String> subjects) {
        List<String> holding = new ArrayList<>();
        for (PersonalDataInventory.Column c : PersonalDataInventory.COLUMNS) {
            String rows = bind(c.rows() == null ? "false" : c.rows(), subjects);
            long n = switch (c.fate()) {
                case CLEARED -> count(c.table(), rows + " AND NOT (" + c.after() + ")");
                case DELETED -> count(c.table(), rows);
                case KEPT -> 0;
            };
            if (n > 0) {
                holding.add(c.table() + "." + c.column());
            }
        }
        return holding;
    }

    private static String bind(String sql, Map<String, String> subjects) {
        String bound = sql;
        for (var e : subjects.entrySet().stream().sorted((a, b) -> b.getKey().length() - a.getKey().length()).toList()) {
            bound = bound.replace(e.getKey(), e.getValue());
        }
        return bound;
    }

    private static long count(String table, String where) {
        return db().get("SELECT count(*) AS n FROM " + table + " WHERE " + where).orElseThrow().column("n").getLong();
    }
}
