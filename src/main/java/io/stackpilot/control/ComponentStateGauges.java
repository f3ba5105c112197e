package io.stackpilot.control;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.stackpilot.catalog.Catalog;
import io.stackpilot.catalog.Component;
import io.stackpilot.metrics.MetricsConfig;
import io.stackpilot.runtime.WorkloadState;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Publishes each component's state as {@code stackpilot_component_state{component, runtime, state}}: 1 for the
 * current state and 0 for the others, so {@code stackpilot_component_state{state="running"} == 0} finds the
 * components that are not running.
 *
 * <p>A scrape never waits for a runtime: gauges read the states from the last refresh, and a scrape that finds
 * them older than {@code stackpilot.metrics.state-max-age} starts a refresh in the background. The values a
 * scrape returns are therefore at most that age plus one refresh old.
 */
@Startup
@ApplicationScoped
public class ComponentStateGauges {

    private static final Logger LOG = Logger.getLogger(ComponentStateGauges.class);

    private final Catalog catalog;
    private final ComponentService components;
    private final long maxAgeNanos;
    private final Map<String, WorkloadState> states = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "stackpilot-state-gauges");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long refreshedAtNanos;

    @Inject
    public ComponentStateGauges(
            Catalog catalog, ComponentService components, MeterRegistry registry, MetricsConfig config) {
        this.catalog = catalog;
        this.components = components;
        this.maxAgeNanos = config.stateMaxAge().toNanos();
        this.refreshedAtNanos = System.nanoTime() - maxAgeNanos - 1;
        for (Component component : catalog.all()) {
            states.put(component.name(), WorkloadState.UNKNOWN);
            for (WorkloadState state : WorkloadState.values()) {
                Gauge.builder("stackpilot.component.state", this, gauges -> gauges.value(component, state))
                        .description("1 when the component is in this state, 0 otherwise")
                        .tag("component", component.name())
                        .tag("runtime", component.runtime().id())
                        .tag("state", state.id())
                        .register(registry);
            }
        }
        refreshInBackground();
    }

    private double value(Component component, WorkloadState state) {
        if (System.nanoTime() - refreshedAtNanos > maxAgeNanos) {
            refreshInBackground();
        }
        return states.get(component.name()) == state ? 1 : 0;
    }

    private void refreshInBackground() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            refresher.execute(this::refresh);
        } catch (RejectedExecutionException e) {
            refreshing.set(false);
        }
    }

    private void refresh() {
        try {
            for (Component component : catalog.all()) {
                states.put(component.name(), components.status(component).state());
            }
            refreshedAtNanos = System.nanoTime();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not refresh the component state gauges; they keep their last values");
        } finally {
            refreshing.set(false);
        }
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
