package io.stackpilot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CatalogLoaderTest {

    private static final String PREFIX = "stackpilot.components.";

    @Test
    void validCatalogIsOrderedByDependencies() {
        Map<String, Component> components = load(Map.of(
                PREFIX + "kafka.runtime", "docker",
                PREFIX + "kafka.depends-on", "zookeeper",
                PREFIX + "kafka.docker.project", "kafka",
                PREFIX + "kafka.docker.service", "kafka",
                PREFIX + "zookeeper.runtime", "docker",
                PREFIX + "zookeeper.docker.container-name", "zk",
                PREFIX + "headlamp.runtime", "kubernetes",
                PREFIX + "headlamp.kubernetes.namespace", "infra",
                PREFIX + "headlamp.kubernetes.name", "headlamp"));

        assertEquals(List.of("headlamp", "zookeeper", "kafka"), List.copyOf(components.keySet()));
        Component kafka = components.get("kafka");
        assertEquals(RuntimeKind.DOCKER, kafka.runtime());
        assertEquals(List.of("zookeeper"), kafka.dependsOn());
        assertEquals(Duration.ofSeconds(120), kafka.startTimeout());
        assertEquals(
                new WorkloadRef.Docker(
                        java.util.Optional.of("kafka"), java.util.Optional.of("kafka"), java.util.Optional.empty()),
                kafka.workload());
        assertEquals(
                new WorkloadRef.Kubernetes("infra", WorkloadRef.WorkloadKind.DEPLOYMENT, "headlamp"),
                components.get("headlamp").workload());
    }

    @Test
    void unknownRuntimeNamesTheKey() {
        CatalogException error = assertThrows(
                CatalogException.class,
                () -> load(Map.of(
                        PREFIX + "kafka.runtime", "podman",
                        PREFIX + "kafka.docker.container-name", "kafka")));

        assertThat(error.problems())
                .containsExactly("stackpilot.components.kafka.runtime: unknown runtime 'podman'; use 'docker' or"
                        + " 'kubernetes'");
    }

    @Test
    void missingDependencyNamesItAndTheKey() {
        CatalogException error = assertThrows(
                CatalogException.class,
                () -> load(Map.of(
                        PREFIX + "kafka.runtime", "docker",
                        PREFIX + "kafka.docker.container-name", "kafka",
                        PREFIX + "kafka.depends-on", "zookeeper")));

        assertThat(error.problems()).hasSize(1);
        assertThat(error.problems().get(0))
                .startsWith("stackpilot.components.kafka.depends-on: dependency 'zookeeper' is not in the catalog");
    }

    @Test
    void cycleIsNamedInOrder() {
        CatalogException error = assertThrows(
                CatalogException.class,
                () -> load(Map.of(
                        PREFIX + "a.runtime", "docker",
                        PREFIX + "a.docker.container-name", "a",
                        PREFIX + "a.depends-on", "c",
                        PREFIX + "b.runtime", "docker",
                        PREFIX + "b.docker.container-name", "b",
                        PREFIX + "b.depends-on", "a",
                        PREFIX + "c.runtime", "docker",
                        PREFIX + "c.docker.container-name", "c",
                        PREFIX + "c.depends-on", "b")));

        assertThat(error.problems()).hasSize(1);
        assertThat(error.problems().get(0)).contains("dependency cycle a -> c -> b -> a");
        assertThat(error.getMessage()).contains("stackpilot.components.a.depends-on");
    }

    @Test
    void selfDependencyIsRejected() {
        CatalogException error = assertThrows(
                CatalogException.class,
                () -> load(Map.of(
                        PREFIX + "a.runtime", "docker",
                        PREFIX + "a.docker.container-name", "a",
                        PREFIX + "a.depends-on", "a")));

        assertThat(error.problems()).containsExactly("stackpilot.components.a.depends-on: 'a' depends on itself");
    }

    @Test
    void dockerComponentNeedsLabelsOrName() {
        CatalogException error =
                assertThrows(CatalogException.class, () -> load(Map.of(PREFIX + "kafka.runtime", "docker")));

        assertThat(error.problems())
                .containsExactly("stackpilot.components.kafka.docker: a Docker component needs either 'project' and"
                        + " 'service' (Compose labels) or 'container-name'");
    }

    @Test
    void projectWithoutServiceIsRejected() {
        CatalogException error = assertThrows(
                CatalogException.class,
                () -> load(Map.of(
                        PREFIX + "kafka.runtime", "docker",
                        PREFIX + "kafka.docker.project", "kafka")));

        assertThat(error.problems().get(0)).startsWith("stackpilot.components.kafka.docker: 'project' and 'service'");
    }

    @Test
    void unknownKubernetesKindNamesTheKey() {
        CatalogException error = assertThrows(
                CatalogException.class,
                () -> load(Map.of(
                        PREFIX + "headlamp.runtime", "kubernetes",
                        PREFIX + "headlamp.kubernetes.namespace", "infra",
                        PREFIX + "headlamp.kubernetes.kind", "DaemonSet",
                        PREFIX + "headlamp.kubernetes.name", "headlamp")));

        assertThat(error.problems())
                .containsExactly("stackpilot.components.headlamp.kubernetes.kind: unknown kind 'DaemonSet'; use"
                        + " 'Deployment' or 'StatefulSet'");
    }

    @Test
    void invalidNameIsRejected() {
        CatalogException error = assertThrows(
                CatalogException.class,
                () -> load(Map.of(
                        PREFIX + "Kafka_UI.runtime", "docker",
                        PREFIX + "Kafka_UI.docker.container-name", "ui")));

        assertThat(error.problems().get(0)).startsWith("stackpilot.components.Kafka_UI: invalid component name");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, String> properties = new TreeMap<>();
        properties.put(PREFIX + "a.runtime", "podman");
        properties.put(PREFIX + "b.runtime", "docker");
        properties.put(PREFIX + "b.docker.container-name", "b");
        properties.put(PREFIX + "b.depends-on", "missing,c");
        properties.put(PREFIX + "c.runtime", "docker");
        properties.put(PREFIX + "c.docker.container-name", "c");
        properties.put(PREFIX + "c.depends-on", "b");

        CatalogException error = assertThrows(CatalogException.class, () -> load(properties));

        assertThat(error.problems())
                .anyMatch(problem -> problem.startsWith("stackpilot.components.a.runtime: unknown runtime"))
                .anyMatch(problem -> problem.startsWith("stackpilot.components.b.depends-on: dependency 'missing'"))
                .anyMatch(problem -> problem.contains("dependency cycle b -> c -> b"))
                .hasSize(3);
    }

    @Test
    void probesAreParsedAndValidated() {
        Map<String, Component> components = load(Map.of(
                PREFIX + "ui.runtime", "docker",
                PREFIX + "ui.docker.container-name", "ui",
                PREFIX + "ui.probe.kind", "http",
                PREFIX + "ui.probe.url", "http://localhost:8080/actuator/health",
                PREFIX + "ui.probe.expected-status", "200-299",
                PREFIX + "ui.probe.timeout", "2s"));

        assertEquals(
                new ProbeSpec.Http(
                        java.net.URI.create("http://localhost:8080/actuator/health"), 200, 299, Duration.ofSeconds(2)),
                components.get("ui").probe().orElseThrow());

        CatalogException error = assertThrows(
                CatalogException.class,
                () -> load(Map.of(
                        PREFIX + "zk.runtime", "docker",
                        PREFIX + "zk.docker.container-name", "zk",
                        PREFIX + "zk.probe.kind", "zookeeper",
                        PREFIX + "zk.probe.host", "localhost",
                        PREFIX + "zk.probe.port", "70000")));
        assertThat(error.problems())
                .containsExactly("stackpilot.components.zk.probe.port: port 70000 is out of range 1-65535");
    }

    private static Map<String, Component> load(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(CatalogConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return CatalogLoader.load(config.getConfigMapping(CatalogConfig.class));
    }
}
