package fr.jalon.candidates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Values as Pix files write them: JJ/MM/AAAA, HH:MM, "33%", "oui". */
final class PixFormats {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3])[:hH]([0-5]\\d)");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})\\s*%?");

    private PixFormats() {
    }

    /** A date that exists: 31/02/2027 does not. One-digit days and months are accepted. */
    static Optional<LocalDate> date(String text) {
        try {
            String[] parts = text.strip().split("/");
            if (parts.length != 3 || parts[2].length() != 4) {
                return Optional.empty();
            }
            if (!parts[2].chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            return Optional.of(LocalDate.of(Integer.parseInt(parts[2]), Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[0])));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalTime> time(String text) {
        Matcher m = TIME.matcher(text.strip());
        return m.matches() ? Optional.of(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    /** "33%", "33 %" or "33" → 33. */
    static Optional<Integer> percent(String text) {
        Matcher m = PERCENT.matcher(text.strip());
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    static String date(LocalDate date) {
        return date.format(DATE);
    }

    static String time(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }

    static String percent(Integer percent) {
        return percent == null || percent == 0 ? "" : percent + "%";
    }
}
