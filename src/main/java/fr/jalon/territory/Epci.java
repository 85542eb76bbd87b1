package fr.jalon.territory;

/** An intercommunality (EPCI à fiscalité propre). */
public record Epci(String siren, String name, String type, Integer population, Integer communeCount) {
}
