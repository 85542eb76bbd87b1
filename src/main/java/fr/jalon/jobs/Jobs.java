package fr.jalon.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import javax.sql.DataSource;

import fr.jalon.platform.http.ApiRoutes;

import io.helidon.dbclient.DbClient;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz, clustered on the service's PostgreSQL (JDBC JobStore, instanceId AUTO): every instance
 * runs a scheduler and PostgreSQL makes sure each firing runs on one of them only. Job
 * definitions are registered at start (replacing older ones); a missed firing (all instances
 * down) runs once when the cluster is back.
 */
public final class Jobs implements AutoCloseable {

    static final String GROUP = "jalon";
    private static final TimeZone PARIS = TimeZone.getTimeZone("Europe/Paris");

    private final Map<String, JobDefinition> definitions = new LinkedHashMap<>();
    private final JobRunRepository runs;
    private final Scheduler scheduler;

    /**
     * @param clusterName the scheduler's name: every instance sharing a database uses the same
     *                    one (it is the cluster's identity in the QRTZ_ tables).
     */
    public Jobs(String clusterName, DataSource dataSource, DbClient db, List<JobDefinition> definitions) {
        this.runs = new JobRunRepository(db);
        definitions.forEach(d -> this.definitions.put(d.name(), d));
        // Quartz keeps schedulers and data sources in JVM-wide registries keyed by name. Each
        // instance gets its own data source name and leaves the scheduler registry at once, so two
        // instances in one JVM (the tests' second instance) are two nodes of the cluster, as two
        // processes are: closing one does not stop the other, nor swap its pool.
        String dataSourceName = clusterName + "-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new HikariConnectionProvider(dataSource));
        try {
            this.scheduler = new StdSchedulerFactory(properties(clusterName, dataSourceName)).getScheduler();
            SchedulerRepository.getInstance().remove(clusterName);
            scheduler.setJobFactory((bundle, s) -> new DefinitionJob(
                    this.definitions.get(bundle.getJobDetail().getKey().getName()), runs));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot create the Quartz scheduler", e);
        }
    }

    /**
     * Registers the definitions and starts the scheduler. With {@code automatic} false the jobs
     * have no schedule and run only when asked (tests and benchmarks, where background work
     * would disturb what is measured).
     */
    public void start(boolean automatic) {
        try {
            for (JobDefinition d : definitions.values()) {
                JobDetail job = JobBuilder.newJob(DefinitionJob.class).withIdentity(d.name(), GROUP)
                        .withDescription(d.description()).storeDurably().requestRecovery().build();
                if (automatic) {
                    Trigger trigger = TriggerBuilder.newTrigger().withIdentity(d.name(), GROUP).forJob(job)
                            .withSchedule(CronScheduleBuilder.cronSchedule(d.cron()).inTimeZone(PARIS)
                                    .withMisfireHandlingInstructionFireAndProceed())
                            .build();
                    scheduler.scheduleJob(job, Set.of(trigger), true);
                } else {
                    scheduler.addJob(job, true);
                    scheduler.unscheduleJob(TriggerKey.triggerKey(d.name(), GROUP));
                }
            }
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot start the Quartz scheduler", e);
        }
    }

    /** A job as the API shows it. */
    record View(JobDefinition definition, Instant nextRunAt, Instant previousRunAt, Optional<JobRun> lastRun) {
    }

    List<View> list() throws SchedulerException {
        List<View> views = new ArrayList<>();
        for (JobDefinition d : definitions.values()) {
            Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(d.name(), GROUP));
            views.add(new View(d, trigger == null ? null : instant(trigger.getNextFireTime()),
                    trigger == null ? null : instant(trigger.getPreviousFireTime()), runs.last(d.name())));
        }
        return views;
    }

    boolean knows(String name) {
        return definitions.containsKey(name);
    }

    /** Fires a job now, on whichever instance of the cluster takes it. */
    void runNow(String name) throws SchedulerException {
        scheduler.triggerJob(JobKey.jobKey(name, GROUP));
    }

    public ApiRoutes.ApiService httpService() {
        return new JobsService(this);
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            // already stopped
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Properties properties(String clusterName, String dataSourceName) {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, clusterName);
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, StdSchedulerFactory.AUTO_GENERATE_INSTANCE_ID);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        // Job data as text, not Java serialisation (which Helidon's deserialisation filter refuses).
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        return p;
    }
}
