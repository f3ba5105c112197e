package io.stackpilot.runtime;

import io.stackpilot.catalog.RuntimeKind;

/** The runtime was reached but failed the request for a reason none of the other exceptions describe. */
public class RuntimeFailureException extends RuntimeOperationException {

    public RuntimeFailureException(String component, RuntimeKind runtime, String message, Throwable cause) {
        super(component, runtime, message, cause);
    }
}
