package fr.jalon.candidates;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.Role;

import io.helidon.dbclient.DbExecute;

/**
 * People as a centre sees them: only its own records (a person belongs to one tenant; the same
 * human at another centre is another record). Every read is audited, person by person, since
 * these are personal data.
 */
final class PeopleDirectory {

    private final Transactions transactions;
    private final PersonRepository people;
    private final AuditLog audit;

    PeopleDirectory(Transactions transactions, PersonRepository people, AuditLog audit) {
        this.transactions = transactions;
        this.people = people;
        this.audit = audit;
    }

    List<Person> search(Principal actor, String query, int limit) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return transactions.inTransaction(tx -> {
            List<Person> found = people.search(tx, actor.isAdmin() ? null : actor.scopeId(), query, limit);
            found.forEach(p -> audit.record(tx, actor, "person.read", "person", p.id()));
            return found;
        });
    }

    Person get(Principal actor, UUID id) {
        return transactions.inTransaction(tx -> {
            Person person = visible(actor, tx, id);
            audit.record(tx, actor, "person.read", "person", id);
            return person;
        });
    }

    /** Changes a person; {@code change} gets the current record under the row lock (no lost update). */
    Person update(Principal actor, UUID id, UnaryOperator<PersonDraft> change) {
        return transactions.inTransaction(tx -> {
            visible(actor, tx, id);
            if (!people.lockActive(tx, id)) {
                throw ApiProblem.conflict("Les données de cette personne ont été effacées (durée de conservation atteinte).");
            }
            PersonDraft draft = change.apply(people.find(tx, id).orElseThrow().draft());
            people.update(tx, id, draft);
            audit.record(tx, actor, "person.update", "person", id);
            return people.find(tx, id).orElseThrow();
        });
    }

    private Person visible(Principal actor, DbExecute tx, UUID id) {
        actor.requireRole(Role.ADMIN, Role.CENTER_STAFF);
        return people.find(tx, id)
                .filter(p -> actor.isAdmin() || p.ownerId().equals(actor.scopeId()))
                .orElseThrow(() -> ApiProblem.notFound("Aucune personne ne correspond à cet identifiant."));
    }
}
