package io.stackpilot.support;

import java.nio.file.Path;

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

    /** Removes the project's containers and network, see {@link DockerCli#composeDown}. */
    public static void down() {
        DockerCli.composeDown(PROJECT, COMPOSE_FILE);
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
