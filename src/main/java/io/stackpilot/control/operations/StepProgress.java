package io.stackpilot.control.operations;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.stackpilot.runtime.LifecycleAction;
import io.stackpilot.runtime.WorkloadState;

/**
 * A change of one step's state, published as a {@code step} event.
 *
 * @param operationId the operation the step belongs to
 * @param index the step's position in the plan
 * @param component catalog name
 * @param action what the step does
 * @param state the step's new state
 * @param resultState the component's state after the action, or {@code null} until it ran
 * @param error why the step failed, was skipped or cancelled, or {@code null}
 */
@RegisterForReflection
public record StepProgress(
        String operationId,
        int index,
        String component,
        LifecycleAction action,
        StepState state,
        WorkloadState resultState,
        String error) {

    static StepProgress of(String operationId, StepSnapshot step) {
        return new StepProgress(
                operationId,
                step.index(),
                step.component(),
                step.action(),
                step.state(),
                step.resultState(),
                step.error());
    }
}
