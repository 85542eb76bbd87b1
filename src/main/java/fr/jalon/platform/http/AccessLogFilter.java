package fr.jalon.platform.http;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * One line per request: method, path, status, duration. Never the query string (it can carry a
 * name being searched), never headers or bodies: the access log holds no personal data.
 */
public final class AccessLogFilter implements Filter {

    private static final Logger LOG = System.getLogger("fr.jalon.access");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            if (LOG.isLoggable(Level.INFO)) {
                long micros = (System.nanoTime() - start) / 1_000;
                LOG.log(Level.INFO, req.prologue().method().text() + " " + req.path().rawPath() + " "
                        + res.status().code() + " " + micros / 1000 + "." + String.format("%03d", micros % 1000) + "ms");
            }
        }
    }
}
