package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static io.stackpilot.support.DockerCli.docker;
import static io.stackpilot.support.DockerCli.removeContainers;
import static io.stackpilot.support.DockerCli.state;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.stackpilot.support.Credentials;
import io.stackpilot.support.DockerCli;
import io.stackpilot.support.SecuredProfile;
import io.stackpilot.support.TestStack;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hundreds of malformed requests against the secured service: every response must be a 4xx problem+json, never a
 * 5xx, and the service must be healthy afterwards. A container outside the catalog must stay untouched.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedRequestSweepTest {

    private static final String ROGUE = "sp-sweep-rogue";
    private static final String API = "/api/v1/components/";
    private static final Map<String, String> OPERATOR = Map.of("X-API-Key", Credentials.OPERATOR_KEY);

    /** One malformed request and the statuses it may get. */
    record Case(
            String method,
            String path,
            Map<String, String> headers,
            String contentType,
            String body,
            Set<Integer> expected) {

        @Override
        public String toString() {
            String shown = path.length() > 80 ? path.substring(0, 80) + "..." : path;
            return method + " " + shown + (contentType == null ? "" : " [" + contentType + "]")
                    + (body == null ? "" : " body " + body.length() + " chars") + " -> " + expected;
        }
    }

    @BeforeAll
    static void startStackAndRogueContainer() {
        TestStack.up();
        removeContainers(ROGUE);
        docker(
                "run",
                "-d",
                "--name",
                ROGUE,
                DockerCli.TEST_IMAGE,
                "sh",
                "-c",
                "trap 'exit 0' TERM; while true; do sleep 1 & wait $!; done");
    }

    @AfterAll
    static void removeStackAndRogueContainer() {
        removeContainers(ROGUE);
        TestStack.down();
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        unknownComponents(cases);
        invalidNames(cases);
        pathTraversal(cases);
        badNumbersAndTimes(cases);
        unknownQueryParameters(cases);
        wrongMethods(cases);
        wrongMediaTypesAndBodies(cases);
        unknownPaths(cases);
        badAuditQueries(cases);
        badCredentials(cases);
        return cases.stream();
    }

    @Test
    @Order(1)
    void sweepHasAtLeastTwoHundredRequests() {
        assertTrue(cases().count() >= 200, "only " + cases().count() + " cases");
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedRequestGetsClientProblem(Case request) {
        RequestSpecification spec = given().urlEncodingEnabled(false).headers(request.headers());
        if (request.contentType() != null) {
            spec.contentType(request.contentType());
        }
        if (request.body() != null) {
            // REST Assured encodes form bodies itself and every other type from raw bytes.
            if ("application/x-www-form-urlencoded".equals(request.contentType())) {
                spec.body(request.body());
            } else {
                spec.body(request.body().getBytes(StandardCharsets.UTF_8));
            }
        }

        Response response = spec.when().request(request.method(), request.path());

        int status = response.statusCode();
        assertTrue(status < 500, () -> "server error " + status + ": " + response.asString());
        assertTrue(request.expected().contains(status), () -> "status " + status + ": " + response.asString());
        assertTrue(
                response.contentType().startsWith("application/problem+json"),
                () -> "content type " + response.contentType() + ": " + response.asString());
        JsonPath problem = response.jsonPath();
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("type").startsWith("https://stackpilot.io/problems/"), problem.getString("type"));
        assertFalse(problem.getString("title").isBlank());
        assertFalse(problem.getString("detail").isBlank());
    }

    @Test
    @Order(3)
    void serviceIsHealthyAfterSweep() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // The whole readiness can be DOWN here: this profile has no Kubernetes API server for the catalog's
        // Kubernetes component. The Docker engine and the audit trail must still be UP.
        given().when()
                .get("/q/health/ready")
                .then()
                .body("checks.find { it.name == 'docker-runtime' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'audit-trail' }.status", equalTo("UP"));
        given().headers(OPERATOR)
                .when()
                .get("/api/v1/components/web")
                .then()
                .statusCode(200)
                .body("state", equalTo("running"));
    }

    @Test
    @Order(4)
    void containerOutsideCatalogWasNotTouched() {
        assertEquals("running", state(ROGUE));
        String startedAt =
                docker("inspect", "--format", "{{.State.StartedAt}}", ROGUE).strip();
        given().headers(OPERATOR)
                .when()
                .post(API + shortId() + "/restart")
                .then()
                .statusCode(404);
        assertEquals(
                startedAt,
                docker("inspect", "--format", "{{.State.StartedAt}}", ROGUE).strip());
    }

    private static void unknownComponents(List<Case> cases) {
        List<String> names = new ArrayList<>(List.of(
                "kafak",
                "rogue",
                "nginx",
                "postgres",
                "web2",
                "a",
                "zz-top",
                "0",
                "kafka-ui-2",
                "headlamp2",
                "webb",
                "we",
                "worker-1",
                "console2",
                "zookeeper",
                "kafka",
                "kafka-ui",
                "x-1-y",
                "9lives",
                ROGUE));
        names.add(shortId());
        for (String name : names) {
            cases.add(operator("GET", API + name, 404));
            cases.add(operator("POST", API + name + "/start", 404));
            cases.add(operator("POST", API + name + "/stop?timeout=1", 404));
            cases.add(operator("POST", API + name + "/restart", 404));
            cases.add(operator("GET", API + name + "/logs?tail=5", 404));
        }
    }

    private static void invalidNames(List<Case> cases) {
        List<String> names = List.of(
                "Web",
                "WEB_1",
                "-web",
                "web.1",
                "a".repeat(64),
                "web%20x",
                "w%C3%A9b",
                "web%00",
                "web%2Fstop",
                "web%27%20OR%201=1",
                "%3Cscript%3E",
                fullId());
        for (String name : names) {
            cases.add(operator("GET", API + name, 400, 404));
            cases.add(operator("POST", API + name + "/stop", 400, 404));
            cases.add(operator("GET", API + name + "/logs", 400, 404));
        }
    }

    private static void pathTraversal(List<Case> cases) {
        List<String> paths = List.of(
                API + "../../../etc/passwd",
                API + "%2e%2e/%2e%2e/etc/passwd",
                API + "web/..%2f..%2f..%2fetc%2fpasswd",
                API + "..%2F..%2F..%2Fetc%2Fpasswd/start",
                API + "web/../../../../etc/shadow",
                "/api/v1/../../../../proc/self/environ",
                API + "%252e%252e/etc/passwd",
                API + "....//....//etc/passwd");
        for (String path : paths) {
            cases.add(operator("GET", path, 400, 404, 405));
            cases.add(operator("POST", path, 400, 404, 405));
        }
    }

    private static void badNumbersAndTimes(List<Case> cases) {
        List<String> timeouts =
                List.of("-1", "-100", "301", "1000", "99999999999", "abc", "1.5", "", "%20", "0x10", "1e3", "NaN");
        for (String timeout : timeouts) {
            cases.add(operator("POST", API + "web/stop?timeout=" + timeout, 400));
            cases.add(operator("POST", API + "web/restart?timeout=" + timeout, 400));
        }
        for (String tail : List.of("-1", "10001", "abc", "1000000000", "99999999999")) {
            cases.add(operator("GET", API + "web/logs?tail=" + tail, 400));
        }
        for (String since : List.of("yesterday", "2026-13-45T00:00:00Z", "-5m", "15x", "P")) {
            cases.add(operator("GET", API + "web/logs?since=" + since, 400));
        }
        cases.add(operator("GET", API + "headlamp/logs?container=Bad_Name", 400));
    }

    private static void unknownQueryParameters(List<Case> cases) {
        cases.add(operator("POST", API + "web/start?force=true", 400));
        cases.add(operator("POST", API + "web/start?timeout=5", 400));
        cases.add(operator("POST", API + "web/stop?timout=5", 400));
        cases.add(operator("POST", API + "web/stop?timeout=5&dryrun=true", 400));
        cases.add(operator("POST", API + "web/restart?grace=5", 400));
        cases.add(operator("POST", API + "web/restart?Timeout=5", 400));
        cases.add(operator("POST", API + "web;rm/stop", 400));
        cases.add(operator("POST", API + "web/stop;timeout=5", 400));
    }

    private static void wrongMethods(List<Case> cases) {
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            cases.add(operator(method, "/api/v1/components", 405));
            cases.add(operator(method, API + "web", 405));
            cases.add(operator(method, API + "web/start", 405));
            cases.add(operator(method, API + "web/logs", 405));
            cases.add(operator(method, "/api/v1/audit", 405));
        }
        for (String action : List.of("start", "stop", "restart")) {
            cases.add(operator("GET", API + "web/" + action, 405));
        }
        cases.add(operator("POST", "/api/v1/components", 405));
        cases.add(operator("POST", API + "web", 405));
        cases.add(operator("POST", API + "web/logs", 405));
        cases.add(operator("POST", "/api/v1/audit", 405));
    }

    private static void wrongMediaTypesAndBodies(List<Case> cases) {
        List<String[]> bodies = List.of(
                new String[] {"text/plain", "start it"},
                new String[] {"application/xml", "<stop/>"},
                new String[] {"application/json", "{"},
                new String[] {"application/json", "{\"timeout\":"},
                new String[] {"application/json", "[1,2"},
                new String[] {"application/json", "null"},
                new String[] {"application/json", "{\"timeout\": 5}"},
                new String[] {"application/x-www-form-urlencoded", "timeout=5"},
                new String[] {"application/octet-stream", "\u0000\u0001\u0002"});
        for (String[] body : bodies) {
            cases.add(new Case("POST", API + "web/stop", OPERATOR, body[0], body[1], Set.of(400)));
        }
        cases.add(new Case("POST", API + "web/start", OPERATOR, "application/json", "x".repeat(10_000), Set.of(400)));
        for (String accept : List.of("application/xml", "image/png", "text/html")) {
            cases.add(withHeader("GET", "/api/v1/components", "Accept", accept, 406));
            cases.add(withHeader("GET", API + "web", "Accept", accept, 406));
            cases.add(withHeader("GET", "/api/v1/audit", "Accept", accept, 406));
        }
    }

    private static void unknownPaths(List<Case> cases) {
        for (String path : List.of(
                "/nope",
                "/q/nope",
                "/q/health/nope",
                "/api/v1/nope",
                "/api/v2/components",
                "/api",
                "/API/v1/components",
                API + "web/start/extra",
                API + "web/logs/extra",
                "/api/v1/stack/nope",
                "/api/v1/audit/extra")) {
            cases.add(operator("GET", path, 404, 405));
            cases.add(operator("POST", path, 404, 405));
        }
        cases.add(new Case("GET", "/nope", Map.of(), null, null, Set.of(401)));
        cases.add(new Case("POST", API + "web/stop", Map.of(), null, "x".repeat(100_000), Set.of(401)));
        cases.add(new Case("POST", API + "web/stop", OPERATOR, "application/json", "x".repeat(100_000), Set.of(413)));
        cases.add(new Case("POST", API + "web/stop", OPERATOR, "application/json", "x".repeat(1_000_000), Set.of(413)));
    }

    private static void badAuditQueries(List<Case> cases) {
        for (String query : List.of(
                "limit=0",
                "limit=-1",
                "limit=1001",
                "limit=abc",
                "offset=-1",
                "offset=abc",
                "offset=99999999999",
                "from=garbage",
                "to=2026-02-30T00:00:00Z",
                "component=Bad_Name",
                "component=" + "a".repeat(64),
                "offset=1.5",
                "actor=" + "a".repeat(201))) {
            cases.add(operator("GET", "/api/v1/audit?" + query, 400));
        }
    }

    private static void badCredentials(List<Case> cases) {
        for (String authorization : List.of(
                "Bearer " + "x".repeat(10_000),
                "Bearer a.b.c",
                "Bearer ",
                "Bearer eyJhbGciOiJub25lIn0.eyJ1cG4iOiJldmUiLCJncm91cHMiOlsib3BlcmF0b3IiXX0.",
                "Basic " + "x".repeat(100))) {
            cases.add(withHeader("POST", API + "web/stop", "Authorization", authorization, 401));
            cases.add(withHeader("GET", "/api/v1/audit", "Authorization", authorization, 401));
        }
        cases.add(withHeader("POST", API + "web/stop", "X-API-Key", "", 401));
        cases.add(withHeader("POST", API + "web/stop", "X-API-Key", "x".repeat(5_000), 401));
    }

    private static Case operator(String method, String path, Integer... expected) {
        return new Case(method, path, OPERATOR, null, null, Set.of(expected));
    }

    private static Case withHeader(String method, String path, String header, String value, int expected) {
        Map<String, String> headers = header.equals("Accept")
                ? Map.of("X-API-Key", Credentials.OPERATOR_KEY, header, value)
                : Map.of(header, value);
        return new Case(method, path, headers, null, null, Set.of(expected));
    }

    private static String shortId() {
        return fullId().substring(0, 12);
    }

    private static String fullId() {
        return docker("inspect", "--format", "{{.Id}}", ROGUE).strip();
    }
}
