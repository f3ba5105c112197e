package io.stackpilot.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.stackpilot.control.LifecycleOutcome;
import io.stackpilot.control.operations.OperationSnapshot;
import io.stackpilot.runtime.LifecycleAction;
import io.stackpilot.runtime.WorkloadState;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of a synchronous start, stop or restart. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LifecycleResult")
public record LifecycleResponse(
        @Schema(description = "Catalog name", example = "kafka")
        String component,

        @Schema(description = "The action that was requested")
        LifecycleAction action,

        @Schema(description = "false when the component was already in the requested state")
        boolean changed,

        @Schema(description = "State right after the action")
        WorkloadState state,

        @Schema(description = "Why the state is not the happy one, when it is not")
        String reason,

        @Schema(description = "How long the runtime took, in milliseconds", example = "412")
        long durationMs,

        @Schema(description = "The component's full status after the action")
        ComponentView status,

        @Schema(description = "The operation that ran the request, also sent as the X-Operation-Id header")
        String operationId,

        @Schema(description = "Every step the operation ran, such as starting stopped dependencies first")
        List<StepView> steps) {

    /** Describes the target's action within a finished operation. */
    public static LifecycleResponse of(LifecycleOutcome outcome, OperationSnapshot operation) {
        return new LifecycleResponse(
                outcome.component().name(),
                outcome.action(),
                outcome.changed(),
                outcome.status().state(),
                outcome.status().reason(),
                outcome.duration().toMillis(),
                ComponentView.of(outcome.component(), outcome.status()),
                operation.id(),
                operation.steps().stream().map(StepView::of).toList());
    }
}
