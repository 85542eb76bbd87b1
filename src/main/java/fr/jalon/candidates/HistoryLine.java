package fr.jalon.candidates;

import java.time.Instant;

/** One line of an enrolment's history. */
record HistoryLine(Instant at, String status, String note) {
}
