package io.stackpilot.support;

import java.nio.file.Path;

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

    /** Removes the project's containers and network. */
    public static void down() {
        DockerCli.compose(PROJECT, COMPOSE_FILE, "down", "--remove-orphans", "--timeout", "1");
    }

    /** Returns the container id of a service, as {@code docker-compose ps -q} reports it. */
    public static String containerId(String service) {
        return DockerCli.compose(PROJECT, COMPOSE_FILE, "ps", "-q", service).strip();
    }
}
