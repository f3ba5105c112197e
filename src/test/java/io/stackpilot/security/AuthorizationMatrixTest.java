package io.stackpilot.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.stackpilot.support.Credentials;
import io.stackpilot.support.SecuredProfile;
import io.stackpilot.support.TestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every endpoint against every kind of caller: without credentials, with rejected credentials, without a role,
 * as viewer and as operator, each by bearer token and by API key.
 */
@QuarkusTest
@TestProfile(SecuredProfile.class)
class AuthorizationMatrixTest {

    /** What a caller is, which decides the expected status. */
    enum Kind {
        NONE,
        REJECTED,
        NO_ROLE,
        VIEWER,
        OPERATOR
    }

    record Caller(String name, Kind kind, String secret, UnaryOperator<RequestSpecification> apply) {

        @Override
        public String toString() {
            return name;
        }
    }

    record Endpoint(String method, String path, Role required) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/components", Role.VIEWER),
            new Endpoint("GET", "/api/v1/components/web", Role.VIEWER),
            new Endpoint("GET", "/api/v1/components/web/logs?tail=1", Role.VIEWER),
            new Endpoint("POST", "/api/v1/components/web/start", Role.OPERATOR),
            new Endpoint("POST", "/api/v1/components/web/stop?timeout=1", Role.OPERATOR),
            new Endpoint("POST", "/api/v1/components/web/restart?timeout=1", Role.OPERATOR),
            new Endpoint("GET", "/api/v1/audit?limit=1", Role.OPERATOR));

    static List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("no credentials", Kind.NONE, null, spec -> spec));
        callers.add(bearer("basic credentials", Kind.NONE, null, "Basic dXNlcjpwYXNz"));
        callers.add(bearer("malformed token", Kind.REJECTED, "not-a-jwt", "Bearer not-a-jwt"));
        String foreign = Credentials.foreignToken("mallory", "operator");
        callers.add(bearer("token signed by another key", Kind.REJECTED, foreign, "Bearer " + foreign));
        String expired = Credentials.expiredToken("alice", "operator");
        callers.add(bearer("expired token", Kind.REJECTED, expired, "Bearer " + expired));
        String otherIssuer = Credentials.otherIssuerToken("alice", "operator");
        callers.add(bearer("token from another issuer", Kind.REJECTED, otherIssuer, "Bearer " + otherIssuer));
        callers.add(apiKey("unknown API key", Kind.REJECTED, Credentials.UNKNOWN_KEY));
        String guest = Credentials.token("guest", "guest");
        callers.add(bearer("token without a role", Kind.NO_ROLE, guest, "Bearer " + guest));
        String viewer = Credentials.token("vera", "viewer");
        callers.add(bearer("viewer token", Kind.VIEWER, viewer, "Bearer " + viewer));
        callers.add(apiKey("viewer API key", Kind.VIEWER, Credentials.VIEWER_KEY));
        String operator = Credentials.token("otto", "operator");
        callers.add(bearer("operator token", Kind.OPERATOR, operator, "Bearer " + operator));
        callers.add(apiKey("operator API key", Kind.OPERATOR, Credentials.OPERATOR_KEY));
        return callers;
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Caller caller : callers()) {
            for (Endpoint endpoint : ENDPOINTS) {
                cases.add(Arguments.of(caller, endpoint));
            }
        }
        return cases.stream();
    }

    @BeforeAll
    static void startStack() {
        TestStack.up();
    }

    @AfterAll
    static void removeStack() {
        TestStack.down();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("matrix")
    void callerGetsExpectedStatus(Caller caller, Endpoint endpoint) {
        int expected = expectedStatus(caller.kind(), endpoint.required());

        Response response = caller.apply()
                .apply(given().urlEncodingEnabled(false))
                .when()
                .request(endpoint.method(), endpoint.path());

        assertEquals(expected, response.statusCode(), () -> response.asString());
        if (expected == 200) {
            assertFalse(response.contentType().startsWith("application/problem+json"));
            return;
        }
        response.then()
                .contentType("application/problem+json")
                .body("status", equalTo(expected))
                .body(
                        "type",
                        equalTo("https://stackpilot.io/problems/" + (expected == 401 ? "unauthorized" : "forbidden")));
        if (caller.secret() != null) {
            assertFalse(response.asString().contains(caller.secret()), "the problem repeats the credential");
            assertFalse(response.headers().toString().contains(caller.secret()), "a header repeats the credential");
        }
        if (expected == 401) {
            String challenge = response.header("WWW-Authenticate");
            assertTrue(challenge.startsWith("Bearer realm=\"stackpilot\""), challenge);
            assertTrue(challenge.contains("ApiKey realm=\"stackpilot\", header=\"X-API-Key\""), challenge);
            assertEquals(caller.kind() == Kind.REJECTED, challenge.contains("error=\"invalid_token\""), challenge);
        }
        if (expected == 403) {
            response.then().body("requiredRole", equalTo(endpoint.required().id()));
        }
    }

    /**
     * Readiness may be 503 here because this profile has no Kubernetes API server for the catalog's Kubernetes
     * component; what counts is that no credential is asked for and a stale one is not rejected.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi"})
    void operationalEndpointsStayOpenEvenWithStaleToken(String path) {
        Set<Integer> open = path.startsWith("/q/health") && !path.endsWith("/live") ? Set.of(200, 503) : Set.of(200);
        int anonymous = given().when().get(path).statusCode();
        int stale = given().header("Authorization", "Bearer " + Credentials.expiredToken("alice", "operator"))
                .when()
                .get(path)
                .statusCode();
        assertTrue(open.contains(anonymous), path + " without credentials returned " + anonymous);
        assertTrue(open.contains(stale), path + " with an expired token returned " + stale);
    }

    @Test
    void unknownPathOutsideApiNeedsCredentialsFirst() {
        given().when().get("/nope").then().statusCode(401).contentType("application/problem+json");
        given().header("X-API-Key", Credentials.VIEWER_KEY)
                .when()
                .get("/nope")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/not-found"))
                .body("instance", equalTo("/nope"));
    }

    @Test
    void forbiddenProblemNamesCallerAndRole() {
        given().header("Authorization", "Bearer " + Credentials.token("vera", "viewer"))
                .when()
                .post("/api/v1/components/web/stop")
                .then()
                .statusCode(403)
                .body(
                        "detail",
                        startsWith("This request needs the role operator, but caller 'vera' has the role viewer"))
                .body("detail", not(containsString("Bearer")));
    }

    @Test
    void openApiOffersBearerAndApiKeySchemes() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.bearer.bearerFormat", equalTo("JWT"))
                .body("components.securitySchemes.apiKey.type", equalTo("apiKey"))
                .body("components.securitySchemes.apiKey.name", equalTo("X-API-Key"))
                .body("security.size()", equalTo(2));
    }

    private static int expectedStatus(Kind kind, Role required) {
        return switch (kind) {
            case NONE, REJECTED -> 401;
            case NO_ROLE -> 403;
            case VIEWER -> required == Role.VIEWER ? 200 : 403;
            case OPERATOR -> 200;
        };
    }

    private static Caller bearer(String name, Kind kind, String secret, String authorization) {
        return new Caller(name, kind, secret, spec -> spec.header("Authorization", authorization));
    }

    private static Caller apiKey(String name, Kind kind, String key) {
        return new Caller(name, kind, key, spec -> spec.header("X-API-Key", key));
    }
}
