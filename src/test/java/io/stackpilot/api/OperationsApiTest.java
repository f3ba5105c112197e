package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.stackpilot.support.TestStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** History, paging, idempotency keys and cancellation, with the test catalog's {@code web}. */
@QuarkusTest
class OperationsApiTest {

    /** {@code stackpilot.operations.history-size} in the test profile. */
    private static final int HISTORY_SIZE = 20;

    @BeforeEach
    void freshStack() {
        TestStack.upAndAwaitStatus();
    }

    @AfterAll
    static void removeStack() {
        TestStack.down();
    }

    @Test
    void historyIsNewestFirstAndBounded() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < HISTORY_SIZE + 2; i++) {
            ids.add(given().post("/api/v1/components/web/start")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("operationId"));
        }

        given().queryParam("size", 5)
                .get("/api/v1/operations")
                .then()
                .statusCode(200)
                .body("items", hasSize(5))
                .body("items[0].id", equalTo(ids.get(ids.size() - 1)))
                .body("items[1].id", equalTo(ids.get(ids.size() - 2)))
                .body("page", equalTo(0))
                .body("size", equalTo(5))
                .body("totalItems", equalTo(HISTORY_SIZE))
                .body("totalPages", equalTo(HISTORY_SIZE / 5));
        given().queryParam("size", 5)
                .queryParam("page", 3)
                .get("/api/v1/operations")
                .then()
                .statusCode(200)
                .body("items", hasSize(5))
                .body("items[4].id", equalTo(ids.get(2)));
        given().get("/api/v1/operations/" + ids.get(0))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/operation-not-found"))
                .body("operationId", equalTo(ids.get(0)));
    }

    @Test
    void pageSizeOutOfRangeIsInvalidParameter() {
        for (int size : new int[] {0, 101}) {
            given().queryParam("size", size)
                    .get("/api/v1/operations")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("parameter", equalTo("size"))
                    .body("value", equalTo(size));
        }
        given().queryParam("page", -1)
                .get("/api/v1/operations")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("page"));
    }

    @Test
    void unknownOperationIsProblemNotFound() {
        String id = UUID.randomUUID().toString();

        given().get("/api/v1/operations/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/operation-not-found"))
                .body("detail", containsString(id));
        given().delete("/api/v1/operations/" + id).then().statusCode(404);
    }

    @Test
    void repeatedIdempotencyKeyReturnsTheSameOperation() {
        String key = "restart-web-" + UUID.randomUUID();

        String first = given().header("Idempotency-Key", key)
                .queryParam("async", true)
                .post("/api/v1/components/web/restart")
                .then()
                .statusCode(202)
                .body("idempotencyKey", equalTo(key))
                .extract()
                .path("id");
        String second = given().header("Idempotency-Key", key)
                .queryParam("async", true)
                .post("/api/v1/components/web/restart")
                .then()
                .statusCode(202)
                .extract()
                .path("id");

        assertEquals(first, second);
        // Let the restart finish, so it cannot race the next test or the stack's removal.
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> given().get("/api/v1/operations/" + first).path("state"),
                        state -> List.of("succeeded", "failed", "cancelled").contains(state));
    }

    @Test
    void idempotencyKeyForAnotherRequestIsRejected() {
        String key = "key-" + UUID.randomUUID();
        String first = given().header("Idempotency-Key", key)
                .post("/api/v1/components/web/start")
                .then()
                .statusCode(200)
                .extract()
                .path("operationId");

        given().header("Idempotency-Key", key)
                .post("/api/v1/components/worker/start")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/idempotency-key-reused"))
                .body("idempotencyKey", equalTo(key))
                .body("operationId", equalTo(first));
    }

    @Test
    void malformedIdempotencyKeyIsInvalidParameter() {
        given().header("Idempotency-Key", "has spaces")
                .post("/api/v1/components/web/start")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("idempotencyKey"));
    }

    @Test
    void cancellingFinishedOperationIsConflict() {
        String id = given().post("/api/v1/components/web/start")
                .then()
                .statusCode(200)
                .extract()
                .path("operationId");

        given().delete("/api/v1/operations/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stackpilot.io/problems/operation-finished"))
                .body("state", equalTo("succeeded"));
    }

    @Test
    void malformedOperationIdIsInvalidParameter() {
        given().get("/api/v1/operations/not-an-id")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("id"));
    }
}
