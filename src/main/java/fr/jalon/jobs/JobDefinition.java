package fr.jalon.jobs;

/**
 * A scheduled job: a name, a French description for staff, a Quartz cron expression in
 * Europe/Paris time, and the feature code it runs (jobs stay thin). The work returns a short
 * summary of what it did, kept with the run.
 */
public record JobDefinition(String name, String description, String cron, Work work) {

    /** The feature code of a job. */
    @FunctionalInterface
    public interface Work {
        String run() throws Exception;
    }
}
