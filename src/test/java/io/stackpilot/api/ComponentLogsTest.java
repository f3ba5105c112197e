package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static io.stackpilot.support.DockerCli.TEST_IMAGE;
import static io.stackpilot.support.DockerCli.docker;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.stackpilot.support.DockerCli;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ComponentLogsTest.Profile.class)
class ComponentLogsTest {

    static final String PLAIN = "sptest-logs-plain";
    static final String TTY = "sptest-logs-tty";
    static final String TICKER = "sptest-logs-ticker";

    /** Writes alternately to stdout and stderr, pausing so the engine records the streams in order. */
    static final String SCRIPT = "for i in 1 2 3; do echo \"out $i\"; sleep 0.2; echo \"err $i\" >&2; sleep 0.2; done";

    static final List<String> EXPECTED = List.of("out 1", "err 1", "out 2", "err 2", "out 3", "err 3");

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "stackpilot.components.logs-plain.runtime",
                    "docker",
                    "stackpilot.components.logs-plain.docker.container-name",
                    PLAIN,
                    "stackpilot.components.logs-tty.runtime",
                    "docker",
                    "stackpilot.components.logs-tty.docker.container-name",
                    TTY,
                    "stackpilot.components.logs-ticker.runtime",
                    "docker",
                    "stackpilot.components.logs-ticker.docker.container-name",
                    TICKER);
        }
    }

    @BeforeAll
    static void runWriters() {
        DockerCli.ensureTestImage();
        DockerCli.removeContainers(PLAIN, TTY, TICKER);
        docker("run", "-d", "--name", PLAIN, TEST_IMAGE, "sh", "-c", SCRIPT);
        docker("run", "-d", "-t", "--name", TTY, TEST_IMAGE, "sh", "-c", SCRIPT);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> DockerCli.state(PLAIN).equals("exited")
                        && DockerCli.state(TTY).equals("exited"));
    }

    @AfterAll
    static void removeWriters() {
        DockerCli.removeContainers(PLAIN, TTY, TICKER);
    }

    @Test
    void plainContainerLogsAreDemultiplexedInOrder() {
        String body = given().when()
                .get("/api/v1/components/logs-plain/logs")
                .then()
                .statusCode(200)
                .contentType("text/plain")
                .extract()
                .asString();

        assertEquals(EXPECTED, lines(body));
    }

    @Test
    void ttyContainerLogsHaveNoCarriageReturns() {
        String body = fetchLogs("logs-tty", Map.of());

        assertEquals(EXPECTED, lines(body));
    }

    @Test
    void tailReturnsOnlyTheLastLines() {
        String body = fetchLogs("logs-plain", Map.of("tail", 2));

        assertEquals(List.of("out 3", "err 3"), lines(body));
    }

    @Test
    void jsonLinesNameTheStreamOfEachLine() {
        String body = given().accept("application/x-ndjson")
                .when()
                .get("/api/v1/components/logs-plain/logs")
                .then()
                .statusCode(200)
                .contentType("application/x-ndjson")
                .extract()
                .asString();

        List<String> records = lines(body);
        assertEquals(6, records.size());
        for (int i = 0; i < records.size(); i++) {
            JsonPath record = JsonPath.from(records.get(i));
            assertEquals(EXPECTED.get(i), record.getString("text"));
            assertEquals(i % 2 == 0 ? "stdout" : "stderr", record.getString("stream"));
        }
    }

    @Test
    void sinceInTheFutureReturnsNothing() {
        String body = fetchLogs("logs-plain", Map.of("since", "2999-01-01T00:00:00Z"));

        assertEquals("", body);
    }

    @Test
    void sinceInThePastReturnsEverything() {
        String body = fetchLogs("logs-plain", Map.of("since", "1h"));

        assertEquals(EXPECTED, lines(body));
    }

    @Test
    void malformedSinceIsInvalidParameter() {
        given().queryParam("since", "yesterday")
                .when()
                .get("/api/v1/components/logs-plain/logs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("since"))
                .body("value", equalTo("yesterday"));
    }

    @Test
    void tailAboveLimitIsInvalidParameter() {
        given().queryParam("tail", 10001)
                .when()
                .get("/api/v1/components/logs-plain/logs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("tail"));
    }

    @Test
    void followStreamsLinesWrittenAfterTheRequest() throws Exception {
        docker(
                "run",
                "-d",
                "--name",
                TICKER,
                TEST_IMAGE,
                "sh",
                "-c",
                "trap 'exit 0' TERM; i=0; while true; do i=$((i+1)); echo \"tick $i\"; sleep 0.2; done");
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + "/api/v1/components/logs-ticker/logs?follow=true&tail=0");
        HttpClient client = HttpClient.newHttpClient();

        HttpResponse<Stream<String>> response = client.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofLines());
        List<String> firstLines;
        try (Stream<String> body = response.body()) {
            firstLines = body.limit(5).toList();
        }

        assertEquals(200, response.statusCode(), () -> String.join("\n", firstLines));
        assertEquals(5, firstLines.size());
        int first = Integer.parseInt(firstLines.get(0).substring("tick ".length()));
        for (int i = 0; i < firstLines.size(); i++) {
            assertEquals("tick " + (first + i), firstLines.get(i));
        }
    }

    private static String fetchLogs(String component, Map<String, ?> query) {
        return given().queryParams(query)
                .when()
                .get("/api/v1/components/" + component + "/logs")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static List<String> lines(String body) {
        return body.isEmpty()
                ? List.of()
                : Arrays.asList(body.split("\n", -1)).subList(0, body.split("\n", -1).length - 1);
    }
}
