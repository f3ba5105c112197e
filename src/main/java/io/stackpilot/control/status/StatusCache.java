package io.stackpilot.control.status;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.stackpilot.catalog.Catalog;
import io.stackpilot.catalog.Component;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.control.RuntimeRegistry;
import io.stackpilot.control.events.EventHub;
import io.stackpilot.metrics.EventStreamMetrics;
import io.stackpilot.runtime.RuntimeOperationException;
import io.stackpilot.runtime.RuntimeUnavailableException;
import io.stackpilot.runtime.ServiceRuntime;
import io.stackpilot.runtime.WorkloadStatus;
import io.stackpilot.runtime.WorkloadWatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * The components' current status, kept up to date by each runtime's event stream instead of being read from
 * the runtime on every request.
 *
 * <p>A runtime with a {@link WorkloadWatcher} is read once when its stream opens, again for each component an
 * event names, and in full after every reconnect. While its stream is broken its components show
 * {@code unknown}, with {@code since} set to when the runtime was last reachable. Runtimes without a watcher are
 * read live on every call. Every change of a component's visible state is published as a {@code component}
 * event.
 */
@Startup
@ApplicationScoped
public class StatusCache {

    private static final Logger LOG = Logger.getLogger(StatusCache.class);

    private final Catalog catalog;
    private final RuntimeRegistry runtimes;
    private final Instance<WorkloadWatcher> watchers;
    private final EventHub events;
    private final StatusConfig config;
    private final EventStreamMetrics metrics;

    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    private final Map<RuntimeKind, RuntimeFeed> feeds = new EnumMap<>(RuntimeKind.class);
    private final Map<String, ComponentChange> published = new HashMap<>();
    private final Set<String> queuedReads = ConcurrentHashMap.newKeySet();
    private final ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stackpilot-status-reader");
        thread.setDaemon(true);
        return thread;
    });

    /** One live read, with the moment it started so an older read never replaces a newer one. */
    private record Reading(WorkloadStatus status, long startedNanos) {}

    @Inject
    public StatusCache(
            Catalog catalog,
            RuntimeRegistry runtimes,
            @Any Instance<WorkloadWatcher> watchers,
            EventHub events,
            StatusConfig config,
            EventStreamMetrics metrics) {
        this.catalog = catalog;
        this.runtimes = runtimes;
        this.watchers = watchers;
        this.events = events;
        this.config = config;
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent startup) {
        for (WorkloadWatcher watcher : watchers) {
            List<Component> watched = catalog.all().stream()
                    .filter(component -> component.runtime() == watcher.kind())
                    .toList();
            Optional<ServiceRuntime> runtime = runtimes.find(watcher.kind());
            if (watched.isEmpty() || runtime.isEmpty()) {
                continue;
            }
            RuntimeFeed feed = new RuntimeFeed(watcher, runtime.get(), watched, config, new FeedCallbacks());
            feeds.put(watcher.kind(), feed);
            feed.start();
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        feeds.values().forEach(RuntimeFeed::stop);
        reader.shutdownNow();
    }

    /** Returns the component's status from the cache, reading it live only when the cache has no current entry. */
    public WorkloadStatus status(Component component) {
        return cached(component).orElseGet(() -> refresh(component));
    }

    /**
     * Returns the component's status when the cache contains it, without a runtime request: a current entry, or
     * {@code unknown} while the runtime is unreachable. Never blocks.
     */
    public Optional<WorkloadStatus> cached(Component component) {
        RuntimeFeed feed = feeds.get(component.runtime());
        if (feed != null && feed.state() == RuntimeFeed.State.DISCONNECTED) {
            return Optional.of(unreachable(component, feed));
        }
        Reading reading = readings.get(component.name());
        if (feed != null && feed.state() == RuntimeFeed.State.CONNECTED && reading != null) {
            return Optional.of(reading.status());
        }
        return Optional.empty();
    }

    /** Reads the component's status from its runtime now, stores it and returns it. */
    public WorkloadStatus refresh(Component component) {
        long started = System.nanoTime();
        WorkloadStatus status;
        try {
            status = runtimes.forComponent(component).status(component);
        } catch (RuntimeOperationException e) {
            LOG.debugf("[%s] Status unknown: %s", component.name(), e.getMessage());
            status = WorkloadStatus.unknown(e.getMessage(), Instant.now());
        }
        record(component, status, started);
        return status;
    }

    /** Returns the text without a final period, so that a clause can follow it. */
    private static String sentence(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private WorkloadStatus unreachable(Component component, RuntimeFeed feed) {
        Reading last = readings.get(component.name());
        if (last == null) {
            return WorkloadStatus.unknown(sentence(feed.disconnectReason()) + "; state never read", null);
        }
        String reason = sentence(feed.disconnectReason()) + "; last known state: "
                + last.status().state().id();
        return WorkloadStatus.unknown(reason, feed.disconnectedAt());
    }

    private void record(Component component, WorkloadStatus status, long startedNanos) {
        Reading fresh = new Reading(status, startedNanos);
        readings.merge(
                component.name(),
                fresh,
                (old, candidate) -> old.startedNanos() > candidate.startedNanos() ? old : candidate);
        publishIfChanged(component);
    }

    /** Publishes a {@code component} event when what callers see has changed since the last event. */
    private synchronized void publishIfChanged(Component component) {
        WorkloadStatus visible = visibleWithoutReading(component);
        if (visible == null) {
            return;
        }
        ComponentChange previous = published.get(component.name());
        if (previous != null
                && previous.state() == visible.state()
                && Objects.equals(previous.reason(), visible.reason())) {
            return;
        }
        ComponentChange change = new ComponentChange(
                component.name(),
                component.runtime(),
                visible.state(),
                previous == null ? null : previous.state(),
                visible.reason(),
                visible.since());
        published.put(component.name(), change);
        events.publish("component", change);
    }

    private WorkloadStatus visibleWithoutReading(Component component) {
        RuntimeFeed feed = feeds.get(component.runtime());
        if (feed != null && feed.state() == RuntimeFeed.State.DISCONNECTED) {
            return unreachable(component, feed);
        }
        Reading reading = readings.get(component.name());
        return reading == null ? null : reading.status();
    }

    private void queueRead(Component component) {
        if (!queuedReads.add(component.name())) {
            return;
        }
        reader.execute(() -> {
            queuedReads.remove(component.name());
            readAfterEvent(component);
        });
    }

    private void readAfterEvent(Component component) {
        long started = System.nanoTime();
        try {
            record(component, runtimes.forComponent(component).status(component), started);
        } catch (RuntimeUnavailableException e) {
            LOG.debugf("[%s] Read after an event failed; the event stream will reconnect: %s", component.name(), e);
        } catch (RuntimeOperationException e) {
            LOG.warnf("[%s] Read after an event failed: %s", component.name(), e.getMessage());
            record(component, WorkloadStatus.unknown(e.getMessage(), Instant.now()), started);
        }
    }

    /** Connects the feeds to the cache. */
    private final class FeedCallbacks implements RuntimeFeed.Callbacks {

        @Override
        public void resync(List<Component> components) {
            for (Component component : components) {
                long started = System.nanoTime();
                WorkloadStatus status;
                try {
                    status = runtimes.forComponent(component).status(component);
                } catch (RuntimeUnavailableException e) {
                    throw e;
                } catch (RuntimeOperationException e) {
                    status = WorkloadStatus.unknown(e.getMessage(), Instant.now());
                }
                record(component, status, started);
            }
        }

        @Override
        public void changed(Component component) {
            queueRead(component);
        }

        @Override
        public void feedStateChanged(RuntimeFeed feed) {
            feed.components().forEach(StatusCache.this::publishIfChanged);
        }

        @Override
        public void reconnected(RuntimeKind runtime) {
            metrics.reconnected(runtime);
        }
    }
}
