package io.stackpilot.runtime;

import io.stackpilot.catalog.RuntimeKind;

/** No adapter for this runtime is available in this build or configuration. */
public class RuntimeNotSupportedException extends RuntimeOperationException {

    public RuntimeNotSupportedException(String component, RuntimeKind runtime, String message) {
        super(component, runtime, message, null);
    }
}
