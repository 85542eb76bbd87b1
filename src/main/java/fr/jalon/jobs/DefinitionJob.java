package fr.jalon.jobs;

import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
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
            Instant ended = Instant.now();
            runs.record(new JobRun(definition.name(), instance, started, ended, "SUCCESS", summary));
            timer("success").record(Duration.between(started, ended));
        } catch (Exception e) {
            timer("failure").record(Duration.between(started, Instant.now()));
            // The message only: job failures must not drag personal data into the run record.
            LOG.log(Level.ERROR, "Job " + definition.name() + " failed: " + e.getClass().getSimpleName());
            runs.record(new JobRun(definition.name(), instance, started, Instant.now(), "FAILURE",
                    e.getClass().getSimpleName()));
            throw new JobExecutionException(e, false);
        }
    }

    /** Runs of this job on {@code /observe/metrics}: count, total and longest seconds, by outcome. */
    private Timer timer(String outcome) {
        return Metrics.globalRegistry().getOrCreate(Timer.builder("jalon.jobs.runs").description("Scheduled job runs")
                .tags(List.of(Tag.create("job", definition.name()), Tag.create("outcome", outcome))));
    }

    private static String instanceId(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "unknown";
        }
    }
}
