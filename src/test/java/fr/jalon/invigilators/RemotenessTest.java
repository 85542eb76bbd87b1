package fr.jalon.invigilators;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RemotenessTest {

    @Test
    void stepsGrowFromTheCommuneToOutsideTheDepartement() {
        // Codes from the 2026 COG: Dax and Saint-Paul-lès-Dax (CA du Grand Dax), Mont-de-Marsan, Pau.
        assertEquals(Remoteness.SAME_COMMUNE, Remoteness.between("40088", "244000675", "40", "40088", "244000675", "40"));
        assertEquals(Remoteness.SAME_EPCI, Remoteness.between("40279", "244000675", "40", "40088", "244000675", "40"));
        assertEquals(Remoteness.SAME_DEPARTEMENT, Remoteness.between("40192", "244000808", "40", "40088", "244000675", "40"));
        assertEquals(Remoteness.FAR, Remoteness.between("64445", "200067254", "64", "40088", "244000675", "40"));
    }

    @Test
    void aCommuneMissingFromTheReferenceIsFarUnlessItIsTheSiteItself() {
        assertEquals(Remoteness.FAR, Remoteness.between("99999", null, null, "40088", "244000675", "40"));
        assertEquals(Remoteness.SAME_COMMUNE, Remoteness.between("40192", null, null, "40192", null, null));
    }
}
