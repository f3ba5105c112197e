package io.stackpilot.control.status;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.runtime.WorkloadState;
import java.time.Instant;

/**
 * A change of a component's visible state or reason, published as a {@code component} event.
 *
 * @param component catalog name
 * @param runtime where the workload runs
 * @param state the new state
 * @param previousState the state shown before, or {@code null} for the first reading
 * @param reason why the state is not the happy one, or {@code null}
 * @param since when the state last changed, or when it was last known while the runtime is unreachable
 */
@RegisterForReflection
public record ComponentChange(
        String component,
        RuntimeKind runtime,
        WorkloadState state,
        WorkloadState previousState,
        String reason,
        Instant since) {}
