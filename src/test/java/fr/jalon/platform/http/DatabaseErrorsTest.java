package fr.jalon.platform.http;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What PostgreSQL refuses for the data itself is the caller's input: 422, never 500. */
class DatabaseErrorsTest {

    @Test
    void dataExceptionsAre422() {
        for (String state : new String[] {"22021", "22P05", "22003", "22007"}) {
            ApiProblem problem = DatabaseErrors.toProblem(new RuntimeException("wrapped",
                    new SQLException("invalid byte sequence", state)));
            assertEquals(422, problem.status(), state);
            assertEquals("invalid-data", problem.type());
        }
    }

    @Test
    void otherStatesKeepTheirMeaning() {
        assertEquals(409, DatabaseErrors.toProblem(new SQLException("dup", "23505")).status());
        assertNull(DatabaseErrors.toProblem(new SQLException("disk", "53100")));
    }
}
