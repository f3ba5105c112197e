package io.stackpilot.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The Compose project {@code sptest} that the test catalog manages: {@code web}, {@code worker} (depends on
 * web) and the TTY container {@code sptest-console}, all from the local busybox image.
 */
public final class TestStack {

    public static final String PROJECT = "sptest";
    public static final Path COMPOSE_FILE = Path.of("src/test/resources/compose/sptest.yaml");

    private TestStack() {}

    /** Creates and starts the whole project, replacing containers left by an earlier test. */
    public static void up() {
        DockerCli.ensureTestImage();
        DockerCli.compose(PROJECT, COMPOSE_FILE, "up", "-d", "--force-recreate", "--remove-orphans");
    }

    /**
     * Creates and starts the whole project like {@link #up()}, then waits until the service's status cache
     * shows the new containers running, so a test never reads the state of the containers it replaced.
     */
    public static void upAndAwaitStatus() {
        up();
        awaitStatus();
    }

    /** Waits until the service's status cache shows the project's current containers running. */
    public static void awaitStatus() {
        Map<String, String> expected = Map.of(
                "web", containerId("web"),
                "worker", containerId("worker"),
                "console",
                        DockerCli.docker("inspect", "--format", "{{.Id}}", "sptest-console")
                                .strip());
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> expected.forEach((component, id) -> given().get("/api/v1/components/" + component)
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("running"))
                        .body("docker.containerId", equalTo(id))));
    }

    /** Removes the project's containers and network, see {@link DockerCli#composeDown}. */
    public static void down() {
        DockerCli.composeDown(PROJECT, COMPOSE_FILE);
    }

    /** Returns the container id of a service, as {@code docker-compose ps -q} reports it. */
    public static String containerId(String service) {
        return DockerCli.compose(PROJECT, COMPOSE_FILE, "ps", "-q", service).strip();
    }
}
