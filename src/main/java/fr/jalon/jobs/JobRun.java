package fr.jalon.jobs;

import java.time.Instant;

/** One finished run of a job. */
record JobRun(String jobName, String instanceId, Instant startedAt, Instant finishedAt, String outcome, String message) {
}
