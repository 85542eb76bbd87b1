package fr.jalon.candidates;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;

/**
 * The retention limit (DESIGN.md): a person is anonymised only when their last activity — the end
 * of their last session, the creation or last change of a referral, or of the record itself — is
 * older than N months (24 by default), and never while a referral is NEW, POSTPONED or ACCEPTED
 * or an enrolment is upcoming. What statistics need stays, anonymous (sex, birth year, birth
 * country, residence commune, statuses, results). Runs in batches; each batch anonymises its
 * people and everything every feature keeps about them in one transaction, so an interrupted
 * purge leaves each person either whole or fully anonymised. Each batch is audited with counts,
 * never with the erased values.
 */
public final class Retention {

    private static final int BATCH = 500;

    private final Transactions transactions;
    private final PersonRepository people;
    private final InactivityReadModel inactivity = new InactivityReadModel();
    private final EnrolmentRepository enrolments;
    private final AuditLog audit;
    private final int months;
    private final List<PersonalDataEraser> erasers = new CopyOnWriteArrayList<>();

    Retention(Transactions transactions, PersonRepository people, EnrolmentRepository enrolments, AuditLog audit,
              int months) {
        this.transactions = transactions;
        this.people = people;
        this.enrolments = enrolments;
        this.audit = audit;
        this.months = months;
    }

    /** A feature that keeps personal data about people erases it with them. */
    public void onErase(PersonalDataEraser eraser) {
        erasers.add(eraser);
    }

    public int months() {
        return months;
    }

    /** Anonymises every person past the limit; returns a summary for the job record. */
    public String purge() {
        int total = 0;
        int done;
        do {
            done = transactions.inTransaction(tx -> {
                List<UUID> stale = inactivity.lockStale(tx, months, BATCH);
                if (stale.isEmpty()) {
                    return 0;
                }
                List<UUID> enrolmentIds = enrolments.idsOfPeople(tx, stale);
                Map<String, Integer> counts = new TreeMap<>(people.anonymise(tx, stale, enrolmentIds));
                PersonalDataEraser.Erasure erasure = new PersonalDataEraser.Erasure(stale, enrolmentIds);
                erasers.forEach(e -> e.erase(tx, erasure).forEach((what, n) -> counts.merge(what, n, Integer::sum)));
                audit.recordMany(tx, null, "person.anonymise", "person", stale.stream().map(UUID::toString).toList());
                audit.recordCounts(tx, null, "retention.purge", "people", counts);
                return stale.size();
            });
            total += done;
        } while (done == BATCH);
        return total + " personne(s) anonymisée(s) (dernière activité il y a plus de " + months + " mois)";
    }
}
