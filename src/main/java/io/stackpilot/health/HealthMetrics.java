package io.stackpilot.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Health meters, exported by the Prometheus registry as:
 *
 * <ul>
 *   <li>{@code stackpilot_probe_duration_seconds}: histogram of probe runs, tagged {@code component}, {@code kind}
 *       and {@code outcome} ({@code up}, {@code down}, {@code degraded}, {@code unknown});
 *   <li>{@code stackpilot_component_health}: 1 for the component's last known status and 0 for the others, tagged
 *       {@code component} and {@code status};
 *   <li>{@code stackpilot_kafka_admin_clients}: Kafka Admin clients the probes hold open.
 * </ul>
 */
@ApplicationScoped
public class HealthMetrics {

    static final String PROBE_DURATION = "stackpilot.probe.duration";
    static final String COMPONENT_HEALTH = "stackpilot.component.health";
    static final String KAFKA_ADMIN_CLIENTS = "stackpilot.kafka.admin.clients";

    /** Bucket bounds from fast local responses up to the longest sensible probe timeout. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30)
    };

    private final MeterRegistry registry;

    @Inject
    public HealthMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void recordProbe(String component, String kind, HealthStatus outcome, Duration took) {
        Timer.builder(PROBE_DURATION)
                .description("Time one probe run took, by component, probe kind and outcome")
                .tags("component", component, "kind", kind, "outcome", outcome.id())
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(took);
    }

    /** Registers the status gauges of one component; {@code current} must not block. */
    void registerComponent(String component, Supplier<HealthStatus> current) {
        for (HealthStatus status : HealthStatus.values()) {
            Gauge.builder(COMPONENT_HEALTH, () -> current.get() == status ? 1 : 0)
                    .description("1 for the component's last known health status, 0 for the other statuses")
                    .tags("component", component, "status", status.id())
                    .register(registry);
        }
    }

    void registerAdminClients(Supplier<Number> openClients) {
        Gauge.builder(KAFKA_ADMIN_CLIENTS, openClients)
                .description("Kafka Admin clients held open by the health probes, one per cluster")
                .register(registry);
    }
}
