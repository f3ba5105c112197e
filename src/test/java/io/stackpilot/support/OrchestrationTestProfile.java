package io.stackpilot.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * A catalog of its own for the stack tests, so that a stack start touches only {@link OrchestrationStack}'s
 * containers: the diamond {@code a <- b, a <- c, b and c <- d}, {@code lame} (never healthy, 5 s start
 * timeout), {@code needs-lame} and {@code slow}.
 */
public class OrchestrationTestProfile implements QuarkusTestProfile {

    /** Start timeout of {@code lame}, in seconds. */
    public static final int LAME_START_TIMEOUT_SECONDS = 5;

    @Override
    public String getConfigProfile() {
        return "orchestration-test";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("stackpilot.operations.health-poll-interval", "100ms");
        config.put("stackpilot.security.enabled", "false");
        config.put("stackpilot.audit.path", "target/audit/orchestration-audit.jsonl");
        component(config, "a", null);
        component(config, "b", "a");
        component(config, "c", "a");
        component(config, "d", "b,c");
        component(config, "lame", null);
        config.put("stackpilot.components.lame.start-timeout", LAME_START_TIMEOUT_SECONDS + "s");
        component(config, "needs-lame", "lame");
        component(config, "slow", null);
        return config;
    }

    private static void component(Map<String, String> config, String name, String dependsOn) {
        String prefix = "stackpilot.components." + name + ".";
        config.put(prefix + "runtime", "docker");
        config.put(prefix + "docker.project", OrchestrationStack.PROJECT);
        config.put(prefix + "docker.service", name);
        config.put(prefix + "start-timeout", "30s");
        if (dependsOn != null) {
            config.put(prefix + "depends-on", dependsOn);
        }
    }
}
