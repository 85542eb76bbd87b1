package fr.jalon.territory;

import java.util.List;

/** A commune of the official geography (current, delegated or associated). */
public record Commune(String codeInsee, String name, String type, String departement, List<String> postalCodes,
                      Integer population, String epciSiren, String chefLieu, List<String> formerCodes) {

    public static final String CURRENT = "commune-actuelle";
}
