package io.stackpilot.api;

import io.stackpilot.control.operations.OperationKind;
import io.stackpilot.control.operations.Plan;
import io.stackpilot.control.operations.PlannedStep;
import io.stackpilot.runtime.LifecycleAction;
import io.stackpilot.runtime.WorkloadState;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The plan of a request, returned by {@code dryRun=true} instead of running it. */
@Schema(name = "Plan")
public record PlanView(
        @Schema(description = "What the operation would do") OperationKind kind,

        @Schema(description = "Component name, or stack", example = "kafka")
        String target,

        @Schema(description = "Always true: nothing was changed")
        boolean dryRun,

        @Schema(
                description = "The steps in the order they would start; steps whose after lists do not lead to"
                        + " each other would run in parallel")
        List<Step> steps) {

    /** One planned step. */
    @Schema(name = "PlannedStep")
    public record Step(
            @Schema(description = "Position in the plan, from 0")
            int index,

            @Schema(description = "Catalog name of the component")
            String component,

            @Schema(description = "What the step would do") LifecycleAction action,

            @Schema(description = "Why the step is in the plan")
            String reason,

            @Schema(description = "Components whose steps must succeed first")
            List<String> after,

            @Schema(description = "The component's state now")
            WorkloadState currentState) {}

    static PlanView of(Plan plan) {
        List<Step> steps = new ArrayList<>();
        for (PlannedStep step : plan.steps()) {
            steps.add(new Step(
                    steps.size(), step.component(), step.action(), step.reason(), step.after(), step.currentState()));
        }
        return new PlanView(plan.request().kind(), plan.request().targetName(), true, steps);
    }
}
