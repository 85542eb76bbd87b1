package fr.jalon.sessionday;

import java.time.LocalTime;
import java.util.UUID;

record CandidateReport(UUID enrolmentId, LocalTime arrivedAt, String comment, boolean testFinished, String abortReason) {

    static CandidateReport blank(UUID enrolmentId) {
        return new CandidateReport(enrolmentId, null, null, true, null);
    }
}
