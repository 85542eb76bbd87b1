package fr.jalon.candidates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.centers.Habilitation;
import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlFragment;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** SQL for enrolments and their history. */
final class EnrolmentRepository {

    private static final String COLUMNS = """
            e.id, e.session_id, e.center_id, e.person_id, p.birth_name, p.first_name, p.birth_date, e.status,
            e.billing_mode, e.prepayment_code, e.complementary_certification, e.external_id,
            e.result_recipient_email, e.extra_time_percent, e.accessibility_adjustment, e.origin, e.origin_reference,
            e.waitlist_position, e.transferred_from, e.transferred_to, e.cancellation_reason, e.created_at,
            e.updated_at""";
    private static final String FROM = " FROM enrolments e JOIN people p ON p.id = e.person_id ";

    /** What the database assigned to a new enrolment; {@code waitlistRank} is 0 unless waitlisted. */
    record Inserted(UUID id, Long waitlistPosition, long waitlistRank, Instant createdAt) {
    }

    /**
     * A new enrolment, the first line of its history, and the given audit and event rows, in one
     * round trip (a data-modifying CTE whose rows are named {@code e}).
     */
    Inserted insert(DbExecute exec, UUID id, UUID sessionId, UUID centerId, UUID personId, EnrolmentStatus status,
                    EnrolmentTerms t, Origin origin, String originReference, UUID transferredFrom, UUID actor,
                    List<SqlFragment> alongside) {
        List<Object> params = new ArrayList<>(Arrays.asList(id, sessionId, centerId, personId, status.name(),
                t.billingMode().name(), t.prepaymentCode(),
                t.complementaryCertification() == null ? null : t.complementaryCertification().name(), t.externalId(),
                t.resultRecipientEmail(), t.extraTimePercent(), t.accessibilityAdjustment(), origin.name(),
                originReference, status.name(), transferredFrom, actor));
        StringBuilder sql = new StringBuilder("""
                WITH e AS (
                    INSERT INTO enrolments (id, session_id, center_id, person_id, status, billing_mode, prepayment_code,
                        complementary_certification, external_id, result_recipient_email, extra_time_percent,
                        accessibility_adjustment, origin, origin_reference, waitlist_position, transferred_from)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                            CASE WHEN ? = 'WAITLISTED' THEN nextval('enrolment_waitlist_seq') END, ?)
                    RETURNING id, status, waitlist_position, created_at),
                h AS (INSERT INTO enrolment_history (enrolment_id, status, actor_user_id) SELECT id, status, ? FROM e)""");
        for (int i = 0; i < alongside.size(); i++) {
            sql.append(",\n f").append(i).append(" AS (").append(alongside.get(i).sql()).append(')');
            params.addAll(alongside.get(i).params());
        }
        // The statement's snapshot does not see the new row: the waiting list's length + 1 is its rank.
        sql.append("""

                SELECT id, waitlist_position, created_at,
                       CASE WHEN status = 'WAITLISTED' THEN (SELECT count(*) FROM enrolments w
                            WHERE w.session_id = ? AND w.status = 'WAITLISTED') + 1 ELSE 0 END AS waitlist_rank
                FROM e""");
        params.add(sessionId);
        return exec.get(sql.toString(), params.toArray())
                .map(row -> new Inserted(Rows.uuid(row, "id"), Rows.longValue(row, "waitlist_position"),
                        Rows.longValue(row, "waitlist_rank"), Rows.instant(row, "created_at")))
                .orElseThrow();
    }

