package io.stackpilot.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.stackpilot.control.operations.OperationKind;
import io.stackpilot.control.operations.OperationRequest;
import io.stackpilot.control.operations.OperationSnapshot;
import io.stackpilot.control.operations.OperationState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stack or lifecycle operation as the REST API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Operation")
public record OperationView(
        @Schema(description = "Operation id", example = "0b6c1d5e-3f9a-4c39-9a51-9f0f5c8f2e11")
        String id,

        @Schema(description = "What the operation does") OperationKind kind,

        @Schema(description = "Component name, or stack", example = "stack")
        String target,

        @Schema(description = "Overall state") OperationState state,

        @Schema(description = "The request's options") Options options,

        @Schema(description = "The client's Idempotency-Key, when it sent one")
        String idempotencyKey,

        @Schema(description = "When the request was accepted (RFC 3339, UTC)")
        Instant createdAt,

        @Schema(description = "When the first step started; absent before")
        Instant startedAt,

        @Schema(description = "When the operation finished; absent before")
        Instant finishedAt,

        @Schema(description = "Time from acceptance to finish, in milliseconds; absent before it finishes")
        Long durationMs,

        @Schema(description = "Why the operation failed or was cancelled")
        String error,

        @Schema(description = "Every step in plan order") List<StepView> steps) {

    /**
     * The request's options.
     *
     * @param dependencies whether stopped dependencies are started first
     * @param cascade whether dependents are restarted (restart) or stopped first (stop)
     * @param timeout grace period in seconds for stop and restart, or {@code null} for the default
     */
    @Schema(name = "OperationOptions")
    public record Options(boolean dependencies, boolean cascade, Long timeout) {

        static Options of(OperationRequest request) {
            Long timeout = request.grace() == null ? null : request.grace().toSeconds();
            return new Options(request.dependencies(), request.cascade(), timeout);
        }
    }

    static OperationView of(OperationSnapshot operation) {
        Long duration = operation.finishedAt() == null
                ? null
                : Duration.between(operation.createdAt(), operation.finishedAt())
                        .toMillis();
        return new OperationView(
                operation.id(),
                operation.request().kind(),
                operation.request().targetName(),
                operation.state(),
                Options.of(operation.request()),
                operation.idempotencyKey(),
                operation.createdAt(),
                operation.startedAt(),
                operation.finishedAt(),
                duration,
                operation.error(),
                operation.steps().stream().map(StepView::of).toList());
    }
}
