package io.stackpilot.control;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Defaults for start, stop and restart, under {@code stackpilot.lifecycle}. */
@ConfigMapping(prefix = "stackpilot.lifecycle")
public interface LifecycleConfig {

    /** Grace period given to a workload's processes on stop and restart when the request sets none. */
    @WithDefault("10s")
    Duration defaultGrace();
}
