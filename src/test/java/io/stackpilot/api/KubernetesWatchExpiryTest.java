package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.metrics.EventStreamMetrics;
import io.stackpilot.support.K8sManifests;
import io.stackpilot.support.MockCluster;
import io.stackpilot.support.SseClient;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A Kubernetes watch that the API server expires with {@code 410 Gone}: the status cache watches again, reads
 * every component, and shows a change made while the expired watch delivered nothing.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = KubernetesWatchExpiryTest.ExpiringWatch.class)
class KubernetesWatchExpiryTest {

    /**
     * How long the first watch of headlamp's Deployment stays open, delivering nothing, before it expires. The
     * test makes its change in this window and then opens an event stream to see the expiry, so the window must
     * outlast the time from start-up to the test's first request.
     */
    static final int EXPIRES_AFTER_MILLIS = 8000;

    /** Loads {@code k8s/} and makes the first watch of headlamp's Deployment expire; later watches are CRUD. */
    public static class ExpiringWatch implements Consumer<KubernetesServer> {

        @Override
        public void accept(KubernetesServer server) {
            K8sManifests.applyFresh(server.getClient(), MockCluster.NAMESPACE);
            MockCluster.expireNextHeadlampWatch(server, EXPIRES_AFTER_MILLIS);
        }
    }

    @Inject
    KubernetesClient client;

    @Inject
    EventStreamMetrics metrics;

    @TestHTTPResource("/api/v1/events")
    URI events;

    @Test
    void expiredWatchReconnectsAndReadsMissedChange() {
        MockCluster cluster = new MockCluster(client);
        assertEquals(
                0.0,
                metrics.reconnects(RuntimeKind.KUBERNETES),
                "the expiring watch ended before the test began; raise EXPIRES_AFTER_MILLIS");
        cluster.scale(2);
        assertEquals(
                0.0,
                metrics.reconnects(RuntimeKind.KUBERNETES),
                "the scale must happen while the expiring watch is still open");

        try (SseClient stream = SseClient.connect(events, null)) {
            await().atMost(Duration.ofMillis(EXPIRES_AFTER_MILLIS + 5000))
                    .until(() -> metrics.reconnects(RuntimeKind.KUBERNETES) >= 1);

            List<JsonNode> headlamp = headlampChanges(stream);
            assertTrue(
                    headlamp.stream()
                            .anyMatch(change -> change.path("state").asText().equals("unknown")
                                    && change.path("reason")
                                            .asText()
                                            .startsWith("The Kubernetes watch of Deployment infra/headlamp at ")),
                    "headlamp shows unknown while the watch is broken: " + headlamp);
            assertTrue(
                    headlamp.stream()
                            .anyMatch(change -> change.path("reason").asText().contains("expired (HTTP 410 Gone")),
                    "the reason names the expiry: " + headlamp);
        }

        // The cache is already right here; the wait covers the application's first status request, which is
        // slow while classes load.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().get("/api/v1/components/headlamp")
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("starting"))
                        .body("kubernetes.desiredReplicas", equalTo(2)));

        cluster.scale(4);
        await().atMost(Duration.ofSeconds(1))
                .untilAsserted(() -> given().get("/api/v1/components/headlamp")
                        .then()
                        .statusCode(200)
                        .body("kubernetes.desiredReplicas", equalTo(4)));
        assertEquals(1.0, metrics.reconnects(RuntimeKind.KUBERNETES), "one expiry, one reconnect");
    }

    private static List<JsonNode> headlampChanges(SseClient stream) {
        return stream.events().stream()
                .filter(event -> event.type().equals("component"))
                .map(SseClient.Event::data)
                .filter(change -> change.path("component").asText().equals("headlamp"))
                .toList();
    }
}
