package io.stackpilot.runtime;

import java.time.Instant;
import java.util.List;

/**
 * Facts about a Docker container.
 *
 * @param containerId full container id
 * @param containerName container name without the leading slash
 * @param image image reference the container was created from
 * @param status Docker's own state word: created, running, paused, restarting, exited, removing or dead
 * @param health Docker's health check status (starting, healthy, unhealthy), or {@code none} without one
 * @param exitCode last exit code, or {@code null} while the container has never exited
 * @param startedAt last start time, or {@code null} if never started
 * @param finishedAt last exit time, or {@code null} if never exited
 * @param ports published ports
 */
public record DockerDetails(
        String containerId,
        String containerName,
        String image,
        String status,
        String health,
        Integer exitCode,
        Instant startedAt,
        Instant finishedAt,
        List<PortBinding> ports)
        implements RuntimeDetails {

    /**
     * A container port and where the host publishes it.
     *
     * @param containerPort port inside the container
     * @param protocol {@code tcp} or {@code udp}
     * @param hostIp host address, {@code null} when the port is not published
     * @param hostPort host port, {@code null} when the port is not published
     */
    public record PortBinding(int containerPort, String protocol, String hostIp, Integer hostPort) {}
}
