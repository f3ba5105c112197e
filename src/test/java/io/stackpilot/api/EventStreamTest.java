package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stackpilot.support.SseClient;
import io.stackpilot.support.TestStack;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventStreamTest {

    @TestHTTPResource("/api/v1/events")
    URI events;

    @BeforeEach
    void freshStack() {
        TestStack.upAndAwaitStatus();
    }

    @AfterAll
    static void removeStack() {
        TestStack.down();
    }

    @Test
    void clientSeesStopThenStartInOrder() {
        try (SseClient client = SseClient.connect(events, null)) {
            assertEquals(200, client.status());

            given().queryParam("timeout", 2)
                    .post("/api/v1/components/web/stop")
                    .then()
                    .statusCode(200);
            given().post("/api/v1/components/web/start").then().statusCode(200);

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertEquals(List.of("stopped", "running"), webStates(client)));
            List<SseClient.Event> web = webEvents(client);
            assertTrue(web.get(0).numericId() < web.get(1).numericId(), "event ids must increase");
            assertEquals("running", web.get(0).data().path("previousState").asText());
            assertEquals("stopped", web.get(1).data().path("previousState").asText());
        }
    }

    @Test
    void healthChangesOfAStopAndStartAreStreamed() {
        try (SseClient client = SseClient.connect(events, null)) {
            given().queryParam("timeout", 2)
                    .post("/api/v1/components/web/stop")
                    .then()
                    .statusCode(200);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertTrue(
                            webHealth(client).contains("down"),
                            webHealth(client).toString()));

            given().post("/api/v1/components/web/start").then().statusCode(200);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<String> statuses = webHealth(client);
                assertEquals("up", statuses.get(statuses.size() - 1), statuses.toString());
            });
            List<SseClient.Event> changes = healthEvents(client);
            SseClient.Event up = changes.get(changes.size() - 1);
            assertEquals(
                    "down", up.data().path("previousStatus").asText(), up.data().toString());
            assertTrue(up.data().hasNonNull("checkedAt"), up.data().toString());
        }
    }

    @Test
    void operationProgressIsStreamed() {
        try (SseClient client = SseClient.connect(events, null)) {
            String id = given().post("/api/v1/components/web/start")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("operationId");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<String> states = client.events().stream()
                        .filter(event -> event.type().equals("operation"))
                        .filter(event ->
                                event.data().path("operationId").asText().equals(id))
                        .map(event -> event.data().path("state").asText())
                        .toList();
                assertEquals(List.of("pending", "running", "succeeded"), states);
            });
            assertTrue(client.events().stream()
                    .anyMatch(event -> event.type().equals("step")
                            && event.data().path("operationId").asText().equals(id)
                            && event.data().path("state").asText().equals("succeeded")));
        }
    }

    @Test
    void reconnectWithLastEventIdResumesWithoutLoss() {
        long lastSeen;
        try (SseClient first = SseClient.connect(events, null)) {
            given().queryParam("timeout", 2)
                    .post("/api/v1/components/web/stop")
                    .then()
                    .statusCode(200);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertEquals(List.of("stopped"), webStates(first)));
            lastSeen = webEvents(first).get(0).numericId();
        }

        given().post("/api/v1/components/web/start").then().statusCode(200);

        try (SseClient second = SseClient.connect(events, Long.toString(lastSeen))) {
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertEquals(List.of("running"), webStates(second)));
            List<SseClient.Event> replayed = second.events();
            assertEquals(lastSeen + 1, replayed.get(0).numericId(), "the first event after the resumed id");
            for (int i = 1; i < replayed.size(); i++) {
                assertEquals(
                        replayed.get(i - 1).numericId() + 1, replayed.get(i).numericId(), "no event lost");
            }
        }
    }

    @Test
    void unknownLastEventIdAnnouncesGap() {
        try (SseClient client = SseClient.connect(events, "999999999")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !client.events().isEmpty());

            SseClient.Event gap = client.events().get(0);
            assertEquals("gap", gap.type());
            assertEquals(999999999L, gap.data().path("lastEventId").asLong());
        }
    }

    @Test
    void idleStreamGetsHeartbeats() {
        try (SseClient client = SseClient.connect(events, null)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> client.comments().contains("heartbeat"));
        }
    }

    @Test
    void malformedLastEventIdIsInvalidParameter() {
        given().header("Last-Event-ID", "abc")
                .accept("text/event-stream")
                .get("/api/v1/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("Last-Event-ID"))
                .body("value", equalTo("abc"));
    }

    private static List<SseClient.Event> webEvents(SseClient client) {
        return client.events().stream()
                .filter(event -> event.type().equals("component"))
                .filter(event -> event.data().path("component").asText().equals("web"))
                .toList();
    }

    private static List<SseClient.Event> healthEvents(SseClient client) {
        return client.events().stream()
                .filter(event -> event.type().equals("health"))
                .filter(event -> event.data().path("component").asText().equals("web"))
                .toList();
    }

    private static List<String> webHealth(SseClient client) {
        return healthEvents(client).stream()
                .map(event -> event.data().path("status").asText())
                .toList();
    }

    private static List<String> webStates(SseClient client) {
        return webEvents(client).stream()
                .map(event -> event.data().path("state").asText())
                .toList();
    }
}
