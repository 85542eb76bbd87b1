package fr.jalon.jobs;

import java.time.ZoneOffset;
import java.util.Optional;

import fr.jalon.platform.db.Rows;

import io.helidon.dbclient.DbClient;

/** SQL for the record of job runs. */
final class JobRunRepository {

    private final DbClient db;

    JobRunRepository(DbClient db) {
        this.db = db;
    }

    void record(JobRun run) {
        db.execute().dml("INSERT INTO job_runs (job_name, instance_id, started_at, finished_at, outcome, message) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", run.jobName(), run.instanceId(),
                run.startedAt().atOffset(ZoneOffset.UTC), run.finishedAt().atOffset(ZoneOffset.UTC), run.outcome(),
                run.message());
    }

    Optional<JobRun> last(String jobName) {
        return db.execute().get("SELECT job_name, instance_id, started_at, finished_at, outcome, message FROM job_runs "
                        + "WHERE job_name = ? ORDER BY id DESC LIMIT 1", jobName)
                .map(row -> new JobRun(Rows.text(row, "job_name"), Rows.text(row, "instance_id"),
                        Rows.instant(row, "started_at"), Rows.instant(row, "finished_at"), Rows.text(row, "outcome"),
                        Rows.text(row, "message")));
    }
}
