package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.stackpilot.support.TestStack;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The service pointed at an API server address where nothing listens: Headlamp fails, Docker carries on. */
@QuarkusTest
@TestProfile(KubernetesUnreachableTest.Profile.class)
class KubernetesUnreachableTest {

    /**
     * Nothing listens on loopback port 1 on ordinary machines, so connections are refused at once. A random
     * free port would not do, because the profile and the test run in different class loaders and would
     * each pick their own.
     */
    static final String DEAD_SERVER = "https://127.0.0.1:1";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.kubernetes-client.api-server-url", DEAD_SERVER);
        }
    }

    @BeforeAll
    static void startDockerComponents() {
        TestStack.up();
    }

    @AfterAll
    static void removeDockerComponents() {
        TestStack.down();
    }

    @Test
    void lifecycleCallsAreServiceUnavailableNamingTheServer() {
        for (String action : new String[] {"start", "stop", "restart"}) {
            given().when()
                    .post("/api/v1/components/headlamp/" + action)
                    .then()
                    .time(lessThan(10L), TimeUnit.SECONDS)
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://stackpilot.io/problems/runtime-unavailable"))
                    .body("endpoint", equalTo(DEAD_SERVER))
                    .body("component", equalTo("headlamp"))
                    .body("runtime", equalTo("kubernetes"))
                    .body("detail", containsString("The Kubernetes API server at " + DEAD_SERVER + " is unreachable"));
        }
    }

    @Test
    void logsAreServiceUnavailable() {
        given().when()
                .get("/api/v1/components/headlamp/logs")
                .then()
                .time(lessThan(10L), TimeUnit.SECONDS)
                .statusCode(503)
                .contentType("application/problem+json")
                .body("endpoint", equalTo(DEAD_SERVER));
    }

    @Test
    void statusIsUnknownWhileDockerComponentsAnswer() {
        given().when()
                .get("/api/v1/components")
                .then()
                .time(lessThan(10L), TimeUnit.SECONDS)
                .statusCode(200)
                .body("find { it.name == 'headlamp' }.state", equalTo("unknown"))
                .body("find { it.name == 'headlamp' }.reason", containsString(DEAD_SERVER + " is unreachable"))
                .body("find { it.name == 'web' }.state", equalTo("running"))
                .body("find { it.name == 'worker' }.state", equalTo("running"));
        given().when()
                .post("/api/v1/components/web/start")
                .then()
                .statusCode(200)
                .body("changed", equalTo(false));
    }

    @Test
    void readinessIsDownNamingTheServer() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'kubernetes-runtime' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'kubernetes-runtime' }.data.server", equalTo(DEAD_SERVER))
                .body("checks.find { it.name == 'kubernetes-runtime' }.data.error", containsString(DEAD_SERVER))
                .body("checks.find { it.name == 'docker-runtime' }.status", equalTo("UP"));
    }
}
