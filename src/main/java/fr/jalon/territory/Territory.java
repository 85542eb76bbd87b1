package fr.jalon.territory;

import java.util.List;
import java.util.Optional;

import io.helidon.dbclient.DbClient;

/** What other features may ask of the territory reference data. */
public final class Territory {

    private final TerritoryRepository repository;
    private volatile PlaceDirectory places;

    public Territory(DbClient db) {
        this.repository = new TerritoryRepository(db);
    }

    /** A current (2026) commune by INSEE code. */
    public Optional<Commune> currentCommune(String codeInsee) {
        return repository.currentCommune(codeInsee);
    }

    /** A 2026 EPCI by SIREN. */
    public Optional<Epci> epci(String siren) {
        return repository.epci(siren);
    }

    /** Every commune and country in memory, loaded on first use. */
    public PlaceDirectory places() {
        PlaceDirectory loaded = places;
        if (loaded == null) {
            synchronized (this) {
                if (places == null) {
                    places = new PlaceDirectory(repository.allCommunes(), repository.allCountries());
                }
                loaded = places;
            }
        }
        return loaded;
    }

    List<Commune> search(String query, String departement, String postalCode, boolean includeAll, int limit) {
        return repository.search(query, departement, postalCode, includeAll, limit);
    }

    List<Commune> members(String siren) {
        return repository.members(siren);
    }
}
