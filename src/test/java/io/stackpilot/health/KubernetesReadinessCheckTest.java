package io.stackpilot.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.stackpilot.catalog.Catalog;
import io.stackpilot.catalog.CatalogConfig;
import io.stackpilot.runtime.kubernetes.KubernetesConnection;
import io.stackpilot.runtime.kubernetes.KubernetesRuntime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class KubernetesReadinessCheckTest {

    private static final String PREFIX = "stackpilot.components.";

    @Test
    void dockerOnlyCatalogNeedsNoCluster() throws IOException {
        try (KubernetesClient client = client(closedPortUrl())) {
            HealthCheckResponse response = check(client, false).call();

            assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
            assertEquals(false, response.getData().orElseThrow().get("required"));
            assertFalse(response.getData().orElseThrow().containsKey("server"));
        }
    }

    @Test
    void unreachableServerIsDownNamingIt() throws IOException {
        String url = closedPortUrl();
        try (KubernetesClient client = client(url)) {
            HealthCheckResponse response = check(client, true).call();
            Map<String, Object> data = response.getData().orElseThrow();

            assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
            assertEquals(true, data.get("required"));
            assertEquals(url, data.get("server"));
            assertTrue(String.valueOf(data.get("error")).contains(url + " is unreachable"), data.toString());
        }
    }

    @Test
    void unconfiguredServerIsDownWithHint() {
        try (KubernetesClient client = client(Config.DEFAULT_MASTER_URL)) {
            HealthCheckResponse response = check(client, true).call();
            Map<String, Object> data = response.getData().orElseThrow();

            assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
            assertFalse(data.containsKey("server"));
            assertTrue(String.valueOf(data.get("error")).startsWith("No Kubernetes API server is configured"));
        }
    }

    private static KubernetesReadinessCheck check(KubernetesClient client, boolean withKubernetesComponent) {
        Map<String, String> properties = new HashMap<>();
        properties.put(PREFIX + "web.runtime", "docker");
        properties.put(PREFIX + "web.docker.container-name", "web");
        if (withKubernetesComponent) {
            properties.put(PREFIX + "headlamp.runtime", "kubernetes");
            properties.put(PREFIX + "headlamp.kubernetes.namespace", "infra");
            properties.put(PREFIX + "headlamp.kubernetes.name", "headlamp");
        }
        CatalogConfig config = new SmallRyeConfigBuilder()
                .withMapping(CatalogConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(CatalogConfig.class);
        return new KubernetesReadinessCheck(
                new KubernetesRuntime(new KubernetesConnection(client)), new Catalog(config));
    }

    /** Builds a client for one URL from nothing else, so a developer's kubeconfig cannot leak in. */
    private static KubernetesClient client(String url) {
        return new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(Config.empty())
                        .withMasterUrl(url)
                        .withConnectionTimeout(1000)
                        .withRequestTimeout(1000)
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .build();
    }

    private static String closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
