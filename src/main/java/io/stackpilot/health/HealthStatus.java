package io.stackpilot.health;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a component actually serves, as its probe and its runtime state show together. */
public enum HealthStatus {
    /** The probe succeeded and the workload runs. */
    UP,
    /** The workload is not running, or the probe failed. */
    DOWN,
    /** The component serves, but part of it does not: some brokers unreachable, or the workload degraded. */
    DEGRADED,
    /** Nothing could tell: the probe's reply was not understood, or no probe ran and the runtime gave no state. */
    UNKNOWN;

    /** Returns the lower-case name used in JSON and metrics. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Tells whether the component serves clients, fully or in part. */
    public boolean isServing() {
        return this == UP || this == DEGRADED;
    }
}
