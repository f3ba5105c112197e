package io.stackpilot.runtime;

import io.stackpilot.catalog.RuntimeKind;

/** The runtime did not finish the request within the allowed time; the workload may still change. */
public class RuntimeTimeoutException extends RuntimeOperationException {

    public RuntimeTimeoutException(String component, RuntimeKind runtime, String message, Throwable cause) {
        super(component, runtime, message, cause);
    }
}
