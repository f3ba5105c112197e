package io.stackpilot.control.status;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The event-fed status cache, under {@code stackpilot.status}. */
@ConfigMapping(prefix = "stackpilot.status")
public interface StatusConfig {

    /** Wait before the first attempt to reconnect a broken event stream; doubled after each failed attempt. */
    @WithDefault("100ms")
    Duration reconnectInitialBackoff();

    /** Maximum wait between two attempts to reconnect an event stream. */
    @WithDefault("2s")
    Duration reconnectMaxBackoff();

    /**
     * Interval between pings of a runtime whose event stream is open, so a daemon that hangs without closing
     * the stream is noticed.
     */
    @WithDefault("5s")
    Duration livenessInterval();

    /** Interval between full reads of every component while the event stream is open, as a safety net. */
    @WithDefault("60s")
    Duration resyncInterval();
}
