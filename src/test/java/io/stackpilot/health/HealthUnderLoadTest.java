package io.stackpilot.health;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.stackpilot.catalog.Catalog;
import io.stackpilot.catalog.Component;
import io.stackpilot.health.probe.KafkaAdminClients;
import io.stackpilot.support.InjectTestServers;
import jakarta.inject.Inject;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The never-hang and never-storm guarantees, and the absence of leaks, under many requests and checks. */
@QuarkusTest
@TestProfile(LoadTargets.Profile.class)
class HealthUnderLoadTest {

    private static final int CONCURRENT_REQUESTS = 200;

    @InjectTestServers
    LoadTargets targets;

    @Inject
    HealthService health;

    @Inject
    Catalog catalog;

    @Inject
    KafkaAdminClients adminClients;

    @TestHTTPResource("/q/health/ready")
    URI readiness;

    @TestHTTPResource("/q/health/live")
    URI liveness;

    @Test
    void concurrentReadinessRequestsShareOneHungProbeRun() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8))
                .build();
        warmUp(client);
        LivenessWatch watch = LivenessWatch.start(client, liveness);
        int connectionsBefore = targets.hung.connections();

        long started = System.nanoTime();
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
            answers.add(timedGet(client, readiness));
        }
        List<Answer> results = answers.stream().map(CompletableFuture::join).toList();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        List<Integer> livenessStatuses = watch.stop();

        int runs = targets.hung.connections() - connectionsBefore;
        long slowest = results.stream().mapToLong(Answer::millis).max().orElseThrow();
        assertEquals(CONCURRENT_REQUESTS, results.size());
        assertTrue(results.stream().allMatch(answer -> answer.status() == 503), "statuses " + statuses(results));
        assertTrue(slowest <= LoadTargets.HUNG_TIMEOUT_MS + 1000, "slowest readiness answer took " + slowest + " ms");
        assertTrue(runs >= 1, "the hung probe never ran");
        assertTrue(
                runs <= 1 + elapsedMs / LoadTargets.TTL_MS,
                runs + " probe runs in " + elapsedMs + " ms with a TTL of " + LoadTargets.TTL_MS + " ms");
        assertTrue(livenessStatuses.size() >= 2, "liveness was polled " + livenessStatuses.size() + " times");
        assertTrue(livenessStatuses.stream().allMatch(status -> status == 200), "liveness " + livenessStatuses);
    }

    @Test
    void repeatedChecksLeakNoThreadsSocketsOrClients() throws Exception {
        List<Component> kafkas = Arrays.stream(LoadTargets.KAFKA_COMPONENTS)
                .map(catalog::require)
                .toList();

        int checks = checkRounds(kafkas, 3);
        assertEquals(12, checks);
        int threadsAfterFew = threadCount();
        long filesAfterFew = openFiles();
        int adminMBeansAfterFew = adminClientMBeans();
        assertEquals(1, adminClients.openCount());

        checks += checkRounds(kafkas, 247);
        assertEquals(1000, checks);

        assertEquals(1, adminClients.openCount());
        assertEquals(adminMBeansAfterFew, adminClientMBeans());
        // Later rounds may have grown the probe pool past its size after the first rounds. Idle pool threads end
        // after 10 s, but a leaked thread never does.
        await().atMost(Duration.ofSeconds(30)).until(() -> threadCount() <= threadsAfterFew);
        await().atMost(Duration.ofSeconds(30)).until(() -> openFiles() <= filesAfterFew);
    }

    /**
     * Sends a few readiness requests so the measured burst does not run the request path for the first time, then
     * waits until the hung probe's cached result has expired, so the burst has to start a new run.
     */
    private void warmUp(HttpClient client) {
        for (int i = 0; i < 20; i++) {
            timedGet(client, readiness).join();
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> health.lastKnown("hung")
                        .map(last -> Duration.between(last.checkedAt(), Instant.now())
                                        .toMillis()
                                > LoadTargets.TTL_MS)
                        .orElse(true));
    }

    /** Runs fresh checks of all components in parallel, {@code rounds} times; every check must be up. */
    private int checkRounds(List<Component> components, int rounds) {
        int checks = 0;
        for (int round = 0; round < rounds; round++) {
            List<CompletableFuture<ComponentHealth>> pending = components.stream()
                    .map(component -> health.checkFreshAsync(component).toCompletableFuture())
                    .toList();
            for (CompletableFuture<ComponentHealth> result : pending) {
                ComponentHealth outcome = result.join();
                assertEquals(HealthStatus.UP, outcome.status(), "round " + round + ": " + outcome.reason());
                checks++;
            }
        }
        return checks;
    }

    private static int threadCount() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Counts this JVM's open file descriptors, sockets included (Linux). */
    private static long openFiles() {
        String[] descriptors = new File("/proc/self/fd").list();
        return descriptors == null ? -1 : descriptors.length;
    }

    /** Counts Kafka Admin clients by the JMX bean each registers while open. */
    private static int adminClientMBeans() throws Exception {
        return ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("kafka.admin.client:type=app-info,*"), null)
                .size();
    }

    private record Answer(int status, long millis) {}

    private static CompletableFuture<Answer> timedGet(HttpClient client, URI uri) {
        long started = System.nanoTime();
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> new Answer(response.statusCode(), (System.nanoTime() - started) / 1_000_000));
    }

    private static String statuses(List<Answer> answers) {
        return answers.stream()
                .map(answer -> String.valueOf(answer.status()))
                .distinct()
                .toList()
                .toString();
    }

    /** Polls {@code /q/health/live} every 100 ms until stopped and keeps every status code. */
    private static final class LivenessWatch {

        private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        private final List<Integer> statuses = new CopyOnWriteArrayList<>();

        static LivenessWatch start(HttpClient client, URI liveness) {
            LivenessWatch watch = new LivenessWatch();
            watch.scheduler.scheduleWithFixedDelay(
                    () -> watch.statuses.add(timedGet(client, liveness).join().status()),
                    0,
                    100,
                    TimeUnit.MILLISECONDS);
            return watch;
        }

        List<Integer> stop() throws InterruptedException {
            scheduler.shutdown();
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
            return statuses;
        }
    }
}
