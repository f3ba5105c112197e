package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static io.stackpilot.support.DockerCli.docker;
import static io.stackpilot.support.DockerCli.state;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.stackpilot.support.TestStack;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ComponentLifecycleTest {

    @BeforeEach
    void freshStack() {
        TestStack.upAndAwaitStatus();
    }

    @AfterAll
    static void removeStack() {
        TestStack.down();
    }

    @Test
    void listShowsEveryComponentInStartOrder() {
        given().when()
                .get("/api/v1/components")
                .then()
                .statusCode(200)
                .body("name", contains("console", "headlamp", "web", "worker"))
                .body("find { it.name == 'web' }.runtime", equalTo("docker"))
                .body("find { it.name == 'web' }.state", equalTo("running"))
                .body("find { it.name == 'worker' }.dependsOn", contains("web"))
                .body("find { it.name == 'headlamp' }.runtime", equalTo("kubernetes"));
    }

    @Test
    void statusShowsContainerDetails() {
        String id = TestStack.containerId("web");

        given().when()
                .get("/api/v1/components/web")
                .then()
                .statusCode(200)
                .body("state", equalTo("running"))
                .body("since", notNullValue())
                .body("reason", nullValue())
                .body("docker.containerId", equalTo(id))
                .body("docker.containerName", startsWith("sptest"))
                .body("docker.image", equalTo("stackpilot-test/busybox:1"))
                .body("docker.status", equalTo("running"))
                .body("docker.health", equalTo("none"));
    }

    @Test
    void stopThenStartChangesTheContainer() {
        String id = TestStack.containerId("web");

        given().queryParam("timeout", 5)
                .when()
                .post("/api/v1/components/web/stop")
                .then()
                .statusCode(200)
                .body("component", equalTo("web"))
                .body("action", equalTo("stop"))
                .body("changed", equalTo(true))
                .body("state", equalTo("stopped"))
                .body("durationMs", greaterThanOrEqualTo(0));
        assertEquals("exited", state(id));
        assertEquals(
                "0", docker("inspect", "--format", "{{.State.ExitCode}}", id).strip());

        given().when()
                .post("/api/v1/components/web/start")
                .then()
                .statusCode(200)
                .body("changed", equalTo(true))
                .body("state", equalTo("running"));
        assertEquals("running", state(id));
    }

    @Test
    void startOfRunningContainerIsUnchanged() {
        given().when()
                .post("/api/v1/components/web/start")
                .then()
                .statusCode(200)
                .body("changed", equalTo(false))
                .body("state", equalTo("running"));
    }

    @Test
    void stopOfStoppedContainerIsUnchanged() {
        docker("stop", "-t", "1", TestStack.containerId("worker"));

        given().when()
                .post("/api/v1/components/worker/stop")
                .then()
                .statusCode(200)
                .body("changed", equalTo(false))
                .body("state", equalTo("stopped"));
    }

    @Test
    void restartGivesTheContainerANewStartTime() {
        String id = TestStack.containerId("web");
        String startedBefore =
                docker("inspect", "--format", "{{.State.StartedAt}}", id).strip();

        given().queryParam("timeout", 2)
                .when()
                .post("/api/v1/components/web/restart")
                .then()
                .statusCode(200)
                .body("action", equalTo("restart"))
                .body("changed", equalTo(true))
                .body("state", equalTo("running"));

        String startedAfter =
                docker("inspect", "--format", "{{.State.StartedAt}}", id).strip();
        assertEquals("running", state(id));
        org.junit.jupiter.api.Assertions.assertNotEquals(startedBefore, startedAfter);
    }

    @Test
    void restartOfStoppedContainerStartsIt() {
        String id = TestStack.containerId("web");
        docker("stop", "-t", "1", id);

        given().when()
                .post("/api/v1/components/web/restart")
                .then()
                .statusCode(200)
                .body("state", equalTo("running"));
        assertEquals("running", state(id));
    }

    @Test
    void containerNamedInCatalogIsFoundByName() {
        given().when()
                .get("/api/v1/components/console")
                .then()
                .statusCode(200)
                .body("state", equalTo("running"))
                .body("docker.containerName", equalTo("sptest-console"));
    }

    @Test
    void removedContainerReportsNotCreated() {
        docker("rm", "-f", TestStack.containerId("worker"));

        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> given().when()
                        .get("/api/v1/components/worker")
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("not_created"))
                        .body("reason", startsWith("no container found for compose service sptest/worker"))
                        .body("docker", nullValue()));
    }

    @Test
    void lifecycleOfRemovedContainerIsNotFound() {
        docker("rm", "-f", TestStack.containerId("worker"));

        given().when()
                .post("/api/v1/components/worker/start")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/workload-not-found"))
                .body("component", equalTo("worker"))
                .body("detail", startsWith("Component 'worker' has no container"));
    }

    @Test
    void unknownComponentIsProblemNotFound() {
        given().when()
                .get("/api/v1/components/kafak")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/component-not-found"))
                .body("title", equalTo("Component not found"))
                .body("status", equalTo(404))
                .body("component", equalTo("kafak"))
                .body("knownComponents", hasItem("web"))
                .body("instance", equalTo("/api/v1/components/kafak"));
    }

    @Test
    void timeoutOutOfRangeIsInvalidParameter() {
        given().queryParam("timeout", 301)
                .when()
                .post("/api/v1/components/web/stop")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/invalid-parameter"))
                .body("parameter", equalTo("timeout"))
                .body("value", equalTo(301))
                .body("detail", org.hamcrest.Matchers.containsString("300"));
        assertEquals("running", state(TestStack.containerId("web")));
    }

    @Test
    void malformedNameIsInvalidParameter() {
        given().when()
                .get("/api/v1/components/Web_1")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("name"));
    }
}
