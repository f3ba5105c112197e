package io.stackpilot.runtime.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.stackpilot.catalog.WorkloadRef;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The API requests on one component's workload and its pods, each translated into the port's exceptions and
 * each one of the {@link KubernetesRequest}s that the control plane's Role grants.
 */
final class WorkloadClient {

    private final KubernetesConnection connection;
    private final String component;
    private final WorkloadRef.Kubernetes ref;

    WorkloadClient(KubernetesConnection connection, String component, WorkloadRef.Kubernetes ref) {
        this.connection = connection;
        this.component = component;
        this.ref = ref;
    }

    /**
     * Reads the workload.
     *
     * @return empty when it (or its namespace) does not exist
     */
    Optional<WorkloadSnapshot> get() {
        HasMetadata workload = call(
                KubernetesRequest.GET_WORKLOAD,
                ref.kind().resource(),
                "read " + ref.describe(),
                () -> resource().get());
        return Optional.ofNullable(workload).map(WorkloadSnapshot::of);
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to the workload.
     *
     * @return the workload as the API server stored it
     */
    WorkloadSnapshot patch(ObjectNode mergePatch, String action) {
        HasMetadata patched = call(
                KubernetesRequest.PATCH_WORKLOAD,
                ref.kind().resource(),
                action,
                () -> resource().patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch.toString()));
        return WorkloadSnapshot.of(patched);
    }

    /**
     * Lists the pods the workload's selector matches.
     *
     * @return empty when the workload has no selector, which would otherwise match every pod in the namespace
     */
    List<Pod> pods(WorkloadSnapshot workload) {
        LabelSelector selector = workload.selector();
        if (selector == null || LabelSelectors.isEmpty(selector)) {
            return List.of();
        }
        return call(
                KubernetesRequest.LIST_PODS,
                "pods",
                "list the pods of " + workload.describe(),
                () -> client().pods()
                        .inNamespace(ref.namespace())
                        .withLabelSelector(selector)
                        .list()
                        .getItems());
    }

    /** Runs one request and translates its failure. */
    <T> T call(KubernetesRequest request, String resource, String action, Supplier<T> call) {
        connection.requireConfigured(component);
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw KubernetesErrors.translate(
                    component, connection.serverUrl(), request, resource, ref.namespace(), action, e);
        }
    }

    KubernetesClient client() {
        return connection.client();
    }

    String serverUrl() {
        return connection.serverUrl();
    }

    String component() {
        return component;
    }

    WorkloadRef.Kubernetes ref() {
        return ref;
    }

    private Resource<? extends HasMetadata> resource() {
        return switch (ref.kind()) {
            case DEPLOYMENT ->
                client().apps().deployments().inNamespace(ref.namespace()).withName(ref.name());
            case STATEFUL_SET ->
                client().apps().statefulSets().inNamespace(ref.namespace()).withName(ref.name());
        };
    }
}
