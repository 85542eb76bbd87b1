package fr.jalon.centers;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.jalon.platform.db.Rows;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** SQL for centres, sites and rooms. */
final class CenterRepository {

    private static final String CENTER_COLUMNS =
            "id, name, type, siret, habilitations, contact_email, contact_phone, staff_ratio, created_at, updated_at";
    private static final String SITE_COLUMNS = "id, center_id, name, address_line1, address_line2, postal_code, city, "
            + "commune_insee, accessibility_info, wheelchair_accessible";
    private static final String ROOM_COLUMNS = "r.id, r.site_id, s.center_id, r.name, r.seats, r.accessible";

    Center insertCenter(DbExecute exec, CenterDraft d) {
        return exec.get("INSERT INTO centers (name, type, siret, habilitations, contact_email, contact_phone, staff_ratio) "
                        + "VALUES (?, ?, ?, CAST(? AS text[]), ?, ?, ?) RETURNING " + CENTER_COLUMNS,
                        d.name(), d.type().name(), d.siret(), textArray(d.habilitations()), d.contactEmail(),
                        d.contactPhone(), d.staffRatio())
                .map(CenterRepository::center).orElseThrow();
    }

    Optional<Center> updateCenter(DbExecute exec, UUID id, CenterDraft d) {
        return exec.get("UPDATE centers SET name = ?, type = ?, siret = ?, habilitations = CAST(? AS text[]), "
                        + "contact_email = ?, contact_phone = ?, staff_ratio = ?, updated_at = now() WHERE id = ? RETURNING "
                        + CENTER_COLUMNS,
                        d.name(), d.type().name(), d.siret(), textArray(d.habilitations()), d.contactEmail(),
                        d.contactPhone(), d.staffRatio(), id)
                .map(CenterRepository::center);
    }

    Optional<Center> center(DbExecute exec, UUID id) {
        return exec.get("SELECT " + CENTER_COLUMNS + " FROM centers WHERE id = ?", id).map(CenterRepository::center);
    }

    boolean centerNameTaken(DbExecute exec, String name, UUID exceptId) {
        return exec.get("SELECT 1 FROM centers WHERE lower(name) = lower(?) AND id IS DISTINCT FROM ?", name, exceptId)
                .isPresent();
    }

    /** Every centre ({@code onlyId} null) or just one, by name. */
    List<Center> centers(DbExecute exec, UUID onlyId) {
        return exec.query("SELECT " + CENTER_COLUMNS + " FROM centers WHERE CAST(? AS uuid) IS NULL OR id = ? ORDER BY name, id",
                        onlyId, onlyId)
                .map(CenterRepository::center).toList();
    }

    Site insertSite(DbExecute exec, UUID centerId, SiteDraft d) {
        return exec.get("INSERT INTO sites (center_id, name, address_line1, address_line2, postal_code, city, commune_insee, "
                        + "accessibility_info, wheelchair_accessible) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING "
                        + SITE_COLUMNS,
                        centerId, d.name(), d.addressLine1(), d.addressLine2(), d.postalCode(), d.city(), d.communeInsee(),
                        d.accessibilityInfo(), d.wheelchairAccessible())
                .map(CenterRepository::site).orElseThrow();
    }

    Optional<Site> updateSite(DbExecute exec, UUID id, SiteDraft d) {
        return exec.get("UPDATE sites SET name = ?, address_line1 = ?, address_line2 = ?, postal_code = ?, city = ?, "
                        + "commune_insee = ?, accessibility_info = ?, wheelchair_accessible = ?, updated_at = now() "
                        + "WHERE id = ? RETURNING " + SITE_COLUMNS,
                        d.name(), d.addressLine1(), d.addressLine2(), d.postalCode(), d.city(), d.communeInsee(),
                        d.accessibilityInfo(), d.wheelchairAccessible(), id)
                .map(CenterRepository::site);
    }

    Optional<Site> site(DbExecute exec, UUID id) {
        return exec.get("SELECT " + SITE_COLUMNS + " FROM sites WHERE id = ?", id).map(CenterRepository::site);
    }

    List<Site> sites(DbExecute exec, UUID centerId) {
        return exec.query("SELECT " + SITE_COLUMNS + " FROM sites WHERE center_id = ? ORDER BY name, id", centerId)
                .map(CenterRepository::site).toList();
    }

    boolean siteNameTaken(DbExecute exec, UUID centerId, String name, UUID exceptId) {
        return exec.get("SELECT 1 FROM sites WHERE center_id = ? AND lower(name) = lower(?) AND id IS DISTINCT FROM ?",
                centerId, name, exceptId).isPresent();
    }

    Room insertRoom(DbExecute exec, UUID siteId, RoomDraft d) {
        UUID id = exec.get("INSERT INTO rooms (site_id, name, seats, accessible) VALUES (?, ?, ?, ?) RETURNING id",
                        siteId, d.name(), d.seats(), d.accessible())
                .map(row -> Rows.uuid(row, "id")).orElseThrow();
        return room(exec, id).orElseThrow();
    }

