package fr.jalon.platform.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import fr.jalon.territory.V3__Load_territory_reference;
import fr.jalon.territory.V8__Load_countries;
import fr.jalon.testing.TestDatabase;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database of the previous release (the migrations up to V24, the last landed, with the data
 * that release wrote) upgrades to the current schema with every row kept and its values intact.
 * Runs in a database of its own on the tests' PostgreSQL.
 */
class UpgradeTest {

    /** The schema of the last release that landed (issue 18). */
    static final String PREVIOUS_RELEASE = "24";

    private static Flyway flyway(String url, String target) {
        var config = Flyway.configure().dataSource(url, TestDatabase.get().user(), "")
                .locations("classpath:db/migration")
                .javaMigrations(new V3__Load_territory_reference(), new V8__Load_countries());
        if (target != null) {
            config.target(MigrationVersion.fromVersion(target));
        }
        return config.load();
    }

    private static Map<String, Long> rowCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT tablename FROM pg_tables "
                + "WHERE schemaname = 'public' ORDER BY tablename")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        for (String table : tables) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                r.next();
                counts.put(table, r.getLong(1));
            }
        }
        return counts;
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next(), sql);
            return r.getString(1);
        }
    }

    @Test
    void aDatabaseOfThePreviousReleaseUpgradesWithEveryRowKept() throws Exception {
        String name = "upgrade_" + ThreadLocalRandom.current().nextInt(1_000_000);
        String base = TestDatabase.get().jdbcUrl();
        try (Connection admin = DriverManager.getConnection(base, TestDatabase.get().user(), "");
             Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        String url = base.replaceAll("/[^/?]+(\\?|$)", "/" + name + "$1");
        try {
            assertEquals(PREVIOUS_RELEASE, flyway(url, PREVIOUS_RELEASE).migrate().targetSchemaVersion);
            try (Connection c = DriverManager.getConnection(url, TestDatabase.get().user(), "");
                 Statement s = c.createStatement()) {
                // What the previous release wrote: a centre with a site, a room and a session, a
                // candidate enrolled and convoked, their convocation pending, a staff account and
                // its token, an audit entry.
                s.execute("""
                        INSERT INTO centers (id, name, type, siret) VALUES
                            ('00000000-0000-0000-0000-000000000001', 'Centre ancien', 'PRO', '22004000000006');
                        INSERT INTO sites (id, center_id, name, address_line1, postal_code, city, commune_insee) VALUES
                            ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001',
                             'Médiathèque', '1 place de la Mairie', '40310', 'Gabarret', '40102');
                        INSERT INTO rooms (id, site_id, name, seats) VALUES
                            ('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000002', 'Salle', 6);
                        INSERT INTO sessions (id, center_id, site_id, room_id, local_date, start_time, duration_minutes,
                                              starts_at, ends_at, capacity, certification_type, access_code,
                                              invigilator_password, status, seats_taken) VALUES
                            ('00000000-0000-0000-0000-000000000004', '00000000-0000-0000-0000-000000000001',
                             '00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000003',
                             DATE '2027-03-02', TIME '09:30', 105, TIMESTAMPTZ '2027-03-02 08:30Z',
                             TIMESTAMPTZ '2027-03-02 10:15Z', 6, 'PIX', 'ABCD23', 'XY7Z9', 'SCHEDULED', 1);
                        INSERT INTO people (id, birth_name, first_name, sex, birth_date, birth_insee_code, birth_city,
                                            birth_country, identity_key, owner_kind, owner_id, email) VALUES
                            ('00000000-0000-0000-0000-000000000005', 'Lafargue', 'Éloïse', 'F', DATE '1968-05-15',
                             '40192', 'Mont-de-Marsan', 'France', 'lafargue|eloise|1968-05-15', 'CENTER',
                             '00000000-0000-0000-0000-000000000001', 'eloise@example.org');
                        INSERT INTO enrolments (id, session_id, person_id, center_id, status, billing_mode, origin) VALUES
                            ('00000000-0000-0000-0000-000000000006', '00000000-0000-0000-0000-000000000004',
                             '00000000-0000-0000-0000-000000000005', '00000000-0000-0000-0000-000000000001',
                             'CONVOKED', 'FREE', 'DIRECT');
                        INSERT INTO notifications (id, kind, channel, person_id, center_id, subject_type, subject_id,
                                                   status) VALUES
                            ('00000000-0000-0000-0000-000000000007', 'REMINDER', 'EMAIL',
                             '00000000-0000-0000-0000-000000000005', '00000000-0000-0000-0000-000000000001',
                             'enrolment', '00000000-0000-0000-0000-000000000006', 'PENDING');
                        INSERT INTO users (id, email, display_name, role, center_id) VALUES
                            ('00000000-0000-0000-0000-000000000008', 'julie@example.org', 'Julie Lafitte', 'CENTER_STAFF',
                             '00000000-0000-0000-0000-000000000001');
                        INSERT INTO api_tokens (user_id, label, token_hash) VALUES
                            ('00000000-0000-0000-0000-000000000008', 'tableur', 'hash-ancien');
                        INSERT INTO audit_log (actor_role, action, record_type, record_id) VALUES
                            ('CENTER_STAFF', 'enrolment.create', 'enrolment', '00000000-0000-0000-0000-000000000006');
                        """);
                Map<String, Long> before = rowCounts(c);

                int applied = flyway(url, null).migrate().migrationsExecuted;
                assertTrue(applied > 0, "the current migrations apply");

                Map<String, Long> after = rowCounts(c);
                assertEquals(before.remove("flyway_schema_history") + applied, after.get("flyway_schema_history"));
                before.forEach((table, count) -> assertEquals(count, after.get(table), table + ": every row kept"));
                assertEquals("CONVOKED", one(c, "SELECT status FROM enrolments WHERE id = '00000000-0000-0000-0000-000000000006'"));
                assertEquals("PENDING/-", one(c, "SELECT status || '/' || coalesce(lease_owner, '-') FROM notifications "
                        + "WHERE id = '00000000-0000-0000-0000-000000000007'"), "not claimed by anyone yet");
                assertEquals("0/-", one(c, "SELECT failed_logins || '/' || coalesce(password_hash, '-') FROM users "
                        + "WHERE id = '00000000-0000-0000-0000-000000000008'"), "no password until one is chosen");
                assertEquals("Éloïse", one(c, "SELECT first_name FROM people WHERE id = '00000000-0000-0000-0000-000000000005'"));
                assertEquals(flyway(url, null).info().current().getVersion().getVersion(),
                        one(c, "SELECT max(version::int)::text FROM flyway_schema_history WHERE version IS NOT NULL"));
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(base, TestDatabase.get().user(), "");
                 Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }
}
