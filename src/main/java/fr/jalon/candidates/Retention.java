package fr.jalon.candidates;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;

/**
 * The retention limit: people whose last session ended more than N months ago (24 by default)
 * lose their personal data; what statistics need stays, anonymous. Runs in batches, each in its
 * own transaction, so a large purge neither holds locks long nor starts over after a failure.
 */
public final class Retention {

    private static final int BATCH = 500;

    private final Transactions transactions;
    private final PersonRepository people;
    private final AuditLog audit;
    private final int months;

    Retention(Transactions transactions, PersonRepository people, AuditLog audit, int months) {
        this.transactions = transactions;
        this.people = people;
        this.audit = audit;
        this.months = months;
    }

    /** Anonymises every person past the limit; returns a summary for the job record. */
    public String purge() {
        int total = 0;
        int done;
        do {
            done = transactions.inTransaction(tx -> people.anonymiseInactive(tx, months, BATCH,
                    audit.insertFor(null, "person.anonymise", "person", "gone", "id")));
            total += done;
        } while (done == BATCH);
        return total + " personne(s) anonymisée(s) (dernière session terminée depuis plus de " + months + " mois)";
    }
}
