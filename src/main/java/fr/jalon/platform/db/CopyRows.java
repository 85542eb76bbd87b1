package fr.jalon.platform.db;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL {@code COPY … FROM STDIN} in its text format, sent on a transaction's own
 * connection ({@link Transactions#inTransactionWithConnection}): the fastest way in for tens of
 * thousands of rows. Values are written with {@link Object#toString()} (an array as a list of
 * its elements), {@code null} as SQL NULL; backslashes, tabs and line breaks are escaped.
 */
public final class CopyRows {

    private final StringBuilder data = new StringBuilder(1 << 16);
    private boolean rowStarted;
    private int rows;

    /** Adds a value to the current row. */
    public CopyRows add(Object value) {
        if (rowStarted) {
            data.append('\t');
        }
        rowStarted = true;
        switch (value) {
            case null -> data.append("\\N");
            case List<?> list -> appendArray(list);
            default -> escape(value.toString());
        }
        return this;
    }

    /** Ends the current row. */
    public CopyRows endRow() {
        data.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    public int rows() {
        return rows;
    }

    /** Copies the rows into {@code table (columns)}; returns the number of rows PostgreSQL took. */
    public long into(Connection connection, String table, List<String> columns) throws SQLException {
        if (rowStarted) {
            throw new IllegalStateException("The last row is not ended");
        }
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(data.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " could not be sent", e);
        }
    }

    /** A one-dimension array literal: {@code {1,NULL,3}}, elements quoted when they are text. */
    private void appendArray(List<?> list) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            literal.append(i == 0 ? "" : ",");
            if (element == null) {
                literal.append("NULL");
            } else if (element instanceof Number) {
                literal.append(element);
            } else {
                literal.append('"').append(element.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        escape(literal.append('}').toString());
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> data.append("\\\\");
                case '\t' -> data.append("\\t");
                case '\n' -> data.append("\\n");
                case '\r' -> data.append("\\r");
                default -> data.append(c);
            }
        }
    }
}
