package fr.jalon.results;

import java.util.Optional;

/** A certification's status as Pix Certif's results export labels it. */
public enum ResultStatus {
    VALIDATED("Validée"), REJECTED("Rejetée"), CANCELLED("Annulée"), ERROR("En erreur"), STARTED("Démarrée");

    private final String label;

    ResultStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Optional<ResultStatus> ofLabel(String label) {
        String wanted = label.strip();
        for (ResultStatus status : values()) {
            if (status.label.equalsIgnoreCase(wanted)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
