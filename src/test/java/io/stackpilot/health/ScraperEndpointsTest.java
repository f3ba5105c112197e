package io.stackpilot.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.stackpilot.support.InjectTestServers;
import io.stackpilot.support.Promtool;
import io.stackpilot.support.servers.EmbeddedZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Component health as {@code /q/health/*} and {@code /q/metrics} show it. */
@QuarkusTest
@TestProfile(ProbeTargetsProfile.class)
class ScraperEndpointsTest {

    @InjectTestServers
    ProbeTargets targets;

    @AfterEach
    void restoreServers() {
        EmbeddedZooKeeper.allowFourLetterWords("ruok,srvr");
    }

    @Test
    void unknownHealthGroupIsNotFound() {
        given().when()
                .get("/q/health/group/kafak")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/component-not-found"))
                .body("component", equalTo("kafak"))
                .body("knownComponents", hasItem("kafka"));
        given().when().get("/q/health/group/kafka").then().statusCode(200);
    }

    @Test
    void readinessIncludesOnlyCriticalComponents() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("zookeeper", "kafka", "docker-runtime"))
                .body("checks.name", not(hasItem("silent")))
                .body("checks.name", not(hasItem("misadvertised")))
                .body("checks.find { it.name == 'kafka' }.data.status", equalTo("up"))
                .body("checks.find { it.name == 'kafka' }.data.brokerCount", equalTo(1))
                .body("checks.find { it.name == 'kafka' }.data.critical", equalTo(true));
    }

    @Test
    void readinessIsDownWhileCriticalComponentIsUnknown() {
        EmbeddedZooKeeper.rejectAllFourLetterWords();

        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'zookeeper' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'zookeeper' }.data.status", equalTo("unknown"))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"));
    }

    @Test
    void livenessIgnoresComponents() {
        given().when()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", not(hasItem("silent")))
                .body("checks.name", not(hasItem("kafka")));
    }

    @Test
    void eachComponentIsHealthGroup() {
        given().when()
                .get("/q/health/group/kafka")
                .then()
                .statusCode(200)
                .body("checks.name", equalTo(java.util.List.of("kafka")))
                .body("checks[0].data.clusterId", not(equalTo(null)));

        given().when()
                .get("/q/health/group/silent")
                .then()
                .statusCode(503)
                .body("checks[0].name", equalTo("silent"))
                .body("checks[0].data.status", equalTo("down"))
                .body("checks[0].data.reason", containsString("sent no reply"));
    }

    @Test
    void metricsShowProbeDurationsAndHealthGauges() throws Exception {
        given().queryParam("fresh", true)
                .when()
                .get("/api/v1/components/kafka/health")
                .then()
                .statusCode(200);
        given().queryParam("fresh", true)
                .when()
                .get("/api/v1/components/idle/health")
                .then()
                .statusCode(200);

        String scrape = given().header("Accept", "text/plain; version=0.0.4")
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // The 0.0.4 text format may end label sets with a comma: {a="1",}.
        String metrics = scrape.replace(",}", "}");

        assertContains(
                metrics, "stackpilot_probe_duration_seconds_bucket{component=\"kafka\",kind=\"kafka\",outcome=\"up\"");
        assertContains(metrics, "stackpilot_probe_duration_seconds_count{component=\"idle\",kind=\"tcp\"");
        assertContains(metrics, "stackpilot_component_health{component=\"kafka\",status=\"up\"} 1.0");
        assertContains(metrics, "stackpilot_component_health{component=\"kafka\",status=\"down\"} 0.0");
        // One client per cluster probed so far: the kafka component's, and the misadvertised one's once probed.
        assertTrue(gauge(metrics, "stackpilot_kafka_admin_clients") >= 1, "no open Kafka Admin client");
        assertEquals("", Promtool.checkMetrics(scrape), "promtool check metrics reported problems");
    }

    /** Returns the value of an unlabelled gauge, failing the test when the scrape lacks it. */
    private static double gauge(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in the scrape"));
    }

    private static void assertContains(String metrics, String expected) {
        assertTrue(metrics.contains(expected), "no " + expected + " in the scrape");
    }
}
