package fr.jalon.platform.db;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import fr.jalon.testing.TestDatabase;

import io.helidon.dbclient.DbClientException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A transaction's own JDBC connection (for COPY) is the transaction's: what is copied on it is
 * seen by the DbClient's statements of the same transaction, commits with them, and goes with
 * them when the work fails. And {@link CopyRows} carries awkward values intact.
 */
class TransactionConnectionTest {

    private static Database database;
    private static Transactions transactions;

    @BeforeAll
    static void table() {
        database = TestDatabase.get().database();
        transactions = database.transactions();
        // A schema of its own: the personal-data inventory checks every table of « public ».
        database.client().execute().dml("CREATE SCHEMA IF NOT EXISTS scratch");
        database.client().execute().dml("""
                CREATE TABLE IF NOT EXISTS scratch.copy_rows_test (tag text NOT NULL, note text, levels smallint[], names text[],
                    day date, id uuid)""");
    }

    @Test
    void copiedRowsCommitWithTheTransactionAndAreSeenByItsStatements() {
        String tag = UUID.randomUUID().toString();
        long seen = transactions.inTransactionWithConnection((tx, connection) -> {
            tx.dml("INSERT INTO scratch.copy_rows_test (tag, note) VALUES (?, 'by the DbClient')", tag);
            new CopyRows().add(tag).add("by COPY").add(null).add(null).add(null).add(null).endRow()
                    .into(connection, "scratch.copy_rows_test", List.of("tag", "note", "levels", "names", "day", "id"));
            return tx.get("SELECT count(*) AS n FROM scratch.copy_rows_test WHERE tag = ?", tag)
                    .map(row -> row.column("n").getLong()).orElseThrow();
        });
        assertEquals(2, seen);
        assertEquals(2, count(tag));
    }

    @Test
    void copiedRowsGoWithTheTransactionWhenTheWorkFails() {
        String tag = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> transactions.inTransactionWithConnection((tx, connection) -> {
            tx.dml("INSERT INTO scratch.copy_rows_test (tag) VALUES (?)", tag);
            new CopyRows().add(tag).endRow().into(connection, "scratch.copy_rows_test", List.of("tag"));
            throw new IllegalStateException("refused after the copy");
        }));
        assertEquals(0, count(tag));
    }

    @Test
    void aFailedCopyIsAnErrorAndLeavesNothing() {
        String tag = UUID.randomUUID().toString();
        assertThrows(DbClientException.class, () -> transactions.inTransactionWithConnection((tx, connection) -> {
            tx.dml("INSERT INTO scratch.copy_rows_test (tag) VALUES (?)", tag);
            // NOT NULL refused: the whole COPY fails, and the transaction with it.
            return new CopyRows().add(null).endRow().into(connection, "scratch.copy_rows_test", List.of("tag"));
        }));
        assertEquals(0, count(tag));
    }

    @Test
    void valuesArriveIntact() throws Exception {
        String tag = UUID.randomUUID().toString();
        String awkward = "back\\slash\ttab\nline\rreturn « é » \\N";
        UUID id = UUID.randomUUID();
        List<String> names = Arrays.asList("a \"quoted\" name", "back\\slash", null, "comma, brace}");
        transactions.inTransactionWithConnection((tx, connection) -> new CopyRows()
                .add(tag).add(awkward).add(Arrays.asList(1, null, 8)).add(names).add(LocalDate.of(2026, 2, 28))
                .add(id).endRow()
                .into(connection, "scratch.copy_rows_test", List.of("tag", "note", "levels", "names", "day", "id")));
        try (var connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT note, CAST(levels AS text) AS levels, names, day, id "
                     + "FROM scratch.copy_rows_test WHERE tag = '" + tag + "'")) {
            row.next();
            assertEquals(awkward, row.getString("note"));
            assertEquals("{1,NULL,8}", row.getString("levels"));
            assertEquals(names, new ArrayList<>(Arrays.asList((Object[]) row.getArray("names").getArray())));
            assertEquals("2026-02-28", row.getString("day"));
            assertEquals(id, row.getObject("id"));
        }
    }

    private static long count(String tag) {
        return database.client().execute().get("SELECT count(*) AS n FROM scratch.copy_rows_test WHERE tag = ?", tag)
                .map(row -> row.column("n").getLong()).orElseThrow();
    }
}
