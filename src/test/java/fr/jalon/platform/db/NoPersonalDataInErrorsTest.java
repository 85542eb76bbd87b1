package fr.jalon.platform.db;

import fr.jalon.testing.TestDatabase;

import io.helidon.dbclient.DbClientException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A constraint error must not carry the values that broke it: they end up in logs. */
class NoPersonalDataInErrorsTest {

    @Test
    void constraintViolationsDoNotQuoteTheValues() {
        var db = TestDatabase.get().database().client().execute();
        String key = "secretname-" + System.nanoTime() + "|jeanne|1970-01-01";
        String insert = "INSERT INTO people (owner_id, birth_name, first_name, sex, birth_date, birth_insee_code, birth_city, "
                + "birth_country, identity_key) VALUES ('6a1f3c2e-0000-4000-8000-000000000001', 'Secretname', 'Jeanne', 'F', '1970-01-01', '40192', 'Mont-de-Marsan', "
                + "'France', ?)";
        db.dml(insert, key);

        DbClientException duplicate = assertThrows(DbClientException.class, () -> db.dml(insert, key));

        StringBuilder messages = new StringBuilder();
        for (Throwable t = duplicate; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertFalse(messages.toString().contains("secretname-"), messages.toString());
    }
}
