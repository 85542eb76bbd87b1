package fr.jalon.candidates;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.jalon.platform.validation.FieldError;
import fr.jalon.territory.Commune;
import fr.jalon.territory.Country;
import fr.jalon.territory.PlaceDirectory;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BirthplaceResolverTest {

    private static final PlaceDirectory PLACES = new PlaceDirectory(List.of(
            new Commune("40192", "Mont-de-Marsan", Commune.CURRENT, "40", List.of("40000"), 31592, "244000808", null, List.of()),
            new Commune("40197", "Morcenx-la-Nouvelle", Commune.CURRENT, "40", List.of("40110"), 5022, "244000691", null,
                    List.of("40009", "40107", "40302")),
            new Commune("40009", "Arjuzanx", "commune-deleguee", "40", List.of(), null, null, "40197", List.of()),
            new Commune("2A004", "Ajaccio", Commune.CURRENT, "2A", List.of("20000", "20090", "20167"), 76320, "242010056", null,
                    List.of("20004")),
            new Commune("40088", "Dax", Commune.CURRENT, "40", List.of("40100"), 22109, "244000675", null, List.of())),
            List.of(new Country("99100", "France", true), new Country("99350", "Maroc", true),
                    new Country("99326", "Côte d’Ivoire", true), new Country("99141", "Allemagne de l’Est", false)));

    private final BirthplaceResolver resolver = new BirthplaceResolver(PLACES);
    private final List<FieldError> errors = new ArrayList<>();

    private Optional<Birthplace> resolve(String insee, String postal, String city, String country) {
        return resolver.resolve(new BirthplaceInput(insee, postal, city, country), errors);
    }

    @Test
    void aFrenchInseeCodeGivesTheCommune() {
        Birthplace place = resolve("40192", null, null, "FRANCE").orElseThrow();
        assertEquals("Mont-de-Marsan", place.city());
        assertTrue(place.inFrance());
    }

    @Test
    void corsicanCodesAndFormerCodesAreAccepted() {
        assertEquals("Ajaccio", resolve("2A004", null, null, "France").orElseThrow().city());
        assertEquals("Arjuzanx", resolve("40009", null, null, "France").orElseThrow().city(), "delegated commune");
        assertEquals("Ajaccio", resolve("20004", null, null, "France").orElseThrow().city(), "code before 1976");
        assertTrue(errors.isEmpty());
    }

    @Test
    void aPostalCodeAndNameResolveToTheInseeCode() {
        Birthplace place = resolve(null, "40110", "MORCENX LA NOUVELLE", "France").orElseThrow();
        assertEquals("40197", place.inseeCode());
        assertEquals("40110", place.postalCode());
    }

    @Test
    void aNameThatDoesNotMatchThePostalCodeIsAnError() {
        assertTrue(resolve(null, "40000", "Dax", "France").isEmpty());
        assertEquals("postal_code_mismatch", errors.getFirst().code());
    }

    @Test
    void unknownCodesAreErrors() {
        assertTrue(resolve("40999", null, null, "France").isEmpty());
        assertTrue(resolve(null, "99999", "Nulle-part", "France").isEmpty());
        assertTrue(resolve("4O192", null, null, "France").isEmpty());
        assertEquals(List.of("unknown_insee", "unknown_postal_code", "invalid_insee"),
                errors.stream().map(FieldError::code).toList());
    }

    @Test
    void bornAbroadNeedsAKnownCountryAndACity() {
        Birthplace casablanca = resolve(null, null, "Casablanca", "maroc").orElseThrow();
        assertEquals("99350", casablanca.inseeCode());
        assertEquals("Abidjan", resolve("99326", null, "Abidjan", "cote d'ivoire").orElseThrow().city());
        assertEquals("99141", resolve(null, null, "Leipzig", "99141").orElseThrow().countryCode(), "a former country by code");
        assertTrue(resolve(null, null, null, "Maroc").isEmpty());
        assertTrue(resolve(null, null, "Atlantis", "Atlantide").isEmpty());
        assertTrue(resolve("99326", null, "Rabat", "Maroc").isEmpty());
        assertEquals(List.of("required", "unknown_country", "country_mismatch"), errors.stream().map(FieldError::code).toList());
    }
}
