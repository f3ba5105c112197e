package io.stackpilot.runtime;

import io.stackpilot.catalog.RuntimeKind;

/** The workload's current state does not allow the requested action; the message says what to do instead. */
public class RuntimeConflictException extends RuntimeOperationException {

    public RuntimeConflictException(String component, RuntimeKind runtime, String message, Throwable cause) {
        super(component, runtime, message, cause);
    }
}
