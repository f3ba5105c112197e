package io.stackpilot.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.stackpilot.catalog.Component;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.catalog.WorkloadRef;
import io.stackpilot.runtime.RuntimeFailureException;
import io.stackpilot.runtime.RuntimeOperationException;
import io.stackpilot.runtime.WorkloadWatcher.Listener;
import io.stackpilot.runtime.WorkloadWatcher.Subscription;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The watches of one subscription: one per workload, by a field selector on its name, and one on the pods of
 * each namespace. A pod event is reported for the components whose workload selector matches the pod's labels,
 * the same selector the status read lists pods with. Each selector is taken from the workload's own watch
 * events. Until the first one arrives, a pod event is reported for every component in its namespace.
 *
 * <p>fabric8 (7.5) reconnects a watch whose connection drops by itself, from the last resource version it received,
 * so no event is lost then. A watch it cannot resume ends with a {@link WatcherException}: HTTP 410 Gone when
 * the API server no longer keeps that resource version, or a response it cannot read. The subscription then
 * closes its other watches and reports {@link Listener#closed} once, so the caller watches again and reads
 * every component.
 */
final class WatchSubscription implements Subscription {

    private static final Logger LOG = Logger.getLogger(WatchSubscription.class);

    private final KubernetesConnection connection;
    private final List<Component> components;
    private final Listener listener;
    private final List<Watch> watches = new CopyOnWriteArrayList<>();

    /**
     * Each component's workload selector as its latest event showed it, by component name: empty when the
     * workload was deleted or has no selector, absent before its first event.
     */
    private final Map<String, Optional<LabelSelector>> selectors = new ConcurrentHashMap<>();

    private boolean subscribed;
    private boolean ended;
    private RuntimeOperationException failure;

    WatchSubscription(KubernetesConnection connection, List<Component> components, Listener listener) {
        this.connection = connection;
        this.components = List.copyOf(components);
        this.listener = listener;
    }

    /** Returns the namespaces whose pods are watched, in catalog order. */
    List<String> namespaces() {
        return components.stream().map(c -> refOf(c).namespace()).distinct().toList();
    }

    /**
     * Opens every watch. A watch that ends before this returns is reported by the exception only.
     *
     * @throws RuntimeOperationException when a watch cannot be opened, after closing every watch opened so far
     */
    void open() {
        try {
            for (Component component : components) {
                watches.add(watchWorkload(component));
            }
            for (String namespace : namespaces()) {
                watches.add(watchPods(namespace));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        synchronized (this) {
            if (!ended) {
                subscribed = true;
                return;
            }
        }
        close();
        throw failure;
    }

    @Override
    public void close() {
        synchronized (this) {
            ended = true;
            subscribed = false;
        }
        closeWatches();
    }

    private Watch watchWorkload(Component component) {
        WorkloadRef.Kubernetes ref = refOf(component);
        WorkloadEvents<HasMetadata> events = new WorkloadEvents<>(component, ref);
        return open(
                KubernetesRequest.WATCH_WORKLOAD,
                ref.kind().resource(),
                ref.namespace(),
                ref.describe(),
                () -> switch (ref.kind()) {
                    case DEPLOYMENT ->
                        client().apps()
                                .deployments()
                                .inNamespace(ref.namespace())
                                .withName(ref.name())
                                .watch(events.typed());
                    case STATEFUL_SET ->
                        client().apps()
                                .statefulSets()
                                .inNamespace(ref.namespace())
                                .withName(ref.name())
                                .watch(events.typed());
                });
    }

    private Watch watchPods(String namespace) {
        List<Component> inNamespace = components.stream()
                .filter(c -> refOf(c).namespace().equals(namespace))
                .toList();
        PodEvents events = new PodEvents(namespace, inNamespace);
        return open(
                KubernetesRequest.WATCH_PODS,
                "pods",
                namespace,
                "the pods in " + namespace,
                () -> client().pods().inNamespace(namespace).watch(events));
    }

    private Watch open(
            KubernetesRequest request, String resource, String namespace, String watched, Supplier<Watch> opener) {
        try {
            return opener.get();
        } catch (RuntimeException e) {
            throw KubernetesErrors.translate(
                    null, connection.serverUrl(), request, resource, namespace, "watch " + watched, e);
        }
    }

    private KubernetesClient client() {
        return connection.client();
    }

    private synchronized boolean isEnded() {
        return ended;
    }

    /** Ends the subscription after a watch failed, and notifies the listener once if it was already open. */
    private void end(RuntimeOperationException cause) {
        boolean notify;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            failure = cause;
            notify = subscribed;
        }
        closeWatches();
        if (notify) {
            LOG.debugf("Kubernetes watch ended: %s", cause.getMessage());
            listener.closed(cause);
        }
    }

    private void closeWatches() {
        for (Watch watch : watches) {
            try {
                watch.close();
            } catch (RuntimeException e) {
                LOG.debugf(e, "Closing a Kubernetes watch failed");
            }
        }
    }

    private static WorkloadRef.Kubernetes refOf(Component component) {
        return (WorkloadRef.Kubernetes) component.workload();
    }

    private static Optional<LabelSelector> selectorOf(HasMetadata workload) {
        LabelSelector selector = WorkloadSnapshot.of(workload).selector();
        return Optional.ofNullable(selector).filter(s -> !LabelSelectors.isEmpty(s));
    }

    /**
     * Ends the subscription when fabric8 closed a watch without an error, which it does when its client closes.
     * Closing by {@link #close()} marks the subscription ended first, so it reports nothing.
     */
    private void endedWithoutError(String watched) {
        end(new RuntimeFailureException(
                null,
                RuntimeKind.KUBERNETES,
                "The Kubernetes watch of " + watched + " at " + connection.serverUrl() + " ended",
                null));
    }

    /** Reports every event of one workload, and keeps its selector for {@link PodEvents}. */
    private final class WorkloadEvents<T extends HasMetadata> implements Watcher<T> {

        private final Component component;
        private final WorkloadRef.Kubernetes ref;

        WorkloadEvents(Component component, WorkloadRef.Kubernetes ref) {
            this.component = component;
            this.ref = ref;
        }

        /** Returns this watcher typed for the client's watch call on a Deployment or StatefulSet. */
        @SuppressWarnings("unchecked")
        <W extends HasMetadata> Watcher<W> typed() {
            return (Watcher<W>) this;
        }

        @Override
        public void eventReceived(Action action, T workload) {
            if (isEnded() || action == Action.BOOKMARK || action == Action.ERROR) {
                return;
            }
            selectors.put(component.name(), action == Action.DELETED ? Optional.empty() : selectorOf(workload));
            LOG.debugf("[%s] %s %s", component.name(), ref.describe(), action);
            listener.changed(component);
        }

        @Override
        public void onClose(WatcherException cause) {
            end(KubernetesErrors.watchEnded(
                    connection.serverUrl(),
                    KubernetesRequest.WATCH_WORKLOAD,
                    ref.kind().resource(),
                    ref.namespace(),
                    ref.describe(),
                    cause));
        }

        @Override
        public void onClose() {
            endedWithoutError(ref.describe());
        }
    }

    /** Reports a pod event for the components whose workload selects the pod. */
    private final class PodEvents implements Watcher<Pod> {

        private final String namespace;
        private final List<Component> inNamespace;

        PodEvents(String namespace, List<Component> inNamespace) {
            this.namespace = namespace;
            this.inNamespace = inNamespace;
        }

        @Override
        public void eventReceived(Action action, Pod pod) {
            if (isEnded() || action == Action.BOOKMARK || action == Action.ERROR) {
                return;
            }
            Map<String, String> labels = pod.getMetadata().getLabels();
            for (Component component : inNamespace) {
                Optional<LabelSelector> selector = selectors.get(component.name());
                boolean selected = selector == null
                        || selector.filter(s -> LabelSelectors.matches(s, labels))
                                .isPresent();
                if (selected) {
                    LOG.debugf(
                            "[%s] Pod %s/%s %s",
                            component.name(), namespace, pod.getMetadata().getName(), action);
                    listener.changed(component);
                }
            }
        }

        @Override
        public void onClose(WatcherException cause) {
            end(KubernetesErrors.watchEnded(
                    connection.serverUrl(),
                    KubernetesRequest.WATCH_PODS,
                    "pods",
                    namespace,
                    "the pods in " + namespace,
                    cause));
        }

        @Override
        public void onClose() {
            endedWithoutError("the pods in " + namespace);
        }
    }
}
