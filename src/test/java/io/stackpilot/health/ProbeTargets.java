package io.stackpilot.health;

import io.stackpilot.support.StandInContainers;
import io.stackpilot.support.TestCatalog;
import io.stackpilot.support.servers.EmbeddedZooKeeper;
import io.stackpilot.support.servers.KafkaBroker;
import io.stackpilot.support.servers.ScriptedHttpServer;
import io.stackpilot.support.servers.SilentServer;
import java.util.Map;

/**
 * The real servers behind the probe test catalog: a Kafka broker, a ZooKeeper server, an HTTP server and two
 * silent TCP servers, plus one stand-in container per component.
 *
 * <table>
 *   <tr><th>component</th><th>probe</th><th>target</th></tr>
 *   <tr><td>zookeeper</td><td>zookeeper</td><td>embedded ZooKeeper (critical)</td></tr>
 *   <tr><td>kafka</td><td>kafka</td><td>the broker's normal listener (critical, depends on zookeeper)</td></tr>
 *   <tr><td>ui</td><td>http</td><td>{@code /actuator/health} on the scripted HTTP server (depends on kafka)</td></tr>
 *   <tr><td>gateway</td><td>tcp with send/expect</td><td>the scripted HTTP server's port</td></tr>
 *   <tr><td>silent</td><td>tcp with expect</td><td>a server that accepts and never replies</td></tr>
 *   <tr><td>misadvertised</td><td>kafka</td><td>the broker listener that advertises an unreachable endpoint</td></tr>
 *   <tr><td>idle</td><td>tcp connect</td><td>a silent server that counts connections</td></tr>
 *   <tr><td>plain</td><td>none</td><td></td></tr>
 * </table>
 */
public final class ProbeTargets implements AutoCloseable {

    static final String[] COMPONENTS = {
        "zookeeper", "kafka", "ui", "gateway", "silent", "misadvertised", "idle", "plain"
    };

    /** Timeout of the probes that hang, long enough that running them one after another would show. */
    static final int HANG_TIMEOUT_MS = 4000;

    final EmbeddedZooKeeper zooKeeper;
    final KafkaBroker kafka;
    final ScriptedHttpServer http;
    final SilentServer silent;
    final SilentServer idle;

    private ProbeTargets() {
        zooKeeper = EmbeddedZooKeeper.start();
        kafka = KafkaBroker.start();
        http = ScriptedHttpServer.start();
        silent = SilentServer.start();
        idle = SilentServer.start();
        StandInContainers.run(COMPONENTS);
    }

    static ProbeTargets start() {
        return new ProbeTargets();
    }

    Map<String, String> catalog() {
        return new TestCatalog()
                .component("zookeeper", true)
                .loopbackProbe("zookeeper", "zookeeper", zooKeeper.port())
                .probe("zookeeper", "timeout", "2s")
                .component("kafka", true, "zookeeper")
                .probe("kafka", "kind", "kafka")
                .probe("kafka", "bootstrap-servers", kafka.bootstrapServers())
                .probe("kafka", "timeout", "5s")
                .component("ui", false, "kafka")
                .probe("ui", "kind", "http")
                .probe("ui", "url", http.url("/actuator/health"))
                .probe("ui", "timeout", "2s")
                .component("gateway", false)
                .loopbackProbe("gateway", "tcp", http.port())
                .probe("gateway", "send", "GET / HTTP/1.0\r\n\r\n")
                .probe("gateway", "expect", "HTTP/1.1 200")
                .component("silent", false)
                .loopbackProbe("silent", "tcp", silent.port())
                .probe("silent", "expect", "hello")
                .probe("silent", "timeout", HANG_TIMEOUT_MS + "ms")
                .component("misadvertised", false)
                .probe("misadvertised", "kind", "kafka")
                .probe("misadvertised", "bootstrap-servers", kafka.misadvertisedBootstrapServers())
                .probe("misadvertised", "timeout", HANG_TIMEOUT_MS + "ms")
                .component("idle", false)
                .loopbackProbe("idle", "tcp", idle.port())
                .probe("idle", "timeout", "1s")
                .component("plain", false)
                .toConfig();
    }

    @Override
    public void close() {
        StandInContainers.remove(COMPONENTS);
        kafka.close();
        zooKeeper.close();
        http.close();
        silent.close();
        idle.close();
    }
}
