package io.stackpilot.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetCondition;
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
        DeploymentStatus status = deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus();
        List<DeploymentCondition> conditions = status.getConditions() == null ? List.of() : status.getConditions();
        return new WorkloadSnapshot(
                WorkloadKind.DEPLOYMENT,
                deployment.getMetadata().getNamespace(),
                deployment.getMetadata().getName(),
                deployment.getMetadata().getResourceVersion(),
                deployment.getMetadata().getAnnotations(),
                desired(
                        deployment.getSpec() == null
                                ? null
                                : deployment.getSpec().getReplicas()),
                orZero(status.getReadyReplicas()),
                orZero(status.getAvailableReplicas()),
                orZero(status.getUpdatedReplicas()),
                conditions.stream()
                        .map(c -> new Condition(
                                c.getType(),
                                c.getStatus(),
                                c.getReason(),
                                c.getMessage(),
                                parseTime(c.getLastTransitionTime())))
                        .toList(),
                deployment.getSpec() == null ? null : deployment.getSpec().getSelector());
    }

    static WorkloadSnapshot of(StatefulSet statefulSet) {
        StatefulSetStatus status = statefulSet.getStatus() == null ? new StatefulSetStatus() : statefulSet.getStatus();
        List<StatefulSetCondition> conditions = status.getConditions() == null ? List.of() : status.getConditions();
        return new WorkloadSnapshot(
                WorkloadKind.STATEFUL_SET,
                statefulSet.getMetadata().getNamespace(),
                statefulSet.getMetadata().getName(),
                statefulSet.getMetadata().getResourceVersion(),
                statefulSet.getMetadata().getAnnotations(),
                desired(
                        statefulSet.getSpec() == null
                                ? null
                                : statefulSet.getSpec().getReplicas()),
                orZero(status.getReadyReplicas()),
                orZero(status.getAvailableReplicas()),
                orZero(status.getUpdatedReplicas()),
                conditions.stream()
                        .map(c -> new Condition(
                                c.getType(),
                                c.getStatus(),
                                c.getReason(),
                                c.getMessage(),
                                parseTime(c.getLastTransitionTime())))
                        .toList(),
                statefulSet.getSpec() == null ? null : statefulSet.getSpec().getSelector());
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

    private static int desired(Integer replicas) {
        return replicas == null ? 1 : replicas;
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
