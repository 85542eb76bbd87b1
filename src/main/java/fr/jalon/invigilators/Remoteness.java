package fr.jalon.invigilators;

/**
 * How far an invigilator lives from a site, in steps the territory reference gives without a map:
 * the same commune, the same intercommunality (EPCI), the same département, or farther. A proxy
 * for travel distance that needs no geocoding; the planner prefers smaller steps.
 */
final class Remoteness {

    static final int SAME_COMMUNE = 0;
    static final int SAME_EPCI = 1;
    static final int SAME_DEPARTEMENT = 2;
    static final int FAR = 3;

    private Remoteness() {
    }

    /** The step between two communes described by their INSEE code, EPCI and département (nullable). */
    static int between(String homeInsee, String homeEpci, String homeDepartement,
                       String siteInsee, String siteEpci, String siteDepartement) {
        if (homeInsee != null && homeInsee.equals(siteInsee)) {
            return SAME_COMMUNE;
        }
        if (homeEpci != null && homeEpci.equals(siteEpci)) {
            return SAME_EPCI;
        }
        if (homeDepartement != null && homeDepartement.equals(siteDepartement)) {
            return SAME_DEPARTEMENT;
        }
        return FAR;
    }
}
