package io.stackpilot.control;

import io.stackpilot.catalog.Component;
import io.stackpilot.runtime.LifecycleAction;
import io.stackpilot.runtime.WorkloadStatus;
import java.time.Duration;

/**
 * The result of one lifecycle action on one component.
 *
 * @param changed {@code false} when the component was already in the requested state
 * @param status the component's status right after the action
 * @param duration how long the runtime took
 */
public record LifecycleOutcome(
        Component component, LifecycleAction action, boolean changed, WorkloadStatus status, Duration duration) {}
