package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static io.stackpilot.support.DockerCli.state;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.stackpilot.support.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Typed query parameters name themselves when their value does not fit. Boolean ones accept only {@code true}
 * and {@code false}: any other value would otherwise read as {@code false}, so {@code dryRun=yes} would really
 * stop a component.
 */
@QuarkusTest
class ParameterTypeTest {

    @BeforeEach
    void stack() {
        TestStack.upAndAwaitStatus();
    }

    @AfterAll
    static void removeStack() {
        TestStack.down();
    }

    @ParameterizedTest(name = "POST {0}?{1}={2}")
    @CsvSource({
        "/api/v1/components/web/stop, dryRun, yes",
        "/api/v1/components/web/stop, dryRun, 1",
        "/api/v1/components/web/stop, cascade, on",
        "/api/v1/components/web/restart, async, y",
        "/api/v1/components/worker/start, dependencies, no",
        "/api/v1/stack/stop, dryRun, TRUE1"
    })
    void nonBooleanValueIsRejectedAndChangesNothing(String path, String parameter, String value) {
        String before = TestStack.containerId("web");

        given().queryParam(parameter, value)
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo(parameter))
                .body("value", equalTo(value))
                .body("detail", containsString("use true or false"));

        assertEquals("running", state(before));
        assertEquals("running", state(TestStack.containerId("worker")));
    }

    @ParameterizedTest(name = "{0} {1}?{2}={3}")
    @CsvSource({
        "POST, /api/v1/components/web/stop, timeout, abc",
        "POST, /api/v1/components/web/stop, timeout, 1.5",
        "POST, /api/v1/components/web/stop, timeout, 99999999999999999999",
        "GET, /api/v1/components/web/logs, tail, abc",
        "GET, /api/v1/operations, size, x"
    })
    void nonNumericValueNamesTheParameter(String method, String path, String parameter, String value) {
        given().queryParam(parameter, value)
                .request(method, path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo(parameter))
                .body("value", equalTo(value))
                .body("detail", containsString("not a whole number"));
        assertEquals("running", state(TestStack.containerId("web")));
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/v1/components?refresh=yes", "/api/v1/components/web?refresh=0"})
    void readsRejectNonBooleanValuesToo(String url) {
        given().get(url).then().statusCode(400).body("parameter", equalTo("refresh"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"True", "FALSE"})
    void anyCaseOfTrueAndFalseIsAccepted(String value) {
        given().queryParam("refresh", value).get("/api/v1/components").then().statusCode(200);
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/v1/audit;x=1", "/api/v1/components;v=2"})
    void readsRejectMatrixParameters(String path) {
        given().urlEncodingEnabled(false)
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("takes no matrix parameters"));
    }
}
