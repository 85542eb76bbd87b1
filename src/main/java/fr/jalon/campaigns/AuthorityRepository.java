package fr.jalon.campaigns;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlArrays;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** SQL of local authorities, the centres they work with and their services. */
final class AuthorityRepository {

    private static final String SELECT = """
            SELECT a.id, a.name, a.kind, a.siren, a.territory_code, a.contact_email, a.created_at,
                   coalesce((SELECT array_agg(ac.center_id::text ORDER BY ac.center_id) FROM authority_centers ac
                             WHERE ac.authority_id = a.id), '{}') AS center_ids
            FROM local_authorities a""";

    UUID insert(DbExecute exec, AuthorityDraft a) {
        UUID id = exec.get("""
                        INSERT INTO local_authorities (name, kind, siren, territory_code, contact_email)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""",
                        a.name(), a.kind().name(), a.siren(), a.territoryCode(), a.contactEmail())
                .map(row -> Rows.uuid(row, "id")).orElseThrow();
        exec.dml("INSERT INTO authority_centers (authority_id, center_id) SELECT ?, unnest(CAST(? AS uuid[]))",
                id, SqlArrays.of(a.centerIds()));
        return id;
    }

    Optional<Authority> find(DbExecute exec, UUID id) {
        return exec.get(SELECT + " WHERE a.id = ?", id).map(AuthorityRepository::authority);
    }

    /** Every authority (scope null) or the one of an HR user, by name. */
    List<Authority> list(DbExecute exec, UUID only, int limit) {
        return exec.query(SELECT + " WHERE CAST(? AS uuid) IS NULL OR a.id = ? ORDER BY a.name, a.id LIMIT ?", only, only,
                        limit)
                .map(AuthorityRepository::authority).toList();
    }

    boolean exists(DbExecute exec, UUID id) {
        return exec.get("SELECT 1 AS one FROM local_authorities WHERE id = ?", id).isPresent();
    }

    boolean worksWith(DbExecute exec, UUID authorityId, UUID centerId) {
        return exec.get("SELECT 1 AS one FROM authority_centers WHERE authority_id = ? AND center_id = ?", authorityId,
                centerId).isPresent();
    }

    List<ServiceNode> services(DbExecute exec, UUID authorityId) {
        return exec.query("SELECT id, parent_id, name, path, depth FROM authority_services WHERE authority_id = ? "
                        + "ORDER BY path", authorityId)
                .map(AuthorityRepository::node).toList();
    }

    /** The node of this path, created with its missing ancestors (concurrent creations meet on the unique path). */
    ServiceNode ensureService(DbExecute exec, UUID authorityId, List<String> names) {
        ServiceNode parent = null;
        for (int depth = 1; depth <= names.size(); depth++) {
            String path = String.join(ServiceNode.SEPARATOR, names.subList(0, depth));
            UUID parentId = parent == null ? null : parent.id();
            exec.dml("""
                    INSERT INTO authority_services (authority_id, parent_id, name, path, depth) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (authority_id, path) DO NOTHING""", authorityId, parentId, names.get(depth - 1), path, depth);
            parent = exec.get("SELECT id, parent_id, name, path, depth FROM authority_services WHERE authority_id = ? "
                            + "AND path = ?", authorityId, path)
                    .map(AuthorityRepository::node).orElseThrow();
        }
        return parent;
    }

    private static ServiceNode node(DbRow row) {
        return new ServiceNode(Rows.uuid(row, "id"), Rows.uuid(row, "parent_id"), Rows.text(row, "name"),
                Rows.text(row, "path"), Rows.integer(row, "depth"));
    }

    private static Authority authority(DbRow row) {
        return new Authority(Rows.uuid(row, "id"), Rows.text(row, "name"), AuthorityKind.valueOf(Rows.text(row, "kind")),
                Rows.text(row, "siren"), Rows.text(row, "territory_code"), Rows.text(row, "contact_email"),
                Rows.textList(row, "center_ids").stream().map(UUID::fromString).toList(), Rows.instant(row, "created_at"));
    }
}
