package io.stackpilot.runtime;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The lifecycle state of a component's workload, the same for every runtime.
 *
 * <p>Docker {@code exited} with code 0 and Kubernetes at 0 desired replicas are both {@link #STOPPED};
 * a non-zero exit code is {@link #FAILED}; {@link #UNKNOWN} means the runtime could not be asked.
 */
public enum WorkloadState {
    RUNNING,
    STARTING,
    STOPPING,
    STOPPED,
    DEGRADED,
    FAILED,
    NOT_CREATED,
    UNKNOWN;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Tells whether the workload is up or on its way up, so a start has nothing to do. */
    public boolean isActive() {
        return this == RUNNING || this == STARTING || this == DEGRADED;
    }
}
