package fr.jalon.candidates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.events.DomainEvents;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ProblemList;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;
import fr.jalon.platform.text.Folding;
import fr.jalon.platform.validation.FieldError;
import fr.jalon.sessions.SessionView;
import fr.jalon.sessions.Sessions;
import fr.jalon.territory.Territory;

import io.helidon.dbclient.DbExecute;
import jakarta.json.JsonObject;

/**
 * Imports a Pix Certif mass-import file: creates or completes the sessions and enrols their
 * candidates, all in one transaction. Any faulty line rejects the whole file, with every problem
 * listed by line and column. Statements are set-based (a few per file, not per row), so a file
 * of thousands of candidates imports in seconds.
 */
final class SessionImport {

    private final Transactions transactions;
    private final Sessions sessions;
    private final Centers centers;
    private final Territory territory;
    private final PersonRepository people;
    private final EnrolmentRepository enrolments;
    private final BookingsReadModel booked = new BookingsReadModel();
    private final AuditLog audit;
    private final DomainEvents events;
    private final Clock clock;

    SessionImport(Transactions transactions, Sessions sessions, Centers centers, Territory territory,
                  PersonRepository people, EnrolmentRepository enrolments, AuditLog audit, DomainEvents events,
                  Clock clock) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.centers = centers;
        this.territory = territory;
        this.people = people;
        this.enrolments = enrolments;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Thrown with every problem of a file; the transaction is rolled back. */
    static final class Rejected extends ApiProblem {
        Rejected(List<FieldError> errors) {
            super(422, "import-rejected", "Fichier refusé",
                    errors.size() == 1 ? "Le fichier n'a pas été importé : " + errors.getFirst().message()
                            : "Le fichier n'a pas été importé : " + ProblemList.summary(errors) + ".",
                    errors);
        }
    }

