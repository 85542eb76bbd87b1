package fr.jalon.platform.http;

import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * A ceiling on the work that takes seconds of CPU — documents rendered as PDF or ZIP, the
 * invigilator planner — so that it never takes every thread and connection from the rest: past
 * the ceiling, 429 with {@code Retry-After} at once rather than a queue. Per instance; more
 * instances, more room.
 */
public final class HeavyWork implements Filter {

    /**
     * Documents: a PDF or a ZIP of the API (session kit, attendance sheet, attestations, letters,
     * reports). The console's downloads are not counted twice: they call these over loopback.
     */
    private static final Pattern DOCUMENT = Pattern.compile("^/api/v1/.*\\.(pdf|zip)$");
    private static final Pattern PLANNER = Pattern.compile("^/api/v1/assignments/plans$");

    private final Semaphore documents;
    private final Semaphore planner;

    public HeavyWork(int documents, int planners) {
        this.documents = new Semaphore(documents);
        this.planner = new Semaphore(planners);
    }

    /** As many documents at once as cores, at least two; one planner run at a time. */
    public static HeavyWork forThisMachine() {
        return new HeavyWork(Math.max(2, Runtime.getRuntime().availableProcessors()), 1);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        Semaphore gate = req.prologue().method() == Method.POST && PLANNER.matcher(path).matches() ? planner
                : req.prologue().method() == Method.GET && DOCUMENT.matcher(path).matches() ? documents : null;
        if (gate == null) {
            chain.proceed();
            return;
        }
        if (!gate.tryAcquire()) {
            throw (gate == planner ? ApiProblem.tooManyRequests("Une planification est déjà en cours sur ce serveur : "
                    + "réessayez dans quelques secondes.") : ApiProblem.tooManyRequests("Trop de documents en "
                    + "préparation sur ce serveur : réessayez dans quelques secondes.")).retryAfter(gate == planner ? 10 : 3);
        }
        try {
            chain.proceed();
        } finally {
            gate.release();
        }
    }
}
