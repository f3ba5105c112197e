package io.stackpilot.health;

import io.stackpilot.catalog.ProbeSpec;
import io.stackpilot.health.probe.ProbeResult;
import io.stackpilot.health.probe.ProbeRunner;
import io.stackpilot.runtime.WorkloadState;
import io.stackpilot.runtime.WorkloadStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The rules that turn a workload state and a probe result into one {@link ComponentHealth}. */
final class HealthVerdicts {

    private HealthVerdicts() {}

    /** Returns {@code down} for a workload that is not running, without its probe, so a dead address costs no timeout. */
    static ComponentHealth notRunning(Optional<ProbeSpec> probe, WorkloadStatus status) {
        String what = switch (status.state()) {
            case STOPPED -> "The workload is stopped";
            case STOPPING -> "The workload is stopping";
            case FAILED -> "The workload has failed";
            default -> "The workload does not exist";
        };
        StringBuilder reason = new StringBuilder(what);
        if (status.reason() != null) {
            reason.append(" (").append(status.reason()).append(')');
        }
        probe.ifPresent(spec -> reason.append("; the ").append(spec.kind()).append(" probe was not run"));
        return new ComponentHealth(HealthStatus.DOWN, reason.toString(), Instant.now(), 0, baseDetails(probe, status));
    }

    /** Decides on the workload state alone, for a component without a probe. */
    static ComponentHealth withoutProbe(WorkloadStatus status) {
        Map<String, Object> details = baseDetails(Optional.empty(), status);
        HealthStatus verdict;
        String reason;
        switch (status.state()) {
            case RUNNING -> {
                verdict = HealthStatus.UP;
                reason = null;
            }
            case DEGRADED -> {
                verdict = HealthStatus.DEGRADED;
                reason = "The workload is degraded: " + status.reason();
            }
            case STARTING -> {
                verdict = HealthStatus.DOWN;
                reason = "The workload is still starting and no probe is configured to tell when it serves";
            }
            default -> {
                verdict = HealthStatus.UNKNOWN;
                reason = "The workload state is unknown and no probe is configured: " + status.reason();
            }
        }
        return new ComponentHealth(verdict, reason, Instant.now(), 0, details);
    }

    /** Takes the probe's verdict, except that a degraded workload is never better than degraded. */
    static ComponentHealth combine(ProbeSpec spec, WorkloadStatus status, ProbeResult result, Duration took) {
        Map<String, Object> details = baseDetails(Optional.of(spec), status);
        details.putAll(result.details());
        HealthStatus verdict = result.status();
        String reason = result.reason();
        if (verdict == HealthStatus.UP && status.state() == WorkloadState.DEGRADED) {
            verdict = HealthStatus.DEGRADED;
            reason = "The probe succeeded but the workload is degraded: " + status.reason();
        } else if (verdict == HealthStatus.DOWN && status.state() == WorkloadState.STARTING) {
            reason = "The workload is still starting: " + reason;
        }
        return new ComponentHealth(verdict, reason, Instant.now(), took.toMillis(), details);
    }

    private static Map<String, Object> baseDetails(Optional<ProbeSpec> probe, WorkloadStatus status) {
        Map<String, Object> details = new LinkedHashMap<>();
        probe.ifPresent(spec -> {
            details.put("probe", spec.kind());
            details.put("target", ProbeRunner.target(spec));
        });
        details.put("state", status.state().id());
        return details;
    }
}
