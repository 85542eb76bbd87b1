package fr.jalon.retention;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import fr.jalon.territory.V3__Load_territory_reference;
import fr.jalon.territory.V8__Load_countries;
import fr.jalon.testing.TestDatabase;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Migration V20 on data written by the version before it: a person enrolled at two centres (and
 * referred to the second) becomes two records, each centre keeping its enrolments, referral,
 * messages and a copy of the contact and needs; a record nobody knows goes.
 */
class PeopleTenancyMigrationTest {

    private static final String A = "'00000000-0000-4000-8000-00000000000a'";
    private static final String B = "'00000000-0000-4000-8000-00000000000b'";
    private static final String JULIE = "'00000000-0000-4000-8000-0000000000f1'";

    @Test
    void aPersonKnownToTwoCentresIsSplitIntoOneRecordEach() throws Exception {
        String name = "jalon_migration_" + System.nanoTime();
        String url = TestDatabase.get().jdbcUrl().replace("/postgres?", "/" + name + "?");
        try (Connection admin = DriverManager.getConnection(TestDatabase.get().jdbcUrl());
             Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        }
        try {
            flyway(url, "19").migrate();
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                for (String centre : List.of(A, B)) {
                    s.execute("INSERT INTO centers (id, name, type, siret) VALUES (" + centre + ", 'Centre ' || " + centre + ", 'PRO', '73282932000074')");
                    s.execute("INSERT INTO sites (id, center_id, name, address_line1, postal_code, city, commune_insee) VALUES ("
                            + centre.replace("0000000000", "1111111111") + ", " + centre + ", 'Site', '1 place', '40000', "
                            + "'Mont-de-Marsan', '40192')");
                    s.execute("INSERT INTO rooms (id, site_id, name, seats) VALUES (" + centre.replace("0000000000", "2222222222")
                            + ", " + centre.replace("0000000000", "1111111111") + ", 'Salle', 10)");
                    s.execute("INSERT INTO sessions (id, center_id, site_id, room_id, local_date, start_time, duration_minutes, "
                            + "starts_at, ends_at, capacity, certification_type, access_code, invigilator_password, status) VALUES ("
                            + centre.replace("0000000000", "3333333333") + ", " + centre + ", "
                            + centre.replace("0000000000", "1111111111") + ", " + centre.replace("0000000000", "2222222222")
                            + ", '2027-01-10', '09:00', 105, '2027-01-10 08:00Z', '2027-01-10 09:45Z', 10, 'PIX', "
                            + (centre.equals(A) ? "'BCDF23'" : "'BCDF24'") + ", 'C-bcdf23', 'SCHEDULED')");
                }
                s.execute("INSERT INTO people (id, birth_name, first_name, sex, birth_date, birth_insee_code, birth_city, "
                        + "birth_country, identity_key, email, accessibility_needs, created_at) VALUES (" + JULIE + ", 'Darcos', "
                        + "'Julie', 'F', '1991-04-12', '40192', 'Mont-de-Marsan', 'France', 'darcos|julie|1991-04-12', "
                        + "'julie@example.org', 'Grand écran', now())");
                s.execute("INSERT INTO people (birth_name, first_name, sex, birth_date, birth_insee_code, birth_city, "
                        + "birth_country, identity_key) VALUES ('Orphelin', 'Paul', 'M', '1980-01-01', '40192', 'Mont-de-Marsan', "
                        + "'France', 'orphelin|paul|1980-01-01')");
                s.execute("INSERT INTO enrolments (session_id, person_id, center_id, status, billing_mode, origin, created_at) "
                        + "VALUES (" + A.replace("0000000000", "3333333333") + ", " + JULIE + ", " + A
                        + ", 'ENROLLED', 'FREE', 'DIRECT', now() - interval '2 days')");
                s.execute("INSERT INTO enrolments (session_id, person_id, center_id, status, billing_mode, origin, created_at) "
                        + "VALUES (" + B.replace("0000000000", "3333333333") + ", " + JULIE + ", " + B
                        + ", 'ENROLLED', 'FREE', 'DIRECT', now() - interval '1 day')");
                s.execute("INSERT INTO referring_organisations (id, kind, name, siret) VALUES "
                        + "('00000000-0000-4000-8000-0000000000c1', 'ML', 'Mission Locale', '73282932000074')");
                s.execute("INSERT INTO users (id, email, display_name, role, organisation_id) VALUES "
                        + "('00000000-0000-4000-8000-0000000000d1', 'a@example.org', 'Adviser', 'ADVISER', "
                        + "'00000000-0000-4000-8000-0000000000c1')");
                s.execute("INSERT INTO referrals (organisation_id, center_id, person_id, adviser_id, consent_at) VALUES "
                        + "('00000000-0000-4000-8000-0000000000c1', " + B + ", " + JULIE + ", "
                        + "'00000000-0000-4000-8000-0000000000d1', now())");
            }

            flyway(url, null).migrate();

            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                List<String[]> records = rows(s, "SELECT id, owner_id, email, accessibility_needs, identity_key FROM people "
                        + "WHERE birth_name = 'Darcos' ORDER BY owner_id");
                assertEquals(2, records.size());
                assertEquals(A.replace("'", ""), records.get(0)[1], "the first centre keeps the record");
                assertEquals(JULIE.replace("'", ""), records.get(0)[0]);
                assertEquals(B.replace("'", ""), records.get(1)[1]);
                assertNotEquals(records.get(0)[0], records.get(1)[0]);
                for (String[] r : records) {
                    assertEquals("julie@example.org", r[2], "each copy keeps the contact");
                    assertEquals("Grand écran", r[3], "and the needs");
                    assertEquals("darcos|julie|1991-04-12", r[4]);
                }
                String copy = records.get(1)[0];
                assertEquals(List.of(JULIE.replace("'", "")), column(s, "SELECT person_id FROM enrolments WHERE center_id = " + A));
                assertEquals(List.of(copy), column(s, "SELECT person_id FROM enrolments WHERE center_id = " + B));
                assertEquals(List.of(copy), column(s, "SELECT person_id FROM referrals"));
                assertEquals(List.of("Julie Darcos"), column(s, "SELECT person_name FROM referrals"));
                assertEquals(List.of(), column(s, "SELECT id FROM people WHERE birth_name = 'Orphelin'"),
                        "a record no centre knows goes");
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(TestDatabase.get().jdbcUrl());
                 Statement drop = admin.createStatement()) {
                drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private static Flyway flyway(String url, String target) {
        var config = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .javaMigrations(new V3__Load_territory_reference(), new V8__Load_countries());
        if (target != null) {
            config.target(MigrationVersion.fromVersion(target));
        }
        return config.load();
    }

    private static List<String[]> rows(Statement s, String sql) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> column(Statement s, String sql) throws Exception {
        return rows(s, sql).stream().map(r -> r[0]).toList();
    }
}
