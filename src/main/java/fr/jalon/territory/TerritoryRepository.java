package fr.jalon.territory;

import java.util.List;
import java.util.Optional;

import fr.jalon.platform.db.Rows;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

/** SQL over the territory reference tables. */
final class TerritoryRepository {

    private static final String COMMUNE_COLUMNS =
            "code_insee, name, type, departement, postal_codes, population, epci_siren, chef_lieu, former_codes";

    private final DbClient db;

    TerritoryRepository(DbClient db) {
        this.db = db;
    }

    /**
     * Current communes matching every given criterion. Names match on their folded form (accents,
     * case, hyphens ignored); names that start with the query come first, then by population.
     */
    List<Commune> search(String query, String departement, String postalCode, boolean includeAll, int limit) {
        return db.execute().query("SELECT " + COMMUNE_COLUMNS + """
                         FROM communes
                        WHERE (CAST(? AS text) IS NULL OR jalon_fold(name) LIKE '%' || jalon_fold(?) || '%')
                          AND (CAST(? AS text) IS NULL OR departement = ?)
                          AND (CAST(? AS text) IS NULL OR postal_codes @> ARRAY[CAST(? AS text)])
                          AND (? OR type = 'commune-actuelle')
                        ORDER BY (CAST(? AS text) IS NOT NULL AND jalon_fold(name) LIKE jalon_fold(?) || '%') DESC,
                                 population DESC NULLS LAST, name, code_insee
                        LIMIT ?""",
                        query, query, departement, departement, postalCode, postalCode, includeAll, query, query, limit)
                .map(TerritoryRepository::commune)
                .toList();
    }

    Optional<Commune> currentCommune(String codeInsee) {
        return db.execute().get("SELECT " + COMMUNE_COLUMNS
                        + " FROM communes WHERE code_insee = ? AND type = 'commune-actuelle'", codeInsee)
                .map(TerritoryRepository::commune);
    }

    Optional<Epci> epci(String siren) {
        return db.execute().get("SELECT siren, name, type, population_totale, commune_count FROM epcis WHERE siren = ?", siren)
                .map(row -> new Epci(Rows.text(row, "siren"), Rows.text(row, "name"), Rows.text(row, "type"),
                        Rows.integer(row, "population_totale"), Rows.integer(row, "commune_count")));
    }

    List<Commune> members(String siren) {
        return db.execute().query("SELECT " + COMMUNE_COLUMNS
                        + " FROM communes WHERE epci_siren = ? AND type = 'commune-actuelle' ORDER BY name", siren)
                .map(TerritoryRepository::commune)
                .toList();
    }

    List<Commune> allCommunes() {
        return db.execute().query("SELECT " + COMMUNE_COLUMNS + " FROM communes")
                .map(TerritoryRepository::commune)
                .toList();
    }

    List<Country> allCountries() {
        return db.execute().query("SELECT code_insee, name, ended_on IS NULL AS current FROM countries")
                .map(row -> new Country(Rows.text(row, "code_insee"), Rows.text(row, "name"), Rows.bool(row, "current")))
                .toList();
    }

    private static Commune commune(DbRow row) {
        return new Commune(Rows.text(row, "code_insee"), Rows.text(row, "name"), Rows.text(row, "type"),
                Rows.text(row, "departement"), Rows.textList(row, "postal_codes"), Rows.integer(row, "population"),
                Rows.text(row, "epci_siren"), Rows.text(row, "chef_lieu"), Rows.textList(row, "former_codes"));
    }
}
