package io.stackpilot.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.stackpilot.control.operations.StepSnapshot;
import io.stackpilot.control.operations.StepState;
import io.stackpilot.runtime.LifecycleAction;
import io.stackpilot.runtime.WorkloadState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of an operation as the REST API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "OperationStep")
public record StepView(
        @Schema(description = "Position in the plan, from 0", example = "0")
        int index,

        @Schema(description = "Catalog name of the component", example = "zookeeper")
        String component,

        @Schema(description = "What the step does; start and restart steps also wait until the component is healthy")
        LifecycleAction action,

        @Schema(description = "Why the step is in the plan") String reason,

        @Schema(description = "Components whose steps must succeed before this one starts")
        List<String> after,

        @Schema(description = "State of the step") StepState state,

        @Schema(description = "When the step started (RFC 3339, UTC); absent until it starts")
        Instant startedAt,

        @Schema(description = "When the step finished (RFC 3339, UTC); absent until it finishes")
        Instant finishedAt,

        @Schema(description = "How long the step took, in milliseconds; absent until it finishes")
        Long durationMs,

        @Schema(
                description =
                        "false when the component was already in the requested state; absent until the" + " action ran")
        Boolean changed,

        @Schema(description = "State of the component right after the action; absent until the action ran")
        WorkloadState resultState,

        @Schema(description = "Why the step failed, was skipped or was cancelled")
        String error) {

    static StepView of(StepSnapshot step) {
        Long duration = step.startedAt() == null || step.finishedAt() == null
                ? null
                : Duration.between(step.startedAt(), step.finishedAt()).toMillis();
        return new StepView(
                step.index(),
                step.component(),
                step.action(),
                step.reason(),
                step.after(),
                step.state(),
                step.startedAt(),
                step.finishedAt(),
                duration,
                step.changed(),
                step.resultState(),
                step.error());
    }
}
