package io.stackpilot.runtime.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.stackpilot.support.K8sManifests;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The control plane's RBAC in {@code k8s/} against the requests the adapter declares in one place. */
class ControlPlaneRoleTest {

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
    void roleGrantsExactlyTheAdapterRequests() {
        Role role = K8sManifests.find(manifests, Role.class, "stackpilot");

        assertEquals("infra", role.getMetadata().getNamespace());
        assertEquals(KubernetesRequest.requiredGrants(), grantsOf(role.getRules()));
    }

    @Test
    void roleBindingGivesRoleToControlPlaneAccount() {
        RoleBinding binding = K8sManifests.find(manifests, RoleBinding.class, "stackpilot");

        assertEquals("infra", binding.getMetadata().getNamespace());
        assertEquals("Role", binding.getRoleRef().getKind());
        assertEquals("stackpilot", binding.getRoleRef().getName());
        assertEquals(1, binding.getSubjects().size());
        Subject subject = binding.getSubjects().get(0);
        assertEquals("ServiceAccount", subject.getKind());
        assertEquals("stackpilot", subject.getName());
        assertEquals("infra", subject.getNamespace());
    }

    @Test
    void controlPlaneHasNothingClusterWide() {
        List<ClusterRoleBinding> bindings = manifests.stream()
                .filter(ClusterRoleBinding.class::isInstance)
                .map(ClusterRoleBinding.class::cast)
                .toList();
        assertFalse(bindings.isEmpty(), "k8s/ should bind Headlamp's accounts cluster-wide");

        for (ClusterRoleBinding binding : bindings) {
            for (Subject subject : binding.getSubjects()) {
                assertFalse(
                        "stackpilot".equals(subject.getName()),
                        "ClusterRoleBinding " + binding.getMetadata().getName() + " binds the control plane");
            }
        }
        assertTrue(manifests.stream().noneMatch(r -> "ClusterRole".equals(r.getKind())));
    }

    @Test
    void requiredGrantsCoverEveryRequestAndWorkloadKind() {
        Map<String, Set<String>> grants = KubernetesRequest.requiredGrants();

        assertEquals(Set.of("get", "patch", "watch"), grants.get("apps/deployments"));
        assertEquals(Set.of("get", "patch", "watch"), grants.get("apps/statefulsets"));
        assertEquals(Set.of("list", "watch"), grants.get("/pods"));
        assertEquals(Set.of("get"), grants.get("/pods/log"));
        assertEquals(4, grants.size());
    }

    /** Flattens policy rules into the {@code group/resource -> verbs} shape of the adapter's list. */
    static Map<String, Set<String>> grantsOf(List<PolicyRule> rules) {
        Map<String, Set<String>> grants = new TreeMap<>();
        for (PolicyRule rule : rules) {
            assertNotNull(rule.getApiGroups(), "every rule names its API groups");
            assertTrue(
                    rule.getResourceNames() == null || rule.getResourceNames().isEmpty(),
                    "the Role grants whole resource types, not single names");
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    grants.computeIfAbsent(group + "/" + resource, key -> new TreeSet<>())
                            .addAll(rule.getVerbs());
                }
            }
        }
        return grants;
    }
}
