package fr.jalon.sessions;

import java.util.Set;

/** Lifecycle of a session: SCHEDULED → FINALIZED → RESULTS_IMPORTED → CLOSED, or CANCELLED while scheduled. */
public enum SessionStatus {
    SCHEDULED, FINALIZED, RESULTS_IMPORTED, CLOSED, CANCELLED;

    public Set<SessionStatus> next() {
        return switch (this) {
            case SCHEDULED -> Set.of(FINALIZED, CANCELLED);
            case FINALIZED -> Set.of(RESULTS_IMPORTED);
            case RESULTS_IMPORTED -> Set.of(CLOSED);
            case CLOSED, CANCELLED -> Set.of();
        };
    }

    public boolean canBecome(SessionStatus target) {
        return next().contains(target);
    }

    public String label() {
        return switch (this) {
            case SCHEDULED -> "programmée";
            case FINALIZED -> "finalisée";
            case RESULTS_IMPORTED -> "résultats importés";
            case CLOSED -> "clôturée";
            case CANCELLED -> "annulée";
        };
    }
}
