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
                        boolean ok = operation.test(i);
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
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Result(name, clients, operations, failures.get(), seconds, operations / seconds,
                percentile(latencies, 0.50), percentile(latencies, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
