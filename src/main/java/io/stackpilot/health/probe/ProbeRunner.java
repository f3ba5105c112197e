package io.stackpilot.health.probe;

import io.stackpilot.catalog.ProbeSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Runs a probe of any kind within its timeout. */
@ApplicationScoped
public class ProbeRunner {

    private static final Logger LOG = Logger.getLogger(ProbeRunner.class);

    private final KafkaProbe kafka;
    private final ZooKeeperProbe zooKeeper;
    private final HttpProbe http;
    private final TcpProbe tcp;

    @Inject
    public ProbeRunner(KafkaProbe kafka, ZooKeeperProbe zooKeeper, HttpProbe http, TcpProbe tcp) {
        this.kafka = kafka;
        this.zooKeeper = zooKeeper;
        this.http = http;
        this.tcp = tcp;
    }

    /**
     * Runs the probe on the calling thread. Every probe kind stops waiting at the probe's timeout, and an unexpected
     * exception becomes an {@code unknown} result instead of propagating.
     *
     * @param component catalog name, for logs
     */
    public ProbeResult run(String component, ProbeSpec spec) {
        Deadline deadline = Deadline.after(spec.timeout());
        try {
            if (spec instanceof ProbeSpec.Kafka kafkaSpec) {
                return kafka.probe(kafkaSpec, deadline);
            } else if (spec instanceof ProbeSpec.ZooKeeper zooKeeperSpec) {
                return zooKeeper.probe(zooKeeperSpec, deadline);
            } else if (spec instanceof ProbeSpec.Http httpSpec) {
                return http.probe(httpSpec, deadline);
            } else if (spec instanceof ProbeSpec.Tcp tcpSpec) {
                return tcp.probe(tcpSpec, deadline);
            }
            throw new IllegalStateException("unhandled probe kind " + spec.kind());
        } catch (RuntimeException e) {
            LOG.warnf(e, "[%s] The %s probe of %s failed unexpectedly", component, spec.kind(), target(spec));
            return ProbeResult.unknown("The " + spec.kind() + " probe of " + target(spec) + " failed unexpectedly: "
                    + e.getMessage() + "; the server log has the details");
        }
    }

    /** Returns what the probe contacts, for reasons and details: {@code host:port}, the bootstrap list or the URL. */
    public static String target(ProbeSpec spec) {
        if (spec instanceof ProbeSpec.Kafka kafkaSpec) {
            return String.join(",", kafkaSpec.bootstrapServers());
        } else if (spec instanceof ProbeSpec.ZooKeeper zooKeeperSpec) {
            return zooKeeperSpec.host() + ":" + zooKeeperSpec.port();
        } else if (spec instanceof ProbeSpec.Http httpSpec) {
            return httpSpec.url().toString();
        } else if (spec instanceof ProbeSpec.Tcp tcpSpec) {
            return tcpSpec.host() + ":" + tcpSpec.port();
        }
        throw new IllegalStateException("unhandled probe kind " + spec.kind());
    }
}
