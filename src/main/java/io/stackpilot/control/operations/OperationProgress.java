package io.stackpilot.control.operations;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A change of an operation's overall state, published as an {@code operation} event.
 *
 * @param operationId operation id
 * @param kind what the operation does
 * @param target component name, or {@code stack}
 * @param state the new state
 * @param error why it failed or was cancelled, or {@code null}
 */
@RegisterForReflection
public record OperationProgress(
        String operationId, OperationKind kind, String target, OperationState state, String error) {

    static OperationProgress of(OperationSnapshot operation) {
        return new OperationProgress(
                operation.id(),
                operation.request().kind(),
                operation.request().targetName(),
                operation.state(),
                operation.error());
    }
}
