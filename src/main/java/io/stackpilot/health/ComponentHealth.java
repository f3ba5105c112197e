package io.stackpilot.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The health of one component at one moment: the runtime state and the deep probe combined.
 *
 * @param status the combined verdict
 * @param reason one sentence an operator can act on, or {@code null} when the status is {@code up}
 * @param checkedAt when the check finished
 * @param latencyMs how long the probe took, in milliseconds; 0 when no probe ran
 * @param details what the probe found, such as {@code clusterId}, {@code brokerCount}, {@code mode} or
 *     {@code httpStatus}, plus {@code probe} (its kind), {@code target} and {@code state} (the workload state the
 *     verdict is based on)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ComponentHealth", description = "Deep health of a component")
public record ComponentHealth(
        @Schema(description = "Combined verdict") HealthStatus status,

        @Schema(description = "Why the status is not up, and what to do; absent when up")
        String reason,

        @Schema(description = "When the check finished (RFC 3339, UTC)")
        Instant checkedAt,

        @Schema(description = "How long the probe took, in milliseconds; 0 when no probe ran", example = "42")
        long latencyMs,

        @Schema(description = "What the probe found; the keys depend on the probe kind")
        Map<String, Object> details) {

    public ComponentHealth {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
