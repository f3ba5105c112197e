package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static io.stackpilot.support.DockerCli.docker;
import static io.stackpilot.support.DockerCli.state;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.stackpilot.support.TestStack;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lifecycle calls on {@code worker}, which depends on {@code web}. */
@QuarkusTest
class ComponentDependencyTest {

    @BeforeEach
    void freshStack() {
        TestStack.upAndAwaitStatus();
    }

    @AfterAll
    static void removeStack() {
        TestStack.down();
    }

    @Test
    void startStartsStoppedDependencyFirst() {
        stopContainers("worker", "web");

        Response response = given().post("/api/v1/components/worker/start");

        response.then()
                .statusCode(200)
                .header(OperationRequests.OPERATION_ID, notNullValue())
                .body("component", equalTo("worker"))
                .body("changed", equalTo(true))
                .body("state", equalTo("running"))
                .body("operationId", equalTo(response.header(OperationRequests.OPERATION_ID)))
                .body("steps.component", contains("web", "worker"))
                .body("steps.action", contains("start", "start"))
                .body("steps.state", contains("succeeded", "succeeded"))
                .body("steps[0].changed", equalTo(true))
                .body("steps[1].after", contains("web"));
        JsonPath body = response.jsonPath();
        assertFalse(instant(body, "steps[1].startedAt").isBefore(instant(body, "steps[0].finishedAt")));
        assertEquals("running", state(TestStack.containerId("web")));
        assertEquals("running", state(TestStack.containerId("worker")));
    }

    @Test
    void startWithoutDependenciesRejectsWhenDependencyIsDown() {
        stopContainers("worker", "web");

        given().queryParam("dependencies", false)
                .post("/api/v1/components/worker/start")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/dependency-not-ready"))
                .body("component", equalTo("worker"))
                .body("dependencies.name", contains("web"))
                .body("dependencies[0].state", equalTo("stopped"))
                .body("detail", containsString("web"));
        assertEquals("exited", state(TestStack.containerId("worker")));
        assertEquals("exited", state(TestStack.containerId("web")));
    }

    @Test
    void startWithoutDependenciesRunsWhenDependencyIsReady() {
        stopContainers("worker");

        given().queryParam("dependencies", false)
                .post("/api/v1/components/worker/start")
                .then()
                .statusCode(200)
                .body("changed", equalTo(true))
                .body("steps.component", contains("worker"));
        assertEquals("running", state(TestStack.containerId("worker")));
    }

    @Test
    void cascadeRestartRestartsDependentAfterTheComponent() {
        String webStartedBefore = startedAt("web");
        String workerStartedBefore = startedAt("worker");

        Response response =
                given().queryParam("cascade", true).queryParam("timeout", 2).post("/api/v1/components/web/restart");

        response.then()
                .statusCode(200)
                .body("steps.component", contains("web", "worker"))
                .body("steps.action", contains("restart", "restart"))
                .body("steps.state", contains("succeeded", "succeeded"))
                .body("steps[1].after", contains("web"))
                .body("steps[1].reason", containsString("cascade"));
        JsonPath body = response.jsonPath();
        assertFalse(instant(body, "steps[1].startedAt").isBefore(instant(body, "steps[0].finishedAt")));
        assertNotEquals(webStartedBefore, startedAt("web"));
        assertNotEquals(workerStartedBefore, startedAt("worker"));
    }

    @Test
    void restartWithoutCascadeLeavesDependentAlone() {
        String workerStartedBefore = startedAt("worker");

        given().queryParam("timeout", 2)
                .post("/api/v1/components/web/restart")
                .then()
                .statusCode(200)
                .body("steps.component", contains("web"));

        assertEquals(workerStartedBefore, startedAt("worker"));
    }

    @Test
    void cascadeStopStopsDependentFirst() {
        Response response =
                given().queryParam("cascade", true).queryParam("timeout", 2).post("/api/v1/components/web/stop");

        response.then()
                .statusCode(200)
                .body("steps.component", contains("worker", "web"))
                .body("steps.action", contains("stop", "stop"))
                .body("steps[1].after", contains("worker"));
        JsonPath body = response.jsonPath();
        assertFalse(instant(body, "steps[1].startedAt").isBefore(instant(body, "steps[0].finishedAt")));
        assertEquals("exited", state(TestStack.containerId("worker")));
        assertEquals("exited", state(TestStack.containerId("web")));
    }

    @Test
    void dryRunReturnsThePlanAndChangesNothing() {
        stopContainers("worker", "web");

        given().queryParam("dryRun", true)
                .post("/api/v1/components/worker/start")
                .then()
                .statusCode(200)
                .header(OperationRequests.OPERATION_ID, (String) null)
                .body("dryRun", equalTo(true))
                .body("kind", equalTo("component-start"))
                .body("target", equalTo("worker"))
                .body("steps.component", contains("web", "worker"))
                .body("steps.action", contains("start", "start"))
                .body("steps.currentState", contains("stopped", "stopped"))
                .body("steps[0].after", empty())
                .body("steps[0].reason", containsString("dependency of worker"))
                .body("steps[1].after", contains("web"));

        assertEquals("exited", state(TestStack.containerId("worker")));
        assertEquals("exited", state(TestStack.containerId("web")));
    }

    @Test
    void asyncRequestAnswersAcceptedWithTheOperation() {
        Response response =
                given().queryParam("async", true).queryParam("timeout", 2).post("/api/v1/components/web/restart");

        String id = response.then()
                .statusCode(202)
                .header(
                        "Location",
                        endsWith("/api/v1/operations/" + response.jsonPath().getString("id")))
                .body("kind", equalTo("component-restart"))
                .body("target", equalTo("web"))
                .body("options.timeout", equalTo(2))
                .extract()
                .path("id");
        assertEquals(id, response.header(OperationRequests.OPERATION_ID));

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().get(response.header("Location"))
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("succeeded"))
                        .body("steps[0].changed", equalTo(true))
                        .body("steps[0].resultState", equalTo("running")));
    }

    private static void stopContainers(String... services) {
        for (String service : services) {
            docker("stop", "-t", "2", TestStack.containerId(service));
        }
        for (String service : services) {
            StatusCacheTest.awaitState(service, "stopped");
        }
    }

    private static String startedAt(String service) {
        return docker("inspect", "--format", "{{.State.StartedAt}}", TestStack.containerId(service))
                .strip();
    }

    static Instant instant(JsonPath body, String path) {
        return Instant.parse(body.getString(path));
    }
}
