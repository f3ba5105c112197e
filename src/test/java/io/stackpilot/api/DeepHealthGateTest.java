package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static io.stackpilot.support.DockerCli.state;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.stackpilot.support.InjectTestServers;
import io.stackpilot.support.OrchestrationStack;
import io.stackpilot.support.OrchestrationTestProfile;
import io.stackpilot.support.ServersResource;
import io.stackpilot.support.servers.ScriptedHttpServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A dependency whose container runs but whose probe fails holds back its dependents: {@code a} carries an HTTP
 * probe against a real loopback server the test scripts, and {@code b} depends on {@code a}.
 */
@QuarkusTest
@TestProfile(DeepHealthGateTest.Profile.class)
class DeepHealthGateTest {

    /** Start timeout of {@code a} in this profile, in seconds. */
    static final int START_TIMEOUT_SECONDS = 3;

    @InjectTestServers
    ScriptedHttpServer probeTarget;

    @BeforeEach
    void freshStack() {
        probeTarget.respondWith(200);
        OrchestrationStack.up();
    }

    @AfterAll
    static void removeStack() {
        OrchestrationStack.down();
    }

    @Test
    void runningDependencyWhoseProbeFailsHoldsBackItsDependent() {
        OrchestrationStack.stopAll();
        probeTarget.respondWith(500);
        int requestsBefore = probeTarget.requests();

        given().post("/api/v1/components/b/start")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/dependency-not-ready"))
                .body("component", equalTo("b"))
                .body("dependencies.name", contains("a"))
                .body("dependencies[0].reason", containsString("did not become healthy within 3000 ms"))
                .body("dependencies[0].reason", containsString("returned HTTP 500"));

        assertEquals("running", state(OrchestrationStack.containerId("a")), "the dependency itself was started");
        assertEquals("exited", state(OrchestrationStack.containerId("b")), "the dependent must not start");
        assertTrue(probeTarget.requests() > requestsBefore, "the gate must have asked the probe");
    }

    @Test
    void dependentStartsOnceTheDependencyProbeSucceeds() {
        OrchestrationStack.stopAll();

        given().post("/api/v1/components/b/start")
                .then()
                .statusCode(200)
                .body("state", equalTo("running"))
                .body("steps.component", contains("a", "b"))
                .body("steps.state", contains("succeeded", "succeeded"));

        assertEquals("running", state(OrchestrationStack.containerId("b")));
    }

    @Test
    void startWithoutDependenciesRejectsARunningButUnhealthyDependency() {
        probeTarget.respondWith(503);
        OrchestrationStack.stopAll();
        given().post("/api/v1/components/a/start?dependencies=false").then().statusCode(200);

        given().queryParam("dependencies", false)
                .post("/api/v1/components/b/start")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://stackpilot.io/problems/dependency-not-ready"))
                .body("dependencies.name", contains("a"))
                .body("dependencies[0].state", equalTo("down"))
                .body("detail", containsString("a"));
        assertEquals("exited", state(OrchestrationStack.containerId("b")));
    }

    /** The orchestration catalog, with an HTTP probe on {@code a} and a short start timeout for it. */
    public static class Profile extends OrchestrationTestProfile {

        @Override
        public String getConfigProfile() {
            return "deep-gate-test";
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProbeTargetResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = super.getConfigOverrides();
            config.put("stackpilot.components.a.start-timeout", START_TIMEOUT_SECONDS + "s");
            config.put("stackpilot.health.ttl", "0s");
            return config;
        }
    }

    /** Starts the HTTP server that {@code a}'s probe queries. */
    public static class ProbeTargetResource extends ServersResource<ScriptedHttpServer> {

        public ProbeTargetResource() {
            super(ScriptedHttpServer.class);
        }

        @Override
        protected ScriptedHttpServer startServers() {
            return ScriptedHttpServer.start();
        }

        @Override
        protected Map<String, String> configFor(ScriptedHttpServer server) {
            return Map.of(
                    "stackpilot.components.a.probe.kind", "http",
                    "stackpilot.components.a.probe.url", server.url("/health"),
                    "stackpilot.components.a.probe.timeout", "1s");
        }
    }
}
