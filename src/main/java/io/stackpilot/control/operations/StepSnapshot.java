package io.stackpilot.control.operations;

import io.stackpilot.runtime.LifecycleAction;
import io.stackpilot.runtime.WorkloadState;
import java.time.Instant;
import java.util.List;

/**
 * One step of an operation at one moment.
 *
 * @param index position in the plan, from 0
 * @param component catalog name
 * @param action what the step does; start and restart steps also wait until the component is healthy
 * @param reason why the step is in the plan
 * @param after components whose steps must succeed before this one starts
 * @param state the step's state
 * @param startedAt when the step started, or {@code null}
 * @param finishedAt when the step finished, or {@code null}
 * @param changed whether the action changed the workload, or {@code null} until it ran
 * @param resultState the component's state after the action, or {@code null} until it ran
 * @param error why the step failed, was skipped or cancelled, or {@code null}
 */
public record StepSnapshot(
        int index,
        String component,
        LifecycleAction action,
        String reason,
        List<String> after,
        StepState state,
        Instant startedAt,
        Instant finishedAt,
        Boolean changed,
        WorkloadState resultState,
        String error) {}
