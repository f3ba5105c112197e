package io.stackpilot.runtime.kubernetes;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.VersionInfo;
import io.smallrye.mutiny.Multi;
import io.stackpilot.catalog.Component;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.catalog.WorkloadRef;
import io.stackpilot.runtime.LifecycleResult;
import io.stackpilot.runtime.LogLine;
import io.stackpilot.runtime.LogQuery;
import io.stackpilot.runtime.RuntimeConflictException;
import io.stackpilot.runtime.RuntimeOperationException;
import io.stackpilot.runtime.RuntimeProbe;
import io.stackpilot.runtime.ServiceRuntime;
import io.stackpilot.runtime.WorkloadNotFoundException;
import io.stackpilot.runtime.WorkloadStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * {@link ServiceRuntime} for Deployments and StatefulSets, through the fabric8 Kubernetes client.
 *
 * <p>Stop scales the workload to 0 and records the replica count it had in the annotation
 * {@value WorkloadSnapshot#REPLICAS_BEFORE_STOP}; start restores that count, or 1 when nothing is recorded.
 * Restart sets the pod-template annotation {@value #RESTARTED_AT}, as {@code kubectl rollout restart} does,
 * so the controller replaces the pods. Each change is one JSON merge patch. Stop and restart ignore the grace
 * period because the pods' {@code terminationGracePeriodSeconds} governs how they shut down.
 */
@ApplicationScoped
public class KubernetesRuntime implements ServiceRuntime {

    /** Pod-template annotation whose change makes the controller roll out new pods. */
    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

    private static final Logger LOG = Logger.getLogger(KubernetesRuntime.class);

    private final KubernetesConnection connection;

    @Inject
    public KubernetesRuntime(KubernetesConnection connection) {
        this.connection = connection;
    }

    @Override
    public RuntimeKind kind() {
        return RuntimeKind.KUBERNETES;
    }

    /** Reads the API server's version from {@code /version}, which every authenticated client may read. */
    @Override
    public RuntimeProbe probe() {
        if (!connection.configured()) {
            return new RuntimeProbe(RuntimeKind.KUBERNETES, false, null, null, connection.unusableReason());
        }
        String server = connection.serverUrl();
        try {
            VersionInfo version = connection.client().getKubernetesVersion();
            return new RuntimeProbe(RuntimeKind.KUBERNETES, true, server, versionOf(version), null);
        } catch (RuntimeException e) {
            RuntimeOperationException failure =
                    KubernetesErrors.translate(null, server, null, "/version", null, "read its version", e);
            return new RuntimeProbe(RuntimeKind.KUBERNETES, false, server, null, failure.getMessage());
        }
    }

    @Override
    public WorkloadStatus status(Component component) {
        WorkloadClient workload = workloadOf(component);
        return workload.get()
                .map(snapshot -> statusOf(workload, snapshot))
                .orElseGet(() -> WorkloadStatus.notCreated(
                        workload.ref().describe() + " does not exist; create it with kubectl apply -k k8s/"));
    }

    @Override
    public LifecycleResult start(Component component) {
        WorkloadClient workload = workloadOf(component);
        WorkloadSnapshot current = require(workload);
        if (current.desiredReplicas() > 0) {
            LOG.debugf(
                    "[%s] %s already has %d replicas", component.name(), current.describe(), current.desiredReplicas());
            return new LifecycleResult(false, statusOf(workload, current));
        }

        int replicas = current.replicasBeforeStop().orElse(1);
        ObjectNode patch = guardedPatch(current);
        patch.withObjectProperty("metadata")
                .withObjectProperty("annotations")
                .putNull(WorkloadSnapshot.REPLICAS_BEFORE_STOP);
        patch.withObjectProperty("spec").put("replicas", replicas);
        WorkloadSnapshot started = workload.patch(patch, "scale " + current.describe() + " to " + replicas);

        LOG.infof("[%s] %s scaled from 0 to %d replicas", component.name(), current.describe(), replicas);
        return new LifecycleResult(true, statusOf(workload, started));
    }

    @Override
    public LifecycleResult stop(Component component, Duration grace) {
        WorkloadClient workload = workloadOf(component);
        WorkloadSnapshot current = require(workload);
        if (current.desiredReplicas() == 0) {
            LOG.debugf("[%s] %s already scaled to 0", component.name(), current.describe());
            return new LifecycleResult(false, statusOf(workload, current));
        }

        int replicas = current.desiredReplicas();
        ObjectNode patch = guardedPatch(current);
        patch.withObjectProperty("metadata")
                .withObjectProperty("annotations")
                .put(WorkloadSnapshot.REPLICAS_BEFORE_STOP, String.valueOf(replicas));
        patch.withObjectProperty("spec").put("replicas", 0);
        WorkloadSnapshot stopped = workload.patch(patch, "scale " + current.describe() + " to 0");

        LOG.infof("[%s] %s scaled from %d to 0 replicas", component.name(), current.describe(), replicas);
        return new LifecycleResult(true, statusOf(workload, stopped));
    }

    @Override
    public LifecycleResult restart(Component component, Duration grace) {
        WorkloadClient workload = workloadOf(component);
        WorkloadSnapshot current = require(workload);
        if (current.desiredReplicas() == 0) {
            throw new RuntimeConflictException(
                    component.name(),
                    RuntimeKind.KUBERNETES,
                    "Component '" + component.name() + "' (" + current.describe() + ") is scaled to 0 replicas, so"
                            + " it has no pods to restart; start it instead with POST /api/v1/components/"
                            + component.name() + "/start",
                    null);
        }

        // Millisecond precision keeps two restarts within one second distinct; the same value would not roll.
        String restartedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.withObjectProperty("spec")
                .withObjectProperty("template")
                .withObjectProperty("metadata")
                .withObjectProperty("annotations")
                .put(RESTARTED_AT, restartedAt);
        WorkloadSnapshot restarted = workload.patch(patch, "restart the pods of " + current.describe());

        LOG.infof("[%s] %s restarted: %s=%s", component.name(), current.describe(), RESTARTED_AT, restartedAt);
        return new LifecycleResult(true, statusOf(workload, restarted));
    }

    /** Streams the log of the workload's newest pod. */
    @Override
    public Multi<LogLine> logs(Component component, LogQuery query) {
        WorkloadClient workload = workloadOf(component);
        WorkloadSnapshot current = require(workload);
        List<Pod> pods = KubernetesStatusMapper.newestFirst(workload.pods(current));
        if (pods.isEmpty()) {
            String hint = current.desiredReplicas() == 0
                    ? "it is scaled to 0 replicas; start it first"
                    : "its pods have not been created yet; check the events of " + current.describe();
            throw new WorkloadNotFoundException(
                    component.name(),
                    RuntimeKind.KUBERNETES,
                    "Component '" + component.name() + "' (" + current.describe() + ") has no pods to read logs"
                            + " from: " + hint,
                    null);
        }
        Pod newest = pods.get(0);
        String container = KubernetesLogReader.containerOf(component.name(), newest, query.container());
        return KubernetesLogReader.read(workload, newest, container, query);
    }

    private WorkloadClient workloadOf(Component component) {
        return new WorkloadClient(connection, component.name(), (WorkloadRef.Kubernetes) component.workload());
    }

    private static WorkloadSnapshot require(WorkloadClient workload) {
        return workload.get()
                .orElseThrow(() -> new WorkloadNotFoundException(
                        workload.component(),
                        RuntimeKind.KUBERNETES,
                        "Component '" + workload.component() + "' has no workload: "
                                + workload.ref().describe()
                                + " does not exist; create it with kubectl apply -k k8s/ first",
                        null));
    }

    private static WorkloadStatus statusOf(WorkloadClient workload, WorkloadSnapshot snapshot) {
        List<Pod> pods = KubernetesStatusMapper.needsPods(snapshot) ? workload.pods(snapshot) : List.of();
        return KubernetesStatusMapper.toStatus(snapshot, pods);
    }

    /**
     * Starts a merge patch that carries the resource version that was read, so the API server rejects it with
     * {@code 409} if someone changed the workload in between and the recorded replica count would be stale.
     */
    private static ObjectNode guardedPatch(WorkloadSnapshot current) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        if (current.resourceVersion() != null) {
            patch.withObjectProperty("metadata").put("resourceVersion", current.resourceVersion());
        }
        return patch;
    }

    private static String versionOf(VersionInfo version) {
        if (version == null) {
            return null;
        }
        if (version.getGitVersion() != null && !version.getGitVersion().isBlank()) {
            return version.getGitVersion();
        }
        return version.getMajor() + "." + version.getMinor();
    }
}
