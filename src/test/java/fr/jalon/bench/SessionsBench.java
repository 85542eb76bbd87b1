package fr.jalon.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

import fr.jalon.bench.BenchSupport.Goal;
import fr.jalon.platform.json.Jsons;
import fr.jalon.sessions.SessionSlot;
import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.TestDatabase;
import fr.jalon.testing.TestTime;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Session creation and listing over HTTP (8 concurrent clients) against the same SQL run directly
 * through JDBC in the same run, in alternating rounds. The ratio HTTP/JDBC is the figure: it
 * isolates what the service adds (HTTP, JSON, authentication, validation, audit) from what
 * PostgreSQL costs on this machine. Goals: HTTP keeps at least a quarter of the JDBC throughput.
 */
class SessionsBench {

    private static final int CLIENTS = 8;
    private static final int ROOMS = 64;
    private static final int WARMUP = 400;
    private static final int OPERATIONS = 2_000;

    @Test
    void sessionCreationAndListing() throws Exception {
        WebServerConfig.Builder config = WebServer.builder().port(0);
        JalonServer.configure(config);
        WebServer server = config.build().start();
        try {
            ApiClient admin = new ApiClient("http://localhost:" + server.port(), JalonServer.adminToken());
            Fixtures fixtures = new Fixtures(admin);
            String center = fixtures.center();
            String site = fixtures.site(center);
            List<String> httpRooms = rooms(fixtures, site);
            List<String> jdbcRooms = rooms(fixtures, site);
            LocalDate firstDay = TestTime.todayInParis().plusDays(30);

            LatencyRecorder.run("warm-up", CLIENTS, WARMUP, i -> createOverHttp(admin, httpRooms, firstDay, i));
            DataSource dataSource = TestDatabase.get().database().dataSource();
            LatencyRecorder.run("warm-up", CLIENTS, WARMUP, i -> createOverJdbc(dataSource, center, site, jdbcRooms, firstDay, i));
            LatencyRecorder.Compared create = LatencyRecorder.alternating("http-create", "jdbc-create", CLIENTS, OPERATIONS, 4,
                    i -> createOverHttp(admin, httpRooms, firstDay, WARMUP + i),
                    i -> createOverJdbc(dataSource, center, site, jdbcRooms, firstDay, WARMUP + i));
            LatencyRecorder.Result httpCreate = create.measured();
            LatencyRecorder.Result jdbcCreate = create.baseline();

            String listPath = "/api/v1/sessions?center=" + center + "&limit=50&from=";
            LatencyRecorder.run("warm-up", CLIENTS, WARMUP, i -> admin.get(listPath + firstDay.plusDays(i % 30)).status() == 200);
            LatencyRecorder.Compared list = LatencyRecorder.alternating("http-list", "jdbc-list", CLIENTS, OPERATIONS, 4,
                    i -> admin.get(listPath + firstDay.plusDays(i % 30)).status() == 200,
                    i -> listOverJdbc(dataSource, center, firstDay.plusDays(i % 30)));
            LatencyRecorder.Result httpList = list.measured();
            LatencyRecorder.Result jdbcList = list.baseline();

            assertEquals(0, httpCreate.failures() + jdbcCreate.failures() + httpList.failures() + jdbcList.failures());
            write(httpCreate, jdbcCreate, httpList, jdbcList);
        } finally {
            server.stop();
        }
    }

