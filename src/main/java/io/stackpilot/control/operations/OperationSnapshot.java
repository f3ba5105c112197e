package io.stackpilot.control.operations;

import java.time.Instant;
import java.util.List;

/**
 * An operation at one moment.
 *
 * @param id operation id
 * @param request what was requested
 * @param state overall state
 * @param idempotencyKey the client's {@code Idempotency-Key}, or {@code null}
 * @param createdAt when the request was accepted
 * @param startedAt when the first step started, or {@code null}
 * @param finishedAt when the operation finished, or {@code null}
 * @param steps every step in plan order
 * @param error why the operation failed or was cancelled, or {@code null}
 */
public record OperationSnapshot(
        String id,
        OperationRequest request,
        OperationState state,
        String idempotencyKey,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        List<StepSnapshot> steps,
        String error) {}
