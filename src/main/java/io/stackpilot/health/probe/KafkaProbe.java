package io.stackpilot.health.probe;

import io.stackpilot.catalog.ProbeSpec;
import io.stackpilot.health.HealthStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;

/**
 * Checks a Kafka cluster the way a client uses it.
 *
 * <ol>
 *   <li>Connects to each bootstrap server. When none accepts, the cluster is down at once, without waiting for the
 *       Admin client's retries.
 *   <li>Describes the cluster with the Admin client: cluster id, controller and brokers.
 *   <li>Connects to every broker's advertised endpoint, because clients connect there after bootstrapping. All
 *       reachable is {@code up}, some is {@code degraded}, none is {@code down}.
 * </ol>
 */
@ApplicationScoped
public class KafkaProbe {

    private final KafkaAdminClients clients;
    private final ExecutorService executor;

    @Inject
    public KafkaProbe(KafkaAdminClients clients, ProbeExecutor executor) {
        this.clients = clients;
        this.executor = executor.executor();
    }

    public ProbeResult probe(ProbeSpec.Kafka spec, Deadline deadline) {
        String bootstrap = String.join(",", spec.bootstrapServers());
        List<String> unreachableBootstrap = unreachable(spec.bootstrapServers(), deadline);
        if (unreachableBootstrap.size() == spec.bootstrapServers().size()) {
            return ProbeResult.down(
                    "No Kafka bootstrap server accepts connections: " + String.join("; ", unreachableBootstrap));
        }

        Cluster cluster;
        try {
            cluster = describe(spec, deadline);
        } catch (TimeoutException e) {
            return ProbeResult.down("Kafka at " + bootstrap + " accepts connections but did not describe the cluster"
                    + " within " + deadline.timeout().toMillis() + " ms; check that the brokers' advertised"
                    + " listeners are reachable from stackpilot");
        } catch (KafkaException e) {
            return ProbeResult.down("Kafka at " + bootstrap + " could not be asked: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.unknown("The Kafka probe of " + bootstrap + " was interrupted");
        }
        return checkAdvertisedEndpoints(cluster, deadline);
    }

    /** The result of describeCluster. */
    private record Cluster(String clusterId, Node controller, Collection<Node> brokers) {

        List<String> endpoints() {
            return brokers.stream().map(node -> node.host() + ":" + node.port()).toList();
        }

        Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("clusterId", clusterId);
            if (controller != null && !controller.isEmpty()) {
                details.put("controller", controller.id());
            }
            details.put("brokerCount", brokers.size());
            details.put(
                    "brokers",
                    brokers.stream()
                            .map(node -> node.id() + "@" + node.host() + ":" + node.port())
                            .toList());
            return details;
        }
    }

    private Cluster describe(ProbeSpec.Kafka spec, Deadline deadline) throws TimeoutException, InterruptedException {
        DescribeClusterResult result = clients.forCluster(spec.bootstrapServers(), spec.timeout())
                .describeCluster(new DescribeClusterOptions().timeoutMs(deadline.remainingMillis()));
        return new Cluster(
                await(result.clusterId(), deadline),
                await(result.controller(), deadline),
                await(result.nodes(), deadline));
    }

    private static <T> T await(KafkaFuture<T> future, Deadline deadline) throws TimeoutException, InterruptedException {
        try {
            return future.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new TimeoutException(e.getCause().getMessage());
            }
            if (e.getCause() instanceof KafkaException kafka) {
                throw kafka;
            }
            throw new KafkaException(e.getCause());
        }
    }

    private ProbeResult checkAdvertisedEndpoints(Cluster cluster, Deadline deadline) {
        Map<String, Object> details = cluster.details();
        List<String> endpoints = cluster.endpoints();
        List<String> unreachable = unreachable(endpoints, deadline);
        if (unreachable.isEmpty()) {
            return ProbeResult.up(details);
        }
        details.put("unreachableBrokers", unreachable);
        String reason = unreachable.size() + " of " + endpoints.size() + " brokers advertise an endpoint that"
                + " stackpilot cannot reach, so clients cannot use them: " + String.join("; ", unreachable)
                + "; check advertised.listeners";
        HealthStatus status = unreachable.size() == endpoints.size() ? HealthStatus.DOWN : HealthStatus.DEGRADED;
        return new ProbeResult(status, reason, details);
    }

    /** Connects to every {@code host:port} in parallel; returns one "endpoint: why" entry per failure. */
    private List<String> unreachable(List<String> endpoints, Deadline deadline) {
        List<CompletableFuture<String>> attempts = new ArrayList<>();
        for (String endpoint : endpoints) {
            attempts.add(CompletableFuture.supplyAsync(() -> tryEndpoint(endpoint, deadline), executor));
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            String failure = awaitAttempt(attempts.get(i), deadline);
            if (failure != null) {
                failures.add(endpoints.get(i) + ": " + failure);
            }
        }
        return failures;
    }

    private static String awaitAttempt(CompletableFuture<String> attempt, Deadline deadline) {
        try {
            // The attempt ends by the deadline on its own; the extra wait only covers thread hand-over.
            return attempt.get(deadline.remainingMillis() + 100L, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "timed out after " + deadline.timeout().toMillis() + " ms";
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String tryEndpoint(String endpoint, Deadline deadline) {
        int colon = endpoint.lastIndexOf(':');
        String host = endpoint.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(endpoint.substring(colon + 1));
        return Sockets.reachability(host, port, deadline);
    }
}
