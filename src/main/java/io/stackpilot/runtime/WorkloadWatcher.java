package io.stackpilot.runtime;

import io.stackpilot.catalog.Component;
import io.stackpilot.catalog.RuntimeKind;
import java.util.Collection;

/**
 * The port through which a runtime reports changes to workloads as they happen, such as the Docker events
 * stream or a Kubernetes watch.
 *
 * <p>A subscription reports which components may have changed, not their new state: the caller reads the
 * state through {@link ServiceRuntime#status}. Reconnecting and resynchronising after a broken stream is the
 * caller's job, so it works the same for every runtime.
 */
public interface WorkloadWatcher {

    /** Returns the runtime whose workloads this watcher reports. */
    RuntimeKind kind();

    /**
     * Opens a subscription for the given components and returns once the runtime has accepted it. A full read
     * of every component made after this returns cannot miss a change, because the subscription already
     * covers it.
     *
     * @param components the catalog components of this watcher's runtime
     * @param listener receives changes on the watcher's own thread; it must not block
     * @throws RuntimeUnavailableException if the runtime cannot be reached
     */
    Subscription watch(Collection<Component> components, Listener listener);

    /** Receives what a subscription observes. */
    interface Listener {

        /** Reports that the component's workload may have changed and should be read again. */
        void changed(Component component);

        /**
         * Reports that the subscription ended without {@link Subscription#close()}: the daemon went away, the
         * stream broke or the watch expired. Called at most once per subscription.
         */
        void closed(RuntimeOperationException cause);
    }

    /** An open subscription. */
    interface Subscription extends AutoCloseable {

        /** Ends the subscription; the listener hears nothing more from it. Never throws. */
        @Override
        void close();
    }
}
