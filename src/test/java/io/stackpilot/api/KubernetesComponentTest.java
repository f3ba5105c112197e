package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.stackpilot.support.MockCluster;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Headlamp, as {@code k8s/} defines it, managed through the REST API on the fabric8 mock API server. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class KubernetesComponentTest {

    private static final String REPLICAS_BEFORE_STOP = "stackpilot.io/replicas-before-stop";
    private static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
    private static final String HEADLAMP_PATH = "/apis/apps/v1/namespaces/infra/deployments/headlamp";

    /**
     * Status comes from the cache that the Kubernetes watches feed, so a change made on the mock server shows
     * once its event has been read.
     */
    private static final Duration STATUS_WAIT = Duration.ofSeconds(1);

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    KubernetesClient client;

    private MockCluster cluster;

    @BeforeEach
    void loadManifests() {
        server.getKubernetesMockServer().clearExpectations();
        cluster = new MockCluster(client);
        cluster.reset();
    }

    @Test
    void listShowsHeadlampWithReplicaCounts() {
        cluster.setStatus(status -> {
            status.setReplicas(1);
            status.setReadyReplicas(1);
            status.setAvailableReplicas(1);
            status.setUpdatedReplicas(1);
            return status;
        });

        await().atMost(STATUS_WAIT)
                .untilAsserted(() -> given().when()
                        .get("/api/v1/components")
                        .then()
                        .statusCode(200)
                        .body("find { it.name == 'headlamp' }.runtime", equalTo("kubernetes"))
                        .body("find { it.name == 'headlamp' }.state", equalTo("running"))
                        .body("find { it.name == 'headlamp' }.kubernetes.namespace", equalTo("infra"))
                        .body("find { it.name == 'headlamp' }.kubernetes.kind", equalTo("Deployment"))
                        .body("find { it.name == 'headlamp' }.kubernetes.name", equalTo("headlamp"))
                        .body("find { it.name == 'headlamp' }.kubernetes.desiredReplicas", equalTo(1))
                        .body("find { it.name == 'headlamp' }.kubernetes.readyReplicas", equalTo(1))
                        .body("find { it.name == 'headlamp' }.kubernetes.availableReplicas", equalTo(1))
                        .body("find { it.name == 'headlamp' }.kubernetes.updatedReplicas", equalTo(1)));
    }

    @Test
    void stopScalesToZeroAndRecordsReplicas() {
        cluster.scale(2);

        given().when()
                .post("/api/v1/components/headlamp/stop")
                .then()
                .statusCode(200)
                .body("changed", equalTo(true))
                .body("state", equalTo("stopped"))
                .body("reason", equalTo("scaled to 0 replicas; a start scales it to 2"))
                .body("status.kubernetes.desiredReplicas", equalTo(0));

        Deployment stopped = cluster.headlamp();
        assertEquals(0, stopped.getSpec().getReplicas());
        assertEquals("2", stopped.getMetadata().getAnnotations().get(REPLICAS_BEFORE_STOP));
    }

    @Test
    void startRestoresRecordedReplicas() {
        cluster.scale(3);
        given().post("/api/v1/components/headlamp/stop").then().statusCode(200);

        given().when()
                .post("/api/v1/components/headlamp/start")
                .then()
                .statusCode(200)
                .body("changed", equalTo(true))
                .body("state", equalTo("starting"))
                .body("reason", equalTo("0 of 3 replicas ready"))
                .body("status.kubernetes.desiredReplicas", equalTo(3));

        Deployment started = cluster.headlamp();
        assertEquals(3, started.getSpec().getReplicas());
        assertNull(annotations(started).get(REPLICAS_BEFORE_STOP));
    }

    @Test
    void startWithoutRecordedCountScalesToOne() {
        cluster.scale(0);

        given().when()
                .post("/api/v1/components/headlamp/start")
                .then()
                .statusCode(200)
                .body("changed", equalTo(true));

        assertEquals(1, cluster.headlamp().getSpec().getReplicas());
    }

    @Test
    void repeatedStopAndStartAreUnchanged() {
        given().post("/api/v1/components/headlamp/stop").then().statusCode(200).body("changed", equalTo(true));
        given().when()
                .post("/api/v1/components/headlamp/stop")
                .then()
                .statusCode(200)
                .body("changed", equalTo(false))
                .body("state", equalTo("stopped"));
        assertEquals("1", annotations(cluster.headlamp()).get(REPLICAS_BEFORE_STOP));

        given().post("/api/v1/components/headlamp/start").then().statusCode(200).body("changed", equalTo(true));
        given().when()
                .post("/api/v1/components/headlamp/start")
                .then()
                .statusCode(200)
                .body("changed", equalTo(false))
                .body("state", equalTo("starting"));
        assertEquals(1, cluster.headlamp().getSpec().getReplicas());
    }

    @Test
    void restartKeepsOtherTemplateAnnotations() {
        cluster.headlampResource().edit(d -> {
            d.getSpec().getTemplate().getMetadata().setAnnotations(Map.of("checksum/config", "abc123"));
            return d;
        });

        given().when()
                .post("/api/v1/components/headlamp/restart")
                .then()
                .statusCode(200)
                .body("action", equalTo("restart"))
                .body("changed", equalTo(true));
        Deployment first = cluster.headlamp();
        Map<String, String> firstAnnotations = templateAnnotations(first);
        assertEquals("abc123", firstAnnotations.get("checksum/config"));
        assertNotNull(firstAnnotations.get(RESTARTED_AT));
        Instant.parse(firstAnnotations.get(RESTARTED_AT));

        given().post("/api/v1/components/headlamp/restart").then().statusCode(200);
        Deployment second = cluster.headlamp();
        Map<String, String> secondAnnotations = templateAnnotations(second);

        assertNotEquals(firstAnnotations.get(RESTARTED_AT), secondAnnotations.get(RESTARTED_AT));
        Map<String, String> firstRest = new HashMap<>(firstAnnotations);
        Map<String, String> secondRest = new HashMap<>(secondAnnotations);
        firstRest.remove(RESTARTED_AT);
        secondRest.remove(RESTARTED_AT);
        assertEquals(firstRest, secondRest);
        second.getSpec().getTemplate().getMetadata().setAnnotations(firstAnnotations);
        assertEquals(first.getSpec(), second.getSpec());
    }

    @Test
    void restartAtZeroReplicasIsConflict() {
        cluster.scale(0);

        given().when()
                .post("/api/v1/components/headlamp/restart")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/runtime-conflict"))
                .body("component", equalTo("headlamp"))
                .body("runtime", equalTo("kubernetes"))
                .body("detail", containsString("scaled to 0 replicas"))
                .body("detail", containsString("start it instead"));
        assertNull(templateAnnotations(cluster.headlamp()).get(RESTARTED_AT));
    }

    @Test
    void statusWithAbsentReplicaFieldsReadsZero() {
        await().atMost(STATUS_WAIT)
                .untilAsserted(() -> given().when()
                        .get("/api/v1/components/headlamp")
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("starting"))
                        .body("reason", equalTo("0 of 1 replicas ready"))
                        .body("kubernetes.desiredReplicas", equalTo(1))
                        .body("kubernetes.readyReplicas", equalTo(0))
                        .body("kubernetes.availableReplicas", equalTo(0))
                        .body("kubernetes.updatedReplicas", equalTo(0))
                        .body("kubernetes.conditions.size()", equalTo(0)));
    }

    @Test
    void statusShowsCrashLoopingPod() {
        cluster.setStatus(status -> {
            status.setReplicas(1);
            status.setUpdatedReplicas(1);
            status.setUnavailableReplicas(1);
            status.setConditions(java.util.List.of(new DeploymentConditionBuilder()
                    .withType("Available")
                    .withStatus("False")
                    .withReason("MinimumReplicasUnavailable")
                    .withMessage("Deployment does not have minimum availability.")
                    .withLastTransitionTime("2026-12-04T10:00:00Z")
                    .build()));
            return status;
        });
        cluster.createPod("headlamp-5c8d7", Instant.parse("2026-12-04T10:00:00Z"), "headlamp");
        cluster.setPodStatus(
                "headlamp-5c8d7",
                new PodStatusBuilder()
                        .withPhase("Running")
                        .addNewContainerStatus()
                        .withName("headlamp")
                        .withRestartCount(4)
                        .withNewState()
                        .withNewWaiting()
                        .withReason("CrashLoopBackOff")
                        .withMessage("back-off 1m20s restarting failed container=headlamp")
                        .endWaiting()
                        .endState()
                        .endContainerStatus()
                        .build());

        await().atMost(STATUS_WAIT)
                .untilAsserted(() -> given().when()
                        .get("/api/v1/components/headlamp")
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("degraded"))
                        .body(
                                "reason",
                                equalTo(
                                        "0 of 1 replicas ready; pod headlamp-5c8d7 container headlamp: CrashLoopBackOff:"
                                                + " back-off 1m20s restarting failed container=headlamp"))
                        .body("since", equalTo("2026-12-04T10:00:00Z"))
                        .body("kubernetes.conditions[0].type", equalTo("Available"))
                        .body("kubernetes.conditions[0].status", equalTo("False")));
    }

    @Test
    void deletedWorkloadIsNotCreated() {
        cluster.headlampResource().delete();

        await().atMost(STATUS_WAIT)
                .untilAsserted(() -> given().when()
                        .get("/api/v1/components/headlamp")
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("not_created"))
                        .body("reason", startsWith("Deployment infra/headlamp does not exist"))
                        .body("kubernetes", nullValue()));
        given().when()
                .post("/api/v1/components/headlamp/start")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/workload-not-found"))
                .body("detail", containsString("kubectl apply -k k8s/"));
    }

    @Test
    void forbiddenPatchIsProblemWhileStatusAnswers() {
        server.expect()
                .patch()
                .withPath(HEADLAMP_PATH)
                .andReturn(
                        403,
                        new StatusBuilder()
                                .withCode(403)
                                .withReason("Forbidden")
                                .withMessage("deployments.apps \"headlamp\" is forbidden: User"
                                        + " \"system:serviceaccount:infra:stackpilot\" cannot patch resource"
                                        + " \"deployments\" in API group \"apps\" in the namespace \"infra\"")
                                .build())
                .always();

        given().when()
                .post("/api/v1/components/headlamp/stop")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/forbidden-by-runtime"))
                .body("verb", equalTo("patch"))
                .body("resource", equalTo("deployments"))
                .body("namespace", equalTo("infra"))
                .body("component", equalTo("headlamp"))
                .body("detail", containsString("cannot patch resource"));

        await().atMost(STATUS_WAIT)
                .untilAsserted(() -> given().when()
                        .get("/api/v1/components/headlamp")
                        .then()
                        .statusCode(200)
                        .body("kubernetes.desiredReplicas", equalTo(1)));
        assertEquals(1, cluster.headlamp().getSpec().getReplicas());
    }

    @Test
    void logsComeFromNewestPod() {
        cluster.createPod("headlamp-old", Instant.parse("2026-12-04T09:00:00Z"), "headlamp");
        cluster.createPod("headlamp-new", Instant.parse("2026-12-04T10:00:00Z"), "headlamp");
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/infra/pods/headlamp-new/log?pretty=false&container=headlamp"
                        + "&sinceTime=2026-12-04T10:00:00Z&tailLines=2")
                .andReturn(200, "listening on :4466\r\nplugins loaded\n")
                .once();

        String body = given().queryParam("tail", 2)
                .queryParam("since", "2026-12-04T10:00:00Z")
                .when()
                .get("/api/v1/components/headlamp/logs")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertEquals("listening on :4466\nplugins loaded\n", body);
    }

    @Test
    void followedLogsStreamUntilThePodLogEnds() {
        cluster.createPod("headlamp-a", Instant.parse("2026-12-04T10:00:00Z"), "headlamp");
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/infra/pods/headlamp-a/log?pretty=false&container=headlamp&follow=true")
                .andReturn(200, "first\nsecond\n")
                .once();

        given().queryParam("follow", true)
                .when()
                .get("/api/v1/components/headlamp/logs")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(equalTo("first\nsecond\n"));
    }

    @Test
    void logsReadTheRequestedContainer() {
        cluster.createPod("headlamp-a", Instant.parse("2026-12-04T10:00:00Z"), "headlamp", "plugin-sync");
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/infra/pods/headlamp-a/log?pretty=false&container=plugin-sync")
                .andReturn(200, "synced 3 plugins\n")
                .once();

        given().queryParam("container", "plugin-sync")
                .header("Accept", "application/x-ndjson")
                .when()
                .get("/api/v1/components/headlamp/logs")
                .then()
                .statusCode(200)
                .body(equalTo("{\"stream\":\"stdout\",\"text\":\"synced 3 plugins\"}\n"));
    }

    @Test
    void logsOfUnknownContainerAreNotFound() {
        cluster.createPod("headlamp-a", Instant.parse("2026-12-04T10:00:00Z"), "headlamp");

        given().queryParam("container", "sidecar")
                .when()
                .get("/api/v1/components/headlamp/logs")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Pod headlamp-a has no container 'sidecar'; its containers: headlamp"));
    }

    @Test
    void logsWithoutPodsAreNotFound() {
        given().when()
                .get("/api/v1/components/headlamp/logs")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/workload-not-found"))
                .body("detail", containsString("has no pods to read logs from"));
    }

    @Test
    void readinessReportsTheApiServer() {
        given().when()
                .get("/q/health/ready")
                .then()
                .body("checks.find { it.name == 'kubernetes-runtime' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'kubernetes-runtime' }.data.required", equalTo(true))
                .body(
                        "checks.find { it.name == 'kubernetes-runtime' }.data.server",
                        equalTo(client.getMasterUrl().toString().replaceAll("/$", "")));
    }

    private static Map<String, String> annotations(Deployment deployment) {
        Map<String, String> annotations = deployment.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    private static Map<String, String> templateAnnotations(Deployment deployment) {
        Map<String, String> annotations =
                deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }
}
