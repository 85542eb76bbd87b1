package fr.jalon.territory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.jalon.platform.text.Folding;

/**
 * Every commune (current, delegated, associated, and former codes) and every country, in memory,
 * for resolving birthplaces: thousands of candidates in one import must not mean thousands of
 * queries. Built once from the reference tables, which only migrations change.
 */
public final class PlaceDirectory {

    private final Map<String, Commune> byCode = new HashMap<>();
    private final Map<String, Commune> byFormerCode = new HashMap<>();
    private final Map<String, List<Commune>> byPostalCode = new HashMap<>();
    private final Map<String, Country> countriesByCode = new HashMap<>();
    private final Map<String, Country> countriesByName = new HashMap<>();

    public PlaceDirectory(List<Commune> communes, List<Country> countries) {
        for (Commune c : communes) {
            // A current commune wins over a delegated one sharing its code.
            if (Commune.CURRENT.equals(c.type()) || !byCode.containsKey(c.codeInsee())) {
                byCode.put(c.codeInsee(), c);
            }
            c.formerCodes().forEach(code -> byFormerCode.putIfAbsent(code, c));
            c.postalCodes().forEach(pc -> byPostalCode.computeIfAbsent(pc, k -> new ArrayList<>()).add(c));
        }
        for (Country country : countries) {
            countriesByCode.put(country.codeInsee(), country);
            String key = Folding.fold(country.name());
            Country known = countriesByName.get(key);
            if (known == null || (!known.current() && country.current())) {
                countriesByName.put(key, country);
            }
        }
    }

    /** The commune that bears, or bore, this INSEE code. */
    public Optional<Commune> communeByCode(String code) {
        return Optional.ofNullable(byCode.get(code)).or(() -> Optional.ofNullable(byFormerCode.get(code)));
    }

    /** Communes of a postal code whose name folds like the given one. */
    public List<Commune> communesNamed(String postalCode, String name) {
        String folded = Folding.fold(name);
        return byPostalCode.getOrDefault(postalCode, List.of()).stream()
                .filter(c -> Folding.fold(c.name()).equals(folded))
                .toList();
    }

    public boolean knowsPostalCode(String postalCode) {
        return byPostalCode.containsKey(postalCode);
    }

    public Optional<Country> countryByCode(String code) {
        return Optional.ofNullable(countriesByCode.get(code));
    }

    /** By name, accents and case ignored: "FRANCE", "Maroc", "cote d'ivoire". */
    public Optional<Country> countryByName(String name) {
        return Optional.ofNullable(countriesByName.get(Folding.fold(name)));
    }
}
