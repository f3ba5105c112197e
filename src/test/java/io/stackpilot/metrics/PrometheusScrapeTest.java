package io.stackpilot.metrics;

import static io.restassured.RestAssured.given;
import static io.stackpilot.support.DockerCli.docker;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.support.Credentials;
import io.stackpilot.support.Promtool;
import io.stackpilot.support.SecuredProfile;
import io.stackpilot.support.TestStack;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real scrape of {@code /q/metrics}, checked by Prometheus' own {@code promtool check metrics}. */
@QuarkusTest
@TestProfile(SecuredProfile.class)
class PrometheusScrapeTest {

    @Inject
    EventStreamMetrics eventStreams;

    @BeforeAll
    static void startStack() {
        TestStack.up();
    }

    @AfterAll
    static void removeStack() {
        TestStack.down();
    }

    @Test
    void scrapeAfterLifecycleRunPassesPromtool() throws Exception {
        Scrape before = scrape();

        lifecycle("worker", "stop?timeout=1", 200);
        lifecycle("worker", "stop?timeout=1", 200);
        lifecycle("worker", "start", 200);
        lifecycle("worker", "restart?timeout=1", 200);
        lifecycle("worker", "start", 200);
        docker("rm", "-f", TestStack.containerId("console"));
        lifecycle("console", "start", 404);
        eventStreams.reconnected(RuntimeKind.DOCKER);

        Scrape after = scrape();
        String promtool = Promtool.checkMetrics(after.text());
        assertEquals("", promtool, "promtool check metrics reported problems");

        assertEquals(1, after.delta(before, operations("worker", "stop", "changed")));
        assertEquals(1, after.delta(before, operations("worker", "stop", "unchanged")));
        assertEquals(1, after.delta(before, operations("worker", "start", "changed")));
        assertEquals(1, after.delta(before, operations("worker", "start", "unchanged")));
        assertEquals(1, after.delta(before, operations("worker", "restart", "changed")));
        assertEquals(1, after.delta(before, operations("console", "start", "failed")));
        assertEquals(
                1,
                after.delta(
                        before,
                        "stackpilot_lifecycle_duration_seconds_count{action=\"restart\",component=\"worker\",outcome=\"changed\"}"));
        assertEquals(1, after.delta(before, "stackpilot_event_stream_reconnects_total{runtime=\"docker\"}"));
        assertTrue(after.value("stackpilot_event_stream_reconnects_total{runtime=\"kubernetes\"}") >= 0);
    }

    @Test
    void stateGaugeFollowsContainer() {
        docker("stop", "-t", "1", TestStack.containerId("web"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Scrape scrape = scrape();
            assertEquals(1, scrape.value(state("web", "stopped")));
            assertEquals(0, scrape.value(state("web", "running")));
            assertEquals(1, scrape.value(state("worker", "running")));
        });

        docker("start", TestStack.containerId("web"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(1, scrape().value(state("web", "running"))));
    }

    private static String operations(String component, String action, String outcome) {
        return "stackpilot_lifecycle_operations_total{action=\"" + action + "\",component=\"" + component
                + "\",outcome=\"" + outcome + "\"}";
    }

    private static String state(String component, String state) {
        return "stackpilot_component_state{component=\"" + component + "\",runtime=\"docker\",state=\"" + state + "\"}";
    }

    private static void lifecycle(String component, String action, int expectedStatus) {
        given().header("X-API-Key", Credentials.OPERATOR_KEY)
                .urlEncodingEnabled(false)
                .when()
                .post("/api/v1/components/" + component + "/" + action)
                .then()
                .statusCode(expectedStatus);
    }

    /** Fetches the metrics page as Prometheus does, without credentials, because the endpoint is open. */
    private static Scrape scrape() {
        String text = given().header("Accept", "text/plain; version=0.0.4")
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return new Scrape(text);
    }

    /** A scrape with labels written as {@code {a="1",b="2"}}, without the trailing comma some clients add. */
    record Scrape(String text) {

        Scrape {
            text = text.replace(",}", "}");
        }

        /** Returns the sample's value, or 0 when the series is not in the scrape. */
        double value(String series) {
            Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
                    .matcher(text);
            return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
        }

        double delta(Scrape before, String series) {
            return value(series) - before.value(series);
        }
    }
}
