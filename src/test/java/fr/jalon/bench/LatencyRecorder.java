package fr.jalon.bench;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import fr.jalon.platform.json.Jsons;

import jakarta.json.JsonObject;

/** Runs N operations on C client threads and reports throughput and latency percentiles. */
final class LatencyRecorder {

    /** What one phase measured. */
    record Result(String name, int clients, int operations, int failures, double seconds, double perSecond,
                  double p50Millis, double p99Millis) {

        JsonObject json() {
            return Jsons.createObjectBuilder()
                    .add("operations", operations)
                    .add("failures", failures)
                    .add("clients", clients)
                    .add("seconds", round(seconds))
                    .add("perSecond", round(perSecond))
                    .add("p50Ms", round(p50Millis))
                    .add("p99Ms", round(p99Millis))
                    .build();
        }

        private static double round(double value) {
            return Math.round(value * 100) / 100.0;
        }
    }

    private LatencyRecorder() {
    }

    /** Runs {@code operation(i)} for i in [0, operations); it answers true on success. */
    static Result run(String name, int clients, int operations, IntPredicate operation) throws Exception {
        Timed timed = timed(clients, 0, operations, operation);
        return timed.result(name, clients);
    }

    /** What the service measured and its baseline, each over all its rounds. */
    record Compared(Result measured, Result baseline) {

        double throughputRatio() {
            return BenchSupport.ratio(measured.perSecond(), baseline.perSecond());
        }
    }

    /**
     * The measured operation and its baseline in alternating rounds (measured, baseline, measured,
     * …), each round over its share of [0, operations), so that neither side gets all of the warm
     * or all of the cold part of the run (JIT, autovacuum, table growth).
     */
    static Compared alternating(String name, String baselineName, int clients, int operations, int rounds,
                                IntPredicate measured, IntPredicate baseline) throws Exception {
        Timed m = new Timed(new long[0], 0, 0);
        Timed b = new Timed(new long[0], 0, 0);
        int share = operations / rounds;
        for (int r = 0; r < rounds; r++) {
            int from = r * share;
            int to = r == rounds - 1 ? operations : from + share;
            m = m.plus(timed(clients, from, to, measured));
            b = b.plus(timed(clients, from, to, baseline));
        }
        return new Compared(m.result(name, clients), b.result(baselineName, clients));
    }

    /** Latencies of one or more runs, their failures and their summed wall time. */
    private record Timed(long[] latencies, int failures, long nanos) {

        Timed plus(Timed other) {
            long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
            System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
            return new Timed(all, failures + other.failures, nanos + other.nanos);
        }

        Result result(String name, int clients) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            double seconds = nanos / 1e9;
            return new Result(name, clients, sorted.length, failures, seconds, sorted.length / seconds,
                    percentile(sorted, 0.50), percentile(sorted, 0.99));
        }
    }

    private static Timed timed(int clients, int from, int to, IntPredicate operation) throws Exception {
        int operations = to - from;
        long[] latencies = new long[operations];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            Future<?>[] workers = new Future<?>[clients];
            for (int c = 0; c < clients; c++) {
                workers[c] = pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < operations; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        boolean ok = operation.test(from + i);
                        latencies[i] = System.nanoTime() - t0;
                        if (!ok) {
                            failures.incrementAndGet();
                        }
                    }
                });
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return new Timed(latencies, failures.get(), System.nanoTime() - start);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
