package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static io.stackpilot.support.DockerCli.state;
import static io.stackpilot.support.Operations.step;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.stackpilot.support.Operations;
import io.stackpilot.support.OrchestrationStack;
import io.stackpilot.support.OrchestrationTestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stack start and stop over the diamond {@code a <- b, a <- c, b and c <- d} of real containers. */
@QuarkusTest
@TestProfile(OrchestrationTestProfile.class)
class StackOperationTest {

    private static final List<String> DIAMOND = List.of("a", "b", "c", "d");

    @BeforeEach
    void freshStack() {
        OrchestrationStack.up();
        awaitCachedStates("running");
    }

    @AfterAll
    static void removeStack() {
        OrchestrationStack.down();
    }

    @Test
    void stackStartRunsTheDiamondInDependencyOrder() {
        stopAll();

        JsonPath operation = awaitFinished(given().post("/api/v1/stack/start"));

        for (String component : DIAMOND) {
            assertEquals("succeeded", step(operation, component).get("state"), component);
            assertEquals(true, step(operation, component).get("changed"), component);
            assertEquals("running", state(OrchestrationStack.containerId(component)), component);
        }
        assertFalse(started("b", operation).isBefore(finished("a", operation)), "b starts after a is healthy");
        assertFalse(started("c", operation).isBefore(finished("a", operation)), "c starts after a is healthy");
        assertTrue(started("b", operation).isBefore(finished("c", operation)), "b and c overlap");
        assertTrue(started("c", operation).isBefore(finished("b", operation)), "b and c overlap");
        assertFalse(started("d", operation).isBefore(finished("b", operation)), "d starts after b is healthy");
        assertFalse(started("d", operation).isBefore(finished("c", operation)), "d starts after c is healthy");
    }

    @Test
    void dependencyThatNeverBecomesHealthyFailsAtItsStartTimeout() {
        stopAll();

        JsonPath operation = awaitFinished(given().post("/api/v1/stack/start"));

        assertEquals("failed", operation.getString("state"));
        assertTrue(operation.getString("error").contains("lame"), operation.getString("error"));
        Map<String, Object> lame = step(operation, "lame");
        assertEquals("failed", lame.get("state"));
        assertTrue(
                ((String) lame.get("error"))
                        .contains("did not become healthy within "
                                + OrchestrationTestProfile.LAME_START_TIMEOUT_SECONDS * 1000 + " ms"),
                lame.toString());
        long waited = Duration.between(started("lame", operation), finished("lame", operation))
                .toMillis();
        assertTrue(waited >= OrchestrationTestProfile.LAME_START_TIMEOUT_SECONDS * 1000L, "waited " + waited);
        Map<String, Object> dependent = step(operation, "needs-lame");
        assertEquals("skipped", dependent.get("state"));
        assertTrue(((String) dependent.get("error")).contains("lame"), dependent.toString());
        assertEquals(null, dependent.get("startedAt"));
        assertEquals("exited", state(OrchestrationStack.containerId("needs-lame")), "the dependent never started");
    }

    @Test
    void synchronousStartReportsTheFailedDependency() {
        stopAll();

        Response response = given().post("/api/v1/components/needs-lame/start");

        response.then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/dependency-not-ready"))
                .body("dependencies[0].name", equalTo("lame"))
                .body("dependencies[0].reason", containsString("did not become healthy"))
                .body("operationId", equalTo(response.header(OperationRequests.OPERATION_ID)));
        assertEquals("exited", state(OrchestrationStack.containerId("needs-lame")));
    }

    @Test
    void stackStopRunsInReverseOrder() {
        JsonPath operation = awaitFinished(given().queryParam("timeout", 1).post("/api/v1/stack/stop"));

        assertEquals("succeeded", operation.getString("state"));
        for (String component : DIAMOND) {
            assertEquals("exited", state(OrchestrationStack.containerId(component)), component);
        }
        assertFalse(started("b", operation).isBefore(finished("d", operation)), "b stops after d");
        assertFalse(started("c", operation).isBefore(finished("d", operation)), "c stops after d");
        assertFalse(started("a", operation).isBefore(finished("b", operation)), "a stops after b");
        assertFalse(started("a", operation).isBefore(finished("c", operation)), "a stops after c");
        assertEquals("exited", state(OrchestrationStack.containerId("lame")));
    }

