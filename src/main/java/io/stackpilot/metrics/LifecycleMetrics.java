package io.stackpilot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.stackpilot.runtime.LifecycleAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;

/**
 * Counts and times lifecycle actions by component, action and outcome:
 * {@code stackpilot_lifecycle_operations_total} and the histogram {@code stackpilot_lifecycle_duration_seconds}.
 */
@ApplicationScoped
public class LifecycleMetrics {

    /** How a lifecycle action ended. */
    public enum Outcome {
        /** The runtime changed the workload. */
        CHANGED,
        /** The workload was already in the requested state. */
        UNCHANGED,
        /** The runtime or the adapter lookup raised an error. */
        FAILED;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Bucket bounds of the duration histogram: container stops take up to their grace period, 300 s at most. */
    private static final Duration[] DURATION_BUCKETS = {
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofSeconds(120),
        Duration.ofSeconds(300)
    };

    private final MeterRegistry registry;

    @Inject
    public LifecycleMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one action and records how long the runtime took. */
    public void record(String component, LifecycleAction action, Outcome outcome, Duration took) {
        Tags tags = Tags.of("component", component, "action", action.id(), "outcome", outcome.id());
        Counter.builder("stackpilot.lifecycle.operations")
                .description("Lifecycle actions applied to components, by component, action and outcome")
                .tags(tags)
                .register(registry)
                .increment();
        Timer.builder("stackpilot.lifecycle.duration")
                .description("Time the runtime took to apply a lifecycle action")
                .tags(tags)
                .serviceLevelObjectives(DURATION_BUCKETS)
                .register(registry)
                .record(took);
    }
}
