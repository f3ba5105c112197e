package io.stackpilot.runtime;

/**
 * The outcome of a start, stop or restart.
 *
 * @param changed {@code false} when the workload was already in the requested state
 * @param status the workload's status right after the action
 */
public record LifecycleResult(boolean changed, WorkloadStatus status) {}
