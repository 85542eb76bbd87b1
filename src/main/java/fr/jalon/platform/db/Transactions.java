package fr.jalon.platform.db;

import java.util.function.Consumer;
import java.util.function.Function;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;

/**
 * Runs a unit of work in one database transaction: committed when the work returns, rolled back
 * when it throws. A use case's change, its audit record and its events commit together or not
 * at all.
 */
public final class Transactions {

    private final DbClient db;

    public Transactions(DbClient db) {
        this.db = db;
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
