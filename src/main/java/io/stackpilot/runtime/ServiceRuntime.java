package io.stackpilot.runtime;

import io.smallrye.mutiny.Multi;
import io.stackpilot.catalog.Component;
import io.stackpilot.catalog.RuntimeKind;
import java.time.Duration;

/**
 * The port through which stackpilot manages workloads on one runtime.
 *
 * <p>Implementations translate their client library's errors into {@link RuntimeOperationException}
 * subclasses. Every call may throw {@link RuntimeUnavailableException} when the runtime cannot be reached and
 * {@link RuntimeTimeoutException} when it does not answer in time. Start, stop and restart are idempotent:
 * asking for the state the workload is already in returns {@code changed = false}.
 */
public interface ServiceRuntime {

    /** Returns the runtime this adapter manages. */
    RuntimeKind kind();

    /** Asks the runtime for its version, without throwing: the result says whether it answered. */
    RuntimeProbe probe();

    /**
     * Reads the workload's current state.
     *
     * @return {@link WorkloadState#NOT_CREATED} when the workload does not exist; never {@code null}
     */
    WorkloadStatus status(Component component);

    /**
     * Starts the workload, or does nothing if it already runs.
     *
     * @throws WorkloadNotFoundException if the workload does not exist
     */
    LifecycleResult start(Component component);

    /**
     * Stops the workload, giving its processes {@code grace} to exit before they are killed.
     *
     * @throws WorkloadNotFoundException if the workload does not exist
     */
    LifecycleResult stop(Component component, Duration grace);

    /**
     * Restarts the workload; a stopped Docker container is started, a Kubernetes workload scaled to zero is
     * a {@link RuntimeConflictException}.
     *
     * @throws WorkloadNotFoundException if the workload does not exist
     */
    LifecycleResult restart(Component component, Duration grace);

    /**
     * Streams the workload's output. Without {@link LogQuery#follow()} the stream completes after the lines
     * written so far; with it, the stream stays open until cancelled or the workload's output ends.
     *
     * @throws WorkloadNotFoundException if the workload, or for Kubernetes any of its pods, does not exist
     */
    Multi<LogLine> logs(Component component, LogQuery query);
}
