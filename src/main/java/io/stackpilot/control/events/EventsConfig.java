package io.stackpilot.control.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** The live event stream, under {@code stackpilot.events}. */
@ConfigMapping(prefix = "stackpilot.events")
public interface EventsConfig {

    /** How many of the latest events are kept so a client can resume with {@code Last-Event-ID}. */
    @WithDefault("1000")
    @Min(1)
    @Max(100000)
    int replaySize();

    /** Interval between SSE comment lines sent on an idle stream so proxies keep the connection open. */
    @WithDefault("15s")
    Duration heartbeatInterval();
}
