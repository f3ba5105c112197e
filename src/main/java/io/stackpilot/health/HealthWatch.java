package io.stackpilot.health;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.stackpilot.catalog.Catalog;
import io.stackpilot.control.events.EventHub;
import io.stackpilot.control.status.ComponentChange;
import io.stackpilot.health.probe.ProbeExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Checks components in the background so that their health changes reach {@code GET /api/v1/events} unasked:
 * every component each {@code stackpilot.health.watch-interval} (cached results younger than the TTL are
 * reused), and a component at once when its state changes.
 */
@ApplicationScoped
public class HealthWatch {

    private static final Logger LOG = Logger.getLogger(HealthWatch.class);

    private final Catalog catalog;
    private final HealthService health;
    private final HealthConfig config;
    private final EventHub events;
    private final ExecutorService probeThreads;
    private ScheduledExecutorService timer;
    private EventHub.Subscription subscription;

    @Inject
    public HealthWatch(
            Catalog catalog, HealthService health, HealthConfig config, EventHub events, ProbeExecutor executor) {
        this.catalog = catalog;
        this.health = health;
        this.config = config;
        this.events = events;
        this.probeThreads = executor.executor();
    }

    void onStart(@Observes StartupEvent startup) {
        long intervalMs = config.watchInterval().toMillis();
        if (intervalMs <= 0) {
            LOG.info("Background health checks are off (stackpilot.health.watch-interval=0); health is checked"
                    + " only when asked for");
            return;
        }
        // Events are delivered while the hub holds its lock, so the check only starts here and runs elsewhere.
        subscription = events.subscribe(
                null,
                event -> {
                    if (event.data() instanceof ComponentChange change) {
                        catalog.find(change.component()).ifPresent(component -> {
                            try {
                                probeThreads.execute(() -> health.checkFreshAsync(component));
                            } catch (RejectedExecutionException e) {
                                LOG.debugf(
                                        "[%s] No health check after the state change: shutting down", component.name());
                            }
                        });
                    }
                },
                () -> {});
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stackpilot-health-watch");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::checkAll, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        if (subscription != null) {
            subscription.close();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void checkAll() {
        try {
            health.checkAll(catalog.all());
        } catch (RuntimeException e) {
            LOG.warnf(
                    e,
                    "A background health check failed; the next one runs in %d ms",
                    config.watchInterval().toMillis());
        }
    }
}
