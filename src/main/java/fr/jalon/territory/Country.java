package fr.jalon.territory;

/** A country or territory with its INSEE code (99xxx). France is 99100. */
public record Country(String codeInsee, String name, boolean current) {

    public static final String FRANCE = "99100";

    public boolean isFrance() {
        return FRANCE.equals(codeInsee);
    }
}
