package fr.jalon.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.quartz.utils.ConnectionProvider;

/** Lends the service's connection pool to Quartz: one pool per instance. */
final class HikariConnectionProvider implements ConnectionProvider {

    private final DataSource dataSource;

    HikariConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // The pool belongs to the service; it closes it after the scheduler.
    }

    @Override
    public void initialize() {
        // Nothing to prepare: the pool is already running.
    }
}
