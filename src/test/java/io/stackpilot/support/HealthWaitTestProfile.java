package io.stackpilot.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.stackpilot.support.servers.SilentServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalog of its own for the health-wait tests over the Compose project {@code spwait}: {@code crash}, whose
 * container exits with code 1, {@code hung}, whose HTTP probe targets a {@link SilentServer}, and
 * {@code needs-crash} and {@code needs-hung} that depend on them. Start timeouts and the probe timeout are long, so
 * a wait that ends early shows that it did not run into them.
 */
public class HealthWaitTestProfile implements QuarkusTestProfile {

    public static final String PROJECT = "spwait";

    /** Start timeout of every component, in seconds. */
    public static final int START_TIMEOUT_SECONDS = 60;

    /** Timeout of {@code hung}'s probe, in milliseconds. */
    public static final int HUNG_PROBE_TIMEOUT_MS = 8000;

    @Override
    public String getConfigProfile() {
        return "health-wait-test";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("stackpilot.operations.health-poll-interval", "100ms");
        // Only the health gate may probe "hung", so the test can tell its checks from the watcher's.
        config.put("stackpilot.health.watch-interval", "0s");
        config.put("stackpilot.security.enabled", "false");
        config.put("stackpilot.audit.path", "target/audit/health-wait-audit.jsonl");
        component(config, "crash", null);
        component(config, "needs-crash", "crash");
        component(config, "hung", null);
        component(config, "needs-hung", "hung");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Resource.class));
    }

    private static void component(Map<String, String> config, String name, String dependsOn) {
        String prefix = "stackpilot.components." + name + ".";
        config.put(prefix + "runtime", "docker");
        config.put(prefix + "docker.project", PROJECT);
        config.put(prefix + "docker.service", name);
        config.put(prefix + "start-timeout", START_TIMEOUT_SECONDS + "s");
        if (dependsOn != null) {
            config.put(prefix + "depends-on", dependsOn);
        }
    }

    /** Starts the {@link SilentServer} behind {@code hung}'s probe. */
    public static class Resource extends ServersResource<SilentServer> {

        public Resource() {
            super(SilentServer.class);
        }

        @Override
        protected SilentServer startServers() {
            return SilentServer.start();
        }

        @Override
        protected Map<String, String> configFor(SilentServer server) {
            String prefix = "stackpilot.components.hung.probe.";
            return Map.of(
                    prefix + "kind", "http",
                    prefix + "url", "http://127.0.0.1:" + server.port() + "/health",
                    prefix + "timeout", HUNG_PROBE_TIMEOUT_MS + "ms");
        }
    }
}
