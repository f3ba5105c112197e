package io.stackpilot.runtime.docker;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.stackpilot.runtime.DockerDetails;
import io.stackpilot.runtime.DockerDetails.PortBinding;
import io.stackpilot.runtime.WorkloadState;
import io.stackpilot.runtime.WorkloadStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps {@code docker inspect} output onto the runtime-independent state model. */
final class DockerStatusMapper {

    /** Exit codes of a process that ended because it was asked to stop: 0, SIGINT, SIGKILL, SIGTERM. */
    private static final Set<Long> STOP_EXIT_CODES = Set.of(0L, 130L, 137L, 143L);

    /** Docker reports this zero time for events that never happened. */
    private static final String NEVER = "0001-01-01T00:00:00Z";

    private DockerStatusMapper() {}

    static WorkloadStatus toStatus(InspectContainerResponse container) {
        ContainerState state = container.getState();
        String status = state.getStatus() == null ? "unknown" : state.getStatus();
        String health = healthOf(state);
        Instant startedAt = parseTime(state.getStartedAt());
        Instant finishedAt = parseTime(state.getFinishedAt());
        Long exitCode = state.getExitCodeLong();
        boolean neverExited = finishedAt == null && !"exited".equals(status) && !"dead".equals(status);

        DockerDetails details = new DockerDetails(
                container.getId(),
                stripSlash(container.getName()),
                container.getConfig() == null ? null : container.getConfig().getImage(),
                status,
                health,
                neverExited || exitCode == null ? null : exitCode.intValue(),
                startedAt,
                finishedAt,
                ports(container));

        return switch (status) {
            case "running" -> running(state, health, startedAt, details);
            case "restarting" ->
                new WorkloadStatus(
                        WorkloadState.STARTING,
                        "restarting under its restart policy after exit code " + exitCode,
                        finishedAt,
                        details);
            case "paused" ->
                new WorkloadStatus(WorkloadState.STOPPED, "paused; a start unpauses it", startedAt, details);
            case "created" ->
                new WorkloadStatus(
                        WorkloadState.STOPPED, "created but never started", parseTime(container.getCreated()), details);
            case "removing" -> new WorkloadStatus(WorkloadState.STOPPING, "being removed", finishedAt, details);
            case "exited" -> exited(state, exitCode, finishedAt, details);
            case "dead" ->
                new WorkloadStatus(
                        WorkloadState.FAILED,
                        "dead: Docker failed to stop or remove it" + errorSuffix(state),
                        finishedAt,
                        details);
            default ->
                new WorkloadStatus(WorkloadState.UNKNOWN, "unrecognised Docker state '" + status + "'", null, details);
        };
    }

    private static WorkloadStatus running(ContainerState state, String health, Instant since, DockerDetails details) {
        return switch (health) {
            case "starting" ->
                new WorkloadStatus(
                        WorkloadState.STARTING, "running; Docker health check still starting", since, details);
            case "unhealthy" ->
                new WorkloadStatus(
                        WorkloadState.DEGRADED,
                        "running but Docker reports it unhealthy" + lastHealthOutput(state),
                        since,
                        details);
            default -> new WorkloadStatus(WorkloadState.RUNNING, null, since, details);
        };
    }

    private static WorkloadStatus exited(ContainerState state, Long exitCode, Instant since, DockerDetails details) {
        if (Boolean.TRUE.equals(state.getOOMKilled())) {
            return new WorkloadStatus(
                    WorkloadState.FAILED,
                    "killed by the kernel: out of memory (exit code " + exitCode + ")",
                    since,
                    details);
        }
        if (exitCode != null && STOP_EXIT_CODES.contains(exitCode)) {
            String reason = exitCode == 0 ? null : "stopped by signal (exit code " + exitCode + ")";
            return new WorkloadStatus(WorkloadState.STOPPED, reason, since, details);
        }
        return new WorkloadStatus(
                WorkloadState.FAILED, "exited with code " + exitCode + errorSuffix(state), since, details);
    }

    private static String healthOf(ContainerState state) {
        HealthState health = state.getHealth();
        if (health == null || health.getStatus() == null || health.getStatus().isBlank()) {
            return "none";
        }
        return health.getStatus();
    }

    private static String lastHealthOutput(ContainerState state) {
        List<HealthStateLog> log =
                state.getHealth() == null ? null : state.getHealth().getLog();
        if (log == null || log.isEmpty() || log.get(log.size() - 1).getOutput() == null) {
            return "";
        }
        String output = log.get(log.size() - 1).getOutput().strip();
        return output.isEmpty() ? "" : ": " + abbreviate(output, 200);
    }

    private static String errorSuffix(ContainerState state) {
        String error = state.getError();
        return error == null || error.isBlank() ? "" : ": " + abbreviate(error, 200);
    }

    private static List<PortBinding> ports(InspectContainerResponse container) {
        if (container.getNetworkSettings() == null
                || container.getNetworkSettings().getPorts() == null) {
            return List.of();
        }
        List<PortBinding> result = new ArrayList<>();
        for (Map.Entry<ExposedPort, Ports.Binding[]> entry :
                container.getNetworkSettings().getPorts().getBindings().entrySet()) {
            ExposedPort exposed = entry.getKey();
            String protocol = exposed.getProtocol().toString();
            if (entry.getValue() == null || entry.getValue().length == 0) {
                result.add(new PortBinding(exposed.getPort(), protocol, null, null));
                continue;
            }
            for (Ports.Binding binding : entry.getValue()) {
                result.add(new PortBinding(exposed.getPort(), protocol, binding.getHostIp(), parsePort(binding)));
            }
        }
        result.sort(Comparator.comparingInt(PortBinding::containerPort)
                .thenComparing(p -> p.hostIp() == null ? "" : p.hostIp()));
        return result;
    }

    private static Integer parsePort(Ports.Binding binding) {
        try {
            return binding.getHostPortSpec() == null ? null : Integer.valueOf(binding.getHostPortSpec());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Instant parseTime(String value) {
        if (value == null || value.isBlank() || value.startsWith(NEVER.substring(0, 10))) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String stripSlash(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
