package io.stackpilot.control.operations;

import io.stackpilot.runtime.LifecycleAction;
import io.stackpilot.runtime.WorkloadState;
import java.util.List;

/**
 * One step of a plan.
 *
 * @param component catalog name
 * @param action what the step does to it; start and restart steps also wait until it is healthy
 * @param reason why the step is in the plan, for people reading a dry run
 * @param after the components whose steps must succeed before this one starts
 * @param currentState the component's state when the plan was made
 */
public record PlannedStep(
        String component, LifecycleAction action, String reason, List<String> after, WorkloadState currentState) {

    public PlannedStep {
        after = List.copyOf(after);
    }
}
