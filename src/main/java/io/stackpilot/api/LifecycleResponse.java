package io.stackpilot.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.stackpilot.control.LifecycleOutcome;
import io.stackpilot.runtime.LifecycleAction;
import io.stackpilot.runtime.WorkloadState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a start, stop or restart did. */
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
        ComponentView status) {

    public static LifecycleResponse of(LifecycleOutcome outcome) {
        return new LifecycleResponse(
                outcome.component().name(),
                outcome.action(),
                outcome.changed(),
                outcome.status().state(),
                outcome.status().reason(),
                outcome.duration().toMillis(),
                ComponentView.of(outcome.component(), outcome.status()));
    }
}
