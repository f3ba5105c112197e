package io.stackpilot.control.operations;

import com.fasterxml.jackson.annotation.JsonValue;
import io.stackpilot.runtime.LifecycleAction;

/** The kind of work an operation was requested to do. */
public enum OperationKind {
    STACK_START("stack-start"),
    STACK_STOP("stack-stop"),
    COMPONENT_START("component-start"),
    COMPONENT_STOP("component-stop"),
    COMPONENT_RESTART("component-restart");

    private final String id;

    OperationKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Tells whether the operation concerns the whole stack rather than one component. */
    public boolean isStack() {
        return this == STACK_START || this == STACK_STOP;
    }

    /** Returns the kind of a lifecycle request on one component. */
    public static OperationKind of(LifecycleAction action) {
        return switch (action) {
            case START -> COMPONENT_START;
            case STOP -> COMPONENT_STOP;
            case RESTART -> COMPONENT_RESTART;
        };
    }
}
