package io.stackpilot.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.stackpilot.support.Credentials;
import io.stackpilot.support.SecuredProfile;
import io.stackpilot.support.TestStack;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit trail as written by the running service and read back through the API and from the file. */
@QuarkusTest
@TestProfile(SecuredProfile.class)
class AuditTrailTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @BeforeAll
    static void startStack() {
        TestStack.up();
    }

    @AfterAll
    static void removeStack() {
        TestStack.down();
    }

    @Test
    void everyMutatingAndRefusedRequestIsRecorded() throws IOException {
        String operator = "otto-" + UUID.randomUUID().toString().substring(0, 8);
        String operatorToken = Credentials.token(operator, "operator");
        String viewerToken = Credentials.token("vera", "viewer");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int recordsBefore = fileRecords(start).size();

        post("/api/v1/components/worker/stop?timeout=1", "Bearer " + operatorToken, 200);
        assertEquals(recordsBefore + 1, fileRecords(start).size(), "the record is on disk when the response arrives");
        post("/api/v1/components/worker/start", "Bearer " + operatorToken, 200);
        post("/api/v1/components/worker/restart?timeout=1&timout=3", "Bearer " + operatorToken, 400);
        post("/api/v1/components/worker/stop", "Bearer " + viewerToken, 403);
        post("/api/v1/components/worker/stop", null, 401);
        given().header("X-API-Key", Credentials.OPERATOR_KEY)
                .when()
                .post("/api/v1/components/worker/start")
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + operatorToken)
                .when()
                .get("/api/v1/components/worker")
                .then()
                .statusCode(200);

        List<AuditRecord> records = apiRecords(Map.of("component", "worker", "from", start.toString()));

        assertEquals(6, records.size(), () -> "records: " + records);
        assertRecord(records.get(0), operator, "operator", "bearer", "stop", Map.of("timeout", "1"), 200, "succeeded");
        assertRecord(records.get(1), operator, "operator", "bearer", "start", null, 200, "succeeded");
        assertRecord(
                records.get(2),
                operator,
                "operator",
                "bearer",
                "restart",
                Map.of("timeout", "1", "timout", "3"),
                400,
                "rejected");
        assertRecord(records.get(3), "vera", "viewer", "bearer", "stop", null, 403, "rejected");
        assertRecord(records.get(4), "anonymous", null, "none", "stop", null, 401, "rejected");
        assertRecord(records.get(5), "ci-operator", "operator", "api-key", "start", null, 200, "succeeded");
        for (AuditRecord record : records) {
            assertFalse(record.time().isBefore(start), "time " + record.time() + " before " + start);
            assertEquals("127.0.0.1", record.client());
            assertEquals("POST", record.method());
            assertEquals("worker", record.target());
            assertTrue(record.path().startsWith("/api/v1/components/worker/"), record.path());
            assertTrue(record.durationMs() >= 0);
            if (record.status() < 300) {
                assertNotNull(record.operationId(), "a lifecycle call runs as an operation");
            } else {
                assertNull(record.operationId(), "a rejected request starts no operation");
            }
        }
        assertTrue(records.get(0).durationMs() >= 1, "a stop waits for the container to exit");

        assertEquals(records, fileRecords(start), "a fresh reader of the file sees what the service serves");
    }

    @Test
    void refusedReadOfAuditIsRecorded() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        given().header("X-API-Key", Credentials.VIEWER_KEY)
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(403);

        List<AuditRecord> records = apiRecords(Map.of("actor", "dashboard", "from", start.toString()));

        assertEquals(1, records.size(), () -> "records: " + records);
        assertEquals("GET", records.get(0).method());
        assertEquals("audit", records.get(0).target());
        assertEquals("get", records.get(0).action());
        assertEquals(403, records.get(0).status());
        assertEquals("viewer", records.get(0).role());
    }

    @Test
    void filtersSelectByActorAndTime() {
        String actor = "filter-" + UUID.randomUUID().toString().substring(0, 8);
        String token = Credentials.token(actor, "operator");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        post("/api/v1/components/web/start", "Bearer " + token, 200);
        post("/api/v1/components/worker/start", "Bearer " + token, 200);
        Instant end = Instant.now().plusMillis(1);

        assertEquals(2, apiRecords(Map.of("actor", actor)).size());
        assertEquals(1, apiRecords(Map.of("actor", actor, "component", "web")).size());
        assertEquals(
                0, apiRecords(Map.of("actor", actor, "to", start.toString())).size());
        assertEquals(
                2,
                apiRecords(Map.of("actor", actor, "from", start.toString(), "to", end.toString()))
                        .size());
        assertEquals(1, apiRecords(Map.of("actor", actor, "offset", "1")).size());
        assertEquals(
                "worker",
                apiRecords(Map.of("actor", actor, "offset", "1")).get(0).target());
        given().header("X-API-Key", Credentials.OPERATOR_KEY)
                .queryParam("actor", actor)
                .queryParam("limit", 1)
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(2))
                .body("limit", org.hamcrest.Matchers.equalTo(1))
                .body("records.size()", org.hamcrest.Matchers.equalTo(1));
    }

    private static void assertRecord(
            AuditRecord record,
            String actor,
            String role,
            String auth,
            String action,
            Map<String, String> parameters,
            int status,
            String outcome) {
        assertEquals(actor, record.actor(), "actor of " + record);
        assertEquals(role, record.role(), "role of " + record);
        assertEquals(auth, record.auth(), "auth of " + record);
        assertEquals(action, record.action(), "action of " + record);
        assertEquals(parameters, record.parameters(), "parameters of " + record);
        assertEquals(status, record.status(), "status of " + record);
        assertEquals(outcome, record.outcome(), "outcome of " + record);
    }

    private static void post(String path, String authorization, int expectedStatus) {
        var request = given().urlEncodingEnabled(false);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.when().post(path).then().statusCode(expectedStatus);
    }

    private static List<AuditRecord> apiRecords(Map<String, String> query) {
        String body = given().header("X-API-Key", Credentials.OPERATOR_KEY)
                .queryParams(query)
                .queryParam("limit", 1000)
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();
        try {
            return JSON.readValue(body, AuditPage.class).records();
        } catch (IOException e) {
            throw new AssertionError("GET /api/v1/audit returned a body that is not an audit page: " + body, e);
        }
    }

    /** Reads the service's audit file with a reader of its own, as after a restart. */
    private static List<AuditRecord> fileRecords(Instant from) throws IOException {
        try (AuditFile fresh = new AuditFile(Path.of(SecuredProfile.AUDIT_PATH), 10_000_000, 5)) {
            AuditQuery query = new AuditQuery(
                    Optional.of("worker"), Optional.empty(), Optional.of(from), Optional.empty(), 0, 1000);
            return fresh.read(query).records();
        }
    }
}
