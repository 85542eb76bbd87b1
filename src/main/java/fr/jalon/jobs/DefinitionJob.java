package fr.jalon.jobs;

import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.time.Instant;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * The one Quartz job class: runs a {@link JobDefinition}'s work and records the outcome. Never
 * two runs of a job at once, across the cluster.
 */
@DisallowConcurrentExecution
final class DefinitionJob implements Job {

    private static final Logger LOG = System.getLogger(DefinitionJob.class.getName());

    private final JobDefinition definition;
    private final JobRunRepository runs;

    DefinitionJob(JobDefinition definition, JobRunRepository runs) {
        this.definition = definition;
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        Instant started = Instant.now();
        String instance = instanceId(context);
        try {
            String summary = definition.work().run();
            runs.record(new JobRun(definition.name(), instance, started, Instant.now(), "SUCCESS", summary));
        } catch (Exception e) {
            // The message only: job failures must not drag personal data into the run record.
            LOG.log(Level.ERROR, "Job " + definition.name() + " failed: " + e.getClass().getSimpleName());
            runs.record(new JobRun(definition.name(), instance, started, Instant.now(), "FAILURE",
                    e.getClass().getSimpleName()));
            throw new JobExecutionException(e, false);
        }
    }

    private static String instanceId(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "unknown";
        }
    }
}
