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

    /** The scheduler's own pool goes with it. */
    @Override
    public void shutdown() {
        if (dataSource instanceof AutoCloseable own) {
            try {
                own.close();
            } catch (Exception e) {
                // Closing a pool that failed already: nothing left to release.
            }
        }
    }

    @Override
    public void initialize() {
        // Nothing to prepare: the pool is already running.
    }
}
