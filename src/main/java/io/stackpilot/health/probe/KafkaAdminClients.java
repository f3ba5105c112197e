package io.stackpilot.health.probe;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jboss.logging.Logger;

/**
 * One Kafka {@link Admin} client per cluster and timeout, created on first use and reused by every later probe, so
 * repeated checks open no new clients, threads or connections. All are closed when the application stops.
 */
@ApplicationScoped
public class KafkaAdminClients {

    private static final Logger LOG = Logger.getLogger(KafkaAdminClients.class);

    /** Kafka's own default for {@code socket.connection.setup.timeout.ms}; a shorter probe timeout lowers it. */
    private static final Duration MAX_CONNECTION_SETUP = Duration.ofSeconds(10);

    private final ConcurrentMap<String, Admin> clients = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    /**
     * Returns the client for these bootstrap servers, creating it on first use.
     *
     * @param timeout the probe timeout, used as the request and API timeout
     * @throws org.apache.kafka.common.KafkaException if the client cannot be created, for example when no
     *     bootstrap host resolves
     */
    public Admin forCluster(List<String> bootstrapServers, Duration timeout) {
        String key = String.join(",", bootstrapServers) + "|" + timeout.toMillis();
        return clients.computeIfAbsent(key, ignored -> create(bootstrapServers, timeout));
    }

    /** Returns how many clients are open. */
    public int openCount() {
        return clients.size();
    }

    private Admin create(List<String> bootstrapServers, Duration timeout) {
        String timeoutMs = String.valueOf(Math.max(1, timeout.toMillis()));
        String setupMs = String.valueOf(Math.max(1, Math.min(timeout.toMillis(), MAX_CONNECTION_SETUP.toMillis())));
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", bootstrapServers));
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "stackpilot-health-" + sequence.incrementAndGet());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, setupMs);
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, setupMs);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        Admin admin = Admin.create(config);
        LOG.debugf("Created a Kafka admin client for %s", bootstrapServers);
        return admin;
    }

    @PreDestroy
    void closeAll() {
        clients.values().forEach(admin -> admin.close(Duration.ofSeconds(2)));
        clients.clear();
    }
}
