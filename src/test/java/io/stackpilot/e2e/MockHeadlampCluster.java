package io.stackpilot.e2e;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.stackpilot.support.K8sManifests;
import java.util.HashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Headlamp on the fabric8 mock API server, loaded from the repository's {@code k8s/} manifests. The mock
 * runs no controllers, so this class plays the Deployment controller: it copies {@code spec.replicas} into
 * the ready, available and updated counts a few times a second.
 */
final class MockHeadlampCluster implements AutoCloseable {

    /** Kept so the level holds: the mock logs every request at INFO, five times a second from the controller. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private final KubernetesMockServer server;
    private final NamespacedKubernetesClient client;
    private final ScheduledExecutorService controller = Executors.newSingleThreadScheduledExecutor();

    MockHeadlampCluster() {
        MOCK_LOG.setLevel(Level.WARNING);
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init();
        client = server.createClient();
        for (HasMetadata resource : K8sManifests.load(client)) {
            client.resource(resource).create();
        }
        controller.scheduleWithFixedDelay(this::reconcile, 0, 200, TimeUnit.MILLISECONDS);
    }

    /** Returns the mock API server's URL, for {@code quarkus.kubernetes-client.api-server-url}. */
    String url() {
        return client.getMasterUrl().toString();
    }

    private void reconcile() {
        try {
            Deployment headlamp = client.apps()
                    .deployments()
                    .inNamespace("infra")
                    .withName("headlamp")
                    .get();
            if (headlamp == null) {
                return;
            }
            int desired = headlamp.getSpec().getReplicas() == null
                    ? 1
                    : headlamp.getSpec().getReplicas();
            DeploymentStatus status = headlamp.getStatus() == null ? new DeploymentStatus() : headlamp.getStatus();
            if (Integer.valueOf(desired).equals(status.getReadyReplicas())
                    || (desired == 0 && status.getReadyReplicas() == null)) {
                return;
            }
            client.apps()
                    .deployments()
                    .inNamespace("infra")
                    .withName("headlamp")
                    .editStatus(d -> {
                        DeploymentStatus next = new DeploymentStatus();
                        next.setReplicas(desired);
                        next.setReadyReplicas(desired == 0 ? null : desired);
                        next.setAvailableReplicas(desired == 0 ? null : desired);
                        next.setUpdatedReplicas(desired == 0 ? null : desired);
                        d.setStatus(next);
                        return d;
                    });
        } catch (RuntimeException e) {
            // A failed pass is retried on the next tick, as a real controller's would be.
        }
    }

    @Override
    public void close() {
        controller.shutdownNow();
        client.close();
        server.destroy();
    }
}
