package fr.jalon.campaigns;

import java.time.LocalDate;

/**
 * Where an agent sent from a campaign stands: their enrolment's status and session day, and the
 * result once the centre imported it (null before).
 */
record AgentCertification(String enrolmentStatus, LocalDate sessionDate, String resultStatus, Integer score,
                          Integer globalLevel) {
}
