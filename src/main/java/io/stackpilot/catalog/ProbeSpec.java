package io.stackpilot.catalog;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How to check that a component actually serves, beyond its workload running. */
public sealed interface ProbeSpec permits ProbeSpec.Kafka, ProbeSpec.ZooKeeper, ProbeSpec.Http, ProbeSpec.Tcp {

    /** Returns the longest time one probe run may take before it counts as failed. */
    Duration timeout();

    /** Returns the probe kind as written in configuration. */
    String kind();

    /**
     * Describes the cluster through the Kafka AdminClient, then connects to every advertised broker endpoint.
     *
     * @param bootstrapServers {@code host:port} pairs
     */
    record Kafka(List<String> bootstrapServers, Duration timeout) implements ProbeSpec {
        @Override
        public String kind() {
            return "kafka";
        }
    }

    /** Sends the {@code ruok} four-letter word and falls back to {@code srvr}. */
    record ZooKeeper(String host, int port, Duration timeout) implements ProbeSpec {
        @Override
        public String kind() {
            return "zookeeper";
        }
    }

    /**
     * Sends {@code GET url} and expects a status within {@code [minStatus, maxStatus]}.
     *
     * @param url absolute http or https URL
     */
    record Http(URI url, int minStatus, int maxStatus, Duration timeout) implements ProbeSpec {
        @Override
        public String kind() {
            return "http";
        }
    }

    /**
     * Opens a TCP connection to {@code host:port}; with {@code expect}, also writes {@code send} and waits for a
     * reply that contains {@code expect}.
     *
     * @param send text to write after connecting, if any
     * @param expect text the reply must contain; when empty the connection alone decides
     */
    record Tcp(String host, int port, Optional<String> send, Optional<String> expect, Duration timeout)
            implements ProbeSpec {

        @Override
        public String kind() {
            return "tcp";
        }
    }
}
