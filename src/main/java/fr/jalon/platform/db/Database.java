package fr.jalon.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The one connection pool of an instance (HikariCP), the Helidon DbClient on top of it, and the
 * Flyway migrations. Later, Quartz shares the same pool.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final DbClient dbClient;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.dbClient = JdbcClientBuilder.create()
                .connectionPool(new HikariPool(dataSource))
                .build();
    }

    public static Database connect(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("jalon");
        // A request waits at most 5 s for a connection, then answers 503 with Retry-After (not a hang).
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        // Every session works in UTC; local times are stored with their zone explicitly.
        config.setConnectionInitSql("SET TIME ZONE 'UTC'");
        // The DbClient binds UUIDs as strings; let PostgreSQL type such parameters from context.
        config.addDataSourceProperty("stringtype", "unspecified");
        // Server error details and inlined parameters (names, birth dates…) stay out of exception
        // messages, hence out of logs; callers rely on SQL states, not on messages.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        return new Database(new HikariDataSource(config));
    }

    /** Applies the SQL migrations under {@code db/migration} and the given Java migrations. */
    public void migrate(List<JavaMigration> javaMigrations) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(javaMigrations.toArray(JavaMigration[]::new))
                .load()
                .migrate();
    }

    public DbClient client() {
        return dbClient;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * A small pool of its own on the same database, for work that must go on when the service's
     * pool is exhausted (the scheduler's cluster check-ins); closed by whoever asked for it.
     */
    public HikariDataSource separatePool(String name, int size) {
        HikariConfig config = new HikariConfig();
        dataSource.copyStateTo(config);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    public Transactions transactions() {
        return new Transactions(dbClient);
    }

    @Override
    public void close() {
        dbClient.close();
        dataSource.close();
    }

    /** Lends Hikari's connections to the DbClient. */
    private record HikariPool(HikariDataSource dataSource) implements JdbcConnectionPool {
        @Override
        public Connection connection() {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw new DbClientException("Cannot get a database connection", e);
            }
        }

        @Override
        public String dbType() {
            return "postgresql";
        }
    }
}
