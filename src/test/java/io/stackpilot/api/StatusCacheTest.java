package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static io.stackpilot.support.DockerCli.docker;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.stackpilot.support.TestStack;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatusCacheTest {

    @BeforeEach
    void freshStack() {
        TestStack.upAndAwaitStatus();
    }

    @AfterAll
    static void removeStack() {
        TestStack.down();
    }

    @Test
    void externalStopShowsWithinOneSecond() {
        docker("stop", "-t", "5", TestStack.containerId("web"));

        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> given().get("/api/v1/components/web")
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("stopped")));
    }

    @Test
    void externalStartShowsWithinOneSecondInTheList() {
        String id = TestStack.containerId("worker");
        docker("stop", "-t", "5", id);
        awaitState("worker", "stopped");

        docker("start", id);

        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> given().get("/api/v1/components")
                        .then()
                        .statusCode(200)
                        .body("find { it.name == 'worker' }.state", equalTo("running")));
    }

    @Test
    void recreatedContainerIsFollowedByItsLabels() {
        String before = TestStack.containerId("web");

        TestStack.up();

        String after = TestStack.containerId("web");
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> given().get("/api/v1/components/web")
                        .then()
                        .statusCode(200)
                        .body("docker.containerId", equalTo(after)));
        org.junit.jupiter.api.Assertions.assertNotEquals(before, after);
    }

    @Test
    void refreshReadsTheRuntimeAndAgreesWithTheCache() {
        given().queryParam("refresh", true)
                .get("/api/v1/components/web")
                .then()
                .statusCode(200)
                .body("state", equalTo("running"))
                .body("docker.containerId", equalTo(TestStack.containerId("web")));
    }

    static void awaitState(String component, String state) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> given().get("/api/v1/components/" + component)
                        .then()
                        .statusCode(200)
                        .body("state", equalTo(state)));
    }
}
