package io.stackpilot.runtime.kubernetes;

import io.stackpilot.catalog.Component;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.catalog.WorkloadRef;
import io.stackpilot.runtime.WorkloadWatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * {@link WorkloadWatcher} on Kubernetes watches: one per catalog workload (Deployment or StatefulSet), and one on
 * the pods of each namespace that contains such a workload, because a pod's container waiting with
 * CrashLoopBackOff or ImagePullBackOff changes the component's status while the workload object stays the same.
 *
 * <p>Watches need only the {@code watch} verb: the status cache reads each workload with {@code get} and its
 * pods with {@code list}, which {@link KubernetesRequest} also declares. Each watch starts without a resource
 * version, so the API server begins it with an {@code ADDED} event for every object that exists; a change made
 * while a watch is still connecting is therefore reported once it connects.
 */
@ApplicationScoped
public class KubernetesWorkloadWatcher implements WorkloadWatcher {

    private static final Logger LOG = Logger.getLogger(KubernetesWorkloadWatcher.class);

    private final KubernetesConnection connection;

    @Inject
    public KubernetesWorkloadWatcher(KubernetesConnection connection) {
        this.connection = connection;
    }

    @Override
    public RuntimeKind kind() {
        return RuntimeKind.KUBERNETES;
    }

    /**
     * Checks that the API server responds, then opens every watch.
     *
     * @throws io.stackpilot.runtime.RuntimeUnavailableException at once when no API server is configured, or
     *     when the configured one cannot be reached
     * @throws io.stackpilot.runtime.RuntimeForbiddenException when the Role does not grant {@code watch}
     */
    @Override
    public Subscription watch(Collection<Component> components, Listener listener) {
        connection.requireConfigured(null);
        requireReachable();
        List<Component> workloads = components.stream()
                .filter(component -> component.workload() instanceof WorkloadRef.Kubernetes)
                .toList();
        WatchSubscription subscription = new WatchSubscription(connection, workloads, listener);
        subscription.open();
        LOG.debugf(
                "Watching %d Kubernetes workloads and the pods of %s at %s",
                workloads.size(), subscription.namespaces(), connection.serverUrl());
        return subscription;
    }

    /**
     * Reads {@code /version}, which needs no RBAC grant. fabric8 (7.5.2) returns from {@code watch} when the
     * connection is refused and keeps retrying in the background, so the watch itself cannot tell that the
     * API server is unreachable.
     */
    private void requireReachable() {
        try {
            connection.client().getKubernetesVersion();
        } catch (RuntimeException e) {
            throw KubernetesErrors.translate(
                    null, connection.serverUrl(), null, "/version", null, "read its version", e);
        }
    }
}
