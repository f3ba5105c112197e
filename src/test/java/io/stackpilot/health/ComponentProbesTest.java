package io.stackpilot.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.stackpilot.support.InjectTestServers;
import io.stackpilot.support.StandInContainers;
import io.stackpilot.support.servers.EmbeddedZooKeeper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each probe kind against a real server, through {@code GET /api/v1/components/{name}/health}. */
@QuarkusTest
@TestProfile(ProbeTargetsProfile.class)
class ComponentProbesTest {

    @InjectTestServers
    ProbeTargets targets;

    @AfterEach
    void restoreServers() {
        EmbeddedZooKeeper.allowFourLetterWords("ruok,srvr");
        targets.http.respondWith(200);
    }

    @Test
    void kafkaIsUpWithClusterDetails() {
        health("kafka")
                .body("status", equalTo("up"))
                .body("reason", nullValue())
                .body("checkedAt", notNullValue())
                .body("latencyMs", greaterThanOrEqualTo(0))
                .body("details.probe", equalTo("kafka"))
                .body("details.target", equalTo(targets.kafka.bootstrapServers()))
                .body("details.state", equalTo("running"))
                .body("details.clusterId", notNullValue())
                .body("details.controller", notNullValue())
                .body("details.brokerCount", equalTo(1))
                .body("details.brokers[0]", containsString(targets.kafka.bootstrapServers()));
    }

    @Test
    void brokerAdvertisingUnreachableEndpointIsNotUp() {
        health("misadvertised")
                .body("status", equalTo("down"))
                .body("reason", containsString("did not describe the cluster"))
                .body("reason", containsString("advertised listeners"));
    }

    @Test
    void zooKeeperAnswersRuokWithModeAndVersion() {
        health("zookeeper")
                .body("status", equalTo("up"))
                .body("details.ruok", equalTo("imok"))
                .body("details.mode", equalTo("standalone"))
                .body("details.version", startsWith("3.9."));
    }

    @Test
    void zooKeeperWithoutRuokIsUpThroughSrvr() {
        EmbeddedZooKeeper.allowFourLetterWords("stat");

        health("zookeeper")
                .body("status", equalTo("up"))
                .body("details.ruok", equalTo("not allowed"))
                .body("details.mode", equalTo("standalone"));
    }

    @Test
    void zooKeeperWithoutWordsIsUnknown() {
        EmbeddedZooKeeper.rejectAllFourLetterWords();

        health("zookeeper")
                .body("status", equalTo("unknown"))
                .body("reason", containsString("allows neither ruok nor srvr"))
                .body("reason", containsString("4lw.commands.whitelist"));
    }

    @Test
    void httpServerAnswering500IsDownWithStatus() {
        targets.http.respondWith(500);

        health("ui")
                .body("status", equalTo("down"))
                .body("reason", containsString("returned HTTP 500, expected 200-399"))
                .body("details.httpStatus", equalTo(500));
    }

    @Test
    void httpServerAnswering200IsUp() {
        health("ui").body("status", equalTo("up")).body("details.httpStatus", equalTo(200));
    }

    @Test
    void tcpServerSendingExpectedReplyIsUp() {
        health("gateway").body("status", equalTo("up")).body("details.reply", startsWith("HTTP/1.1 200"));
    }

    @Test
    void silentTcpServerIsDownAtTimeout() {
        long started = System.nanoTime();
        health("silent")
                .body("status", equalTo("down"))
                .body("reason", containsString("accepted the connection but sent no reply containing 'hello'"));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertTrue(elapsedMs >= ProbeTargets.HANG_TIMEOUT_MS - 100, "answered before the timeout: " + elapsedMs);
        assertTrue(elapsedMs <= ProbeTargets.HANG_TIMEOUT_MS + 1000, "answered too late: " + elapsedMs);
    }

    @Test
    void stoppedComponentIsDownWithoutRunningProbe() {
        StandInContainers.stop("idle");
        int connectionsBefore = targets.idle.connections();
        try {
            health("idle")
                    .body("status", equalTo("down"))
                    .body("reason", startsWith("The workload is stopped"))
                    .body("reason", containsString("the tcp probe was not run"))
                    .body("latencyMs", equalTo(0))
                    .body("details.state", equalTo("stopped"));
            assertEquals(connectionsBefore, targets.idle.connections());
        } finally {
            StandInContainers.start("idle");
        }

        health("idle").body("status", equalTo("up"));
        assertEquals(connectionsBefore + 1, targets.idle.connections());
    }

    @Test
    void componentWithoutProbeFollowsWorkloadState() {
        health("plain")
                .body("status", equalTo("up"))
                .body("details.state", equalTo("running"))
                .body("details", not(hasKey("probe")));
    }

    @Test
    void unknownComponentHealthIsProblemNotFound() {
        given().when()
                .get("/api/v1/components/kafak/health")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/component-not-found"))
                .body("component", equalTo("kafak"));
    }

    @Test
    void componentViewShowsHealthAndBlockedBy() {
        given().when()
                .get("/api/v1/components/kafka")
                .then()
                .statusCode(200)
                .body("state", equalTo("running"))
                .body("health.status", equalTo("up"))
                .body("health.details.brokerCount", equalTo(1))
                .body("blockedBy", empty());

        EmbeddedZooKeeper.rejectAllFourLetterWords();

        given().when()
                .get("/api/v1/components/kafka")
                .then()
                .statusCode(200)
                .body("health.status", equalTo("up"))
                .body("blockedBy", contains("zookeeper"));
    }

    @Test
    void listProbesComponentsInParallel() {
        given().when().get("/api/v1/components").then().statusCode(200);

        long started = System.nanoTime();
        JsonPath list = given().when()
                .get("/api/v1/components")
                .then()
                .statusCode(200)
                .body("find { it.name == 'kafka' }.health.status", equalTo("up"))
                .body("find { it.name == 'silent' }.health.status", equalTo("down"))
                .body("find { it.name == 'misadvertised' }.health.status", equalTo("down"))
                .body("find { it.name == 'ui' }.blockedBy", empty())
                .extract()
                .jsonPath();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        // Two probes hang for HANG_TIMEOUT_MS each: their runs overlap, and the list takes less than both in a row.
        Instant silentEnd = Instant.parse(list.getString("find { it.name == 'silent' }.health.checkedAt"));
        Instant misadvertisedEnd =
                Instant.parse(list.getString("find { it.name == 'misadvertised' }.health.checkedAt"));
        long apartMs = Math.abs(Duration.between(silentEnd, misadvertisedEnd).toMillis());
        assertTrue(apartMs < ProbeTargets.HANG_TIMEOUT_MS, "the hanging probes ran one after the other: " + apartMs);
        assertTrue(elapsedMs < 2L * ProbeTargets.HANG_TIMEOUT_MS, "list took " + elapsedMs + " ms");
    }

    private static ValidatableResponse health(String component) {
        return given().queryParam("fresh", true)
                .when()
                .get("/api/v1/components/" + component + "/health")
                .then()
                .statusCode(200);
    }
}
