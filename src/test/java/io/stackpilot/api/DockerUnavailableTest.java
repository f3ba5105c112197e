package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The service pointed at a Docker socket that does not exist keeps serving and reports what is wrong. */
@QuarkusTest
@TestProfile(DockerUnavailableTest.Profile.class)
class DockerUnavailableTest {

    static final String MISSING_HOST = "unix:///tmp/stackpilot-no-such-docker.sock";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stackpilot.docker.host", MISSING_HOST);
        }
    }

    @Test
    void lifecycleCallsAreServiceUnavailableNamingTheHost() {
        for (String action : new String[] {"start", "stop", "restart"}) {
            given().when()
                    .post("/api/v1/components/web/" + action)
                    .then()
                    .time(lessThan(5L), TimeUnit.SECONDS)
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://stackpilot.io/problems/runtime-unavailable"))
                    .body("endpoint", equalTo(MISSING_HOST))
                    .body("component", equalTo("web"))
                    .body("runtime", equalTo("docker"))
                    .body("detail", containsString(MISSING_HOST));
        }
    }

    @Test
    void logsAreServiceUnavailable() {
        given().when()
                .get("/api/v1/components/web/logs")
                .then()
                .time(lessThan(5L), TimeUnit.SECONDS)
                .statusCode(503)
                .contentType("application/problem+json")
                .body("endpoint", equalTo(MISSING_HOST));
    }

    @Test
    void statusShowsUnknownWithTheReason() {
        given().when()
                .get("/api/v1/components")
                .then()
                .time(lessThan(5L), TimeUnit.SECONDS)
                .statusCode(200)
                .body("find { it.name == 'web' }.state", equalTo("unknown"))
                .body("find { it.name == 'web' }.reason", containsString(MISSING_HOST))
                .body("find { it.name == 'worker' }.state", equalTo("unknown"));
    }

    @Test
    void livenessStaysUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessIsDownWithTheHost() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'docker-runtime' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'docker-runtime' }.data.host", equalTo(MISSING_HOST));
    }
}
