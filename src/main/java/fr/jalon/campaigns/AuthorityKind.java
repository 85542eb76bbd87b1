package fr.jalon.campaigns;

/** What kind of public body a local authority is. */
public enum AuthorityKind {
    COMMUNE("Commune"),
    EPCI("Intercommunalité (EPCI)"),
    DEPARTEMENT("Département"),
    OTHER("Autre organisme public");

    private final String label;

    AuthorityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
