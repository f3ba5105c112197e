package io.stackpilot.control.operations;

import io.stackpilot.runtime.LifecycleAction;
import java.time.Duration;

/**
 * A request for a stack or lifecycle operation; two requests are the same when every field is equal, which is
 * what an {@code Idempotency-Key} is checked against.
 *
 * @param kind what to do
 * @param target the component name, or {@code null} for the whole stack
 * @param dependencies for start and restart: start the component's stopped dependencies first; when
 *     {@code false}, a dependency that is not ready rejects the request
 * @param cascade for restart: also restart the running components that depend on it, after it is healthy; for
 *     stop: stop the running components that depend on it first
 * @param grace grace period for stop and restart, or {@code null} for the configured default
 */
public record OperationRequest(
        OperationKind kind, String target, boolean dependencies, boolean cascade, Duration grace) {

    public static OperationRequest stack(OperationKind kind, Duration grace) {
        return new OperationRequest(kind, null, true, false, grace);
    }

    public static OperationRequest component(
            String name, LifecycleAction action, boolean dependencies, boolean cascade, Duration grace) {
        return new OperationRequest(OperationKind.of(action), name, dependencies, cascade, grace);
    }

    /** Returns the target as shown to callers: the component name, or {@code stack}. */
    public String targetName() {
        return target == null ? "stack" : target;
    }
}
