package io.stackpilot.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.stackpilot.runtime.KubernetesDetails;
import io.stackpilot.runtime.KubernetesDetails.Condition;
import io.stackpilot.runtime.WorkloadState;
import io.stackpilot.runtime.WorkloadStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Maps a Deployment or StatefulSet and its pods onto the runtime-independent state model. Pure: it calls no
 * API, so a watch can feed it the objects it receives.
 *
 * <ol>
 *   <li>0 desired replicas: {@code stopping} while pods remain, else {@code stopped}.
 *   <li>Ready replicas at least the desired count: {@code running}.
 *   <li>Otherwise {@code degraded} when a container waits for a failure reason (CrashLoopBackOff,
 *       ImagePullBackOff and the like), Progressing is False or ReplicaFailure is True; else {@code starting}.
 * </ol>
 */
final class KubernetesStatusMapper {

    /** Container waiting reasons that mean the container keeps failing, rather than still being set up. */
    static final Set<String> FAILURE_REASONS = Set.of(
            "CrashLoopBackOff",
            "ImagePullBackOff",
            "ErrImagePull",
            "ErrImageNeverPull",
            "InvalidImageName",
            "CreateContainerConfigError",
            "CreateContainerError",
            "RunContainerError");

    private static final int MAX_MESSAGE = 200;

    private KubernetesStatusMapper() {}

    /** Tells whether {@link #toStatus} needs the pods: only a fully ready workload can do without them. */
    static boolean needsPods(WorkloadSnapshot workload) {
        return workload.desiredReplicas() == 0 || workload.readyReplicas() < workload.desiredReplicas();
    }

    /**
     * Maps a workload and its pods.
     *
     * @param pods the pods its selector matches, in any order; may be empty when {@link #needsPods} is false
     */
    static WorkloadStatus toStatus(WorkloadSnapshot workload, List<Pod> pods) {
        KubernetesDetails details = detailsOf(workload);
        Instant since = lastTransition(workload);
        int desired = workload.desiredReplicas();
        int ready = workload.readyReplicas();

        if (desired == 0) {
            return scaledToZero(workload, pods, since, details);
        }
        if (ready >= desired) {
            return new WorkloadStatus(WorkloadState.RUNNING, null, since, details);
        }

        String counts = ready + " of " + desired + " replicas ready";
        Optional<String> failingPod = podProblem(pods, true);
        Optional<String> failingCondition = failingCondition(workload);
        if (failingPod.isPresent() || failingCondition.isPresent()) {
            String cause = failingPod.or(() -> failingCondition).orElseThrow();
            return new WorkloadStatus(WorkloadState.DEGRADED, counts + "; " + cause, since, details);
        }
        Optional<String> waiting = podProblem(pods, false).or(() -> unavailable(workload));
        return new WorkloadStatus(
                WorkloadState.STARTING,
                waiting.map(cause -> counts + "; " + cause).orElse(counts),
                since,
                details);
    }

    /** Builds the details shown beside the state. */
    static KubernetesDetails detailsOf(WorkloadSnapshot workload) {
        return new KubernetesDetails(
                workload.namespace(),
                workload.kind().apiName(),
                workload.name(),
                workload.desiredReplicas(),
                workload.readyReplicas(),
                workload.availableReplicas(),
                workload.updatedReplicas(),
                workload.conditions());
    }

    private static WorkloadStatus scaledToZero(
            WorkloadSnapshot workload, List<Pod> pods, Instant since, KubernetesDetails details) {
        long remaining = pods.stream().filter(KubernetesStatusMapper::isActive).count();
        if (remaining > 0) {
            return new WorkloadStatus(
                    WorkloadState.STOPPING,
                    "scaled to 0 replicas; " + remaining + (remaining == 1 ? " pod is" : " pods are")
                            + " still shutting down",
                    since,
                    details);
        }
        int restored = workload.replicasBeforeStop().orElse(1);
        return new WorkloadStatus(
                WorkloadState.STOPPED, "scaled to 0 replicas; a start scales it to " + restored, since, details);
    }

