package fr.jalon.platform.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * iCalendar files (RFC 5545) that phones and mail clients import: a convocation attached to an
 * e-mail, an invigilator's feed. Times are written in UTC so no time-zone block is needed; lines
 * are folded at 75 octets without cutting a UTF-8 character.
 */
public final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_LINE_OCTETS = 75;

    /** PUBLISH adds or updates events; CANCEL removes the events of the same UID. */
    public enum Method { PUBLISH, CANCEL }

    /** One event; {@code sequence} must grow with every revision of the same {@code uid}. */
    public record Event(String uid, Instant start, Instant end, String summary, String location, String description,
                        long sequence) {
        public Event {
            Objects.requireNonNull(uid);
            Objects.requireNonNull(start);
            Objects.requireNonNull(end);
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("An event ends after it starts");
            }
        }
    }

    private ICalendar() {
    }

    /** The whole file, CRLF line ends, stamped at {@code now}. */
    public static String of(Method method, List<Event> events, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Jalon//Certification Pix//FR");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:" + method.name());
        for (Event event : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text(event.uid()));
            line(out, "DTSTAMP:" + UTC.format(now));
            line(out, "DTSTART:" + UTC.format(event.start()));
            line(out, "DTEND:" + UTC.format(event.end()));
            line(out, "SEQUENCE:" + event.sequence());
            line(out, "STATUS:" + (method == Method.CANCEL ? "CANCELLED" : "CONFIRMED"));
            line(out, "SUMMARY:" + text(event.summary()));
            if (event.location() != null) {
                line(out, "LOCATION:" + text(event.location()));
            }
            if (event.description() != null) {
                line(out, "DESCRIPTION:" + text(event.description()));
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** Appends one content line, folded: continuation lines start with a space. */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = MAX_LINE_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_LINE_OCTETS - 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
