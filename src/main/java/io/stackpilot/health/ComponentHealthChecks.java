package io.stackpilot.health;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.health.registry.HealthRegistries;
import io.smallrye.mutiny.Uni;
import io.stackpilot.catalog.Catalog;
import io.stackpilot.catalog.Component;
import io.stackpilot.health.probe.KafkaAdminClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Publishes component health to the scrapers. The catalog is runtime configuration, so the checks are registered
 * in SmallRye Health's registries at start-up rather than declared as beans:
 *
 * <ul>
 *   <li>every component with {@code critical: true} joins {@code /q/health/ready};
 *   <li>every component is a health group of its own, {@code /q/health/group/{name}};
 *   <li>{@code /q/health/live} gets none, so a broken dependency never gets stackpilot restarted.
 * </ul>
 *
 * <p>{@code up} and {@code degraded} count as UP for the scrapers; {@code down} and {@code unknown} as DOWN.
 */
@ApplicationScoped
public class ComponentHealthChecks {

    private static final Logger LOG = Logger.getLogger(ComponentHealthChecks.class);
    private static final Duration HAND_OVER = Duration.ofMillis(500);

    private final Catalog catalog;
    private final HealthService health;
    private final HealthMetrics metrics;
    private final KafkaAdminClients adminClients;
    private final HealthRegistry readiness;

    @Inject
    public ComponentHealthChecks(
            Catalog catalog,
            HealthService health,
            HealthMetrics metrics,
            KafkaAdminClients adminClients,
            @Readiness HealthRegistry readiness) {
        this.catalog = catalog;
        this.health = health;
        this.metrics = metrics;
        this.adminClients = adminClients;
        this.readiness = readiness;
    }

    void register(@Observes StartupEvent event) {
        for (Component component : catalog.all()) {
            AsyncHealthCheck check = () -> call(component);
            HealthRegistries.getHealthGroupRegistry(component.name()).register(component.name(), check);
            if (component.critical()) {
                readiness.register(component.name(), check);
            }
            metrics.registerComponent(
                    component.name(),
                    () -> health.lastKnown(component.name())
                            .map(ComponentHealth::status)
                            .orElse(HealthStatus.UNKNOWN));
        }
        metrics.registerAdminClients(adminClients::openCount);
        List<String> critical = catalog.all().stream()
                .filter(Component::critical)
                .map(Component::name)
                .toList();
        LOG.infof("Readiness includes the critical components %s; each component has a health group", critical);
    }

    void unregister(@Observes ShutdownEvent event) {
        for (Component component : catalog.all()) {
            HealthRegistries.getHealthGroupRegistry(component.name()).remove(component.name());
            if (component.critical()) {
                readiness.remove(component.name());
            }
        }
    }

    private Uni<HealthCheckResponse> call(Component component) {
        // The stage completes within the budget on its own; the limit here guards the scrape endpoint anyway.
        Duration limit = health.budget(component).plus(HAND_OVER);
        return Uni.createFrom()
                .completionStage(() -> health.checkAsync(component))
                .ifNoItem()
                .after(limit)
                .recoverWithItem(() -> new ComponentHealth(
                        HealthStatus.UNKNOWN,
                        "The health check did not finish within " + limit.toMillis() + " ms",
                        Instant.now(),
                        0,
                        Map.of()))
                .map(result -> toResponse(component, result));
    }

    static HealthCheckResponse toResponse(Component component, ComponentHealth result) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(component.name())
                .status(result.status().isServing())
                .withData("status", result.status().id())
                .withData("critical", component.critical())
                .withData("checkedAt", result.checkedAt().toString())
                .withData("latencyMs", result.latencyMs());
        if (result.reason() != null) {
            response.withData("reason", result.reason());
        }
        for (Map.Entry<String, Object> detail : result.details().entrySet()) {
            withData(response, detail.getKey(), detail.getValue());
        }
        return response.build();
    }

    /** Adds one detail in a type SmallRye Health writes: numbers as long, lists joined with commas. */
    private static void withData(HealthCheckResponseBuilder response, String key, Object value) {
        if (value instanceof Boolean flag) {
            response.withData(key, flag);
        } else if (value instanceof Integer || value instanceof Long) {
            response.withData(key, ((Number) value).longValue());
        } else if (value instanceof Collection<?> values) {
            response.withData(
                    key, String.join(", ", values.stream().map(String::valueOf).toList()));
        } else if (value != null) {
            response.withData(key, value.toString());
        }
    }
}
