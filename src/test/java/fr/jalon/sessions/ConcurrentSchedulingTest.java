package fr.jalon.sessions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.jalon.testing.ApiClient;
import fr.jalon.testing.Fixtures;
import fr.jalon.testing.HttpTest;
import fr.jalon.testing.JalonServer;
import fr.jalon.testing.TestTime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Races on one room, across two server instances sharing one database: PostgreSQL, not a Java
 * lock, keeps the room free of overlaps.
 */
@HttpTest
class ConcurrentSchedulingTest {

    private final ApiClient admin;
    private final Fixtures fixtures;

    ConcurrentSchedulingTest(ApiClient admin, Fixtures fixtures) {
        this.admin = admin;
        this.fixtures = fixtures;
    }

    @Test
    void fortyRacingRequestsOnTwoInstancesBookAnOverlappingSlotOnce() throws Exception {
        String room = fixtures.room(fixtures.site(fixtures.center()), 10);
        try (JalonServer.SecondInstance second = JalonServer.secondInstance()) {
            ApiClient other = new ApiClient("http://localhost:" + second.port(), JalonServer.adminToken());
            LocalDate day = TestTime.todayInParis().plusDays(60);
            int racers = 40;
            CountDownLatch start = new CountDownLatch(1);
            Set<Integer> statuses = ConcurrentHashMap.newKeySet();
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                ApiClient client = i % 2 == 0 ? admin : other;
                String time = String.format("09:%02d", (i * 7) % 60);
                tasks.add(() -> {
                    start.await();
                    int status = client.post("/api/v1/sessions", Fixtures.sessionBody(room, day, time)).status();
                    statuses.add(status);
                    return status;
                });
            }
            int created = 0;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Integer>> results = new ArrayList<>();
                tasks.forEach(t -> results.add(pool.submit(t)));
                start.countDown();
                for (Future<Integer> result : results) {
                    if (result.get() == 201) {
                        created++;
                    }
                }
            }
            assertEquals(Set.of(201, 409), statuses, "only successes and conflicts, never a 500");
            assertEquals(1, created, "105-minute sessions starting between 09:00 and 09:59 all overlap");
            assertEquals(1, admin.get("/api/v1/sessions?limit=200&from=" + day + "&to=" + day).json()
                    .getJsonArray("items").stream()
                    .filter(s -> s.asJsonObject().getString("roomId").equals(room)).count());
        }
    }
}
