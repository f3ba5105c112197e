package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static io.stackpilot.support.DockerCli.docker;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stackpilot.support.NoKubernetesApiServer;
import io.stackpilot.support.TestStack;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service on a machine without any Kubernetes configuration: Headlamp is unknown, Docker works. */
@QuarkusTest
@QuarkusTestResource(value = NoKubernetesApiServer.class, restrictToAnnotatedClass = true)
class KubernetesNotConfiguredTest {

    private static final String NOT_CONFIGURED = "No Kubernetes API server is configured";

    private final StackTraceRecorder stackTraces = new StackTraceRecorder();

    @BeforeAll
    static void startDockerComponents() {
        TestStack.up();
    }

    @AfterAll
    static void removeDockerComponents() {
        TestStack.down();
    }

    @BeforeEach
    void recordStackTraces() {
        Logger.getLogger("").addHandler(stackTraces);
    }

    @AfterEach
    void stopRecording() {
        Logger.getLogger("").removeHandler(stackTraces);
    }

    @Test
    void statusIsUnknownWithHowToConfigure() {
        for (int call = 0; call < 3; call++) {
            given().when()
                    .get("/api/v1/components")
                    .then()
                    .statusCode(200)
                    .body("find { it.name == 'headlamp' }.runtime", equalTo("kubernetes"))
                    .body("find { it.name == 'headlamp' }.state", equalTo("unknown"))
                    .body("find { it.name == 'headlamp' }.reason", startsWith(NOT_CONFIGURED))
                    .body("find { it.name == 'headlamp' }.reason", containsString("KUBECONFIG"))
                    .body(
                            "find { it.name == 'headlamp' }.reason",
                            containsString("QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL"))
                    .body("find { it.name == 'web' }.state", equalTo("running"));
        }

        assertEquals(List.of(), stackTraces.records());
    }

    @Test
    void lifecycleCallsAreServiceUnavailableWithoutEndpoint() {
        given().when()
                .post("/api/v1/components/headlamp/stop")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/runtime-unavailable"))
                .body("detail", startsWith(NOT_CONFIGURED))
                .body("endpoint", nullValue());

        assertEquals(List.of(), stackTraces.records());
    }

    @Test
    void dockerLifecycleIsUnaffected() {
        given().when()
                .post("/api/v1/components/web/start")
                .then()
                .statusCode(200)
                .body("changed", equalTo(false))
                .body("state", equalTo("running"));
    }

    @Test
    void dockerStatusStaysEventFed() {
        String web = TestStack.containerId("web");
        docker("stop", "-t", "5", web);
        try {
            await().atMost(Duration.ofSeconds(1))
                    .pollInterval(Duration.ofMillis(20))
                    .untilAsserted(() -> given().get("/api/v1/components/web")
                            .then()
                            .statusCode(200)
                            .body("state", equalTo("stopped")));
        } finally {
            docker("start", web);
            StatusCacheTest.awaitState("web", "running");
        }
        assertEquals(List.of(), stackTraces.records());
    }

    @Test
    void readinessIsDownWithTheHint() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'kubernetes-runtime' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'kubernetes-runtime' }.data.error", startsWith(NOT_CONFIGURED))
                .body("checks.find { it.name == 'kubernetes-runtime' }.data.server", nullValue());
    }

    /** Keeps every log record that carries an exception, which would print a stack trace. */
    private static final class StackTraceRecorder extends Handler {

        private final List<String> records = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            if (record.getThrown() != null) {
                records.add(record.getLoggerName() + ": " + record.getMessage() + " / " + record.getThrown());
            }
        }

        List<String> records() {
            return List.copyOf(records);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
