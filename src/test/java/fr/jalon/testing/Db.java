package fr.jalon.testing;

import io.helidon.dbclient.DbExecute;

/** Direct reads of the test database, for what the API does not show (rows, counters). */
public final class Db {

    private Db() {
    }

    public static DbExecute execute() {
        return TestDatabase.get().database().client().execute();
    }

    /** The {@code n} column of a {@code SELECT count(*) AS n …}; 0 when no row answers. */
    public static long count(String sql, Object... params) {
        return execute().get(sql, params).map(row -> row.column("n").get(Long.class)).orElse(0L);
    }
}
