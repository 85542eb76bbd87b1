package fr.jalon.campaigns;

import java.time.Instant;
import java.util.UUID;

/** An agent invited to a campaign, with their latest participation and certification, if any. */
record Participant(UUID agentId, String employeeNumber, String birthName, String firstName, UUID serviceId,
                   String servicePath, boolean active, Instant invitedAt, Participation participation,
                   AgentCertification certification) {

    Participant withCertification(AgentCertification found) {
        return new Participant(agentId, employeeNumber, birthName, firstName, serviceId, servicePath, active, invitedAt,
                participation, found);
    }
}
