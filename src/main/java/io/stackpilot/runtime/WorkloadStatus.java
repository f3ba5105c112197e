package io.stackpilot.runtime;

import java.time.Instant;

/**
 * What a runtime reports about one component's workload.
 *
 * @param state the lifecycle state
 * @param reason one sentence an operator can act on, or {@code null} when the state needs no explanation
 * @param since when {@code state} last changed, or when it was last known; may be {@code null} when the
 *     runtime does not record it
 * @param details runtime-specific facts, or {@code null} when the workload does not exist or the runtime
 *     could not be asked
 */
public record WorkloadStatus(WorkloadState state, String reason, Instant since, RuntimeDetails details) {

    public static WorkloadStatus notCreated(String reason) {
        return new WorkloadStatus(WorkloadState.NOT_CREATED, reason, null, null);
    }

    public static WorkloadStatus unknown(String reason, Instant since) {
        return new WorkloadStatus(WorkloadState.UNKNOWN, reason, since, null);
    }
}
