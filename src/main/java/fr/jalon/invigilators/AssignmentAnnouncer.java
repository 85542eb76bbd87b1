package fr.jalon.invigilators;

import java.util.List;
import java.util.UUID;

import fr.jalon.platform.events.DomainEvents;
import fr.jalon.platform.json.Jsons;

import io.helidon.dbclient.DbExecute;

/**
 * Records that invigilators were given new sessions, in the transaction that assigns them; the
 * notifications feature turns each fact into a message, so a rollback announces nothing.
 */
final class AssignmentAnnouncer {

    static final String ASSIGNMENT_CREATED = "ASSIGNMENT_CREATED";

    private final DomainEvents events;

    AssignmentAnnouncer(DomainEvents events) {
        this.events = events;
    }

    void announce(DbExecute tx, List<UUID> assignmentIds) {
        events.recordMany(tx, ASSIGNMENT_CREATED, "assignment", assignmentIds,
                assignmentIds.stream().map(id -> Jsons.createObjectBuilder().build()).toList());
    }
}
