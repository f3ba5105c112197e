package io.stackpilot.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the service as on a machine with no cluster: no kubeconfig, no service account and no server URL.
 *
 * <p>The fabric8 client reads these from system properties and files, not from Quarkus configuration, so
 * this resource sets the properties that turn kubeconfig and service-account lookup off. It also clears
 * {@code kubernetes.master}, which the mock-server test resource sets for the whole JVM and never removes.
 * Everything is restored when the test class ends.
 */
public class NoKubernetesApiServer implements QuarkusTestResourceLifecycleManager {

    private static final String[] PROPERTIES = {
        "kubernetes.master", "kubernetes.auth.tryKubeConfig", "kubernetes.auth.tryServiceAccount"
    };

    private final Map<String, String> saved = new HashMap<>();

    @Override
    public Map<String, String> start() {
        for (String property : PROPERTIES) {
            saved.put(property, System.getProperty(property));
        }
        System.clearProperty("kubernetes.master");
        System.setProperty("kubernetes.auth.tryKubeConfig", "false");
        System.setProperty("kubernetes.auth.tryServiceAccount", "false");
        return Map.of();
    }

    @Override
    public void stop() {
        saved.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }
}
