package io.stackpilot.control;

import io.stackpilot.catalog.Component;

/**
 * Decides whether a component serves well enough for the components that depend on it to start.
 *
 * <p>Implementations read the current state, never a cached one, because a start waits on the result.
 */
public interface HealthGate {

    /** Checks the component now. */
    Verdict check(Component component);

    /**
     * The outcome of one check.
     *
     * @param ready {@code true} when dependents may start
     * @param state the component's state or health as a word, such as {@code running} or {@code down}.
     *     The workload state {@code failed} ends a health wait at once
     * @param reason why it is not ready, or {@code null} when it is
     */
    record Verdict(boolean ready, String state, String reason) {}
}
