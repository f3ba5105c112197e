package io.stackpilot.control.operations;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The state of one step of an operation. */
public enum StepState {
    /** Waiting for the steps it comes after. */
    PENDING,
    /** The action runs, or the step waits for the component to become healthy. */
    RUNNING,
    /** The action finished and, for start and restart, the component became healthy. */
    SUCCEEDED,
    /** The action failed or the component did not become healthy in time. */
    FAILED,
    /** Not run because a step it comes after did not succeed. */
    SKIPPED,
    /** Not run, or its health wait abandoned, because the operation was cancelled. */
    CANCELLED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinished() {
        return this != PENDING && this != RUNNING;
    }
}
