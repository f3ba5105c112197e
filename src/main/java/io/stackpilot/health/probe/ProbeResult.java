package io.stackpilot.health.probe;

import io.stackpilot.health.HealthStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one probe run, before it is combined with the workload state.
 *
 * @param status the probe's verdict
 * @param reason why the verdict is not {@code up}, naming the address that was tried; {@code null} when up
 * @param details facts the probe learned, such as a broker count or a ZooKeeper mode
 */
public record ProbeResult(HealthStatus status, String reason, Map<String, Object> details) {

    public ProbeResult {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static ProbeResult up(Map<String, Object> details) {
        return new ProbeResult(HealthStatus.UP, null, details);
    }

    public static ProbeResult down(String reason) {
        return new ProbeResult(HealthStatus.DOWN, reason, Map.of());
    }

    public static ProbeResult down(String reason, Map<String, Object> details) {
        return new ProbeResult(HealthStatus.DOWN, reason, details);
    }

    public static ProbeResult unknown(String reason) {
        return new ProbeResult(HealthStatus.UNKNOWN, reason, Map.of());
    }
}
