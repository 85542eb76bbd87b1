package fr.jalon.candidates;

import java.util.List;
import java.util.Optional;

import fr.jalon.platform.validation.FieldError;
import fr.jalon.territory.Commune;
import fr.jalon.territory.Country;
import fr.jalon.territory.PlaceDirectory;

/**
 * Turns what people type into a {@link Birthplace}, with Pix's rules: born in France, an INSEE
 * code (former codes of merged communes accepted) or a postal code with the commune's name;
 * born abroad, a known country and a commune name.
 */
final class BirthplaceResolver {

    private final PlaceDirectory places;

    BirthplaceResolver(PlaceDirectory places) {
        this.places = places;
    }

    /** The birthplace, or the reasons it cannot be resolved (added to {@code errors}). */
    Optional<Birthplace> resolve(BirthplaceInput in, List<FieldError> errors) {
        String countryText = blankToNull(in.country());
        if (countryText == null) {
            errors.add(FieldError.of("birthCountry", "required", "Le pays de naissance est obligatoire."));
            return Optional.empty();
        }
        Optional<Country> country = places.countryByName(countryText)
                .or(() -> places.countryByCode(countryText));
        if (country.isEmpty()) {
            errors.add(FieldError.of("birthCountry", "unknown_country",
                    "Le pays de naissance « " + countryText + " » est inconnu."));
            return Optional.empty();
        }
        return country.get().isFrance() ? inFrance(in, country.get(), errors) : abroad(in, country.get(), errors);
    }

    private Optional<Birthplace> inFrance(BirthplaceInput in, Country france, List<FieldError> errors) {
        String code = blankToNull(in.inseeCode());
        String postalCode = blankToNull(in.postalCode());
        String city = blankToNull(in.city());
        if (code != null) {
            if (!code.matches("\\d[0-9AB]\\d{3}") || code.startsWith("99")) {
                errors.add(FieldError.of("birthInseeCode", "invalid_insee",
                        "Le code INSEE de la commune de naissance « " + code + " » est mal formé (5 caractères)."));
                return Optional.empty();
            }
            Optional<Commune> commune = places.communeByCode(code);
            if (commune.isEmpty()) {
                errors.add(FieldError.of("birthInseeCode", "unknown_insee",
                        "Aucune commune ne porte ou n'a porté le code INSEE « " + code + " »."));
                return Optional.empty();
            }
            String name = commune.get().codeInsee().equals(code) ? commune.get().name() : (city != null ? city : commune.get().name());
            return Optional.of(new Birthplace(code, postalCode, name, france.codeInsee(), france.name()));
        }
        if (postalCode == null || city == null) {
            errors.add(FieldError.of("birthInseeCode", "required",
                    "Né(e) en France : indiquez le code INSEE de la commune de naissance, ou son code postal et son nom."));
            return Optional.empty();
        }
        if (!places.knowsPostalCode(postalCode)) {
            errors.add(FieldError.of("birthPostalCode", "unknown_postal_code",
                    "Le code postal de naissance « " + postalCode + " » est inconnu."));
            return Optional.empty();
        }
        List<Commune> matches = places.communesNamed(postalCode, city);
        if (matches.isEmpty()) {
            errors.add(FieldError.of("birthCity", "postal_code_mismatch",
                    "La commune « " + city + " » ne correspond pas au code postal " + postalCode + "."));
            return Optional.empty();
        }
        Commune commune = matches.getFirst();
        return Optional.of(new Birthplace(commune.codeInsee(), postalCode, commune.name(), france.codeInsee(),
                france.name()));
    }

    private Optional<Birthplace> abroad(BirthplaceInput in, Country country, List<FieldError> errors) {
        String city = blankToNull(in.city());
        String code = blankToNull(in.inseeCode());
        if (city == null) {
            errors.add(FieldError.of("birthCity", "required", "Né(e) à l'étranger : le nom de la commune de naissance est obligatoire."));
            return Optional.empty();
        }
        if (code != null && !code.equals(country.codeInsee()) && !code.equals("99")) {
            errors.add(FieldError.of("birthInseeCode", "country_mismatch", "Le code INSEE « " + code
                    + " » ne correspond pas au pays " + country.name() + " (" + country.codeInsee() + ")."));
            return Optional.empty();
        }
        return Optional.of(new Birthplace(country.codeInsee(), null, city, country.codeInsee(), country.name()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
