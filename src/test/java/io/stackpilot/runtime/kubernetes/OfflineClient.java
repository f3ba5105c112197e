package io.stackpilot.runtime.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** fabric8 clients for tests that run without Quarkus. */
final class OfflineClient {

    private OfflineClient() {}

    /** Returns a client that only parses manifests; it ignores kubeconfig files and never connects. */
    static KubernetesClient create() {
        return toServer("http://127.0.0.1:1", 500);
    }

    /**
     * Returns a client for one API server URL that gives up after {@code timeoutMillis} and never retries,
     * configured from nothing else (no kubeconfig, no environment).
     */
    static KubernetesClient toServer(String url, int timeoutMillis) {
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(url)
                .withConnectionTimeout(timeoutMillis)
                .withRequestTimeout(timeoutMillis)
                .withRequestRetryBackoffLimit(0)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
