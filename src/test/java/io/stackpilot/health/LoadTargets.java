package io.stackpilot.health;

import io.stackpilot.support.ServersResource;
import io.stackpilot.support.StandInContainers;
import io.stackpilot.support.TestCatalog;
import io.stackpilot.support.servers.KafkaBroker;
import io.stackpilot.support.servers.SilentServer;
import java.util.Map;

/**
 * Servers for the load tests: a Kafka broker probed by four components (critical {@code kafka} and
 * {@code kafka-2..4}, all on the same cluster), and a hung HTTP dependency ({@code hung}, critical) whose server
 * accepts connections and never responds.
 */
public final class LoadTargets implements AutoCloseable {

    static final String[] KAFKA_COMPONENTS = {"kafka", "kafka-2", "kafka-3", "kafka-4"};

    /** Probe timeout of {@code hung}. */
    static final int HUNG_TIMEOUT_MS = 1500;

    /** Health TTL of the profile, short so a test can span several TTLs. */
    static final int TTL_MS = 2000;

    final KafkaBroker kafka;
    final SilentServer hung;

    private LoadTargets() {
        kafka = KafkaBroker.start();
        hung = SilentServer.start();
        StandInContainers.run("kafka", "hung");
    }

    Map<String, String> catalog() {
        TestCatalog catalog = new TestCatalog()
                .component("hung", true)
                .probe("hung", "kind", "http")
                .probe("hung", "url", "http://127.0.0.1:" + hung.port() + "/health")
                .probe("hung", "timeout", HUNG_TIMEOUT_MS + "ms");
        for (String name : KAFKA_COMPONENTS) {
            catalog.component(name, name.equals("kafka"))
                    .sharingContainerOf(name, "kafka")
                    .probe(name, "kind", "kafka")
                    .probe(name, "bootstrap-servers", kafka.bootstrapServers())
                    .probe(name, "timeout", "5s");
        }
        return catalog.toConfig();
    }

    @Override
    public void close() {
        StandInContainers.remove("kafka", "hung");
        kafka.close();
        hung.close();
    }

    /** The application with {@link LoadTargets} and a {@value #TTL_MS} ms health TTL. */
    public static class Profile extends HealthTestProfile {

        public Profile() {
            super("load", TTL_MS + "ms", Resource.class);
        }
    }

    /** Starts {@link LoadTargets}. */
    public static class Resource extends ServersResource<LoadTargets> {

        public Resource() {
            super(LoadTargets.class);
        }

        @Override
        protected LoadTargets startServers() {
            return new LoadTargets();
        }

        @Override
        protected Map<String, String> configFor(LoadTargets targets) {
            return targets.catalog();
        }
    }
}
