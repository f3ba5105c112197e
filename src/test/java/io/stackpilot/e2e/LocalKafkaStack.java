package io.stackpilot.e2e;

import io.stackpilot.support.DockerCli;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The Compose project {@code kafka} from {@code compose/docker-compose.yaml} with the local images of
 * {@code compose/docker-compose.local.yaml}, which {@code compose/local-images.sh} builds without a registry.
 */
final class LocalKafkaStack {

    static final String PROJECT = "kafka";
    static final Path BASE = Path.of("compose/docker-compose.yaml");
    static final Path LOCAL = Path.of("compose/docker-compose.local.yaml");

    private LocalKafkaStack() {}

    /** Builds the local images (a few seconds when they exist) and creates the containers without starting them. */
    static void createStopped() {
        DockerCli.script("compose/local-images.sh");
        compose("down", "--remove-orphans", "--timeout", "5");
        compose("up", "--no-start");
    }

    static void remove() {
        compose("down", "--remove-orphans", "--timeout", "5");
    }

    static String containerId(String service) {
        return compose("ps", "-q", service).strip();
    }

    static String state(String service) {
        return DockerCli.state(containerId(service));
    }

    static Instant startedAt(String service) {
        return Instant.parse(DockerCli.docker("inspect", "--format", "{{.State.StartedAt}}", containerId(service))
                .strip());
    }

    static Instant finishedAt(String service) {
        return Instant.parse(DockerCli.docker("inspect", "--format", "{{.State.FinishedAt}}", containerId(service))
                .strip());
    }

    private static String compose(String... args) {
        return DockerCli.compose(PROJECT, List.of(BASE, LOCAL), args);
    }
}
