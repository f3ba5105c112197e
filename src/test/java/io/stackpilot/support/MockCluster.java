package io.stackpilot.support;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The Headlamp Deployment from {@code k8s/} on the fabric8 mock API server. The mock runs no controllers, so
 * tests set status fields and create pods themselves, as the Deployment controller and kubelet would.
 */
public final class MockCluster {

    public static final String NAMESPACE = "infra";
    public static final String HEADLAMP = "headlamp";

    /** The request that opens the status cache's watch of headlamp's Deployment, as fabric8 7.5 sends it. */
    public static final String HEADLAMP_WATCH = "/apis/apps/v1/namespaces/infra/deployments"
            + "?allowWatchBookmarks=true&fieldSelector=metadata.name%3Dheadlamp&watch=true";

    private final KubernetesClient client;

    public MockCluster(KubernetesClient client) {
        this.client = client;
    }

    /** Replaces the server's objects with a fresh copy of {@code k8s/} and removes every pod in infra. */
    public void reset() {
        K8sManifests.applyFresh(client, NAMESPACE);
    }

    /**
     * Makes the next watch of headlamp's Deployment deliver nothing for {@code afterMillis}, then end with
     * {@code 410 Gone}, as an API server does when the resource version a watch resumes from has expired.
     * Later watches reach the CRUD store.
     */
    public static void expireNextHeadlampWatch(KubernetesServer server, int afterMillis) {
        server.expect()
                .get()
                .withPath(HEADLAMP_WATCH)
                .andUpgradeToWebSocket()
                .open()
                .waitFor(afterMillis)
                .andEmit(new WatchEvent(
                        new StatusBuilder()
                                .withCode(410)
                                .withReason("Expired")
                                .withMessage("too old resource version: 1 (42)")
                                .build(),
                        "ERROR"))
                .done()
                .once();
    }

    public RollableScalableResource<Deployment> headlampResource() {
        return client.apps().deployments().inNamespace(NAMESPACE).withName(HEADLAMP);
    }

    public Deployment headlamp() {
        return headlampResource().get();
    }

    /** Sets {@code spec.replicas} as an operator's {@code kubectl scale} would. */
    public void scale(int replicas) {
        headlampResource().edit(d -> {
            d.getSpec().setReplicas(replicas);
            return d;
        });
    }

    /** Sets the Deployment's status as its controller would report it. */
    public void setStatus(UnaryOperator<DeploymentStatus> status) {
        headlampResource().editStatus(d -> {
            d.setStatus(status.apply(d.getStatus() == null ? new DeploymentStatus() : d.getStatus()));
            return d;
        });
    }

    /**
     * Creates a pod that the Deployment's selector matches, with the given containers, and records its start
     * time. The mock sets the creation time to the current second and ignores the one sent.
     */
    public Pod createPod(String name, Instant started, String... containers) {
        Map<String, String> labels = headlamp().getSpec().getSelector().getMatchLabels();
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withNamespace(NAMESPACE)
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withContainers(Arrays.stream(containers)
                        .map(container -> new ContainerBuilder()
                                .withName(container)
                                .withImage("ghcr.io/kinvolk/headlamp:v0.14.1")
                                .build())
                        .toList())
                .endSpec()
                .build();
        client.pods().inNamespace(NAMESPACE).resource(pod).create();
        setPodStatus(
                name, new PodStatusBuilder().withStartTime(started.toString()).build());
        return client.pods().inNamespace(NAMESPACE).withName(name).get();
    }

    /** Sets a pod's status as the kubelet would report it. */
    public void setPodStatus(String name, PodStatus status) {
        client.pods().inNamespace(NAMESPACE).withName(name).editStatus(p -> {
            p.setStatus(status);
            return p;
        });
    }
}
