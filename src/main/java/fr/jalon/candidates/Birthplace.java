package fr.jalon.candidates;

/**
 * Where a person was born, as Pix needs it. In France: the commune's INSEE code (as it was at
 * birth, merged communes included), its postal code when known, its name, and France (99100).
 * Abroad: the country's INSEE code (99xxx) and the commune name as given.
 */
public record Birthplace(String inseeCode, String postalCode, String city, String countryCode, String countryName) {

    public boolean inFrance() {
        return "99100".equals(countryCode);
    }
}
