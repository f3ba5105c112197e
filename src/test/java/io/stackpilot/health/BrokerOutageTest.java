package io.stackpilot.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.stackpilot.support.InjectTestServers;
import io.stackpilot.support.ServersResource;
import io.stackpilot.support.StandInContainers;
import io.stackpilot.support.TestCatalog;
import io.stackpilot.support.servers.KafkaBroker;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Kafka broker that stops while its container keeps running, as when the broker process dies. */
@QuarkusTest
@TestProfile(BrokerOutageTest.Profile.class)
class BrokerOutageTest {

    private static final int TIMEOUT_MS = 3000;

    @InjectTestServers
    OutageTargets targets;

    @Test
    void stoppedBrokerFailsWithinTimeout() {
        given().when()
                .get("/api/v1/components/kafka/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("up"));
        given().when().get("/q/health/ready").then().statusCode(200);

        targets.broker().stop();

        long started = System.nanoTime();
        given().when()
                .get("/api/v1/components/kafka/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("down"))
                .body("reason", containsString("No Kafka bootstrap server accepts connections"))
                .body("reason", containsString("connection refused"))
                .body("details.state", equalTo("running"));
        long healthMs = (System.nanoTime() - started) / 1_000_000;

        started = System.nanoTime();
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'kafka' }.data.reason", containsString("connection refused"));
        long readinessMs = (System.nanoTime() - started) / 1_000_000;

        assertTrue(healthMs <= TIMEOUT_MS + 1000, "health answered after " + healthMs + " ms");
        assertTrue(readinessMs <= TIMEOUT_MS + 1000, "readiness answered after " + readinessMs + " ms");
    }

    /** One critical Kafka component, no health cache. */
    public static class Profile extends HealthTestProfile {

        public Profile() {
            super("outage", "0s", Resource.class);
        }
    }

    /** Starts the broker and its stand-in container. */
    public static class Resource extends ServersResource<OutageTargets> {

        public Resource() {
            super(OutageTargets.class);
        }

        @Override
        protected OutageTargets startServers() {
            return new OutageTargets(KafkaBroker.start());
        }

        @Override
        protected Map<String, String> configFor(OutageTargets targets) {
            return new TestCatalog()
                    .component("kafka", true)
                    .probe("kafka", "kind", "kafka")
                    .probe("kafka", "bootstrap-servers", targets.broker().bootstrapServers())
                    .probe("kafka", "timeout", TIMEOUT_MS + "ms")
                    .toConfig();
        }
    }

    /** The broker, and the stand-in container that keeps running while the broker stops. */
    public record OutageTargets(KafkaBroker broker) implements AutoCloseable {

        public OutageTargets {
            StandInContainers.run("kafka");
        }

        @Override
        public void close() {
            StandInContainers.remove("kafka");
            broker.close();
        }
    }
}
