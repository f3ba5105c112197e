package io.stackpilot.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Probe entries of the catalog as {@link CatalogLoader} validates them. */
class ProbeCatalogTest {

    private static final String PREFIX = "stackpilot.components.edge.";

    @Test
    void probeTimeoutDefaultsToHealthDefaultTimeout() {
        Component component = load(Map.of(
                        "stackpilot.health.default-timeout",
                        "7s",
                        PREFIX + "probe.kind",
                        "tcp",
                        PREFIX + "probe.host",
                        "localhost",
                        PREFIX + "probe.port",
                        "2181"))
                .get("edge");

        assertEquals(Duration.ofSeconds(7), component.probe().orElseThrow().timeout());
    }

    @Test
    void probeTimeoutWithoutAnyDefaultIsThreeSeconds() {
        Component component = load(Map.of(
                        PREFIX + "probe.kind", "tcp", PREFIX + "probe.host", "localhost", PREFIX + "probe.port", "80"))
                .get("edge");

        assertEquals(Duration.ofSeconds(3), component.probe().orElseThrow().timeout());
    }

    @Test
    void zeroDefaultTimeoutIsRejectedByItsKey() {
        List<String> problems = problems(Map.of(
                "stackpilot.health.default-timeout",
                "0s",
                PREFIX + "probe.kind",
                "tcp",
                PREFIX + "probe.host",
                "localhost",
                PREFIX + "probe.port",
                "2181"));

        assertEquals(List.of("stackpilot.health.default-timeout: must be positive, got PT0S"), problems);
    }

    @Test
    void tcpProbeKeepsSendAndExpect() {
        Component component = load(Map.of(
                        PREFIX + "probe.kind", "tcp",
                        PREFIX + "probe.host", "localhost",
                        PREFIX + "probe.port", "2181",
                        PREFIX + "probe.send", "ruok",
                        PREFIX + "probe.expect", "imok"))
                .get("edge");

        ProbeSpec.Tcp tcp =
                assertInstanceOf(ProbeSpec.Tcp.class, component.probe().orElseThrow());
        assertEquals(Optional.of("ruok"), tcp.send());
        assertEquals(Optional.of("imok"), tcp.expect());
    }

    @Test
    void sendWithoutExpectIsRejected() {
        List<String> problems = problems(Map.of(
                PREFIX + "probe.kind", "tcp",
                PREFIX + "probe.host", "localhost",
                PREFIX + "probe.port", "2181",
                PREFIX + "probe.send", "ruok"));

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith(PREFIX + "probe.send: "), problems.get(0));
        assertTrue(problems.get(0).contains("needs 'expect'"), problems.get(0));
    }

    @Test
    void expectOnHttpProbeIsRejected() {
        List<String> problems = problems(Map.of(
                PREFIX + "probe.kind",
                "http",
                PREFIX + "probe.url",
                "http://localhost/",
                PREFIX + "probe.expect",
                "ok"));

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith(PREFIX + "probe: "), problems.get(0));
        assertTrue(problems.get(0).contains("apply only to tcp probes"), problems.get(0));
    }

    @Test
    void httpUrlWithCredentialsIsRejected() {
        List<String> problems = problems(
                Map.of(PREFIX + "probe.kind", "http", PREFIX + "probe.url", "http://admin:secret@localhost:8080/"));

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith(PREFIX + "probe.url: remove the user info"), problems.get(0));
        assertFalse(problems.get(0).contains("secret"), problems.get(0));
    }

    @Test
    void bootstrapServerWithoutPortIsRejected() {
        List<String> problems = problems(
                Map.of(PREFIX + "probe.kind", "kafka", PREFIX + "probe.bootstrap-servers", "localhost:9092,broker-2"));

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith(PREFIX + "probe.bootstrap-servers: "), problems.get(0));
        assertTrue(problems.get(0).contains("[broker-2]"), problems.get(0));
    }

    @Test
    void bootstrapServerPortOutOfRangeIsRejected() {
        List<String> problems =
                problems(Map.of(PREFIX + "probe.kind", "kafka", PREFIX + "probe.bootstrap-servers", "localhost:70000"));

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("[localhost:70000]"), problems.get(0));
    }

    @Test
    void bracketedIpv6BootstrapServerIsAccepted() {
        Component component = load(Map.of(
                        PREFIX + "probe.kind", "kafka", PREFIX + "probe.bootstrap-servers", "[::1]:9092"))
                .get("edge");

        assertEquals(
                List.of("[::1]:9092"),
                assertInstanceOf(ProbeSpec.Kafka.class, component.probe().orElseThrow())
                        .bootstrapServers());
    }

    private static Map<String, Component> load(Map<String, String> properties) {
        return CatalogLoader.load(config(properties));
    }

    private static List<String> problems(Map<String, String> properties) {
        return assertThrows(CatalogException.class, () -> load(properties)).problems();
    }

    /** Builds the mapping as Quarkus would, for one Docker component named {@code edge} plus the properties. */
    private static CatalogConfig config(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.put(PREFIX + "runtime", "docker");
        all.put(PREFIX + "docker.container-name", "edge");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(CatalogConfig.class)
                .withSources(new PropertiesConfigSource(all, "test", 100))
                .build();
        return config.getConfigMapping(CatalogConfig.class);
    }
}
