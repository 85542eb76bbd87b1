package fr.jalon.candidates;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.jalon.centers.Centers;
import fr.jalon.centers.RoomPlacement;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.validation.FieldError;
import fr.jalon.sessions.SessionStatus;
import fr.jalon.sessions.SessionView;
import fr.jalon.sessions.Sessions;

import io.helidon.dbclient.DbExecute;

/**
 * The sessions of an import file: matched by Pix number, else by site + room + date + time,
 * else scheduled with the same rules as by hand; completed with the Pix number and declared
 * invigilators where Jalon has none.
 */
final class ImportSessions {

    /** The session of each group of rows, and how many were created or found. */
    record Resolved(Map<String, SessionView> sessionOfGroup, int created, int matched) {
    }

    private final Sessions sessions;
    private final Centers centers;

    ImportSessions(Sessions sessions, Centers centers) {
        this.sessions = sessions;
        this.centers = centers;
    }

    /** Finds each session of the file, or schedules it in the import's transaction. */
    Resolved resolve(Principal actor, DbExecute tx, UUID centerId, List<ImportLine> lines, List<FieldError> errors) {
        int[] counts = new int[2];
        Map<String, RoomPlacement> rooms = new HashMap<>();
        centers.roomsOf(tx, centerId).forEach(r -> rooms.put(
                new ImportLine.SessionKey(null, r.siteName(), r.roomName(), null, null, null, null).roomKey(), r));
        LocalDate from = lines.stream().map(l -> l.session().date()).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = lines.stream().map(l -> l.session().date()).max(LocalDate::compareTo).orElseThrow();
        Map<Long, SessionView> byNumber = new HashMap<>();
        Map<String, SessionView> bySlot = new HashMap<>();
        for (SessionView s : sessions.ofCenter(tx, centerId, from, to)) {
            if (s.status() == SessionStatus.CANCELLED) {
                continue;
            }
            if (s.pixNumber() != null) {
                byNumber.put(s.pixNumber(), s);
            }
            bySlot.put(new ImportLine.SessionKey(null, s.siteName(), s.roomName(), s.slot().date(), s.slot().startTime(),
                    null, null).slot(), s);
        }
        Map<String, SessionView> resolved = new LinkedHashMap<>();
        for (ImportLine line : lines) {
            ImportLine.SessionKey key = line.session();
            if (resolved.containsKey(key.group())) {
                continue;
            }
            SessionView session = key.pixNumber() != null ? byNumber.get(key.pixNumber()) : null;
            if (session == null) {
                session = bySlot.get(key.slot());
            }
            if (session != null) {
                counts[1]++;
                if (lines.stream().anyMatch(l -> l.session().group().equals(key.group()) && l.hasCandidate())
                        && session.status() != SessionStatus.SCHEDULED) {
                    errors.add(new FieldError(line.line(), PixColumn.DATE.header(), "session_closed",
                            "Cette session est " + session.status().label() + " : on ne peut plus y inscrire de candidats."));
                }
                if (key.pixNumber() != null || key.invigilators() != null) {
                    sessions.complete(tx, session.id(), key.pixNumber(), key.invigilators());
                }
            } else {
                RoomPlacement room = rooms.get(key.roomKey());
                if (room == null) {
                    errors.add(new FieldError(line.line(), PixColumn.ROOM.header(), "unknown_room", "Le centre n'a pas de salle « "
                            + key.room() + " » sur un site « " + key.site() + " » : créez-la avant d'importer."));
                    continue;
                }
                try {
                    session = sessions.scheduleImported(actor, tx, room.roomId(), key.date(), key.time(),
                            key.observations(), key.pixNumber(), key.invigilators());
                    counts[0]++;
                } catch (ApiProblem problem) {
                    errors.add(new FieldError(line.line(), PixColumn.DATE.header(), "session_rejected", problem.detail()));
                    continue;
                }
            }
            resolved.put(key.group(), session);
        }
        return new Resolved(resolved, counts[0], counts[1]);
    }

    /** One session per group: rows sharing a Pix number must agree on site, room, date and time. */
    static void checkAgree(List<ImportLine> lines, List<FieldError> errors) {
        Map<Long, ImportLine> firstOfNumber = new HashMap<>();
        for (ImportLine line : lines) {
            if (line.session().pixNumber() == null) {
                continue;
            }
            ImportLine first = firstOfNumber.putIfAbsent(line.session().pixNumber(), line);
            if (first != null && !first.session().slot().equals(line.session().slot())) {
                errors.add(new FieldError(line.line(), PixColumn.SESSION_NUMBER.header(), "session_mismatch",
                        "La session " + line.session().pixNumber() + " a un autre site, une autre salle, date ou heure qu'à la ligne "
                                + first.line() + "."));
            }
        }
    }

}
