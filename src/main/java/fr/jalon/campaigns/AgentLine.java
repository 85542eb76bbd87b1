package fr.jalon.campaigns;

import java.time.LocalDate;

/** One agent as the directory file describes them (line number kept for the report). */
record AgentLine(int line, String employeeNumber, String birthName, String firstName, LocalDate birthDate,
                 String email, String servicePath, String sex, String birthInsee, String birthCountry,
                 String residenceInsee) {

    String identityKey() {
        return AgentRules.identityKey(birthName, firstName, birthDate);
    }
}
