package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static io.stackpilot.support.DockerCli.docker;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.stackpilot.support.OrchestrationStack;
import io.stackpilot.support.OrchestrationTestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fifty restart requests at once for {@code slow}, whose stop takes the whole grace period because it ignores
 * SIGTERM, so the first restart is still running when the others arrive.
 */
@QuarkusTest
@TestProfile(OrchestrationTestProfile.class)
class ConcurrentRestartTest {

    private static final int REQUESTS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/components/slow/restart?async=true&timeout=5")
    URI restart;

    @BeforeEach
    void freshStack() {
        OrchestrationStack.up();
    }

    @AfterAll
    static void removeStack() {
        OrchestrationStack.down();
    }

    @Test
    void fiftyConcurrentRestartsRestartOnce() throws Exception {
        String container = OrchestrationStack.containerId("slow");
        Instant since = Instant.now();
        String key = "restart-slow-" + UUID.randomUUID();
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(restart).POST(HttpRequest.BodyPublishers.noBody());
            if (i % 2 == 0) {
                request.header("Idempotency-Key", key);
            }
            answers.add(client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()));
        }

        Set<String> operationIds = new HashSet<>();
        int accepted = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() == 202) {
                accepted++;
                operationIds.add(body.path("id").asText());
            } else {
                assertEquals(409, response.statusCode(), response.body());
                assertEquals(
                        "https://stackpilot.io/problems/operation-in-progress",
                        body.path("type").asText());
                operationIds.add(body.path("operationId").asText());
            }
        }
        assertEquals(1, operationIds.size(), "every answer names the same operation: " + operationIds);
        assertTrue(accepted >= 1, "at least the first request is accepted");

        String id = operationIds.iterator().next();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "succeeded"
                        .equals(given().get("/api/v1/operations/" + id)
                                .jsonPath()
                                .getString("state")));
        assertEquals(1, startEvents(container, since), "the container started exactly once");
    }

    private static long startEvents(String container, Instant since) {
        String output = docker(
                "events",
                "--since",
                epochSeconds(since),
                "--until",
                epochSeconds(Instant.now()),
                "--filter",
                "container=" + container,
                "--filter",
                "event=start",
                "--format",
                "{{.Action}}");
        return output.lines().filter(line -> line.equals("start")).count();
    }

    private static String epochSeconds(Instant instant) {
        return instant.getEpochSecond() + "." + String.format("%09d", instant.getNano());
    }
}
