package io.stackpilot.support.servers;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real KRaft Kafka broker (one broker, one controller) in the test JVM, from Kafka's own test kit.
 *
 * <p>Besides its normal listener, the broker has a second listener that it advertises as {@code 127.0.0.1:1},
 * where nothing listens. A client that bootstraps there gets metadata naming an endpoint it cannot reach.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The endpoint the misadvertised listener names; port 1 (tcpmux) has no listener on a test machine. */
    public static final String UNREACHABLE_ENDPOINT = "127.0.0.1:1";

    private final KafkaClusterTestKit cluster;
    private final int misadvertisedPort;
    private boolean stopped;

    private KafkaBroker(KafkaClusterTestKit cluster, int misadvertisedPort) {
        this.cluster = cluster;
        this.misadvertisedPort = misadvertisedPort;
    }

    /** Formats storage, starts controller and broker, and waits until the broker is ready. */
    public static KafkaBroker start() {
        try {
            int misadvertisedPort = freePort();
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(false)
                    .setNumControllerNodes(1)
                    .setNumBrokerNodes(1)
                    .setPerServerProperties(Map.of(
                            0,
                            Map.of(
                                    "listeners",
                                    "EXTERNAL://localhost:0,MISADVERTISED://127.0.0.1:" + misadvertisedPort,
                                    "advertised.listeners",
                                    "EXTERNAL://localhost:0,MISADVERTISED://" + UNREACHABLE_ENDPOINT,
                                    "listener.security.protocol.map",
                                    "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,MISADVERTISED:PLAINTEXT")))
                    .build();
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes).build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaBroker(cluster, misadvertisedPort);
        } catch (Exception e) {
            throw new IllegalStateException("The test Kafka broker did not start", e);
        }
    }

    /** Returns the bootstrap address of the normal listener, which advertises itself correctly. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Returns the bootstrap address of the listener that advertises {@link #UNREACHABLE_ENDPOINT}. */
    public String misadvertisedBootstrapServers() {
        return "127.0.0.1:" + misadvertisedPort;
    }

    /** Stops the broker and controller; later connections to its ports are refused. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("The test Kafka broker did not stop cleanly", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Returns a port that was free a moment ago. Kafka needs the number in its configuration before it binds, so
     * another process could take it in between. On a test machine that is rare enough to accept.
     */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
