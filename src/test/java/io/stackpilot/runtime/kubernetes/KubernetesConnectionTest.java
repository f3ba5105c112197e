package io.stackpilot.runtime.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.stackpilot.runtime.RuntimeUnavailableException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubernetesConnectionTest {

    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
              - name: dev
                cluster:
                  server: https://127.0.0.1:6443
            users:
              - name: operator
                user:
                  token: not-a-real-token
            contexts:
              - name: dev-admin
                context:
                  cluster: dev
                  user: operator
            current-context: dev-admin
            """;

    @Test
    void kubeconfigContextIsASource() {
        Config config = Config.fromKubeconfig(KUBECONFIG);

        assertEquals(Optional.of("kubeconfig context dev-admin"), KubernetesConnection.sourceOf(config));
    }

    @Test
    void explicitUrlIsASource() {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl("https://10.0.0.1:6443")
                .build();

        assertEquals(Optional.of("an explicit server URL"), KubernetesConnection.sourceOf(config));
    }

    @Test
    void fallbackUrlAloneIsNotConfigured() {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(Config.DEFAULT_MASTER_URL + "/")
                .build();

        assertEquals(Optional.empty(), KubernetesConnection.sourceOf(config));
    }

    @Test
    void malformedKubeconfigMakesRuntimeUnusable() {
        KubernetesConnection connection = new KubernetesConnection(() -> new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig("clusters: [this is: not valid"))
                .build());

        assertFalse(connection.configured());
        assertNull(connection.serverUrl());
        RuntimeUnavailableException failure =
                assertThrows(RuntimeUnavailableException.class, () -> connection.requireConfigured("headlamp"));
        assertTrue(
                failure.getMessage().startsWith("The Kubernetes client configuration could not be read ("),
                failure.getMessage());
        assertTrue(failure.getMessage().endsWith("else ~/.kube/config)."), failure.getMessage());
    }

    @Test
    void unconfiguredConnectionFailsFastWithHint() {
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(Config.empty())
                        .withMasterUrl(Config.DEFAULT_MASTER_URL)
                        .build())
                .build()) {
            KubernetesConnection connection = new KubernetesConnection(client);

            assertFalse(connection.configured());
            assertNull(connection.serverUrl());
            RuntimeUnavailableException failure =
                    assertThrows(RuntimeUnavailableException.class, () -> connection.requireConfigured("headlamp"));
            assertNull(failure.endpoint());
            assertEquals("headlamp", failure.component());
            assertTrue(failure.getMessage().contains("KUBECONFIG"), failure.getMessage());
            assertTrue(failure.getMessage().contains("KUBERNETES_MASTER"), failure.getMessage());
            assertTrue(failure.getMessage().contains("QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL"), failure.getMessage());
        }
    }
}
