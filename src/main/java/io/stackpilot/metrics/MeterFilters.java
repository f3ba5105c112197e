package io.stackpilot.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;

/**
 * Keeps {@code /q/metrics} clean under {@code promtool check metrics}: it drops built-in meters whose
 * Prometheus output breaks its rules, and gives a built-in HTTP meter that has none a help text.
 */
@Singleton
public class MeterFilters {

    /**
     * {@code process_cpu_time_ns_total} carries a unit abbreviation in its name, {@code system_cpu_count} ends in
     * {@code _count} without being a summary, and the long-task timer {@code http.server.connections} is written
     * without help text on its active-count and duration series. {@code process_cpu_usage},
     * {@code system_cpu_usage} and {@code http_server_requests_seconds} remain.
     */
    private static final Set<String> DENIED = Set.of("process.cpu.time", "system.cpu.count", "http.server.connections");

    private static final Map<String, String> DESCRIPTIONS =
            Map.of("http.server.active.requests", "HTTP requests being handled right now");

    @Produces
    @Singleton
    MeterFilter denyLintFailures() {
        return MeterFilter.deny(id -> DENIED.contains(id.getName()));
    }

    @Produces
    @Singleton
    MeterFilter describeBuiltInMeters() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String description = DESCRIPTIONS.get(id.getName());
                if (description == null || id.getDescription() != null) {
                    return id;
                }
                return new Meter.Id(id.getName(), Tags.of(id.getTags()), id.getBaseUnit(), description, id.getType());
            }
        };
    }
}
