package io.stackpilot.runtime;

import io.stackpilot.catalog.RuntimeKind;

/**
 * Base of the failures a {@link ServiceRuntime} reports. Adapters translate their client library's errors
 * into one of the subclasses, so callers never see Docker or Kubernetes client types.
 */
public abstract class RuntimeOperationException extends RuntimeException {

    private final String component;
    private final RuntimeKind runtime;

    protected RuntimeOperationException(String component, RuntimeKind runtime, String message, Throwable cause) {
        super(message, cause);
        this.component = component;
        this.runtime = runtime;
    }

    /** Returns the catalog component the failed call concerned, or {@code null} for runtime-wide calls. */
    public String component() {
        return component;
    }

    public RuntimeKind runtime() {
        return runtime;
    }
}
