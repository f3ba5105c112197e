package io.stackpilot.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds {@code stackpilot.components.*} configuration for a test profile. Every component is a Docker container
 * found by the name {@link StandInContainers#nameOf} gives it.
 */
public final class TestCatalog {

    private final Map<String, String> config = new LinkedHashMap<>();

    /** Adds a component; {@code critical} decides whether readiness includes it. */
    public TestCatalog component(String name, boolean critical, String... dependsOn) {
        put(name, "runtime", "docker");
        put(name, "docker.container-name", StandInContainers.nameOf(name));
        put(name, "critical", String.valueOf(critical));
        if (dependsOn.length > 0) {
            put(name, "depends-on", String.join(",", dependsOn));
        }
        return this;
    }

    /** Makes a component added before use another component's stand-in container. */
    public TestCatalog sharingContainerOf(String name, String owner) {
        return put(name, "docker.container-name", StandInContainers.nameOf(owner));
    }

    /** Sets one probe property, such as {@code kind} or {@code timeout}, of a component added before. */
    public TestCatalog probe(String name, String property, String value) {
        return put(name, "probe." + property, value);
    }

    /** Sets a probe of {@code kind} that connects to {@code 127.0.0.1:port}. */
    public TestCatalog loopbackProbe(String name, String kind, int port) {
        return probe(name, "kind", kind).probe(name, "host", "127.0.0.1").probe(name, "port", String.valueOf(port));
    }

    public TestCatalog put(String name, String property, String value) {
        config.put("stackpilot.components." + name + "." + property, value);
        return this;
    }

    public Map<String, String> toConfig() {
        return Map.copyOf(config);
    }
}
