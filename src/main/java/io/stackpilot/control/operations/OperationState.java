package io.stackpilot.control.operations;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The overall state of an operation. */
public enum OperationState {
    /** Accepted, no step started yet. */
    PENDING,
    /** At least one step started and the operation has not finished. */
    RUNNING,
    /** Every step succeeded. */
    SUCCEEDED,
    /** A step failed or timed out; the steps that needed it were skipped. */
    FAILED,
    /** Cancelled on request; steps that had not started were not run. */
    CANCELLED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
