package io.stackpilot.support;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The Compose project {@code sporch} of {@link OrchestrationTestProfile}: the diamond {@code a <- b, a <- c,
 * b and c <- d}, {@code lame} whose Docker health check always fails, {@code needs-lame} that depends on it, and {@code slow} that
 * ignores SIGTERM.
 */
public final class OrchestrationStack {

    public static final String PROJECT = "sporch";
    public static final Path COMPOSE_FILE = Path.of("src/test/resources/compose/orchestration.yaml");

    private OrchestrationStack() {}

    /** Creates and starts every container, replacing those left by an earlier test. */
    public static void up() {
        DockerCli.compose(PROJECT, COMPOSE_FILE, "up", "-d", "--force-recreate", "--remove-orphans");
    }

    /**
     * Removes the project's containers and network. An operation the last test left running may start a
     * container while the network is being removed, and then Compose fails with "active endpoints", so it is
     * run again until it succeeds.
     */
    public static void down() {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(AssertionError.class)
                .until(() -> {
                    DockerCli.compose(PROJECT, COMPOSE_FILE, "down", "--remove-orphans", "--timeout", "1");
                    return true;
                });
    }

    /** Stops every container of the project, one second of grace each. */
    public static void stopAll() {
        DockerCli.compose(PROJECT, COMPOSE_FILE, "stop", "--timeout", "1");
    }

    /** Returns the container id of a service. */
    public static String containerId(String service) {
        return DockerCli.compose(PROJECT, COMPOSE_FILE, "ps", "-q", service).strip();
    }
}
