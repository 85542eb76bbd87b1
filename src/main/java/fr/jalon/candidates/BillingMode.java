package fr.jalon.candidates;

import java.util.Arrays;
import java.util.Optional;

import fr.jalon.platform.text.Folding;

/** Pix billing of the certification, with the labels of Pix files. */
public enum BillingMode {
    FREE("Gratuite"), PAID("Payante"), PREPAID("Prépayée");

    private final String label;

    BillingMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** From a Pix file label, accents and case ignored ("Prepayee" works). */
    static Optional<BillingMode> fromLabel(String text) {
        String folded = Folding.fold(text);
        return Arrays.stream(values()).filter(m -> Folding.fold(m.label).equals(folded)).findFirst();
    }
}
