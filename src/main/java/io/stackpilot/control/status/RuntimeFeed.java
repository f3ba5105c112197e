package io.stackpilot.control.status;

import io.stackpilot.catalog.Component;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.runtime.RuntimeFailureException;
import io.stackpilot.runtime.RuntimeOperationException;
import io.stackpilot.runtime.RuntimeProbe;
import io.stackpilot.runtime.RuntimeUnavailableException;
import io.stackpilot.runtime.ServiceRuntime;
import io.stackpilot.runtime.WorkloadWatcher;
import io.stackpilot.runtime.WorkloadWatcher.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps one runtime's event subscription open: subscribes, reads every component once, and after a break
 * reconnects with exponential backoff and reads everything again, so the cache is right after any gap.
 *
 * <p>Every state change runs on the feed's own thread; request threads only read the volatile fields.
 */
final class RuntimeFeed {

    private static final Logger LOG = Logger.getLogger(RuntimeFeed.class);

    /** Whether the feed's events can be trusted. */
    enum State {
        /** Not connected yet; readers fall back to live reads. */
        CONNECTING,
        /** Subscribed and resynchronised; the cache is current. */
        CONNECTED,
        /** The runtime is unreachable; components show {@code unknown}. */
        DISCONNECTED
    }

    /** Cache methods that the feed calls. */
    interface Callbacks {

        /**
         * Reads every component and records it.
         *
         * @throws RuntimeUnavailableException if the runtime cannot be reached
         */
        void resync(List<Component> components);

        /** Queues a read of one component after an event. */
        void changed(Component component);

        /** Publishes the components' visible state after the feed connected or disconnected. */
        void feedStateChanged(RuntimeFeed feed);

        /** Counts a successful reconnect after a break. */
        void reconnected(RuntimeKind runtime);
    }

    private final WorkloadWatcher watcher;
    private final ServiceRuntime runtime;
    private final List<Component> components;
    private final StatusConfig config;
    private final Callbacks callbacks;
    private final ScheduledExecutorService thread;

    private volatile State state = State.CONNECTING;
    private volatile Instant disconnectedAt;
    private volatile String disconnectReason;
    private Subscription subscription;
    private int generation;
    private Duration backoff;
    private boolean everConnected;

    RuntimeFeed(
            WorkloadWatcher watcher,
            ServiceRuntime runtime,
            List<Component> components,
            StatusConfig config,
            Callbacks callbacks) {
        this.watcher = watcher;
        this.runtime = runtime;
        this.components = List.copyOf(components);
        this.config = config;
        this.callbacks = callbacks;
        this.backoff = config.reconnectInitialBackoff();
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "stackpilot-" + watcher.kind().id() + "-events");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        thread.execute(this::connect);
        schedule(config.livenessInterval(), this::checkLiveness);
        schedule(config.resyncInterval(), this::periodicResync);
    }

    void stop() {
        thread.shutdownNow();
        closeSubscription();
    }

    RuntimeKind kind() {
        return watcher.kind();
    }

    List<Component> components() {
        return components;
    }

    State state() {
        return state;
    }

    /** Returns when the runtime was last known to be reachable, or {@code null} while it is. */
    Instant disconnectedAt() {
        return disconnectedAt;
    }

    /** Returns why the runtime is unreachable, or {@code null} while it is reachable. */
    String disconnectReason() {
        return disconnectReason;
    }

    private void connect() {
        int current = ++generation;
        Subscription opened = null;
        try {
            opened = watcher.watch(components, new Listener(current));
            callbacks.resync(components);
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            lose(asRuntimeFailure(e));
            return;
        }
        subscription = opened;
        Instant brokenSince = disconnectedAt;
        state = State.CONNECTED;
        disconnectedAt = null;
        disconnectReason = null;
        backoff = config.reconnectInitialBackoff();
        logConnected(brokenSince);
        if (everConnected) {
            callbacks.reconnected(kind());
        }
        everConnected = true;
        callbacks.feedStateChanged(this);
    }

    private void logConnected(Instant brokenSince) {
        if (brokenSince == null) {
            LOG.infof("Watching %d %s components through the runtime's events", components.size(), kind().id());
        } else {
            LOG.infof(
                    "%s event stream reconnected after %d ms; %d components read again",
                    kind().id(), Duration.between(brokenSince, Instant.now()).toMillis(), components.size());
        }
    }

    /** Marks the runtime unreachable, once per break, and schedules the next attempt. */
    private void lose(RuntimeOperationException cause) {
        closeSubscription();
        if (state != State.DISCONNECTED) {
            LOG.warnf(
                    "%s event stream unavailable: %s; its components show unknown until it reconnects (retrying"
                            + " every %d ms at most)",
                    kind().id(),
                    cause.getMessage(),
                    config.reconnectMaxBackoff().toMillis());
            disconnectedAt = Instant.now();
            disconnectReason = cause.getMessage();
            state = State.DISCONNECTED;
            callbacks.feedStateChanged(this);
        } else {
            LOG.debugf("%s event stream still unavailable: %s", kind().id(), cause.getMessage());
        }
        thread.schedule(this::connect, backoff.toMillis(), TimeUnit.MILLISECONDS);
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(config.reconnectMaxBackoff()) > 0 ? config.reconnectMaxBackoff() : doubled;
    }

    private RuntimeOperationException asRuntimeFailure(RuntimeException e) {
        if (e instanceof RuntimeOperationException failure) {
            return failure;
        }
        return new RuntimeFailureException(null, kind(), "Subscribing to events failed: " + e, e);
    }

    private void checkLiveness() {
        if (state != State.CONNECTED) {
            return;
        }
        RuntimeProbe probe = runtime.probe();
        if (!probe.reachable()) {
            lose(new RuntimeUnavailableException(null, kind(), probe.endpoint(), probe.error(), null));
        }
    }

    private void periodicResync() {
        if (state != State.CONNECTED) {
            return;
        }
        try {
            callbacks.resync(components);
        } catch (RuntimeOperationException e) {
            lose(e);
        }
    }

    private void closeSubscription() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    private void schedule(Duration interval, Runnable task) {
        long millis = Math.max(1, interval.toMillis());
        thread.scheduleWithFixedDelay(() -> runQuietly(task), millis, millis, TimeUnit.MILLISECONDS);
    }

    private void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s event feed task failed; it runs again at its next interval", kind().id());
        }
    }

    /** Forwards one subscription's callbacks; a closed call from an older subscription is ignored. */
    private final class Listener implements WorkloadWatcher.Listener {

        private final int subscriptionGeneration;

        Listener(int subscriptionGeneration) {
            this.subscriptionGeneration = subscriptionGeneration;
        }

        @Override
        public void changed(Component component) {
            callbacks.changed(component);
        }

        @Override
        public void closed(RuntimeOperationException cause) {
            thread.execute(() -> {
                if (subscriptionGeneration == generation && state == State.CONNECTED) {
                    lose(cause);
                }
            });
        }
    }
}
