package io.stackpilot.runtime.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.stackpilot.runtime.KubernetesDetails;
import io.stackpilot.runtime.WorkloadState;
import io.stackpilot.runtime.WorkloadStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesStatusMapperTest {

    private static final Map<String, String> LABELS = Map.of("app.kubernetes.io/name", "headlamp");

    @Test
    void absentReplicaFieldsReadAsZero() {
        WorkloadStatus status = map(deployment(1).build(), List.of());
        KubernetesDetails details = (KubernetesDetails) status.details();

        assertEquals(WorkloadState.STARTING, status.state());
        assertEquals("0 of 1 replicas ready", status.reason());
        assertEquals(1, details.desiredReplicas());
        assertEquals(0, details.readyReplicas());
        assertEquals(0, details.availableReplicas());
        assertEquals(0, details.updatedReplicas());
        assertTrue(details.conditions().isEmpty());
        assertNull(status.since());
    }

    @Test
    void absentSpecReplicasMeansOne() {
        Deployment deployment =
                deployment(1).editSpec().withReplicas(null).endSpec().build();

        assertEquals(1, WorkloadSnapshot.of(deployment).desiredReplicas());
    }

    @Test
    void zeroDesiredIsStoppedWithRecordedCount() {
        Deployment deployment = deployment(0)
                .editMetadata()
                .addToAnnotations(WorkloadSnapshot.REPLICAS_BEFORE_STOP, "3")
                .endMetadata()
                .build();

        WorkloadStatus status = map(deployment, List.of());

        assertEquals(WorkloadState.STOPPED, status.state());
        assertEquals("scaled to 0 replicas; a start scales it to 3", status.reason());
    }

    @Test
    void invalidRecordedCountRestoresOne() {
        Deployment deployment = deployment(0)
                .editMetadata()
                .addToAnnotations(WorkloadSnapshot.REPLICAS_BEFORE_STOP, "many")
                .endMetadata()
                .build();

        assertTrue(WorkloadSnapshot.of(deployment).replicasBeforeStop().isEmpty());
        assertEquals(
                "scaled to 0 replicas; a start scales it to 1",
                map(deployment, List.of()).reason());
    }

    @Test
    void zeroDesiredWithRemainingPodIsStopping() {
        WorkloadStatus status = map(
                deployment(0).build(),
                List.of(pod("headlamp-a", "2026-12-04T10:00:00Z")
                        .withNewStatus()
                        .withPhase("Running")
                        .endStatus()
                        .build()));

        assertEquals(WorkloadState.STOPPING, status.state());
        assertEquals("scaled to 0 replicas; 1 pod is still shutting down", status.reason());
    }

    @Test
    void readyWorkloadIsRunning() {
        Deployment deployment = deployment(2)
                .withNewStatus()
                .withReplicas(2)
                .withReadyReplicas(2)
                .withAvailableReplicas(2)
                .withUpdatedReplicas(2)
                .withConditions(
                        condition("Available", "True", "MinimumReplicasAvailable", "2026-12-04T10:00:00Z"),
                        condition("Progressing", "True", "NewReplicaSetAvailable", "2026-12-04T10:05:00Z"))
                .endStatus()
                .build();

        WorkloadStatus status = map(deployment, List.of());
        KubernetesDetails details = (KubernetesDetails) status.details();

        assertEquals(WorkloadState.RUNNING, status.state());
        assertNull(status.reason());
        assertEquals(Instant.parse("2026-12-04T10:05:00Z"), status.since());
        assertEquals(2, details.readyReplicas());
        assertEquals(2, details.availableReplicas());
        assertEquals(2, details.updatedReplicas());
        assertEquals("Available", details.conditions().get(0).type());
        assertEquals("True", details.conditions().get(0).status());
        assertEquals("MinimumReplicasAvailable", details.conditions().get(0).reason());
        assertEquals(
                Instant.parse("2026-12-04T10:00:00Z"),
                details.conditions().get(0).lastTransitionTime());
    }

    @Test
    void runningNeedsNoPods() {
        Deployment ready =
                deployment(1).withNewStatus().withReadyReplicas(1).endStatus().build();

        assertEquals(false, KubernetesStatusMapper.needsPods(WorkloadSnapshot.of(ready)));
        assertEquals(
                true,
                KubernetesStatusMapper.needsPods(
                        WorkloadSnapshot.of(deployment(1).build())));
        assertEquals(
                true,
                KubernetesStatusMapper.needsPods(
                        WorkloadSnapshot.of(deployment(0).build())));
    }

    @Test
    void crashLoopingPodDegradesWithItsReason() {
        Deployment deployment = unavailable(deployment(1)).build();
        Pod crashing = pod("headlamp-7d9f", "2026-12-04T10:00:00Z")
                .withNewStatus()
                .withPhase("Running")
                .addNewContainerStatus()
                .withName("headlamp")
                .withNewState()
                .withNewWaiting()
                .withReason("CrashLoopBackOff")
                .withMessage("back-off 40s restarting failed container=headlamp")
                .endWaiting()
                .endState()
                .withNewLastState()
                .withNewTerminated()
                .withExitCode(2)
                .endTerminated()
                .endLastState()
                .endContainerStatus()
                .endStatus()
                .build();

        WorkloadStatus status = map(deployment, List.of(crashing));

        assertEquals(WorkloadState.DEGRADED, status.state());
        assertEquals(
                "0 of 1 replicas ready; pod headlamp-7d9f container headlamp: CrashLoopBackOff (last exit code 2):"
                        + " back-off 40s restarting failed container=headlamp",
                status.reason());
    }

    @Test
    void newestPodGivesTheReason() {
        Pod older = waiting("headlamp-old", "2026-12-04T09:00:00Z", "ImagePullBackOff");
        Pod newer = waiting("headlamp-new", "2026-12-04T10:00:00Z", "ErrImagePull");

        WorkloadStatus status = map(deployment(1).build(), List.of(older, newer));

        assertEquals(WorkloadState.DEGRADED, status.state());
        assertTrue(status.reason().contains("pod headlamp-new container headlamp: ErrImagePull"), status.reason());
    }

    @Test
    void progressDeadlineExceededDegradesWithoutPods() {
        Deployment deployment = deployment(1)
                .withNewStatus()
                .withConditions(new DeploymentConditionBuilder()
                        .withType("Progressing")
                        .withStatus("False")
                        .withReason("ProgressDeadlineExceeded")
                        .withMessage("ReplicaSet \"headlamp-7d9f\" has timed out progressing.")
                        .build())
                .endStatus()
                .build();

        WorkloadStatus status = map(deployment, List.of());

        assertEquals(WorkloadState.DEGRADED, status.state());
        assertEquals(
                "0 of 1 replicas ready; Progressing is False (ProgressDeadlineExceeded): ReplicaSet"
                        + " \"headlamp-7d9f\" has timed out progressing.",
                status.reason());
    }

    @Test
    void creatingContainerIsStarting() {
        WorkloadStatus status = map(
                unavailable(deployment(1)).build(),
                List.of(waiting("headlamp-a", "2026-12-04T10:00:00Z", "ContainerCreating")));

        assertEquals(WorkloadState.STARTING, status.state());
        assertEquals("0 of 1 replicas ready; pod headlamp-a container headlamp: ContainerCreating", status.reason());
    }

    @Test
    void unavailableConditionExplainsStartWithoutPods() {
        WorkloadStatus status = map(unavailable(deployment(1)).build(), List.of());

        assertEquals(WorkloadState.STARTING, status.state());
        assertEquals(
                "0 of 1 replicas ready; Available is False (MinimumReplicasUnavailable): Deployment does not have"
                        + " minimum availability.",
                status.reason());
    }

    @Test
    void unschedulablePodIsStarting() {
        Pod pending = pod("headlamp-a", "2026-12-04T10:00:00Z")
                .withNewStatus()
                .withPhase("Pending")
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus("False")
                .withReason("Unschedulable")
                .withMessage("0/1 nodes are available: 1 Insufficient memory.")
                .endCondition()
                .endStatus()
                .build();

        WorkloadStatus status = map(deployment(1).build(), List.of(pending));

        assertEquals(WorkloadState.STARTING, status.state());
        assertEquals(
                "0 of 1 replicas ready; pod headlamp-a is not scheduled: 0/1 nodes are available: 1 Insufficient"
                        + " memory.",
                status.reason());
    }

    @Test
    void statefulSetMapsLikeDeployment() {
        WorkloadSnapshot snapshot = WorkloadSnapshot.of(new StatefulSetBuilder()
                .withNewMetadata()
                .withNamespace("infra")
                .withName("zookeeper")
                .endMetadata()
                .withNewSpec()
                .withReplicas(3)
                .endSpec()
                .withNewStatus()
                .withReadyReplicas(3)
                .withAvailableReplicas(3)
                .withUpdatedReplicas(3)
                .endStatus()
                .build());

        WorkloadStatus status = KubernetesStatusMapper.toStatus(snapshot, List.of());
        KubernetesDetails details = (KubernetesDetails) status.details();

        assertEquals(WorkloadState.RUNNING, status.state());
        assertEquals("StatefulSet", details.kind());
        assertEquals("infra", details.namespace());
        assertEquals("zookeeper", details.name());
        assertEquals(3, details.desiredReplicas());
    }

    private static WorkloadStatus map(Deployment deployment, List<Pod> pods) {
        return KubernetesStatusMapper.toStatus(WorkloadSnapshot.of(deployment), pods);
    }

    private static DeploymentBuilder deployment(int replicas) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withNamespace("infra")
                .withName("headlamp")
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .withMatchLabels(LABELS)
                .endSelector()
                .endSpec();
    }

    private static DeploymentBuilder unavailable(DeploymentBuilder deployment) {
        return deployment
                .withNewStatus()
                .withConditions(new DeploymentConditionBuilder()
                        .withType("Available")
                        .withStatus("False")
                        .withReason("MinimumReplicasUnavailable")
                        .withMessage("Deployment does not have minimum availability.")
                        .build())
                .endStatus();
    }

    private static io.fabric8.kubernetes.api.model.apps.DeploymentCondition condition(
            String type, String status, String reason, String time) {
        return new DeploymentConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withLastTransitionTime(time)
                .build();
    }

    private static PodBuilder pod(String name, String created) {
        return new PodBuilder()
                .withNewMetadata()
                .withNamespace("infra")
                .withName(name)
                .withLabels(LABELS)
                .withCreationTimestamp(created)
                .endMetadata();
    }

    private static Pod waiting(String name, String created, String reason) {
        return pod(name, created)
                .withNewStatus()
                .withPhase("Pending")
                .addNewContainerStatus()
                .withName("headlamp")
                .withNewState()
                .withNewWaiting()
                .withReason(reason)
                .endWaiting()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();
    }
}
