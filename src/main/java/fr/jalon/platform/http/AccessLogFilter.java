package fr.jalon.platform.http;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * One line per request: time, method, path, status, duration. Never the query string (it can
 * carry a name being searched), never headers or bodies, and secrets in paths (an invigilator's
 * calendar address, an attestation's verification code) replaced by {@code ***}: the access log
 * holds no personal data and no key to any.
 * Lines are handed to a background writer that flushes in batches, so logging costs a request
 * an enqueue rather than a formatted, flushed, synchronised write (it was a fifth of the CPU
 * of an enrolment under load). If the queue is full, lines are counted as dropped, not waited for.
 */
public final class AccessLogFilter implements Filter, AutoCloseable {

    private static final int QUEUE = 16_384;

    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(QUEUE);
    private final Writer out;
    private final Thread writer;
    private volatile boolean running = true;
    private final AtomicLong dropped = new AtomicLong();

    private AccessLogFilter(Writer out) {
        this.out = out;
        this.writer = Thread.ofPlatform().daemon().name("jalon-access-log").start(this::drain);
    }

    /** To standard output (journald, docker), or to a file when a path is given. */
    public static AccessLogFilter to(Path file) {
        try {
            if (file != null && file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Writer out = file == null
                    ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                    : Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
            return new AccessLogFilter(new BufferedWriter(out, 64 * 1024));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the access log " + file, e);
        }
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            long micros = (System.nanoTime() - start) / 1_000;
            String line = Instant.now() + " " + req.prologue().method().text() + " " + redact(req.path().rawPath()) + " "
                    + res.status().code() + " " + micros / 1000 + "." + (micros % 1000) / 100 + "ms";
            if (!lines.offer(line)) {
                dropped.incrementAndGet();
            }
        }
    }

    private static final Pattern SECRETS = Pattern.compile(
            "^(/calendars/|/verify/|/api/v1/public/attestations/)[^/]+?(\\.ics)?$");

    /** The path with the secret it carries, if any, replaced by {@code ***}. */
    static String redact(String path) {
        var matcher = SECRETS.matcher(path);
        return matcher.matches() ? matcher.group(1) + "***" + (matcher.group(2) == null ? "" : matcher.group(2)) : path;
    }

    private void drain() {
        List<String> batch = new ArrayList<>(1024);
        while (running || !lines.isEmpty()) {
            try {
                String first = lines.poll(250, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    lines.drainTo(batch, 4095);
                    for (String line : batch) {
                        out.write(line);
                        out.write('\n');
                    }
                    batch.clear();
                }
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    out.write(Instant.now() + " access log overloaded: " + lost + " lines dropped\n");
                }
                out.flush();
            } catch (InterruptedException e) {
                running = false;
            } catch (IOException e) {
                batch.clear();
            }
        }
    }

    /** Writes what is queued, then stops the writer (graceful shutdown). */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
