package fr.jalon.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbTransaction;

/**
 * Runs a unit of work in one database transaction: committed when the work returns, rolled back
 * when it throws. A use case's change, its audit record and its events commit together or not
 * at all.
 */
public final class Transactions {

    private final DbClient db;
    private final ConnectionWatch connections;

    /** Finds the pool connection a piece of work took on this thread. */
    @FunctionalInterface
    interface ConnectionWatch {
        Connection lentDuring(Runnable work);
    }

    /** A unit of work given both views of one transaction: the DbClient's, and its JDBC connection. */
    @FunctionalInterface
    public interface JdbcWork<T> {
        T apply(DbTransaction tx, Connection connection) throws SQLException;
    }

    Transactions(DbClient db, ConnectionWatch connections) {
        this.db = db;
        this.connections = connections;
    }

    public <T> T inTransaction(Function<DbTransaction, T> work) {
        DbTransaction tx = db.transaction();
        T result;
        try {
            result = work.apply(tx);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(tx, e);
            throw e;
        }
        tx.commit();
        return result;
    }

    /**
     * Like {@link #inTransaction}, with the transaction's own JDBC connection as well, for what
     * the DbClient cannot do (PostgreSQL COPY): statements on either see and commit together.
     * The connection belongs to the transaction: the work must not commit, roll back or close it.
     */
    public <T> T inTransactionWithConnection(JdbcWork<T> work) {
        return inTransaction(tx -> {
            // A transaction takes its connection at its first statement: this one.
            Connection connection = connections.lentDuring(() -> tx.get("SELECT 1 AS taken"));
            try {
                return work.apply(tx, connection);
            } catch (SQLException e) {
                throw new DbClientException("A statement on the transaction's connection failed", e);
            }
        });
    }

    /** Runs the work and always rolls it back: a dry run sees exactly what would happen. */
    public <T> T inRolledBackTransaction(Function<DbTransaction, T> work) {
        DbTransaction tx = db.transaction();
        try {
            return work.apply(tx);
        } finally {
            tx.rollback();
        }
    }

    public void run(Consumer<DbTransaction> work) {
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    private static void rollbackQuietly(DbTransaction tx, Throwable cause) {
        try {
            tx.rollback();
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
