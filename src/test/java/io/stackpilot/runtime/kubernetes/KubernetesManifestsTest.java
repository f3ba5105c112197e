package io.stackpilot.runtime.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.stackpilot.support.K8sManifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What {@code k8s/} deploys: Headlamp, its admin login and the control plane. */
class KubernetesManifestsTest {

    private static KubernetesClient parser;
    private static List<HasMetadata> manifests;

    @BeforeAll
    static void loadManifests() {
        parser = OfflineClient.create();
        manifests = K8sManifests.load(parser);
    }

    @AfterAll
    static void closeParser() {
        parser.close();
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(K8sManifests.DIR)) {
            onDisk = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml"))
                    .filter(name -> !name.equals("kustomization.yaml"))
                    .collect(Collectors.toSet());
        }

        assertEquals(onDisk, Set.copyOf(K8sManifests.files()));
    }

    @Test
    void namespacedResourcesNameTheirNamespace() {
        for (HasMetadata resource : manifests) {
            if (isClusterScoped(resource)) {
                continue;
            }
            assertNotNull(
                    resource.getMetadata().getNamespace(),
                    resource.getKind() + " " + resource.getMetadata().getName() + " has no namespace");
        }
        assertEquals(
                "infra",
                K8sManifests.find(manifests, Namespace.class, "infra")
                        .getMetadata()
                        .getName());
    }

    @Test
    void headlampRunsInClusterWithProbes() {
        Deployment headlamp = K8sManifests.find(manifests, Deployment.class, "headlamp");
        Container container =
                headlamp.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertEquals("infra", headlamp.getMetadata().getNamespace());
        assertTrue(container.getImage().startsWith("ghcr.io/kinvolk/headlamp:"), container.getImage());
        assertTrue(
                container.getArgs().contains("-in-cluster"), container.getArgs().toString());
        assertEquals(4466, container.getPorts().get(0).getContainerPort());
        assertNotNull(container.getReadinessProbe(), "readiness probe");
        assertNotNull(container.getLivenessProbe(), "liveness probe");
        assertEquals("headlamp", headlamp.getSpec().getTemplate().getSpec().getServiceAccountName());
        assertEquals(
                headlamp.getSpec().getSelector().getMatchLabels(),
                headlamp.getSpec().getTemplate().getMetadata().getLabels());
    }

    @Test
    void headlampServiceIsNodePort30466() {
        Service service = K8sManifests.find(manifests, Service.class, "headlamp");
        ServicePort port = service.getSpec().getPorts().get(0);

        assertEquals("NodePort", service.getSpec().getType());
        assertEquals(30466, port.getNodePort());
        assertEquals("http", port.getTargetPort().getStrVal());
        assertEquals(
                K8sManifests.find(manifests, Deployment.class, "headlamp")
                        .getSpec()
                        .getSelector()
                        .getMatchLabels(),
                service.getSpec().getSelector());
    }

    @Test
    void headlampAccountsAreBound() {
        ServiceAccount headlamp = K8sManifests.find(manifests, ServiceAccount.class, "headlamp");
        ServiceAccount admin = K8sManifests.find(manifests, ServiceAccount.class, "headlamp-admin");
        ClusterRoleBinding view = K8sManifests.find(manifests, ClusterRoleBinding.class, "headlamp-view");
        ClusterRoleBinding adminBinding = K8sManifests.find(manifests, ClusterRoleBinding.class, "headlamp-admin");

        assertEquals("infra", headlamp.getMetadata().getNamespace());
        assertEquals("view", view.getRoleRef().getName());
        assertEquals("headlamp", view.getSubjects().get(0).getName());
        assertEquals("kube-system", admin.getMetadata().getNamespace());
        assertEquals("cluster-admin", adminBinding.getRoleRef().getName());
        assertEquals("headlamp-admin", adminBinding.getSubjects().get(0).getName());
        assertEquals("kube-system", adminBinding.getSubjects().get(0).getNamespace());
    }

    @Test
    void controlPlaneRunsItsImageOnPort8090() {
        Deployment stackpilot = K8sManifests.find(manifests, Deployment.class, "stackpilot");
        Container container =
                stackpilot.getSpec().getTemplate().getSpec().getContainers().get(0);
        Service service = K8sManifests.find(manifests, Service.class, "stackpilot");

        assertEquals("infra", stackpilot.getMetadata().getNamespace());
        assertEquals("stackpilot:0.1.0", container.getImage());
        assertEquals(8090, container.getPorts().get(0).getContainerPort());
        assertEquals("stackpilot", stackpilot.getSpec().getTemplate().getSpec().getServiceAccountName());
        assertEquals(8090, service.getSpec().getPorts().get(0).getPort());
        assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
        assertNotNull(K8sManifests.find(manifests, ServiceAccount.class, "stackpilot"));
    }

    private static boolean isClusterScoped(HasMetadata resource) {
        return Set.of("Namespace", "ClusterRole", "ClusterRoleBinding").contains(resource.getKind());
    }
}
