package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static io.stackpilot.support.DockerCli.state;
import static io.stackpilot.support.Operations.awaitFinished;
import static io.stackpilot.support.Operations.step;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.stackpilot.support.DockerCli;
import io.stackpilot.support.HealthWaitTestProfile;
import io.stackpilot.support.InjectTestServers;
import io.stackpilot.support.servers.SilentServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a step's wait for a dependency to become healthy ends early: on a failed workload and on a cancel. */
@QuarkusTest
@TestProfile(HealthWaitTestProfile.class)
class HealthWaitTest {

    private static final Path COMPOSE_FILE = Path.of("src/test/resources/compose/health-wait.yaml");

    @InjectTestServers
    SilentServer silent;

    /** Starts {@code crash} and {@code hung} and leaves their dependents stopped. */
    @BeforeEach
    void freshStack() {
        compose("up", "-d", "--force-recreate", "--remove-orphans");
        compose("stop", "--timeout", "1", "needs-crash", "needs-hung");
    }

    @AfterAll
    static void removeStack() {
        DockerCli.composeDown(HealthWaitTestProfile.PROJECT, COMPOSE_FILE);
    }

    @Test
    void failedDependencyFailsTheStepAtOnce() {
        awaitCachedState("crash", "failed");

        JsonPath operation = awaitFinished(startAsync("needs-crash"));

        assertEquals("failed", operation.getString("state"));
        Map<String, Object> crash = step(operation, "crash");
        assertEquals("failed", crash.get("state"));
        String error = (String) crash.get("error");
        assertTrue(error.contains("Component 'crash' failed while starting"), error);
        assertTrue(error.contains("exited with code 1"), error);
        assertTrue(error.contains("Check its logs"), error);
        assertFalse(error.contains("start-timeout"), error);
        long waitedMs = Duration.between(started(crash), finished(crash)).toMillis();
        assertTrue(waitedMs < 15_000, "waited " + waitedMs + " ms of a 60 s start timeout");
        Map<String, Object> dependent = step(operation, "needs-crash");
        assertEquals("skipped", dependent.get("state"));
        assertNull(dependent.get("startedAt"));
        assertEquals("exited", state(containerId("needs-crash")), "the dependent never started");
    }

    @Test
    void cancelEndsAHungHealthCheckAtOnce() {
        compose("stop", "--timeout", "1", "hung");
        awaitCachedState("hung", "stopped");
        int connectionsBefore = silent.connections();

        String id = startAsync("needs-hung");
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> silent.connections() > connectionsBefore);
        given().get("/api/v1/operations/" + id).then().body("steps[0].state", equalTo("running"));

        given().delete("/api/v1/operations/" + id).then().statusCode(202);

        await().atMost(Duration.ofMillis(1500))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(
                        () -> given().get("/api/v1/operations/" + id).then().body("state", equalTo("cancelled")));
        JsonPath operation = given().get("/api/v1/operations/" + id).jsonPath();
        assertEquals("cancelled", step(operation, "hung").get("state"));
        assertEquals("cancelled", step(operation, "needs-hung").get("state"));
        assertEquals("exited", state(containerId("needs-hung")), "the dependent never started");
        assertTrue(silent.connections() > connectionsBefore, "the probe reached the silent server");
    }

    private static String startAsync(String component) {
        return given().queryParam("async", true)
                .post("/api/v1/components/" + component + "/start")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private static void awaitCachedState(String component, String expected) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() ->
                        given().get("/api/v1/components/" + component).then().body("state", equalTo(expected)));
    }

    private static Instant started(Map<String, Object> step) {
        return Instant.parse((String) step.get("startedAt"));
    }

    private static Instant finished(Map<String, Object> step) {
        return Instant.parse((String) step.get("finishedAt"));
    }

    private static String containerId(String service) {
        return compose("ps", "-q", service).strip();
    }

    private static String compose(String... args) {
        return DockerCli.compose(HealthWaitTestProfile.PROJECT, COMPOSE_FILE, args);
    }
}
