package io.stackpilot.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the component health checks, under {@code stackpilot.health}. */
@ConfigMapping(prefix = "stackpilot.health")
public interface HealthConfig {

    /**
     * How long a health result is reused before the next request runs the probe again. Zero disables the cache;
     * concurrent requests still share one run.
     */
    @WithDefault("5s")
    Duration ttl();

    /**
     * Probe timeout for catalog entries that set no {@code probe.timeout}. The catalog reads the same key, with
     * the same default, when it builds each probe.
     */
    @WithDefault("3s")
    Duration defaultTimeout();

    /**
     * Maximum time a health check waits for the runtime to report the workload state. After it the state counts
     * as unknown and the probe alone decides.
     */
    @WithDefault("2s")
    Duration statusTimeout();

    /**
     * How often every component is checked in the background, so that health changes reach the event stream
     * without anyone asking. A component whose state changes is also checked at once. Zero turns both off:
     * then health is checked only when asked for.
     */
    @WithDefault("15s")
    Duration watchInterval();
}
