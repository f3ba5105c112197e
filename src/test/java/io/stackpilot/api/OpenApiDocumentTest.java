package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stack, operation and event endpoints are in the OpenAPI document, with the headers of a 202. */
@QuarkusTest
class OpenApiDocumentTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Test
    void orchestrationEndpointsAreDocumented() throws Exception {
        JsonNode paths = document().path("paths");
        for (String path : List.of(
                "/api/v1/stack/start",
                "/api/v1/stack/stop",
                "/api/v1/operations",
                "/api/v1/operations/{id}",
                "/api/v1/events")) {
            assertTrue(paths.has(path), path);
        }
        JsonNode accepted =
                paths.path("/api/v1/stack/start").path("post").path("responses").path("202");
        assertFalse(accepted.isMissingNode(), "stack start documents 202");
        assertTrue(accepted.path("headers").has(OperationRequests.OPERATION_ID));
    }

    private static JsonNode document() throws Exception {
        String json = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return new ObjectMapper().readTree(json);
    }
}
