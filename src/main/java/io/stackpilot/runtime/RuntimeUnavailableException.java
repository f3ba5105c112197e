package io.stackpilot.runtime;

import io.stackpilot.catalog.RuntimeKind;

/** The runtime could not be reached at {@link #endpoint()}: daemon down, socket missing, API server gone. */
public class RuntimeUnavailableException extends RuntimeOperationException {

    private final String endpoint;

    public RuntimeUnavailableException(
            String component, RuntimeKind runtime, String endpoint, String message, Throwable cause) {
        super(component, runtime, message, cause);
        this.endpoint = endpoint;
    }

    /** Returns the Docker host or API server URL that was tried. */
    public String endpoint() {
        return endpoint;
    }
}
