package fr.jalon.campaigns;

import java.time.LocalDate;
import java.util.UUID;

/** An agent of a local authority, as its directory holds them. */
record Agent(UUID id, UUID authorityId, String employeeNumber, String birthName, String firstName, LocalDate birthDate,
             String email, UUID serviceId, String servicePath, String sex, String birthInsee, String birthCountry,
             String residenceInsee, boolean active) {

    /** The same facts as this line of a directory file (service resolved to its id)? */
    boolean sameAs(AgentLine line, UUID lineServiceId) {
        return active && birthName.equals(line.birthName()) && firstName.equals(line.firstName())
                && birthDate.equals(line.birthDate()) && equal(email, line.email()) && equal(serviceId, lineServiceId)
                && equal(sex, line.sex()) && equal(birthInsee, line.birthInsee()) && equal(birthCountry, line.birthCountry())
                && equal(residenceInsee, line.residenceInsee());
    }

    private static boolean equal(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }
}
