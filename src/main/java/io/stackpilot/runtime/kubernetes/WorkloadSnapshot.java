package io.stackpilot.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.stackpilot.catalog.WorkloadRef.WorkloadKind;
import io.stackpilot.runtime.KubernetesDetails.Condition;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields stackpilot reads from a Deployment or StatefulSet, so both kinds map the same way.
 *
 * @param desiredReplicas {@code spec.replicas}; the API server defaults an absent value to 1
 * @param readyReplicas {@code status.readyReplicas}, 0 when absent
 * @param availableReplicas {@code status.availableReplicas}, 0 when absent
 * @param updatedReplicas {@code status.updatedReplicas}, 0 when absent
 * @param annotations {@code metadata.annotations}, empty when absent
 * @param selector {@code spec.selector}, or {@code null} when absent
 */
record WorkloadSnapshot(
        WorkloadKind kind,
        String namespace,
        String name,
        String resourceVersion,
        Map<String, String> annotations,
        int desiredReplicas,
        int readyReplicas,
        int availableReplicas,
        int updatedReplicas,
        List<Condition> conditions,
        LabelSelector selector) {

    /** Annotation in which a stop records the replica count that a start restores. */
    static final String REPLICAS_BEFORE_STOP = "stackpilot.io/replicas-before-stop";

    WorkloadSnapshot {
        annotations = annotations == null ? Map.of() : withoutNullValues(annotations);
        conditions = List.copyOf(conditions);
    }

    /**
     * Reads a workload as returned by the API.
     *
     * @throws IllegalArgumentException for a kind other than Deployment and StatefulSet
     */
    static WorkloadSnapshot of(HasMetadata workload) {
        if (workload instanceof Deployment deployment) {
            return of(deployment);
        }
        if (workload instanceof StatefulSet statefulSet) {
            return of(statefulSet);
        }
        throw new IllegalArgumentException("Unsupported workload kind " + workload.getKind());
    }

    static WorkloadSnapshot of(Deployment deployment) {
        DeploymentSpec spec = deployment.getSpec() == null ? new DeploymentSpec() : deployment.getSpec();
        DeploymentStatus status = deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus();
        List<Condition> conditions = orEmpty(status.getConditions()).stream()
                .map(c ->
                        condition(c.getType(), c.getStatus(), c.getReason(), c.getMessage(), c.getLastTransitionTime()))
                .toList();
        return create(
                WorkloadKind.DEPLOYMENT,
                deployment,
                spec.getReplicas(),
                spec.getSelector(),
                new StatusReplicas(
                        status.getReadyReplicas(), status.getAvailableReplicas(), status.getUpdatedReplicas()),
                conditions);
    }

    static WorkloadSnapshot of(StatefulSet statefulSet) {
        StatefulSetSpec spec = statefulSet.getSpec() == null ? new StatefulSetSpec() : statefulSet.getSpec();
        StatefulSetStatus status = statefulSet.getStatus() == null ? new StatefulSetStatus() : statefulSet.getStatus();
        List<Condition> conditions = orEmpty(status.getConditions()).stream()
                .map(c ->
                        condition(c.getType(), c.getStatus(), c.getReason(), c.getMessage(), c.getLastTransitionTime()))
                .toList();
        return create(
                WorkloadKind.STATEFUL_SET,
                statefulSet,
                spec.getReplicas(),
                spec.getSelector(),
                new StatusReplicas(
                        status.getReadyReplicas(), status.getAvailableReplicas(), status.getUpdatedReplicas()),
                conditions);
    }

    /** Returns {@code Deployment infra/headlamp}, for messages. */
    String describe() {
        return kind.apiName() + " " + namespace + "/" + name;
    }

    /** Returns the condition of the given type, such as {@code Available}. */
    Optional<Condition> condition(String type) {
        return conditions.stream().filter(c -> type.equals(c.type())).findFirst();
    }

    /**
     * Returns the replica count recorded by the last stop.
     *
     * @return empty when nothing is recorded or the value is not a positive number
     */
    Optional<Integer> replicasBeforeStop() {
        String value = annotations.get(REPLICAS_BEFORE_STOP);
        if (value == null) {
            return Optional.empty();
        }
        try {
            int replicas = Integer.parseInt(value.trim());
            return replicas > 0 ? Optional.of(replicas) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Copies a map without its null values, which JSON allows but {@link Map#copyOf} rejects. */
    private static Map<String, String> withoutNullValues(Map<String, String> map) {
        Map<String, String> copy = new HashMap<>();
        map.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return Map.copyOf(copy);
    }

    /**
     * Builds a snapshot from the fields both kinds share.
     *
     * @param specReplicas {@code spec.replicas}; absent means 1, the API server's default
     */
    private static WorkloadSnapshot create(
            WorkloadKind kind,
            HasMetadata workload,
            Integer specReplicas,
            LabelSelector selector,
            StatusReplicas statusReplicas,
            List<Condition> conditions) {
        ObjectMeta metadata = workload.getMetadata();
        return new WorkloadSnapshot(
                kind,
                metadata.getNamespace(),
                metadata.getName(),
                metadata.getResourceVersion(),
                metadata.getAnnotations(),
                specReplicas == null ? 1 : specReplicas,
                orZero(statusReplicas.ready()),
                orZero(statusReplicas.available()),
                orZero(statusReplicas.updated()),
                conditions,
                selector);
    }

    /** The replica counts of a workload's status, each {@code null} when the field is absent. */
    private record StatusReplicas(Integer ready, Integer available, Integer updated) {}

    private static Condition condition(String type, String status, String reason, String message, String time) {
        return new Condition(type, status, reason, message, parseTime(time));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    static Instant parseTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
