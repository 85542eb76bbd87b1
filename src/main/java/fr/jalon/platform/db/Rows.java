package fr.jalon.platform.db;

import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.helidon.dbclient.DbColumn;
import io.helidon.dbclient.DbRow;

/** Column readers that tolerate SQL NULL and the JDBC driver's java.sql types. */
public final class Rows {

    private Rows() {
    }

    /** The raw JDBC value, null for SQL NULL (DbColumn.get() and asOptional() refuse nulls). */
    public static Object raw(DbRow row, String column) {
        DbColumn value = row.column(column);
        return value.get(value.javaType());
    }

    public static String text(DbRow row, String column) {
        Object value = raw(row, column);
        return value == null ? null : value.toString();
    }

    public static UUID uuid(DbRow row, String column) {
        Object value = raw(row, column);
        return value == null ? null : (value instanceof UUID id ? id : UUID.fromString(value.toString()));
    }

    public static Integer integer(DbRow row, String column) {
        Object value = raw(row, column);
        return value == null ? null : ((Number) value).intValue();
    }

    public static Long longValue(DbRow row, String column) {
        Object value = raw(row, column);
        return value == null ? null : ((Number) value).longValue();
    }

    public static boolean bool(DbRow row, String column) {
        Object value = raw(row, column);
        return value != null && (Boolean) value;
    }

    public static Instant instant(DbRow row, String column) {
        Object value = raw(row, column);
        return switch (value) {
            case null -> null;
            case Timestamp ts -> ts.toInstant();
            case OffsetDateTime odt -> odt.toInstant();
            case Instant i -> i;
            default -> throw new IllegalStateException("Not a timestamp: " + column);
        };
    }

    public static LocalDate date(DbRow row, String column) {
        Object value = raw(row, column);
        return switch (value) {
            case null -> null;
            case Date d -> d.toLocalDate();
            case LocalDate d -> d;
            default -> throw new IllegalStateException("Not a date: " + column);
        };
    }

    public static LocalTime time(DbRow row, String column) {
        Object value = raw(row, column);
        return switch (value) {
            case null -> null;
            case Time t -> t.toLocalTime();
            case LocalTime t -> t;
            default -> throw new IllegalStateException("Not a time: " + column);
        };
    }

    public static List<String> textList(DbRow row, String column) {
        Object value = raw(row, column);
        if (value == null) {
            return List.of();
        }
        try {
            Object array = value instanceof Array sqlArray ? sqlArray.getArray() : value;
            return new ArrayList<>(Arrays.stream((Object[]) array).map(String::valueOf).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read array column " + column, e);
        }
    }
}