    /** Many enrolled candidates at once (imports); ids chosen by the caller. */
    void insertMany(DbExecute exec, List<UUID> ids, List<UUID> sessionIds, UUID centerId, List<UUID> personIds,
                    List<EnrolmentTerms> terms, UUID actor) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> billing = new ArrayList<>();
        List<String> prepayment = new ArrayList<>();
        List<String> complementary = new ArrayList<>();
        List<String> external = new ArrayList<>();
        List<String> recipient = new ArrayList<>();
        List<String> extraTime = new ArrayList<>();
        List<String> adjustment = new ArrayList<>();
        for (EnrolmentTerms t : terms) {
            billing.add(t.billingMode().name());
            prepayment.add(t.prepaymentCode());
            complementary.add(t.complementaryCertification() == null ? null : t.complementaryCertification().name());
            external.add(t.externalId());
            recipient.add(t.resultRecipientEmail());
            extraTime.add(t.extraTimePercent() == null ? null : t.extraTimePercent().toString());
            adjustment.add(String.valueOf(t.accessibilityAdjustment()));
        }
        exec.dml("""
                WITH u AS (
                    SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS text[]),
                        CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS integer[]),
                        CAST(? AS boolean[])) AS u(id, session_id, person_id, billing, prepayment, complementary,
                        external, recipient, extra_time, adjustment)),
                e AS (
                    INSERT INTO enrolments (id, session_id, center_id, person_id, status, billing_mode, prepayment_code,
                        complementary_certification, external_id, result_recipient_email, extra_time_percent,
                        accessibility_adjustment, origin)
                    SELECT id, session_id, ?, person_id, 'ENROLLED', billing, prepayment, complementary, external,
                           recipient, extra_time, adjustment, 'IMPORT' FROM u
                    RETURNING id)
                INSERT INTO enrolment_history (enrolment_id, status, note, actor_user_id)
                SELECT id, 'ENROLLED', 'import', ? FROM e""",
                uuids(ids), uuids(sessionIds), uuids(personIds), texts(billing), texts(prepayment), texts(complementary),
                texts(external), texts(recipient), texts(extraTime), texts(adjustment), centerId, actor);
    }

    Optional<Enrolment> find(DbExecute exec, UUID id) {
        return exec.get("SELECT " + COLUMNS + FROM + "WHERE e.id = ?", id).map(EnrolmentRepository::enrolment);
    }

    Optional<Enrolment> lock(DbExecute exec, UUID id) {
        return exec.get("SELECT " + COLUMNS + FROM + "WHERE e.id = ? FOR UPDATE OF e", id).map(EnrolmentRepository::enrolment);
    }

    /** Enrolments of a session: seat holders first by name, then the waiting list in order, then cancelled. */
    List<Enrolment> ofSession(DbExecute exec, UUID sessionId) {
        return exec.query("SELECT " + COLUMNS + FROM + """
                        WHERE e.session_id = ?
                        ORDER BY CASE WHEN e.status = 'CANCELLED' THEN 2 WHEN e.status = 'WAITLISTED' THEN 1 ELSE 0 END,
                                 e.waitlist_position, p.birth_name, p.first_name, e.id""", sessionId)
                .map(EnrolmentRepository::enrolment)
                .toList();
    }

    /** Enrolments of several sessions (imports, exports). */
    List<Enrolment> ofSessions(DbExecute exec, List<UUID> sessionIds) {
        return exec.query("SELECT " + COLUMNS + FROM + "WHERE e.session_id = ANY(CAST(? AS uuid[])) AND e.status <> 'CANCELLED'",
                        (Object) uuids(sessionIds))
                .map(EnrolmentRepository::enrolment)
                .toList();
    }

    /** The seat holders of sessions, with only what identifies them (results of thousands of sessions read this). */
    List<Candidates.Seat> seats(DbExecute exec, List<UUID> sessionIds) {
        return exec.query("""
                        SELECT e.id, e.session_id, e.center_id, e.person_id, p.birth_name, p.first_name, p.birth_date,
                               e.status, e.external_id
                        FROM enrolments e JOIN people p ON p.id = e.person_id
                        WHERE e.session_id = ANY(CAST(? AS uuid[])) AND e.status NOT IN ('CANCELLED', 'WAITLISTED')
                        ORDER BY p.birth_name, p.first_name""", (Object) uuids(sessionIds))
                .map(row -> new Candidates.Seat(Rows.uuid(row, "id"), Rows.uuid(row, "session_id"),
                        Rows.uuid(row, "center_id"), Rows.uuid(row, "person_id"), Rows.text(row, "birth_name"),
                        Rows.text(row, "first_name"), Rows.date(row, "birth_date"), EnrolmentStatus.valueOf(Rows.text(row, "status")),
                        Rows.text(row, "external_id")))
                .toList();
    }

    /** The same seats, with their person's identity key only: what matching results needs. */
    List<Candidates.SeatIdentity> seatIdentities(Connection connection, List<UUID> sessionIds) throws SQLException {
        List<Candidates.SeatIdentity> seats = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT e.id, e.session_id, p.identity_key
                FROM enrolments e JOIN people p ON p.id = e.person_id
                WHERE e.session_id = ANY(?) AND e.status NOT IN ('CANCELLED', 'WAITLISTED')""")) {
            query.setArray(1, connection.createArrayOf("uuid", sessionIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    seats.add(new Candidates.SeatIdentity(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getString(3)));
                }
            }
        }
        return seats;
    }

    /** Every enrolment of these people, whatever its status (retention). */
    List<UUID> idsOfPeople(DbExecute exec, List<UUID> personIds) {
        return exec.query("SELECT id FROM enrolments WHERE person_id = ANY(CAST(? AS uuid[]))", (Object) uuids(personIds))
                .map(row -> Rows.uuid(row, "id")).toList();
    }

    /** The first of the waiting list, locked. */
    Optional<Enrolment> firstWaitlisted(DbExecute exec, UUID sessionId) {
        return exec.get("SELECT " + COLUMNS + FROM + "WHERE e.session_id = ? AND e.status = 'WAITLISTED' "
                        + "ORDER BY e.waitlist_position LIMIT 1 FOR UPDATE OF e", sessionId)
                .map(EnrolmentRepository::enrolment);
    }

    /** Rank on the waiting list (1 = next to be promoted). */
    long waitlistRank(DbExecute exec, UUID sessionId, long position) {
        return exec.get("SELECT count(*) AS n FROM enrolments WHERE session_id = ? AND status = 'WAITLISTED' "
                + "AND waitlist_position <= ?", sessionId, position).map(row -> Rows.longValue(row, "n")).orElse(0L);
    }

    void changeStatus(DbExecute exec, UUID id, EnrolmentStatus status, String note, UUID actor) {
        exec.dml("""
                WITH e AS (
                    UPDATE enrolments SET status = ?, updated_at = now(),
                        waitlist_position = CASE WHEN ? = 'WAITLISTED' THEN waitlist_position END,
                        cancellation_reason = CASE WHEN ? = 'CANCELLED' THEN ? ELSE cancellation_reason END
                    WHERE id = ? RETURNING id, status)
                INSERT INTO enrolment_history (enrolment_id, status, note, actor_user_id) SELECT id, status, ?, ? FROM e""",
                status.name(), status.name(), status.name(), note, id, note, actor);
    }

    /** ENROLLED → CONVOKED with a history line; any other status is left as it is. */
    boolean markConvoked(DbExecute exec, UUID id) {
        return exec.dml("""
                WITH e AS (UPDATE enrolments SET status = 'CONVOKED', updated_at = now()
                           WHERE id = ? AND status = 'ENROLLED' RETURNING id)
                INSERT INTO enrolment_history (enrolment_id, status, note) SELECT id, 'CONVOKED', 'convocation envoyée' FROM e""",
                id) > 0;
    }

    void updateTerms(DbExecute exec, UUID id, EnrolmentTerms t) {
        exec.dml("""
                UPDATE enrolments SET billing_mode = ?, prepayment_code = ?, complementary_certification = ?,
                    external_id = ?, result_recipient_email = ?, extra_time_percent = ?, accessibility_adjustment = ?,
                    updated_at = now()
                WHERE id = ?""",
                t.billingMode().name(), t.prepaymentCode(),
                t.complementaryCertification() == null ? null : t.complementaryCertification().name(), t.externalId(),
                t.resultRecipientEmail(), t.extraTimePercent(), t.accessibilityAdjustment(), id);
    }

    void linkTransfer(DbExecute exec, UUID from, UUID to) {
        exec.dml("UPDATE enrolments SET transferred_to = ? WHERE id = ?", to, from);
    }

    /** Status changes of an enrolment, oldest first. */
    List<HistoryLine> history(DbExecute exec, UUID id) {
        return exec.query("SELECT at, status, note FROM enrolment_history WHERE enrolment_id = ? ORDER BY id", id)
                .map(row -> new HistoryLine(Rows.instant(row, "at"), Rows.text(row, "status"), Rows.text(row, "note")))
                .toList();
    }

    private static Enrolment enrolment(DbRow row) {
        String complementary = Rows.text(row, "complementary_certification");
        EnrolmentTerms terms = new EnrolmentTerms(BillingMode.valueOf(Rows.text(row, "billing_mode")),
                Rows.text(row, "prepayment_code"), complementary == null ? null : Habilitation.valueOf(complementary),
                Rows.text(row, "external_id"), Rows.text(row, "result_recipient_email"),
                Rows.integer(row, "extra_time_percent"), Rows.bool(row, "accessibility_adjustment"));
        return new Enrolment(Rows.uuid(row, "id"), Rows.uuid(row, "session_id"), Rows.uuid(row, "center_id"),
                Rows.uuid(row, "person_id"), Rows.text(row, "birth_name"), Rows.text(row, "first_name"),
                Rows.date(row, "birth_date"), EnrolmentStatus.valueOf(Rows.text(row, "status")), terms,
                Origin.valueOf(Rows.text(row, "origin")), Rows.text(row, "origin_reference"),
                Rows.longValue(row, "waitlist_position"), Rows.uuid(row, "transferred_from"),
                Rows.uuid(row, "transferred_to"), Rows.text(row, "cancellation_reason"),
                Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"));
    }

    /** UUIDs as a text array: the driver binds String[] reliably; SQL casts it to uuid[]. */
    static String[] uuids(List<UUID> values) {
        return values.stream().map(UUID::toString).toArray(String[]::new);
    }

    static String[] texts(List<String> values) {
        return values.toArray(String[]::new);
    }
}
