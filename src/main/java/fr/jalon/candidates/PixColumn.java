package fr.jalon.candidates;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import fr.jalon.platform.text.Folding;

/**
 * The columns of Pix Certif's mass-import file, with the current header and the older variants.
 * Headers are matched on their folded form, so spacing, case and accents do not matter.
 */
enum PixColumn {
    SESSION_NUMBER("Numéro de session préexistante", false, "N° de session"),
    SITE("* Nom du site", true),
    ROOM("* Nom de la salle", true),
    DATE("* Date de début (format: JJ/MM/AAAA)", true),
    TIME("* Heure de début (heure locale format: HH:MM)", true),
    INVIGILATORS("* Surveillant(s)", true),
    OBSERVATIONS("Observations (optionnel)", false),
    BIRTH_NAME("* Nom de naissance", true),
    FIRST_NAME("* Prénom", true),
    BIRTH_DATE("* Date de naissance (format: JJ/MM/AAAA)", true),
    SEX("* Sexe (M ou F)", true),
    BIRTH_INSEE("Code INSEE de la commune de naissance", false, "Code Insee"),
    BIRTH_POSTAL_CODE("Code postal de la commune de naissance", false),
    BIRTH_CITY("Nom de la commune de naissance", false),
    BIRTH_COUNTRY("* Pays de naissance", true, "* Pays"),
    RESULT_EMAIL("E-mail du destinataire des résultats (formateur, enseignant…)", false),
    CONVOCATION_EMAIL("E-mail de convocation", false),
    EXTERNAL_ID("Identifiant externe", false, "Identifiant local"),
    EXTRA_TIME("Temps majoré ? (exemple format: 33%)", false),
    BILLING("* Tarification part Pix (Gratuite, Prépayée ou Payante)", true),
    PREPAYMENT_CODE("Code de prépaiement (si Tarification part Pix Prépayée)", false);

    /** The session columns; a row with only these describes an empty session. */
    static final List<PixColumn> SESSION = List.of(SESSION_NUMBER, SITE, ROOM, DATE, TIME, INVIGILATORS, OBSERVATIONS);
    static final String HABILITATION_SUFFIX = " ('oui' ou laisser vide)";

    private final String header;
    private final boolean required;
    private final List<String> foldedNames;

    PixColumn(String header, boolean required, String... olderHeaders) {
        this.header = header;
        this.required = required;
        this.foldedNames = Stream.concat(Stream.of(header), Arrays.stream(olderHeaders))
                .map(Folding::fold).toList();
    }

    String header() {
        return header;
    }

    /** A column whose header must be in every file. */
    boolean required() {
        return required;
    }

    static Optional<PixColumn> forHeader(String header) {
        String folded = Folding.fold(header);
        return Arrays.stream(values()).filter(c -> c.foldedNames.contains(folded)).findFirst();
    }

    boolean isSessionColumn() {
        return SESSION.contains(this);
    }
}
