package fr.jalon.platform.db;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Metrics;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The connection pool of an instance (HikariCP, lent first come first served), the Helidon
 * DbClient on top of it, and the Flyway migrations. Quartz's bookkeeping has a small pool of its
 * own ({@link #separatePool}).
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final HikariPool pool;
    private final DbClient dbClient;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.pool = new HikariPool(dataSource, dataSource.getMaximumPoolSize(), dataSource.getConnectionTimeout());
        this.dbClient = JdbcClientBuilder.create()
                .connectionPool(pool)
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

    /**
     * The pool on {@code /observe/metrics}: connections in use, idle and at most, and borrowers
     * waiting their turn (a queue that stays long means the pool or the database is too small).
     */
    public void registerMetrics() {
        gauge("jalon.db.pool.active", "Connections lent", () -> dataSource.getHikariPoolMXBean().getActiveConnections());
        gauge("jalon.db.pool.idle", "Connections open and free", () -> dataSource.getHikariPoolMXBean().getIdleConnections());
        gauge("jalon.db.pool.max", "Connections at most", dataSource::getMaximumPoolSize);
        gauge("jalon.db.pool.waiting", "Borrowers waiting for a connection", pool::waiting);
    }

    private void gauge(String name, String description, IntSupplier value) {
        Metrics.globalRegistry().getOrCreate(Gauge.builder(name, value, v -> dataSource.isClosed() ? -1 : v.getAsInt())
                .description(description));
    }

    public Transactions transactions() {
        return new Transactions(dbClient, pool::lentDuring);
    }

    @Override
    public void close() {
        dbClient.close();
        dataSource.close();
    }

    /**
     * Lends Hikari's connections to the DbClient, first come first served: Hikari hands a
     * returned connection to whichever thread asks next, so under load a few requests waited
     * hundreds of milliseconds while newcomers went ahead (enrolments at 64 clients: p50 10 ms,
     * p99 230 ms). A fair semaphore of the pool's size queues the borrowers in arrival order,
     * and its permit comes back when the DbClient closes the connection; the wait stays bounded
     * by the pool's connection timeout, as before.
     *
     * <p>Also tells which connection it lent on this thread while some work ran: a transaction
     * takes its connection lazily, at its first statement, so that is how a transaction's own JDBC
     * connection is found (for COPY).
     */
    private static final class HikariPool implements JdbcConnectionPool {

        private final HikariDataSource dataSource;
        private final Semaphore turns;
        private final long timeoutMillis;
        private final ThreadLocal<Connection[]> watched = new ThreadLocal<>();

        private HikariPool(HikariDataSource dataSource, int size, long timeoutMillis) {
            this.dataSource = dataSource;
            this.turns = new Semaphore(size, true);
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        public Connection connection() {
            try {
                if (!turns.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
                    throw new SQLTransientConnectionException("No database connection free within " + timeoutMillis + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DbClientException("Interrupted while waiting for a database connection", e);
            } catch (SQLTransientConnectionException e) {
                throw new DbClientException("Cannot get a database connection", e);
            }
            Connection connection;
            try {
                connection = dataSource.getConnection();
            } catch (SQLException | RuntimeException e) {
                turns.release();
                throw new DbClientException("Cannot get a database connection", e);
            }
            Connection lent = returningTurn(connection);
            Connection[] slot = watched.get();
            if (slot != null && slot[0] == null) {
                slot[0] = lent;
            }
            return lent;
        }

        /** The connection as lent: closing it (once) gives the turn to the next borrower. */
        private Connection returningTurn(Connection connection) {
            AtomicBoolean returned = new AtomicBoolean();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        // Identity is the proxy's own: the same lent connection equals itself only.
                        if (method.getName().equals("equals") && args != null && args.length == 1) {
                            return proxy == args[0];
                        }
                        if (method.getName().equals("hashCode") && args == null) {
                            return System.identityHashCode(proxy);
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            if (method.getName().equals("close") && returned.compareAndSet(false, true)) {
                                turns.release();
                            }
                        }
                    });
        }

        int waiting() {
            return turns.getQueueLength();
        }

        /** The first connection lent on this thread while {@code work} ran; fails if none was. */
        Connection lentDuring(Runnable work) {
            Connection[] slot = new Connection[1];
            watched.set(slot);
            try {
                work.run();
            } finally {
                watched.remove();
            }
            if (slot[0] == null) {
                throw new IllegalStateException("No connection was lent during the work");
            }
            return slot[0];
        }

        @Override
        public String dbType() {
            return "postgresql";
        }
    }
}
