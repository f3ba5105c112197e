package io.stackpilot.runtime.kubernetes;

import io.stackpilot.catalog.WorkloadRef.WorkloadKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every kind of Kubernetes API request the adapter sends, with the RBAC verb and resources it needs.
 *
 * <p>This is the one list of the adapter's permissions: the control plane's Role in {@code k8s/} must grant
 * exactly {@link #requiredGrants()}, and a test compares the two. A new kind of request goes here first.
 */
enum KubernetesRequest {
    /** Reads a Deployment or StatefulSet. */
    GET_WORKLOAD("get", "apps", workloadResources()),
    /** Scales a workload, records its replica count, or sets the restart annotation, by JSON merge patch. */
    PATCH_WORKLOAD("patch", "apps", workloadResources()),
    /**
     * Watches one workload by a field selector on its name, so that changes reach the status cache as they
     * happen. The cache reads workloads with {@link #GET_WORKLOAD}, so watching needs no {@code list}.
     */
    WATCH_WORKLOAD("watch", "apps", workloadResources()),
    /** Lists a workload's pods by its label selector, for their waiting reasons and for logs. */
    LIST_PODS("list", "", List.of("pods")),
    /**
     * Watches the pods of each namespace that contains a catalog workload, so that a container entering a waiting
     * state such as CrashLoopBackOff reaches the status cache. fabric8 (7.5) also lists a pod by name, and may
     * briefly watch it, before every log request.
     */
    WATCH_PODS("watch", "", List.of("pods")),
    /** Reads a pod's log. */
    GET_POD_LOG("get", "", List.of("pods/log"));

    private final String verb;
    private final String apiGroup;
    private final List<String> resources;

    KubernetesRequest(String verb, String apiGroup, List<String> resources) {
        this.verb = verb;
        this.apiGroup = apiGroup;
        this.resources = resources;
    }

    /** Returns the RBAC verb, such as {@code patch}. */
    String verb() {
        return verb;
    }

    /** Returns the API group, empty for the core group. */
    String apiGroup() {
        return apiGroup;
    }

    /** Returns the resources this request may target, such as {@code deployments} and {@code statefulsets}. */
    List<String> resources() {
        return resources;
    }

    /**
     * Returns the verbs the adapter needs, keyed by {@code group/resource} (the core group is empty, so pods
     * are {@code /pods}).
     */
    static Map<String, Set<String>> requiredGrants() {
        Map<String, Set<String>> grants = new TreeMap<>();
        for (KubernetesRequest request : values()) {
            for (String resource : request.resources) {
                grants.computeIfAbsent(request.apiGroup + "/" + resource, key -> new TreeSet<>())
                        .add(request.verb);
            }
        }
        return grants;
    }

    private static List<String> workloadResources() {
        return Arrays.stream(WorkloadKind.values()).map(WorkloadKind::resource).toList();
    }
}
