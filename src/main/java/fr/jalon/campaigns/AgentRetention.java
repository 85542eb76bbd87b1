package fr.jalon.campaigns;

import io.helidon.dbclient.DbExecute;

/** SQL of the agents' retention: who left long ago is anonymised; their campaign figures stay, unnamed. */
final class AgentRetention {

    /**
     * Agents who left more than {@code months} ago: names, employee number, e-mail, sex and
     * birthplace cleared, birth date cut to the year; returns how many. Their participation rows
     * keep only figures, tied to no one.
     */
    int anonymiseLeft(DbExecute tx, int months) {
        return (int) tx.dml("""
                UPDATE agents SET birth_name = 'ANONYME', first_name = 'ANONYME', employee_number = 'anonyme-' || id,
                       identity_key = 'anonyme|' || id, email = NULL, sex = NULL, birth_insee = NULL, birth_country = NULL,
                       birth_date = make_date(extract(year FROM birth_date)::int, 1, 1), anonymised_at = now(),
                       updated_at = now()
                WHERE NOT active AND anonymised_at IS NULL AND left_at < now() - make_interval(months => ?)""", months);
    }
}
