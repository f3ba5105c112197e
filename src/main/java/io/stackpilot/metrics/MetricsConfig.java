package io.stackpilot.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of stackpilot's own metrics, under {@code stackpilot.metrics}. */
@ConfigMapping(prefix = "stackpilot.metrics")
public interface MetricsConfig {

    /** Age after which a scrape triggers a background refresh of the component state gauges. */
    @WithDefault("10s")
    Duration stateMaxAge();
}