    /**
     * Finds the first container that waits, newest pod first.
     *
     * @param failuresOnly only reasons in {@link #FAILURE_REASONS}; otherwise any waiting reason or an
     *     unschedulable pod
     */
    private static Optional<String> podProblem(List<Pod> pods, boolean failuresOnly) {
        for (Pod pod : newestFirst(pods)) {
            for (ContainerStatus container : containerStatuses(pod)) {
                ContainerStateWaiting waiting = container.getState() == null
                        ? null
                        : container.getState().getWaiting();
                if (waiting == null || waiting.getReason() == null) {
                    continue;
                }
                if (!failuresOnly || FAILURE_REASONS.contains(waiting.getReason())) {
                    return Optional.of(describeWaiting(pod, container, waiting));
                }
            }
            if (!failuresOnly) {
                Optional<String> unschedulable = unschedulable(pod);
                if (unschedulable.isPresent()) {
                    return unschedulable;
                }
            }
        }
        return Optional.empty();
    }

    private static String describeWaiting(Pod pod, ContainerStatus container, ContainerStateWaiting waiting) {
        StringBuilder text = new StringBuilder()
                .append("pod ")
                .append(pod.getMetadata().getName())
                .append(" container ")
                .append(container.getName())
                .append(": ")
                .append(waiting.getReason());
        ContainerStateTerminated last = container.getLastState() == null
                ? null
                : container.getLastState().getTerminated();
        if (last != null && last.getExitCode() != null) {
            text.append(" (last exit code ").append(last.getExitCode()).append(')');
        }
        if (waiting.getMessage() != null && !waiting.getMessage().isBlank()) {
            text.append(": ").append(abbreviate(waiting.getMessage().strip()));
        }
        return text.toString();
    }

    private static Optional<String> unschedulable(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        for (PodCondition condition : pod.getStatus().getConditions()) {
            if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())) {
                String message = condition.getMessage() == null ? condition.getReason() : condition.getMessage();
                return Optional.of("pod " + pod.getMetadata().getName() + " is not scheduled: " + abbreviate(message));
            }
        }
        return Optional.empty();
    }

    /** Describes the condition by which the controller reports that the rollout itself failed, if any. */
    private static Optional<String> failingCondition(WorkloadSnapshot workload) {
        return workload.condition("ReplicaFailure")
                .filter(c -> "True".equals(c.status()))
                .or(() -> workload.condition("Progressing").filter(c -> "False".equals(c.status())))
                .map(KubernetesStatusMapper::describeCondition);
    }

    private static Optional<String> unavailable(WorkloadSnapshot workload) {
        return workload.condition("Available")
                .filter(c -> "False".equals(c.status()))
                .map(KubernetesStatusMapper::describeCondition);
    }

    private static String describeCondition(Condition condition) {
        String text = condition.type() + " is " + condition.status();
        if (condition.reason() != null) {
            text += " (" + condition.reason() + ")";
        }
        if (condition.message() != null && !condition.message().isBlank()) {
            text += ": " + abbreviate(condition.message().strip());
        }
        return text;
    }

    /** Returns the latest condition transition, the closest the workload records to a state change. */
    private static Instant lastTransition(WorkloadSnapshot workload) {
        return workload.conditions().stream()
                .map(Condition::lastTransitionTime)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    private static boolean isActive(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return !"Succeeded".equals(phase) && !"Failed".equals(phase);
    }

    /**
     * Sorts pods newest first: by creation time, then by start time, because creation times have whole
     * seconds and pods of one rollout often share one, then by name so the order is stable. Missing times
     * count as oldest.
     */
    static List<Pod> newestFirst(List<Pod> pods) {
        Comparator<Instant> oldestFirst = Comparator.nullsFirst(Comparator.naturalOrder());
        List<Pod> sorted = new ArrayList<>(pods);
        sorted.sort(Comparator.comparing(
                        (Pod pod) ->
                                WorkloadSnapshot.parseTime(pod.getMetadata().getCreationTimestamp()),
                        oldestFirst)
                .thenComparing(
                        pod -> pod.getStatus() == null
                                ? null
                                : WorkloadSnapshot.parseTime(pod.getStatus().getStartTime()),
                        oldestFirst)
                .thenComparing(pod -> pod.getMetadata().getName())
                .reversed());
        return sorted;
    }

    private static List<ContainerStatus> containerStatuses(Pod pod) {
        if (pod.getStatus() == null) {
            return List.of();
        }
        return Stream.of(
                        pod.getStatus().getInitContainerStatuses(),
                        pod.getStatus().getContainerStatuses())
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .toList();
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 3) + "...";
    }
}
