package io.stackpilot.control.operations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Stack and lifecycle operations, under {@code stackpilot.operations}. */
@ConfigMapping(prefix = "stackpilot.operations")
public interface OperationsConfig {

    /**
     * How many operations are kept for {@code GET /api/v1/operations} and for {@code Idempotency-Key} look-ups;
     * the oldest finished ones are dropped first and running ones are always kept.
     */
    @WithDefault("200")
    @Min(1)
    @Max(100000)
    int historySize();

    /** Interval between health checks while a start or restart step waits for its component to become healthy. */
    @WithDefault("250ms")
    Duration healthPollInterval();
}
