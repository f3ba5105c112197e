package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.stackpilot.support.MockCluster;
import io.stackpilot.support.SseClient;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Headlamp's status follows changes made on the mock API server outside stackpilot, through the Kubernetes
 * watches that feed the status cache, without {@code ?refresh=true}.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class KubernetesStatusWatchTest {

    private static final Duration CHANGE_VISIBLE = Duration.ofSeconds(1);
    private static final String CRASH_LOOP_REASON = "0 of 1 replicas ready; pod headlamp-5c8d7 container headlamp:"
            + " CrashLoopBackOff (last exit code 1): back-off 10s restarting failed container=headlamp";

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    KubernetesClient client;

    @TestHTTPResource("/api/v1/events")
    URI events;

    private MockCluster cluster;

    @BeforeEach
    void loadManifests() {
        server.getKubernetesMockServer().clearExpectations();
        cluster = new MockCluster(client);
        cluster.reset();
        // Also covers the application's first status request, which is slow while classes load.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().get("/api/v1/components/headlamp")
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("starting"))
                        .body("reason", equalTo("0 of 1 replicas ready")));
    }

    @Test
    void externalScaleShowsWithinOneSecond() {
        try (SseClient stream = SseClient.connect(events, null)) {
            cluster.scale(3);

            // Nothing reads headlamp's status here, so only the watch can have brought the change.
            await().atMost(CHANGE_VISIBLE).until(() -> headlampReasons(stream).contains("0 of 3 replicas ready"));
        }
        await().atMost(CHANGE_VISIBLE)
                .untilAsserted(() -> given().get("/api/v1/components/headlamp")
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("starting"))
                        .body("reason", equalTo("0 of 3 replicas ready"))
                        .body("kubernetes.desiredReplicas", equalTo(3)));
    }

    @Test
    void crashLoopingPodShowsWithinOneSecond() {
        cluster.createPod("headlamp-5c8d7", Instant.parse("2026-12-04T10:00:00Z"), "headlamp");

        try (SseClient stream = SseClient.connect(events, null)) {
            cluster.setPodStatus(
                    "headlamp-5c8d7",
                    new PodStatusBuilder()
                            .withPhase("Running")
                            .addNewContainerStatus()
                            .withName("headlamp")
                            .withRestartCount(1)
                            .withNewState()
                            .withNewWaiting()
                            .withReason("CrashLoopBackOff")
                            .withMessage("back-off 10s restarting failed container=headlamp")
                            .endWaiting()
                            .endState()
                            .withNewLastState()
                            .withNewTerminated()
                            .withExitCode(1)
                            .endTerminated()
                            .endLastState()
                            .endContainerStatus()
                            .build());

            // The workload object did not change: only the pod watch can have brought this.
            await().atMost(CHANGE_VISIBLE).until(() -> headlampReasons(stream).contains(CRASH_LOOP_REASON));
        }
        await().atMost(CHANGE_VISIBLE)
                .untilAsserted(() -> given().get("/api/v1/components/headlamp")
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("degraded"))
                        .body("reason", equalTo(CRASH_LOOP_REASON)));
    }

    @Test
    void statusReadsTheCacheWithoutApiRequests() throws InterruptedException {
        KubernetesMockServer mock = server.getKubernetesMockServer();
        drain(mock);

        for (int call = 0; call < 3; call++) {
            given().get("/api/v1/components/headlamp").then().statusCode(200).body("state", equalTo("starting"));
            given().get("/api/v1/components").then().statusCode(200);
        }
        assertEquals(List.of(), drain(mock), "cached reads sent requests to the API server");

        given().queryParam("refresh", true)
                .get("/api/v1/components/headlamp")
                .then()
                .statusCode(200);
        assertEquals(
                List.of(
                        "GET /apis/apps/v1/namespaces/infra/deployments/headlamp",
                        "GET /api/v1/namespaces/infra/pods?labelSelector=app.kubernetes.io%2Fname%3Dheadlamp"),
                drain(mock),
                "a refresh reads the workload and its pods");
    }

    private static List<String> headlampReasons(SseClient stream) {
        return stream.events().stream()
                .filter(event -> event.type().equals("component"))
                .filter(event -> event.data().path("component").asText().equals("headlamp"))
                .map(event -> event.data().path("reason").asText())
                .toList();
    }

    /** Returns the requests recorded since the last call, without the liveness checks of {@code /version}. */
    private static List<String> drain(KubernetesMockServer mock) throws InterruptedException {
        List<String> requests = new ArrayList<>();
        RecordedRequest request;
        while ((request = mock.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
            if (!request.getPath().equals("/version")) {
                requests.add(request.getMethod() + " " + request.getPath());
            }
        }
        return requests;
    }
}
