package fr.jalon.platform.csv;

/**
 * Cells of the CSV files Jalon writes are opened in spreadsheets: a cell starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be read as a
 * formula (CSV injection). Such a cell is written with a leading {@code '}, which spreadsheets
 * show as text; reading a file back takes that one quote off again, so a round trip changes
 * nothing.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    /** The cell as written: prefixed with {@code '} when a spreadsheet would take it for a formula. */
    public static String neutralise(String cell) {
        return cell != null && !cell.isEmpty() && triggers(cell.charAt(0)) ? "'" + cell : cell;
    }

    /** The cell as it was before {@link #neutralise}: one leading {@code '} before a trigger goes. */
    public static String restore(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && triggers(cell.charAt(1))
                ? cell.substring(1) : cell;
    }

    private static boolean triggers(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