    Optional<Room> updateRoom(DbExecute exec, UUID id, RoomDraft d) {
        long changed = exec.dml("UPDATE rooms SET name = ?, seats = ?, accessible = ?, updated_at = now() WHERE id = ?",
                d.name(), d.seats(), d.accessible(), id);
        return changed == 0 ? Optional.empty() : room(exec, id);
    }

    Optional<Room> room(DbExecute exec, UUID id) {
        return exec.get("SELECT " + ROOM_COLUMNS + " FROM rooms r JOIN sites s ON s.id = r.site_id WHERE r.id = ?", id)
                .map(CenterRepository::room);
    }

    /** The room, locked so its seats cannot change while we check them against its sessions. */
    Optional<Room> lockRoom(DbExecute exec, UUID id) {
        return exec.get("SELECT " + ROOM_COLUMNS + " FROM rooms r JOIN sites s ON s.id = r.site_id WHERE r.id = ? "
                        + "FOR UPDATE OF r", id)
                .map(CenterRepository::room);
    }

    List<Room> rooms(DbExecute exec, UUID siteId) {
        return exec.query("SELECT " + ROOM_COLUMNS + " FROM rooms r JOIN sites s ON s.id = r.site_id WHERE r.site_id = ? "
                        + "ORDER BY r.name, r.id", siteId)
                .map(CenterRepository::room).toList();
    }

    boolean roomNameTaken(DbExecute exec, UUID siteId, String name, UUID exceptId) {
        return exec.get("SELECT 1 FROM rooms WHERE site_id = ? AND lower(name) = lower(?) AND id IS DISTINCT FROM ?",
                siteId, name, exceptId).isPresent();
    }

    private static final String PLACEMENT = """
            SELECT r.id, r.name AS room_name, r.seats, r.accessible, s.id AS site_id, s.name AS site_name,
                   s.commune_insee, c.id AS center_id, c.habilitations
            FROM rooms r JOIN sites s ON s.id = r.site_id JOIN centers c ON c.id = s.center_id
            """;

    Optional<RoomPlacement> placement(DbExecute exec, UUID roomId, boolean lock) {
        return exec.get(PLACEMENT + "WHERE r.id = ?" + (lock ? " FOR SHARE OF r" : ""), roomId)
                .map(CenterRepository::placement);
    }

    List<RoomPlacement> placementsOf(DbExecute exec, UUID centerId) {
        return exec.query(PLACEMENT + "WHERE c.id = ? ORDER BY s.name, r.name", centerId)
                .map(CenterRepository::placement)
                .toList();
    }

    private static RoomPlacement placement(DbRow row) {
        return new RoomPlacement(Rows.uuid(row, "id"), Rows.text(row, "room_name"),
                Rows.integer(row, "seats"), Rows.bool(row, "accessible"), Rows.uuid(row, "site_id"),
                Rows.text(row, "site_name"), Rows.text(row, "commune_insee"), Rows.uuid(row, "center_id"),
                habilitations(Rows.textList(row, "habilitations")));
    }

    private static Center center(DbRow row) {
        return new Center(Rows.uuid(row, "id"), new CenterDraft(Rows.text(row, "name"),
                CenterType.valueOf(Rows.text(row, "type")), Rows.text(row, "siret"),
                habilitations(Rows.textList(row, "habilitations")), Rows.text(row, "contact_email"),
                Rows.text(row, "contact_phone"), Rows.integer(row, "staff_ratio")),
                Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"));
    }

    private static Site site(DbRow row) {
        return new Site(Rows.uuid(row, "id"), Rows.uuid(row, "center_id"), new SiteDraft(Rows.text(row, "name"),
                Rows.text(row, "address_line1"), Rows.text(row, "address_line2"), Rows.text(row, "postal_code"),
                Rows.text(row, "city"), Rows.text(row, "commune_insee"), Rows.text(row, "accessibility_info"),
                Rows.bool(row, "wheelchair_accessible")));
    }

    private static Room room(DbRow row) {
        return new Room(Rows.uuid(row, "id"), Rows.uuid(row, "site_id"), Rows.uuid(row, "center_id"),
                new RoomDraft(Rows.text(row, "name"), Rows.integer(row, "seats"), Rows.bool(row, "accessible")));
    }

    private static Set<Habilitation> habilitations(List<String> codes) {
        Set<Habilitation> set = EnumSet.noneOf(Habilitation.class);
        codes.forEach(code -> set.add(Habilitation.valueOf(code)));
        return set;
    }

    /** PostgreSQL array literal; the values are enum names, so no quoting is needed. */
    private static String textArray(Set<Habilitation> values) {
        return "{" + String.join(",", values.stream().map(Enum::name).toList()) + "}";
    }
}
