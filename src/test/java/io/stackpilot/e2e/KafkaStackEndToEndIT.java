package io.stackpilot.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The stack this project exists for, end to end: ZooKeeper, a Kafka broker and the Kafka UI stand-in in
 * containers from the local images, driven only through stackpilot's REST API by the packaged service with
 * its default catalog. Responses are checked against the Docker CLI and a Kafka client. Headlamp runs on the
 * Kubernetes mock server, with an HTTP server on its NodePort 30466.
 *
 * <p>The steps build on each other, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaStackEndToEndIT {

    static final Duration OPERATION_LIMIT = Duration.ofMinutes(5);
    static final String BOOTSTRAP = "localhost:9092";

    static MockHeadlampCluster cluster;
    static HttpServer headlampNodePort;
    static StackpilotProcess service;
    static RequestSpecification api;

    @BeforeAll
    static void startEverything() throws Exception {
        LocalKafkaStack.createStopped();
        cluster = new MockHeadlampCluster();
        headlampNodePort = HttpServer.create(new InetSocketAddress("127.0.0.1", 30466), 0);
        headlampNodePort.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        headlampNodePort.start();
        service = StackpilotProcess.start(
                Path.of("target/e2e"),
                // The fabric8 client reads these at run time; Quarkus fixes its own api-server-url at build time.
                Map.of("kubernetes.master", cluster.url(), "kubernetes.trust.certificates", "true"));
        api = new RequestSpecBuilder()
                .setBaseUri(service.baseUri().toString())
                .addHeader("X-API-Key", service.apiKey())
                .build();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (service != null) {
            service.close();
        }
        if (headlampNodePort != null) {
            headlampNodePort.stop(0);
        }
        if (cluster != null) {
            cluster.close();
        }
        LocalKafkaStack.remove();
    }

    @Test
    @Order(1)
    void catalogShowsTheStoppedStack() {
        JsonPath components = given(api)
                .get("/api/v1/components?refresh=true")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertEquals(List.of("headlamp", "zookeeper", "kafka", "kafka-ui"), components.getList("name"));
        for (String name : List.of("zookeeper", "kafka", "kafka-ui")) {
            assertEquals("stopped", components.getString("find { it.name == '" + name + "' }.state"), name);
        }
        assertEquals("kubernetes", components.getString("find { it.name == 'headlamp' }.runtime"));
    }

    @Test
    @Order(2)
    void stackStartWaitsForEachDependencyToBeHealthy() {
        JsonPath operation = runOperation(given(api).post("/api/v1/stack/start"));

        assertEquals("succeeded", operation.getString("state"), operation.prettify());
        Instant zookeeperHealthy = stepFinished(operation, "zookeeper");
        Instant kafkaStarted = stepStarted(operation, "kafka");
        Instant kafkaHealthy = stepFinished(operation, "kafka");
        Instant uiStarted = stepStarted(operation, "kafka-ui");
        assertThat(kafkaStarted).isAfterOrEqualTo(zookeeperHealthy);
        assertThat(uiStarted).isAfterOrEqualTo(kafkaHealthy);
        assertThat(LocalKafkaStack.startedAt("kafka")).isAfterOrEqualTo(zookeeperHealthy);
        assertThat(LocalKafkaStack.startedAt("kafka-ui")).isAfterOrEqualTo(kafkaHealthy);

        given(api)
                .get("/api/v1/components/kafka/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("up"))
                .body("details.brokerCount", equalTo(1));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            assertEquals(
                    1,
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> admin.describeCluster().nodes().get().size(), count -> count > 0));
        }
    }

    @Test
    @Order(3)
    void recordRoundTripsThroughTheHostListener() {
        String topic = "e2e-" + UUID.randomUUID();
        String value = "hello from stackpilot " + Instant.now();

        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get();
        } catch (Exception e) {
            throw new AssertionError("producing to " + topic + " failed", e);
        }

        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of(topic));
            List<String> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    received.add(record.value());
                }
                return !received.isEmpty();
            });
            assertEquals(List.of(value), received);
        }
    }

    @Test
    @Order(4)
    void stoppingKafkaTakesItsDependentDownButNotZooKeeper() {
        Instant zookeeperStarted = LocalKafkaStack.startedAt("zookeeper");

        given(api).post("/api/v1/components/kafka/stop").then().statusCode(200).body("state", equalTo("stopped"));

        assertEquals("exited", LocalKafkaStack.state("kafka"));
        given(api).get("/api/v1/components/kafka/health").then().statusCode(200).body("status", equalTo("down"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(given(api)
                                .get("/api/v1/components/kafka-ui/health")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getString("status"))
                        .isIn("down", "degraded"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().baseUri(service.baseUri().toString())
                        .get("/q/health/ready")
                        .then()
                        .statusCode(503));
        assertEquals("running", LocalKafkaStack.state("zookeeper"));
        assertEquals(zookeeperStarted, LocalKafkaStack.startedAt("zookeeper"));
    }

    @Test
    @Order(5)
    void cascadingRestartBringsKafkaBackThenTheUi() {
        Instant uiStartedBefore = LocalKafkaStack.startedAt("kafka-ui");

        JsonPath operation = runOperation(given(api)
                .queryParam("cascade", true)
                .queryParam("async", true)
                .post("/api/v1/components/kafka/restart"));

        assertEquals("succeeded", operation.getString("state"), operation.prettify());
        assertThat(stepStarted(operation, "kafka-ui")).isAfterOrEqualTo(stepFinished(operation, "kafka"));
        assertThat(LocalKafkaStack.startedAt("kafka-ui")).isAfter(uiStartedBefore);
        given(api).get("/api/v1/components/kafka/health").then().statusCode(200).body("status", equalTo("up"));
        // The last step of a plan does not wait for health, so the UI may still be coming up.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given(api)
                        .get("/api/v1/components/kafka-ui/health")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("up")));
    }

    @Test
    @Order(6)
    void kafkaLogsShowTheBrokerStarting() {
        String logs = given(api)
                .get("/api/v1/components/kafka/logs?tail=2000")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(logs).containsPattern("\\[KafkaServer id=\\d+\\] started");
    }

    @Test
    @Order(7)
    void stackStopExitsEveryContainerInReverseOrder() {
        JsonPath operation = runOperation(given(api).post("/api/v1/stack/stop"));

        assertEquals("succeeded", operation.getString("state"), operation.prettify());
        for (String service : List.of("zookeeper", "kafka", "kafka-ui")) {
            assertEquals("exited", LocalKafkaStack.state(service), service);
        }
        assertThat(LocalKafkaStack.finishedAt("kafka-ui")).isBeforeOrEqualTo(LocalKafkaStack.finishedAt("kafka"));
        assertThat(LocalKafkaStack.finishedAt("kafka")).isBeforeOrEqualTo(LocalKafkaStack.finishedAt("zookeeper"));
        assertThat(stepStarted(operation, "kafka")).isAfterOrEqualTo(stepFinished(operation, "kafka-ui"));
        assertThat(stepStarted(operation, "zookeeper")).isAfterOrEqualTo(stepFinished(operation, "kafka"));
    }

    /** Follows a 202 answer's Location until the operation ends, and returns the finished operation. */
    private static JsonPath runOperation(io.restassured.response.Response accepted) {
        assertEquals(202, accepted.statusCode(), accepted.asString());
        String location = accepted.header("Location");
        return await().atMost(OPERATION_LIMIT)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> given(api)
                                .get(location)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        operation ->
                                List.of("succeeded", "failed", "cancelled").contains(operation.getString("state")));
    }

    private static Instant stepStarted(JsonPath operation, String component) {
        return Instant.parse(operation.getString("steps.find { it.component == '" + component + "' }.startedAt"));
    }

    private static Instant stepFinished(JsonPath operation, String component) {
        return Instant.parse(operation.getString("steps.find { it.component == '" + component + "' }.finishedAt"));
    }
}
