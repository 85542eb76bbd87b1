package fr.jalon.campaigns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.db.Rows;
import fr.jalon.platform.db.SqlArrays;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/** SQL of the agent directories. */
final class AgentRepository {

    private static final String SELECT = """
            SELECT g.id, g.authority_id, g.employee_number, g.birth_name, g.first_name, g.birth_date, g.email, g.service_id,
                   s.path AS service_path, g.sex, g.birth_insee, g.birth_country, g.residence_insee, g.active
            FROM agents g LEFT JOIN authority_services s ON s.id = g.service_id""";

    /** One directory import at a time per authority (two instances included). */
    void lock(DbExecute tx, UUID authorityId) {
        tx.query("SELECT pg_advisory_xact_lock(hashtext('jalon.agents'), hashtext(?))", authorityId.toString()).toList();
    }

    /** Every agent of the authority not yet anonymised (active or not). */
    List<Agent> all(DbExecute exec, UUID authorityId) {
        return exec.query(SELECT + " WHERE g.authority_id = ? AND g.anonymised_at IS NULL", authorityId)
                .map(AgentRepository::agent).toList();
    }

    Optional<Agent> find(DbExecute exec, UUID id) {
        return exec.get(SELECT + " WHERE g.id = ? AND g.anonymised_at IS NULL", id).map(AgentRepository::agent);
    }

    List<Agent> page(DbExecute exec, UUID authorityId, String afterNumber, int limit) {
        return exec.query(SELECT + " WHERE g.authority_id = ? AND g.anonymised_at IS NULL AND g.employee_number > ? "
                        + "ORDER BY g.employee_number LIMIT ?", authorityId, afterNumber == null ? "" : afterNumber, limit)
                .map(AgentRepository::agent).toList();
    }

    /** Inserts or updates these agents (by employee number), active again if they had left. */
    void upsert(DbExecute exec, UUID authorityId, List<AgentLine> lines, List<UUID> serviceIds) {
        if (lines.isEmpty()) {
            return;
        }
        List<String> numbers = new ArrayList<>();
        List<String> birthNames = new ArrayList<>();
        List<String> firstNames = new ArrayList<>();
        List<String> birthDates = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> sexes = new ArrayList<>();
        List<String> birthInsee = new ArrayList<>();
        List<String> countries = new ArrayList<>();
        List<String> residences = new ArrayList<>();
        for (AgentLine l : lines) {
            numbers.add(l.employeeNumber());
            birthNames.add(l.birthName());
            firstNames.add(l.firstName());
            birthDates.add(l.birthDate().toString());
            keys.add(l.identityKey());
            emails.add(l.email());
            sexes.add(l.sex());
            birthInsee.add(l.birthInsee());
            countries.add(l.birthCountry());
            residences.add(l.residenceInsee());
        }
        exec.dml("""
                INSERT INTO agents (authority_id, employee_number, birth_name, first_name, birth_date, identity_key, email,
                                    service_id, sex, birth_insee, birth_country, residence_insee)
                SELECT ?, u.number, u.birth_name, u.first_name, CAST(u.birth_date AS date), u.identity_key, u.email,
                       u.service_id, u.sex, u.birth_insee, u.country, u.residence
                FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS text[]))
                     AS u(number, birth_name, first_name, birth_date, identity_key, email, service_id, sex, birth_insee,
                          country, residence)
                ON CONFLICT (authority_id, employee_number) DO UPDATE SET birth_name = EXCLUDED.birth_name,
                    first_name = EXCLUDED.first_name, birth_date = EXCLUDED.birth_date, identity_key = EXCLUDED.identity_key,
                    email = EXCLUDED.email, service_id = EXCLUDED.service_id, sex = EXCLUDED.sex,
                    birth_insee = EXCLUDED.birth_insee, birth_country = EXCLUDED.birth_country,
                    residence_insee = EXCLUDED.residence_insee, active = true, left_at = NULL, updated_at = now()""",
                authorityId, SqlArrays.of(numbers), SqlArrays.of(birthNames), SqlArrays.of(firstNames),
                SqlArrays.of(birthDates), SqlArrays.of(keys), SqlArrays.of(emails), SqlArrays.of(serviceIds),
                SqlArrays.of(sexes), SqlArrays.of(birthInsee), SqlArrays.of(countries), SqlArrays.of(residences));
    }

    /** Agents who left: kept (their campaign history counts) but inactive; retention later anonymises them. */
    int deactivate(DbExecute exec, List<UUID> ids) {
        return (int) exec.dml("UPDATE agents SET active = false, left_at = now(), updated_at = now() "
                + "WHERE id = ANY(CAST(? AS uuid[])) AND active", (Object) SqlArrays.of(ids));
    }

    /**
     * Agents who left more than {@code months} ago: names, employee number, e-mail, sex and
     * birthplace cleared, birth date cut to the year; returns their ids. Their participation rows
     * keep only figures, tied to no one.
     */
    List<UUID> anonymiseLeft(DbExecute tx, int months) {
        return tx.query("""
                UPDATE agents SET birth_name = 'ANONYME', first_name = 'ANONYME', employee_number = 'anonyme-' || id,
                       identity_key = 'anonyme|' || id, email = NULL, sex = NULL, birth_insee = NULL, birth_country = NULL,
                       birth_date = make_date(extract(year FROM birth_date)::int, 1, 1), anonymised_at = now(),
                       updated_at = now()
                WHERE NOT active AND anonymised_at IS NULL AND left_at < now() - make_interval(months => ?)
                RETURNING id""", months).map(row -> Rows.uuid(row, "id")).toList();
    }

    private static Agent agent(DbRow row) {
        return new Agent(Rows.uuid(row, "id"), Rows.uuid(row, "authority_id"), Rows.text(row, "employee_number"),
                Rows.text(row, "birth_name"), Rows.text(row, "first_name"), Rows.date(row, "birth_date"),
                Rows.text(row, "email"), Rows.uuid(row, "service_id"), Rows.text(row, "service_path"),
                Rows.text(row, "sex"), Rows.text(row, "birth_insee"), Rows.text(row, "birth_country"),
                Rows.text(row, "residence_insee"), Rows.bool(row, "active"));
    }
}
