package fr.jalon.invigilators;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import fr.jalon.platform.db.Rows;

import io.helidon.dbclient.DbExecute;

/**
 * Read model of where invigilators live and work: communes, sites and the accounts linked to
 * invigilators. Reads other features' tables — {@code communes} (territory), {@code sites}
 * (centers), {@code users} (users) — and writes nothing.
 */
final class PoolPlacesReadModel {

    /**
     * For each site of a centre, how far each invigilator covering it lives ({@link Remoteness}),
     * from the communes' EPCI and département in the territory reference.
     */
    Map<UUID, Map<UUID, Integer>> remotenessBySite(DbExecute exec, UUID centerId) {
        Map<UUID, Map<UUID, Integer>> bySite = new HashMap<>();
        exec.query("""
                        SELECT cov.site_id, cov.invigilator_id, i.home_insee, hc.epci_siren AS home_epci,
                               hc.departement AS home_departement, si.commune_insee AS site_insee,
                               sc.epci_siren AS site_epci, sc.departement AS site_departement
                        FROM invigilator_sites cov
                        JOIN invigilators i ON i.id = cov.invigilator_id
                        JOIN sites si ON si.id = cov.site_id
                        LEFT JOIN communes hc ON hc.code_insee = i.home_insee AND hc.type = 'commune-actuelle'
                        LEFT JOIN communes sc ON sc.code_insee = si.commune_insee AND sc.type = 'commune-actuelle'
                        WHERE i.center_id = ?""", centerId)
                .forEach(row -> bySite.computeIfAbsent(Rows.uuid(row, "site_id"), k -> new HashMap<>())
                        .put(Rows.uuid(row, "invigilator_id"), Remoteness.between(Rows.text(row, "home_insee"),
                                Rows.text(row, "home_epci"), Rows.text(row, "home_departement"),
                                Rows.text(row, "site_insee"), Rows.text(row, "site_epci"),
                                Rows.text(row, "site_departement"))));
        return bySite;
    }

    /** Whether the user is an INVIGILATOR of the centre (the users table is the platform's). */
    boolean isInvigilatorUserOf(DbExecute exec, UUID userId, UUID centerId) {
        return exec.get("SELECT 1 AS one FROM users WHERE id = ? AND role = 'INVIGILATOR' AND center_id = ?", userId, centerId)
                .isPresent();
    }

    boolean communeExists(DbExecute exec, String insee) {
        return exec.get("SELECT 1 AS one FROM communes WHERE code_insee = ? AND type = 'commune-actuelle'", insee).isPresent();
    }
}
