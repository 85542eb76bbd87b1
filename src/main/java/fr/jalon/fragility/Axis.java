package fr.jalon.fragility;

/** The four axes of the index (DESIGN.md), with the column names of the outputs. */
public enum Axis {
    ACCES_INFORMATION("acces_information", "Accès à l'information"),
    ACCES_INTERFACES("acces_interfaces", "Accès aux interfaces numériques"),
    CAPACITES_USAGE("capacites_usage", "Capacités d'usage"),
    COMPETENCES_ADMINISTRATIVES("competences_administratives", "Compétences administratives");

    private final String column;
    private final String label;

    Axis(String column, String label) {
        this.column = column;
        this.label = label;
    }

    public String column() {
        return column;
    }

    public String label() {
        return label;
    }
}
