package io.stackpilot.health;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test profile for health tests: its own configuration profile, so the lifecycle tests' {@code %test} catalog
 * stays out, one servers resource, a health TTL, quiet Kafka and ZooKeeper servers, and a status timeout long
 * enough for the first Docker call of a fresh application on a busy test machine. The other {@code %test}
 * settings (security off, audit file under {@code target/}) are repeated here, because they do not apply to
 * another profile.
 */
abstract class HealthTestProfile implements QuarkusTestProfile {

    private final String name;
    private final String ttl;
    private final Class<? extends QuarkusTestResourceLifecycleManager> resource;

    HealthTestProfile(String name, String ttl, Class<? extends QuarkusTestResourceLifecycleManager> resource) {
        this.name = name;
        this.ttl = ttl;
        this.resource = resource;
    }

    @Override
    public String getConfigProfile() {
        return name;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("stackpilot.health.ttl", ttl);
        config.put("stackpilot.health.status-timeout", "10s");
        // Probe runs are counted, so only requests may start them.
        config.put("stackpilot.health.watch-interval", "0s");
        // The settings the %test profile makes, other than its catalog.
        config.put("stackpilot.security.enabled", "false");
        config.put("stackpilot.audit.path", "target/audit/audit.jsonl");
        config.put("quarkus.log.category.\"kafka\".level", "WARN");
        config.put("quarkus.log.category.\"state.change.logger\".level", "WARN");
        config.put("quarkus.log.category.\"org.apache.zookeeper\".level", "WARN");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(resource));
    }
}
