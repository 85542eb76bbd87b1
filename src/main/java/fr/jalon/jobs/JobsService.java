package fr.jalon.jobs;

import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.Responses;
import fr.jalon.platform.json.Jsons;
import fr.jalon.platform.security.Authentication;
import fr.jalon.platform.security.Role;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.quartz.SchedulerException;

/** {@code /api/v1/jobs}: scheduled jobs, their next and last runs and outcome; run one now (ADMIN). */
final class JobsService implements ApiRoutes.ApiService {

    private final Jobs jobs;

    JobsService(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/jobs", this::list)
                .post("/jobs/{name}/run", this::run);
    }

    private void list(ServerRequest req, ServerResponse res) throws SchedulerException {
        Authentication.principal(req).requireRole(Role.ADMIN);
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        for (Jobs.View view : jobs.list()) {
            JsonObjectBuilder item = Jsons.createObjectBuilder()
                    .add("name", view.definition().name())
                    .add("description", view.definition().description())
                    .add("schedule", view.definition().cron())
                    .add("timeZone", "Europe/Paris");
            if (view.nextRunAt() != null) {
                item.add("nextRunAt", view.nextRunAt().toString());
            }
            if (view.previousRunAt() != null) {
                item.add("previousRunAt", view.previousRunAt().toString());
            }
            view.lastRun().ifPresent(run -> {
                JsonObjectBuilder last = Jsons.createObjectBuilder()
                        .add("startedAt", run.startedAt().toString())
                        .add("finishedAt", run.finishedAt().toString())
                        .add("outcome", run.outcome())
                        .add("instance", run.instanceId());
                if (run.message() != null) {
                    last.add("message", run.message());
                }
                item.add("lastRun", last);
            });
            items.add(item);
        }
        Responses.ok(res, Jsons.createObjectBuilder().add("items", items).build());
    }

    private void run(ServerRequest req, ServerResponse res) throws SchedulerException {
        Authentication.principal(req).requireRole(Role.ADMIN);
        String name = req.path().pathParameters().get("name");
        if (!jobs.knows(name)) {
            throw ApiProblem.notFound("Aucune tâche planifiée ne s'appelle « " + name + " ».");
        }
        jobs.runNow(name);
        Responses.accepted(res, Jsons.createObjectBuilder().add("name", name).add("status", "TRIGGERED").build());
    }
}
