package fr.jalon.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A month as weeks of seven days (Monday first), each day with the sessions that start on it —
 * the staff calendar's grid, as maps for the template. Pure: no HTTP, no SQL.
 */
final class MonthCalendar {

    private static final Locale FRENCH = Locale.FRANCE;

    private MonthCalendar() {
    }

    /** {@code sessions}: the API's sessions (each with {@code date} and {@code startTime}), in any order. */
    static List<List<Map<String, Object>>> weeks(YearMonth month, List<Map<String, Object>> sessions, LocalDate today) {
        Map<LocalDate, List<Map<String, Object>>> byDay = new LinkedHashMap<>();
        for (Map<String, Object> s : sessions) {
            byDay.computeIfAbsent(LocalDate.parse(String.valueOf(s.get("date"))), d -> new ArrayList<>()).add(s);
        }
        byDay.values().forEach(day -> day.sort((a, b) -> String.valueOf(a.get("startTime"))
                .compareTo(String.valueOf(b.get("startTime")))));
        LocalDate first = month.atDay(1);
        LocalDate start = first.minusDays(first.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
        List<List<Map<String, Object>>> weeks = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(month.atEndOfMonth()) || day.getDayOfWeek() != DayOfWeek.MONDAY;
             day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
                weeks.add(new ArrayList<>());
            }
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("jour", day.getDayOfMonth());
            cell.put("libelle", day.getDayOfWeek().getDisplayName(TextStyle.FULL, FRENCH) + " " + day.getDayOfMonth()
                    + " " + day.getMonth().getDisplayName(TextStyle.FULL, FRENCH));
            cell.put("dansLeMois", YearMonth.from(day).equals(month));
            cell.put("aujourdhui", day.equals(today));
            cell.put("sessions", byDay.getOrDefault(day, List.of()));
            weeks.getLast().add(cell);
        }
        return weeks;
    }

    /** « décembre 2026 ». */
    static String title(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, FRENCH) + " " + month.getYear();
    }
}
