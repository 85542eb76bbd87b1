package fr.jalon.referrals;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlArrays;
import fr.jalon.platform.security.SecretBox;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** SQL of referring organisations and the centres they refer to. */
final class OrganisationRepository {

    private static final String SELECT = """
            SELECT o.id, o.kind, o.name, o.siret, o.safir_code, o.address_line1, o.postal_code, o.city, o.contact_email,
                   o.contact_phone, o.webhook_url, o.created_at,
                   coalesce((SELECT array_agg(oc.center_id::text ORDER BY oc.center_id) FROM organisation_centers oc
                             WHERE oc.organisation_id = o.id), '{}') AS center_ids
            FROM referring_organisations o""";

    UUID insert(DbExecute exec, Organisation o) {
        UUID id = exec.get("""
                        INSERT INTO referring_organisations (kind, name, siret, safir_code, address_line1, postal_code, city,
                                                             contact_email, contact_phone)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                        o.kind().name(), o.name(), o.siret(), o.safirCode(), o.addressLine1(), o.postalCode(), o.city(),
                        o.contactEmail(), o.contactPhone())
                .map(row -> Rows.uuid(row, "id")).orElseThrow();
        exec.dml("INSERT INTO organisation_centers (organisation_id, center_id) SELECT ?, unnest(CAST(? AS uuid[]))",
                id, SqlArrays.of(o.centerIds()));
        return id;
    }

    Optional<Organisation> find(DbExecute exec, UUID id) {
        return exec.get(SELECT + " WHERE o.id = ?", id).map(OrganisationRepository::organisation);
    }

    /** All organisations (null) or those referring to one centre, by name. */
    List<Organisation> list(DbExecute exec, UUID centerId, int limit) {
        return exec.query(SELECT + " WHERE CAST(? AS uuid) IS NULL OR EXISTS (SELECT 1 FROM organisation_centers oc "
                        + "WHERE oc.organisation_id = o.id AND oc.center_id = ?) ORDER BY o.name, o.id LIMIT ?",
                        centerId, centerId, limit)
                .map(OrganisationRepository::organisation).toList();
    }

    boolean exists(DbExecute exec, UUID id) {
        return exec.get("SELECT 1 AS one FROM referring_organisations WHERE id = ?", id).isPresent();
    }

    void setWebhook(DbExecute exec, UUID id, String url, String secret) {
        exec.dml("UPDATE referring_organisations SET webhook_url = ?, webhook_secret = ?, updated_at = now() WHERE id = ?",
                url, secret, id);
    }

    /** Seals webhook secrets still stored in clear (written before sealing existed). */
    void sealWebhookSecrets(DbExecute exec, SecretBox secrets) {
        exec.query("SELECT id, webhook_secret FROM referring_organisations WHERE webhook_secret IS NOT NULL "
                        + "AND webhook_secret NOT LIKE 'v1:%' FOR UPDATE")
                .map(row -> new String[] {Rows.text(row, "id"), Rows.text(row, "webhook_secret")}).toList()
                .forEach(r -> exec.dml("UPDATE referring_organisations SET webhook_secret = ? WHERE id = ?",
                        secrets.seal(r[1]), UUID.fromString(r[0])));
    }

    private static Organisation organisation(DbRow row) {
        return new Organisation(Rows.uuid(row, "id"), OrganisationKind.valueOf(Rows.text(row, "kind")),
                Rows.text(row, "name"), Rows.text(row, "siret"), Rows.text(row, "safir_code"),
                Rows.text(row, "address_line1"), Rows.text(row, "postal_code"), Rows.text(row, "city"),
                Rows.text(row, "contact_email"), Rows.text(row, "contact_phone"), Rows.text(row, "webhook_url"),
                Rows.textList(row, "center_ids").stream().map(UUID::fromString).toList(), Rows.instant(row, "created_at"));
    }
}
