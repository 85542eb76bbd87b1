package fr.jalon.candidates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.sessions.SessionView;
import fr.jalon.sessions.Sessions;

/** The export of a session's candidates for Pix Certif (an audited read of personal data). */
final class CandidateFiles {

    private final Transactions transactions;
    private final Sessions sessions;
    private final Centers centers;
    private final PersonRepository people;
    private final EnrolmentRepository enrolments;
    private final AuditLog audit;

    CandidateFiles(Transactions transactions, Sessions sessions, Centers centers, PersonRepository people,
                   EnrolmentRepository enrolments, AuditLog audit) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.centers = centers;
        this.people = people;
        this.enrolments = enrolments;
        this.audit = audit;
    }

    /** The file and the name Pix Certif users expect for it. */
    record Export(String fileName, byte[] content) {
    }

    Export export(Principal actor, UUID sessionId) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            SessionView session = sessions.visible(actor, tx, sessionId);
            List<Enrolment> seated = enrolments.ofSession(tx, sessionId).stream()
                    .filter(e -> e.status().holdsSeat()).toList();
            Map<UUID, PersonDraft> drafts = new HashMap<>();
            people.findMany(tx, seated.stream().map(Enrolment::personId).toList())
                    .forEach(p -> drafts.put(p.id(), p.draft()));
            List<PixFileWriter.Candidate> candidates = new ArrayList<>();
            seated.forEach(e -> candidates.add(new PixFileWriter.Candidate(drafts.get(e.personId()), e.terms())));
            audit.record(tx, actor, "session.candidates.export", "session", sessionId);
            byte[] file = PixFileWriter.write(session, centers.habilitations(tx, session.centerId()), candidates);
            String name = "candidats-" + session.slot().date() + "-" + PixFormats.time(session.slot().startTime()).replace(":", "h")
                    + ".csv";
            return new Export(name, file);
        });
    }
}
