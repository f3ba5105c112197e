package io.stackpilot.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.stackpilot.catalog.WorkloadRef;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the container of a catalog component: by Compose labels, so that Compose v1 names
 * ({@code kafka_kafka_1}) and v2 names ({@code kafka-kafka-1}) both match, or by an explicit name.
 */
final class ContainerLocator {

    static final String PROJECT_LABEL = "com.docker.compose.project";
    static final String SERVICE_LABEL = "com.docker.compose.service";

    private ContainerLocator() {}

    /**
     * Inspects the component's container.
     *
     * @return empty when no container matches
     */
    static Optional<InspectContainerResponse> find(DockerClient client, WorkloadRef.Docker ref) {
        Optional<String> id = ref.byLabels() ? findIdByLabels(client, ref) : ref.containerName();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(client.inspectContainerCmd(id.get()).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Picks one container of a Compose service. With several (a scaled service, or a stale one left by a
     * renamed project) a running container wins, then the most recently created one.
     */
    private static Optional<String> findIdByLabels(DockerClient client, WorkloadRef.Docker ref) {
        List<Container> containers = client.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(
                        PROJECT_LABEL, ref.project().orElseThrow(),
                        SERVICE_LABEL, ref.service().orElseThrow()))
                .exec();
        return containers.stream()
                .max(Comparator.comparing((Container c) -> "running".equals(c.getState()))
                        .thenComparing(c -> c.getCreated() == null ? 0L : c.getCreated()))
                .map(Container::getId);
    }
}
