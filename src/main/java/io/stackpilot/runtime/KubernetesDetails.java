package io.stackpilot.runtime;

import java.time.Instant;
import java.util.List;

/**
 * Facts about a Kubernetes Deployment or StatefulSet.
 *
 * @param namespace namespace of the workload
 * @param kind {@code Deployment} or {@code StatefulSet}
 * @param name workload name
 * @param desiredReplicas {@code spec.replicas}
 * @param readyReplicas ready replicas, 0 when the field is absent
 * @param availableReplicas available replicas, 0 when the field is absent
 * @param updatedReplicas replicas on the current template, 0 when the field is absent
 * @param conditions the workload's status conditions
 */
public record KubernetesDetails(
        String namespace,
        String kind,
        String name,
        int desiredReplicas,
        int readyReplicas,
        int availableReplicas,
        int updatedReplicas,
        List<Condition> conditions)
        implements RuntimeDetails {

    /** One status condition, such as {@code Available} or {@code Progressing}. */
    public record Condition(String type, String status, String reason, String message, Instant lastTransitionTime) {}
}
