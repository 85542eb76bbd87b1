package fr.jalon.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import fr.jalon.candidates.Candidates;
import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.sessions.Sessions.SessionKit;
import fr.jalon.sessions.Sessions;

import io.helidon.dbclient.DbExecute;

/**
 * Session documents: each session's invigilator kit and attendance sheet, and every one of a
 * period in one archive (what Pix Certif users ask for). Reading names is audited.
 */
public final class Documents {

    /** At most this long a period per archive: the archive is built in memory. */
    static final int MAX_PERIOD_DAYS = 93;

    private final Transactions transactions;
    private final Sessions sessions;
    private final Candidates candidates;
    private final Centers centers;
    private final AuditLog audit;
    private final DocumentsService service;

    public Documents(Transactions transactions, Sessions sessions, Candidates candidates, Centers centers, AuditLog audit) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.candidates = candidates;
        this.centers = centers;
        this.audit = audit;
        this.service = new DocumentsService(this);
    }

    public ApiRoutes.ApiService httpService() {
        return service;
    }

    /** A named file. */
    record File(String name, byte[] content) {
    }

    /** What a session's documents are made of: read in a transaction, laid out after it. */
    private record Read(String centre, SessionKit kit, List<Candidates.AttendanceLine> lines) {
    }

    // Each document is read (and its reading audited) in one short transaction, then laid out
    // outside it: a pooled connection is not held while iText works.

    File kit(Principal actor, UUID sessionId) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        Read read = transactions.inTransaction(tx -> {
            SessionKit kit = sessions.kit(actor, tx, sessionId);
            audit.record(tx, actor, "session.kit.read", "session", sessionId);
            return new Read(centre(tx, kit), kit, List.of());
        });
        return new File(fileName("kit", read.kit()), SessionDocuments.kit(read.centre(), read.kit()));
    }

    File attendanceSheet(Principal actor, UUID sessionId) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        Read read = transactions.inTransaction(tx -> {
            SessionKit kit = sessions.kit(actor, tx, sessionId);
            var lines = candidates.attendanceLines(tx, List.of(sessionId)).get(sessionId);
            audit.record(tx, actor, "session.attendance-sheet.read", "session", sessionId);
            return new Read(centre(tx, kit), kit, lines);
        });
        return new File(fileName("emargement", read.kit()),
                SessionDocuments.attendanceSheet(read.centre(), read.kit(), read.lines()));
    }

    /** Every kit and sheet of the centre's sessions from {@code from} to {@code to}, as one ZIP. */
    File archive(Principal actor, UUID centerId, LocalDate from, LocalDate to) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        if (to.isBefore(from)) {
            throw ApiProblem.invalidField("to", "before_from", "La fin de la période précède son début.");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_PERIOD_DAYS) {
            throw ApiProblem.invalidField("to", "too_long", "Une archive couvre au plus 3 mois : réduisez la période.");
        }
        UUID center = actor.isAdmin() ? centerId : actor.scopeId();
        if (center == null) {
            throw ApiProblem.invalidField("centerId", "required", "Indiquez le centre (« centerId »).");
        }
        List<Read> reads = transactions.inTransaction(tx -> {
            String centre = centers.name(tx, center)
                    .orElseThrow(() -> ApiProblem.notFound("Aucun centre ne correspond à cet identifiant."));
            List<SessionKit> kits = sessions.kitsOfCenter(tx, center, from, to);
            Map<UUID, List<Candidates.AttendanceLine>> lines = candidates.attendanceLines(tx,
                    kits.stream().map(k -> k.session().id()).toList());
            audit.recordMany(tx, actor, "session.attendance-sheet.read", "session",
                    kits.stream().map(k -> k.session().id().toString()).toList());
            return kits.stream().map(k -> new Read(centre, k, lines.get(k.session().id()))).toList();
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Read read : reads) {
                entry(zip, fileName("kit", read.kit()), SessionDocuments.kit(read.centre(), read.kit()));
                entry(zip, fileName("emargement", read.kit()),
                        SessionDocuments.attendanceSheet(read.centre(), read.kit(), read.lines()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new File("documents-sessions-" + from + "-" + to + ".zip", out.toByteArray());
    }

    private String centre(DbExecute tx, SessionKit kit) {
        return centers.name(tx, kit.session().centerId()).orElse("");
    }

    /** {@code kit-2026-03-03-0930-<session id>.pdf}: sorts by date and time in a file list. */
    private static String fileName(String kind, SessionKit kit) {
        var slot = kit.session().slot();
        return kind + "-" + slot.date() + "-" + String.format("%02d%02d", slot.startTime().getHour(),
                slot.startTime().getMinute()) + "-" + kit.session().id() + ".pdf";
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