    private static List<String> rooms(Fixtures fixtures, String site) {
        List<String> rooms = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            rooms.add(fixtures.room(site, 20));
        }
        return rooms;
    }

    /** Operation i books room i % 64 on its own day, so no two operations overlap. */
    private static boolean createOverHttp(ApiClient admin, List<String> rooms, LocalDate firstDay, int i) {
        return admin.post("/api/v1/sessions",
                Fixtures.sessionBody(rooms.get(i % ROOMS), firstDay.plusDays(i / ROOMS), "09:30")).status() == 201;
    }

    /** The statements the create use case runs, in one transaction, without HTTP and JSON. */
    private static boolean createOverJdbc(DataSource dataSource, String center, String site, List<String> rooms,
                                          LocalDate firstDay, int i) {
        UUID room = UUID.fromString(rooms.get(i % ROOMS));
        SessionSlot slot = new SessionSlot(firstDay.plusDays(i / ROOMS), LocalTime.of(9, 30), 105, SessionSlot.PARIS);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            query(c, "SELECT r.id, r.seats, s.id, c.id, c.habilitations FROM rooms r JOIN sites s ON s.id = r.site_id "
                    + "JOIN centers c ON c.id = s.center_id WHERE r.id = ? FOR SHARE OF r", room);
            query(c, "SELECT id FROM sessions WHERE room_id = ? AND status <> 'CANCELLED' "
                    + "AND tstzrange(starts_at, ends_at) && tstzrange(?, ?)", room,
                    slot.startsAt().atOffset(ZoneOffset.UTC), slot.endsAt().atOffset(ZoneOffset.UTC));
            UUID id;
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO sessions (center_id, site_id, room_id, local_date, start_time, time_zone, duration_minutes,
                        starts_at, ends_at, capacity, certification_type, access_code, invigilator_password, status)
                    VALUES (?, ?, ?, ?, ?, 'Europe/Paris', 105, ?, ?, 20, 'PIX', ?, 'abcdef', 'SCHEDULED')
                    ON CONFLICT (access_code) WHERE status = 'SCHEDULED' DO NOTHING RETURNING id""")) {
                insert.setObject(1, UUID.fromString(center));
                insert.setObject(2, UUID.fromString(site));
                insert.setObject(3, room);
                insert.setObject(4, slot.date());
                insert.setObject(5, slot.startTime());
                insert.setObject(6, slot.startsAt().atOffset(ZoneOffset.UTC));
                insert.setObject(7, slot.endsAt().atOffset(ZoneOffset.UTC));
                insert.setString(8, "J" + UUID.randomUUID().toString().substring(0, 8));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = (UUID) rs.getObject(1);
                }
            }
            query(c, "SELECT se.*, si.name, r.name FROM sessions se JOIN sites si ON si.id = se.site_id "
                    + "JOIN rooms r ON r.id = se.room_id WHERE se.id = ?", id);
            try (PreparedStatement audit = c.prepareStatement("INSERT INTO audit_log (actor_role, action, record_type, record_id) "
                    + "VALUES ('ADMIN', 'session.create', 'session', ?)")) {
                audit.setString(1, id.toString());
                audit.executeUpdate();
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean listOverJdbc(DataSource dataSource, String center, LocalDate from) {
        try (Connection c = dataSource.getConnection()) {
            // The statement SessionRepository.list runs for this request, column for column.
            return query(c, """
                    SELECT se.id, se.center_id, se.site_id, si.name AS site_name, se.room_id, r.name AS room_name,
                        se.local_date, se.start_time, se.time_zone, se.duration_minutes, se.capacity, se.description,
                        se.certification_type, se.access_code, se.invigilator_password, se.status,
                        se.cancellation_reason, se.seats_taken, se.pix_number, se.declared_invigilators, se.created_at,
                        se.updated_at
                    FROM sessions se JOIN sites si ON si.id = se.site_id JOIN rooms r ON r.id = se.room_id
                    WHERE true AND se.center_id = ? AND se.local_date >= ?
                    ORDER BY se.local_date, se.start_time, se.id LIMIT ?""", UUID.fromString(center), from, 50) > 0;
        } catch (SQLException e) {
            return false;
        }
    }

    private static int query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int p = 0; p < params.length; p++) {
                statement.setObject(p + 1, params[p]);
            }
            int rows = 0;
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int col = 1; col <= columns; col++) {
                        rs.getObject(col);
                    }
                    rows++;
                }
            }
            return rows;
        }
    }

    private static void write(LatencyRecorder.Result httpCreate, LatencyRecorder.Result jdbcCreate,
                              LatencyRecorder.Result httpList, LatencyRecorder.Result jdbcList) throws Exception {
        double createRatio = httpCreate.perSecond() / jdbcCreate.perSecond();
        double listRatio = httpList.perSecond() / jdbcList.perSecond();
        JsonObjectBuilder report = Jsons.createObjectBuilder()
                .add("name", "sessions-http")
                .add("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version())
                .add("clients", CLIENTS)
                .add("create", Jsons.createObjectBuilder()
                        .add("http", httpCreate.json()).add("jdbcBaseline", jdbcCreate.json())
                        .add("throughputRatio", Math.round(createRatio * 1000) / 1000.0))
                .add("list", Jsons.createObjectBuilder()
                        .add("http", httpList.json()).add("jdbcBaseline", jdbcList.json())
                        .add("throughputRatio", Math.round(listRatio * 1000) / 1000.0));
        String summary = String.format(Locale.ROOT,
                "sessions-http: create %.0f req/s (p50 %.1f ms, p99 %.1f ms) = %.2f x JDBC %.0f/s; "
                        + "list %.0f req/s (p50 %.1f ms, p99 %.1f ms) = %.2f x JDBC %.0f/s",
                httpCreate.perSecond(), httpCreate.p50Millis(), httpCreate.p99Millis(), createRatio, jdbcCreate.perSecond(),
                httpList.perSecond(), httpList.p50Millis(), httpList.p99Millis(), listRatio, jdbcList.perSecond());
        BenchSupport.report("sessions-http", report, summary, Goal.atLeast("create.throughputRatio", 0.25),
                Goal.atLeast("list.throughputRatio", 0.25));
    }
}