    @Test
    void dryRunReturnsThePlanTheRunThenExecutes() {
        stopAll();
        String before = state(OrchestrationStack.containerId("b"));

        JsonPath plan = given().queryParam("dryRun", true)
                .post("/api/v1/stack/start")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("kind", equalTo("stack-start"))
                .body("steps.find { it.component == 'b' }.reason", containsString("starts"))
                .body("steps.find { it.component == 'b' }.currentState", equalTo("stopped"))
                .extract()
                .jsonPath();

        assertEquals(before, state(OrchestrationStack.containerId("b")), "a dry run changes nothing");
        assertEquals("exited", state(OrchestrationStack.containerId("a")), "a dry run changes nothing");
        JsonPath operation = awaitFinished(given().post("/api/v1/stack/start"));
        assertEquals(plan.getList("steps.component"), operation.getList("steps.component"));
        assertEquals(plan.getList("steps.action"), operation.getList("steps.action"));
        assertEquals(plan.getList("steps.after"), operation.getList("steps.after"));
        assertEquals(plan.getList("steps.reason"), operation.getList("steps.reason"));
    }

    @Test
    void cancelEndsTheHealthWaitAndSkipsTheRest() {
        stopAll();
        String id = given().queryParam("async", true)
                .post("/api/v1/components/needs-lame/start")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() ->
                        given().get("/api/v1/operations/" + id).then().body("steps[0].state", equalTo("running")));

        given().delete("/api/v1/operations/" + id).then().statusCode(202).body("id", equalTo(id));

        JsonPath operation = Operations.awaitFinished(id);
        assertEquals("cancelled", operation.getString("state"));
        assertEquals("cancelled", step(operation, "lame").get("state"));
        assertEquals("cancelled", step(operation, "needs-lame").get("state"));
        assertEquals("exited", state(OrchestrationStack.containerId("needs-lame")));
        given().delete("/api/v1/operations/" + id).then().statusCode(200).body("state", equalTo("cancelled"));
    }

    @Test
    void secondStackStartWhileOneRunsIsConflict() {
        stopAll();
        String running = given().post("/api/v1/stack/start")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        given().post("/api/v1/stack/start")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/operation-in-progress"))
                .body("operationId", equalTo(running))
                .body("detail", containsString(running));
        given().queryParam("dryRun", true)
                .post("/api/v1/stack/stop")
                .then()
                .statusCode(409)
                .body("operationId", equalTo(running));

        assertEquals("failed", Operations.awaitFinished(running).getString("state"), "lame fails the stack start");
        given().queryParam("dryRun", true)
                .post("/api/v1/stack/stop")
                .then()
                .statusCode(200)
                .body("steps.component", not(List.of()));
    }

    /** Stops every container and waits until the status cache shows it, so plans see the new states. */
    private static void stopAll() {
        OrchestrationStack.stopAll();
        awaitCachedStates("stopped");
    }

    private static void awaitCachedStates(String diamondState) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    JsonPath components = given().get("/api/v1/components").jsonPath();
                    for (String component : DIAMOND) {
                        assertEquals(
                                diamondState, components.getString("find { it.name == '" + component + "' }.state"));
                    }
                });
    }

    private static JsonPath awaitFinished(Response accepted) {
        accepted.then().statusCode(202);
        return Operations.awaitFinished(accepted.jsonPath().getString("id"));
    }

    private static Instant started(String component, JsonPath operation) {
        return Instant.parse((String) step(operation, component).get("startedAt"));
    }

    private static Instant finished(String component, JsonPath operation) {
        return Instant.parse((String) step(operation, component).get("finishedAt"));
    }
}
