package fr.jalon.platform.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A piece of SQL with its parameters, for a statement that writes several tables in one round
 * trip (a data-modifying CTE). Lets the owner of a table (the audit log, the events) write its
 * own INSERT inside another feature's statement.
 */
public record SqlFragment(String sql, List<Object> params) {

    public static SqlFragment of(String sql, Object... params) {
        return new SqlFragment(sql, new ArrayList<>(Arrays.asList(params)));
    }
}