    ImportReport importFile(Principal actor, UUID centerId, byte[] file, boolean dryRun) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        actor.requireCenter(centerId);
        List<FieldError> errors = new ProblemList();
        PixFileReader.Content content = PixFileReader.read(file);
        errors.addAll(content.errors());
        PixRowParser parser = new PixRowParser(territory.places(), LocalDate.now(clock));
        List<ImportLine> lines = new ArrayList<>();
        for (PixFileReader.Row row : content.rows()) {
            parser.parse(row, errors).ifPresent(lines::add);
        }
        ImportSessions.checkAgree(lines, errors);
        // On the rows as written: a duplicate is reported even when one of the pair has other faults.
        checkNoDuplicates(content.rows(), errors);
        if (!errors.isEmpty()) {
            throw new Rejected(errors);
        }
        return dryRun
                ? transactions.inRolledBackTransaction(tx -> apply(actor, tx, centerId, lines, true))
                : transactions.inTransaction(tx -> apply(actor, tx, centerId, lines, false));
    }

    private ImportReport apply(Principal actor, DbExecute tx, UUID centerId, List<ImportLine> lines, boolean dryRun) {
        List<FieldError> errors = new ProblemList();
        var habilitations = centers.habilitations(tx, centerId);
        for (ImportLine line : lines) {
            if (line.hasCandidate()) {
                // Billing rules were checked row by row already; only the centre's habilitations remain.
                List<FieldError> problems = new ArrayList<>();
                EnrolmentRules.checkHabilitation(line.terms(), habilitations, problems);
                problems.forEach(p -> errors.add(new FieldError(
                        line.line(), line.terms().complementaryCertification().label() + PixColumn.HABILITATION_SUFFIX,
                        p.code(), p.message())));
            }
        }
        ImportSessions.Resolved resolved = new ImportSessions(sessions, centers).resolve(actor, tx, centerId, lines, errors);
        Map<String, SessionView> sessionOfGroup = resolved.sessionOfGroup();
        if (!errors.isEmpty()) {
            throw new Rejected(errors);
        }
        List<ImportLine> candidates = lines.stream().filter(ImportLine::hasCandidate).toList();
        lockIdentities(tx, centerId, candidates);
        Map<String, Person> known = new HashMap<>();
        List<String> keys = candidates.stream().map(l -> l.person().identityKey()).distinct().toList();
        // Pix files carry no France Travail number: the centre's people are found again by identity only.
        for (Person p : people.findByIdentityKeys(tx, centerId, keys)) {
            known.putIfAbsent(p.draft().identityKey(), p);
        }
        Map<String, UUID> personOfKey = new HashMap<>();
        known.forEach((key, p) -> personOfKey.put(key, p.id()));
        List<UUID> newPeople = new ArrayList<>();
        List<PersonDraft> newDrafts = new ArrayList<>();
        for (ImportLine line : candidates) {
            personOfKey.computeIfAbsent(line.person().identityKey(), key -> {
                UUID id = UUID.randomUUID();
                newPeople.add(id);
                newDrafts.add(line.person());
                return id;
            });
        }
        List<UUID> sessionIds = sessionOfGroup.values().stream().map(SessionView::id).distinct().toList();
        Map<String, Enrolment> existing = new HashMap<>();
        enrolments.ofSessions(tx, sessionIds).forEach(e -> existing.put(e.sessionId() + "|" + e.personId(), e));

        List<UUID> enrolmentIds = new ArrayList<>();
        List<UUID> enrolmentSessions = new ArrayList<>();
        List<UUID> enrolmentPeople = new ArrayList<>();
        List<EnrolmentTerms> enrolmentTerms = new ArrayList<>();
        Map<UUID, Integer> newSeats = new LinkedHashMap<>();
        Map<UUID, Integer> firstLineOfSession = new HashMap<>();
        int updated = 0;
        int unchanged = 0;
        for (ImportLine line : candidates) {
            SessionView session = sessionOfGroup.get(line.session().group());
            UUID personId = personOfKey.get(line.person().identityKey());
            firstLineOfSession.putIfAbsent(session.id(), line.line());
            Enrolment already = existing.get(session.id() + "|" + personId);
            if (already != null) {
                if (sameTerms(already.terms(), line.terms())) {
                    unchanged++;
                } else {
                    enrolments.updateTerms(tx, already.id(), line.terms());
                    updated++;
                }
                continue;
            }
            enrolmentIds.add(UUID.randomUUID());
            enrolmentSessions.add(session.id());
            enrolmentPeople.add(personId);
            enrolmentTerms.add(line.terms());
            newSeats.merge(session.id(), 1, Integer::sum);
        }
        checkOverlaps(tx, candidates, sessionOfGroup, personOfKey, known, errors);
        for (Map.Entry<UUID, Integer> seats : newSeats.entrySet()) {
            SessionView session = sessions.lock(tx, seats.getKey()).orElseThrow();
            if (!sessions.takeSeats(tx, session.id(), seats.getValue())) {
                errors.add(new FieldError(firstLineOfSession.get(session.id()), PixColumn.SITE.header(), "session_full",
                        "La session du " + PixFormats.date(session.slot().date()) + " à "
                                + PixFormats.time(session.slot().startTime()) + " (" + session.roomName() + ") n'a que "
                                + session.freeSeats() + " place(s) libre(s) pour " + seats.getValue() + " nouveaux candidats."));
            }
        }
        if (!errors.isEmpty()) {
            throw new Rejected(errors);
        }
        people.insertMany(tx, centerId, newPeople, newDrafts);
        enrolments.insertMany(tx, enrolmentIds, enrolmentSessions, centerId, enrolmentPeople, enrolmentTerms,
                actor.userId());
        List<JsonObject> payloads = new ArrayList<>();
        for (int i = 0; i < enrolmentIds.size(); i++) {
            payloads.add(Jsons.createObjectBuilder().add("sessionId", enrolmentSessions.get(i).toString())
                    .add("personId", enrolmentPeople.get(i).toString()).add("status", "ENROLLED")
                    .add("origin", Origin.IMPORT.name()).build());
        }
        events.recordMany(tx, EnrolmentDesk.CREATED, "enrolment", enrolmentIds, payloads);
        audit.recordMany(tx, actor, "person.create", "person", newPeople.stream().map(UUID::toString).toList());
        audit.recordMany(tx, actor, "enrolment.create", "enrolment", enrolmentIds.stream().map(UUID::toString).toList());
        audit.record(tx, actor, dryRun ? "session.import.dry-run" : "session.import", "center", centerId);
        return new ImportReport(dryRun, lines.size(), resolved.created(), resolved.matched(), newPeople.size(),
                known.size(), enrolmentIds.size(), updated, unchanged);
    }

    /**
     * The same candidate (folded names + birth date) twice in one session of the file, read from
     * the cells themselves, so that a faulty line is still compared with the others.
     */
    private static void checkNoDuplicates(List<PixFileReader.Row> rows, List<FieldError> errors) {
        Map<String, Integer> seen = new HashMap<>();
        for (PixFileReader.Row row : rows) {
            String birthName = row.get(PixColumn.BIRTH_NAME);
            String firstName = row.get(PixColumn.FIRST_NAME);
            String birthDate = row.get(PixColumn.BIRTH_DATE);
            if (birthName == null || firstName == null || birthDate == null) {
                continue;
            }
            String number = row.get(PixColumn.SESSION_NUMBER);
            String session = number != null ? "#" + number.strip()
                    : Folding.fold(row.get(PixColumn.SITE)) + "|" + Folding.fold(row.get(PixColumn.ROOM)) + "|"
                            + normalDate(row.get(PixColumn.DATE)) + "|" + PixFormats.time(orEmpty(row.get(PixColumn.TIME)))
                                    .map(Object::toString).orElse(orEmpty(row.get(PixColumn.TIME)));
            String key = session + "|" + Folding.fold(birthName) + "|" + Folding.fold(firstName) + "|" + normalDate(birthDate);
            Integer first = seen.putIfAbsent(key, row.line());
            if (first != null) {
                errors.add(new FieldError(row.line(), PixColumn.BIRTH_NAME.header(), "duplicate_candidate",
                        "Ce candidat (" + FieldError.echo(firstName) + " " + FieldError.echo(birthName)
                                + ") figure déjà à la ligne " + first + " pour la même session."));
            }
        }
    }

    private static String normalDate(String text) {
        return text == null ? "" : PixFormats.date(text).map(LocalDate::toString).orElse(text.strip());
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** A person may not be in two sessions at once, counting their existing bookings and the file. */
    private void checkOverlaps(DbExecute tx, List<ImportLine> candidates, Map<String, SessionView> sessionOfGroup,
                               Map<String, UUID> personOfKey, Map<String, Person> known, List<FieldError> errors) {
        Map<UUID, List<BookingsReadModel.Booking>> bookings = new HashMap<>();
        List<UUID> knownIds = known.values().stream().map(Person::id).toList();
        if (!knownIds.isEmpty()) {
            booked.bookingsOf(tx, knownIds).forEach(b -> bookings.computeIfAbsent(b.personId(), k -> new ArrayList<>()).add(b));
        }
        for (ImportLine line : candidates) {
            SessionView session = sessionOfGroup.get(line.session().group());
            UUID personId = personOfKey.get(line.person().identityKey());
            List<BookingsReadModel.Booking> mine = bookings.computeIfAbsent(personId, k -> new ArrayList<>());
            boolean clash = mine.stream().anyMatch(b -> !b.sessionId().equals(session.id())
                    && b.startsAt().isBefore(session.slot().endsAt()) && session.slot().startsAt().isBefore(b.endsAt()));
            if (clash) {
                errors.add(new FieldError(line.line(), PixColumn.DATE.header(), "overlapping_session",
                        line.person().firstName() + " " + line.person().birthName()
                                + " est déjà inscrit(e) à une autre session au même moment."));
            }
            if (mine.stream().noneMatch(b -> b.sessionId().equals(session.id()))) {
                mine.add(new BookingsReadModel.Booking(personId, session.id(), session.slot().startsAt(),
                        session.slot().endsAt()));
            }
        }
    }

    private void lockIdentities(DbExecute tx, UUID centerId, List<ImportLine> candidates) {
        TreeSet<String> keys = new TreeSet<>();
        candidates.forEach(l -> keys.add(l.person().identityKey()));
        people.lockIdentities(tx, centerId, List.copyOf(keys));
    }

    private static boolean sameTerms(EnrolmentTerms stored, EnrolmentTerms file) {
        return stored.billingMode() == file.billingMode()
                && Objects.equals(stored.prepaymentCode(), file.prepaymentCode())
                && stored.complementaryCertification() == file.complementaryCertification()
                && Objects.equals(stored.externalId(), file.externalId())
                && Objects.equals(stored.resultRecipientEmail(), file.resultRecipientEmail())
                && Objects.equals(zeroIfNull(stored.extraTimePercent()), zeroIfNull(file.extraTimePercent()));
    }

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }
}
