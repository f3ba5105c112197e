package io.stackpilot.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stand-in for Kafka UI in the local image set: the same port and health endpoint, none of the UI.
 *
 * <p>{@code GET /actuator/health} returns {@code 200 {"status":"UP"}} while the broker responds to a describe-cluster
 * request within {@code KAFKA_UI_STANDIN_TIMEOUT_MS} (default 3000), and {@code 503 {"status":"DOWN"}} with
 * the error otherwise. {@code GET /} is a small HTML page with the cluster id, brokers and topics.
 *
 * <p>NOTE: whether real Kafka UI's health endpoint also turns DOWN without a broker has not been checked, since
 * its image cannot be pulled here.
 *
 * <p>Configuration comes from the variables Kafka UI reads: {@code KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS}
 * (required), {@code KAFKA_CLUSTERS_0_NAME} (default {@code local}) and {@code SERVER_PORT} (default 8080).
 */
public final class KafkaUiStandin {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaUiStandin.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String clusterName;
    private final String bootstrapServers;
    private final Duration timeout;
    private final Admin admin;

    private KafkaUiStandin(String clusterName, String bootstrapServers, Duration timeout) {
        this.clusterName = clusterName;
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
        this.admin = Admin.create(adminProperties(bootstrapServers, timeout));
    }

    public static void main(String[] args) throws IOException {
        String bootstrap = System.getenv("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS");
        if (bootstrap == null || bootstrap.isBlank()) {
            System.err.println("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS is required, for example kafka:29092");
            System.exit(1);
        }
        String name = envOrDefault("KAFKA_CLUSTERS_0_NAME", "local");
        int port = Integer.parseInt(envOrDefault("SERVER_PORT", "8080"));
        Duration timeout = Duration.ofMillis(Long.parseLong(envOrDefault("KAFKA_UI_STANDIN_TIMEOUT_MS", "3000")));

        KafkaUiStandin standin = new KafkaUiStandin(name, bootstrap, timeout);
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", standin::handle);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> standin.stop(server)));
        LOG.info("[kafka-ui-standin] serving cluster {} ({}) on port {}", name, bootstrap, port);
    }

    private void stop(HttpServer server) {
        server.stop(0);
        admin.close(Duration.ofSeconds(1));
        LOG.info("[kafka-ui-standin] stopped");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain", "only GET and HEAD are supported\n");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/actuator/health" -> health(exchange);
                case "/" -> page(exchange);
                default -> send(exchange, 404, "text/plain", "not found; try / or /actuator/health\n");
            }
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        Map<String, Object> kafka = new LinkedHashMap<>();
        int status;
        try {
            ClusterView cluster = describeCluster();
            kafka.put("status", "UP");
            kafka.put("details", Map.of("clusterId", cluster.id(), "brokers", cluster.brokers().size()));
            status = 200;
        } catch (ProbeException e) {
            kafka.put("status", "DOWN");
            kafka.put("details", Map.of("bootstrapServers", bootstrapServers, "error", e.getMessage()));
            status = 503;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", kafka.get("status"));
        body.put("components", Map.of("kafka", kafka));
        send(exchange, status, "application/json", JSON.writeValueAsString(body));
    }

    private void page(HttpExchange exchange) throws IOException {
        StringBuilder html = new StringBuilder()
                .append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Kafka UI stand-in</title></head>")
                .append("<body><h1>Kafka UI stand-in</h1>")
                .append("<p>A local stand-in for Kafka UI: it shows the cluster's health and nothing more.</p>")
                .append("<p>Cluster <b>")
                .append(escape(clusterName))
                .append("</b> at ")
                .append(escape(bootstrapServers))
                .append("</p>");
        int status;
        try {
            ClusterView cluster = describeCluster();
            html.append("<p>Status: UP, cluster id ").append(escape(cluster.id())).append("</p><h2>Brokers</h2><ul>");
            for (Node node : cluster.brokers()) {
                html.append("<li>")
                        .append(node.id())
                        .append(" at ")
                        .append(escape(node.host()))
                        .append(':')
                        .append(node.port())
                        .append("</li>");
            }
            html.append("</ul><h2>Topics</h2><ul>");
            for (String topic : listTopics()) {
                html.append("<li>").append(escape(topic)).append("</li>");
            }
            html.append("</ul>");
            status = 200;
        } catch (ProbeException e) {
            html.append("<p>Status: DOWN: ").append(escape(e.getMessage())).append("</p>");
            status = 503;
        }
        send(exchange, status, "text/html; charset=utf-8", html.append("</body></html>\n").toString());
    }

    private record ClusterView(String id, Collection<Node> brokers) {}

    private ClusterView describeCluster() throws ProbeException {
        DescribeClusterResult result =
                admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        String id = await(result.clusterId());
        Collection<Node> nodes = await(result.nodes());
        return new ClusterView(String.valueOf(id), nodes);
    }

    private Set<String> listTopics() throws ProbeException {
        return new TreeSet<>(await(admin.listTopics(new ListTopicsOptions().timeoutMs((int) timeout.toMillis()))
                .names()));
    }

    /** Waits a little longer than the admin timeout, so the client's own timeout error comes first. */
    private <T> T await(Future<T> future) throws ProbeException {
        try {
            return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ProbeException("request to the broker at " + bootstrapServers + " failed: " + e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ProbeException(
                    "request to the broker at " + bootstrapServers + " timed out after " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted while waiting for the broker at " + bootstrapServers);
        }
    }

    private static final class ProbeException extends Exception {
        ProbeException(String message) {
            super(message);
        }
    }

    private static Properties adminProperties(String bootstrapServers, Duration timeout) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "kafka-ui-standin");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        properties.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (int) timeout.toMillis());
        return properties;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String envOrDefault(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
