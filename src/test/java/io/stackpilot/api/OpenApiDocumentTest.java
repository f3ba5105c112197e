package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every operation of the REST API is documented well enough for a generated client. */
@QuarkusTest
class OpenApiDocumentTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Test
    void everyOperationHasIdSummaryAndProblemResponses() throws Exception {
        List<String> defects = new ArrayList<>();
        forEachOperation((label, operation) -> {
            if (operation.path("operationId").asText().isBlank()) {
                defects.add(label + ": no operationId");
            }
            if (operation.path("summary").asText().isBlank()) {
                defects.add(label + ": no summary");
            }
            operation.path("responses").fields().forEachRemaining(response -> {
                if (Integer.parseInt(response.getKey()) >= 400) {
                    JsonNode problem = response.getValue().path("content").path("application/problem+json");
                    if (!PROBLEM_REF.equals(problem.path("schema").path("$ref").asText())) {
                        defects.add(label + " " + response.getKey() + ": not application/problem+json with Problem");
                    }
                }
            });
        });
        assertEquals(List.of(), defects);
    }

    @Test
    void everyNumericParameterHasBounds() throws Exception {
        List<String> defects = new ArrayList<>();
        forEachOperation((label, operation) -> {
            for (JsonNode parameter : operation.path("parameters")) {
                JsonNode schema = parameter.path("schema");
                String name = label + " " + parameter.path("name").asText();
                if ("integer".equals(schema.path("type").asText()) && !schema.has("minimum")) {
                    defects.add(name + ": no minimum");
                }
                boolean query = "query".equals(parameter.path("in").asText());
                if (query && "integer".equals(schema.path("type").asText()) && !schema.has("maximum")) {
                    defects.add(name + ": no maximum");
                }
            }
        });
        assertEquals(List.of(), defects);
    }

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

    private interface OperationVisitor {
        void visit(String label, JsonNode operation);
    }

    private static void forEachOperation(OperationVisitor visitor) throws Exception {
        Iterator<Map.Entry<String, JsonNode>> paths = document().path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/v1")) {
                continue;
            }
            path.getValue()
                    .fields()
                    .forEachRemaining(method -> visitor.visit(
                            method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(),
                            method.getValue()));
        }
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
