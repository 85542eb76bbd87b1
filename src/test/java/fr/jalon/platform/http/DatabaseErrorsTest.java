package fr.jalon.platform.http;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;

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
    void aDatabaseOutOfReachIs503WithRetryAfter() {
        for (Exception e : List.of(new SQLTransientConnectionException("jalon - Connection is not available, request "
                + "timed out after 5000ms."), new SQLException("lost", "08006"), new SQLException("down", "57P01"),
                new SQLException("starting", "57P03"))) {
            ApiProblem problem = DatabaseErrors.toProblem(new RuntimeException("wrapped", e));
            assertEquals(503, problem.status(), e.toString());
            assertEquals(Optional.of(5), problem.retryAfterSeconds());
        }
    }

    @Test
    void otherStatesKeepTheirMeaning() {
        assertEquals(409, DatabaseErrors.toProblem(new SQLException("dup", "23505")).status());
        assertNull(DatabaseErrors.toProblem(new SQLException("disk", "53100")));
    }
}
