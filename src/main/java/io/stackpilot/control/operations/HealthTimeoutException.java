package io.stackpilot.control.operations;

import java.time.Duration;

/** A component did not become healthy within its start timeout. */
public class HealthTimeoutException extends RuntimeException {

    private final String component;
    private final Duration timeout;

    public HealthTimeoutException(String component, Duration timeout, String lastReason) {
        super("Component '" + component + "' did not become healthy within " + timeout.toMillis() + " ms: " + lastReason
                + "; check its logs, or raise stackpilot.components." + component + ".start-timeout");
        this.component = component;
        this.timeout = timeout;
    }

    public String component() {
        return component;
    }

    public Duration timeout() {
        return timeout;
    }
}
