package io.stackpilot.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Reads operations through {@code /api/v1/operations}. */
public final class Operations {

    private Operations() {}

    /** Waits up to 90 s until the operation has ended and returns it. */
    public static JsonPath awaitFinished(String id) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> List.of("succeeded", "failed", "cancelled")
                        .contains(given().get("/api/v1/operations/" + id)
                                .jsonPath()
                                .getString("state")));
        return given().get("/api/v1/operations/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Returns the step of {@code component} in an operation. */
    public static Map<String, Object> step(JsonPath operation, String component) {
        return operation.getMap("steps.find { it.component == '" + component + "' }");
    }
}
