package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static io.stackpilot.support.DockerCli.docker;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.stackpilot.support.PrivateDockerd;
import io.stackpilot.support.TestStack;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status cache across a restart of the Docker engine, which stops every container. */
@QuarkusTest
class DockerRestartTest {

    @BeforeEach
    void freshStack() {
        PrivateDockerd.requireOwnEngine();
        TestStack.upAndAwaitStatus();
    }

    @AfterEach
    void engineRuns() {
        PrivateDockerd.start();
    }

    @AfterAll
    static void removeStack() {
        TestStack.down();
    }

    @Test
    void statusIsUnknownWhileEngineIsGoneAndRightAgainAfterItReturns() {
        Instant beforeStop = Instant.now();
        PrivateDockerd.stop();

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> given().get("/api/v1/components/web")
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("unknown"))
                        .body("reason", containsString("unreachable"))
                        .body("reason", containsString("last known state"))
                        .body("since", notNullValue()));
        Response list = given().get("/api/v1/components");
        list.then().statusCode(200).body("find { it.name == 'worker' }.state", equalTo("unknown"));
        Instant since = Instant.parse(list.jsonPath().getString("find { it.name == 'worker' }.since"));
        assertTrue(!since.isBefore(beforeStop.minusSeconds(1)), "since tells when the engine was last reachable");
        given().queryParam("refresh", true)
                .get("/api/v1/components/web")
                .then()
                .statusCode(200)
                .body("state", equalTo("unknown"))
                .body("reason", containsString("unreachable"));

        PrivateDockerd.start();
        String webState = docker("inspect", "--format", "{{.State.Status}}", TestStack.containerId("web"))
                .strip();
        assertEquals("exited", webState, "stopping the engine stops its containers");

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> given().get("/api/v1/components/web")
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("stopped"))
                        .body("reason", not(containsString("unreachable"))));
    }

    @Test
    void eventsFlowAgainAfterTheEngineReturns() {
        PrivateDockerd.stop();
        PrivateDockerd.start();
        StatusCacheTest.awaitState("web", "stopped");

        docker("start", TestStack.containerId("web"));

        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> given().get("/api/v1/components/web")
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("running")));
    }
}
