package io.stackpilot.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the OpenAPI document that {@code /q/openapi} serves against the rules every operation of the API
 * follows: a summary, a unique operation id, minimum and maximum on numeric parameters, and at least one
 * documented 4xx or 5xx response with an {@code application/problem+json} body. Each failure lists every
 * offending operation as {@code METHOD /path (operationId)}.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern ERROR_STATUS = Pattern.compile("[45]([0-9]{2}|XX)");

    private JsonNode document;
    private List<Operation> operations;

    /** One operation of the document with the parameters of its path item merged in. */
    private record Operation(String method, String path, JsonNode node, List<JsonNode> parameters) {

        String label() {
            String id = node.path("operationId").asText("");
            return method.toUpperCase() + " " + path + (id.isEmpty() ? "" : " (" + id + ")");
        }
    }

    @BeforeEach
    void loadDocument() throws IOException {
        String json = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        document = new ObjectMapper().readTree(json);
        operations = operationsOf(document);
    }

    @Test
    void documentListsOperations() {
        assertFalse(operations.isEmpty(), "the OpenAPI document lists no operations under paths");
    }

    @Test
    void everyOperationHasSummary() {
        List<String> missing = operations.stream()
                .filter(operation -> operation.node().path("summary").asText("").isBlank())
                .map(Operation::label)
                .toList();

        assertEquals(List.of(), missing, "operations without a summary (add @Operation(summary = ...))");
    }

    @Test
    void everyOperationHasOperationId() {
        List<String> missing = operations.stream()
                .filter(operation ->
                        operation.node().path("operationId").asText("").isBlank())
                .map(Operation::label)
                .toList();

        assertEquals(List.of(), missing, "operations without an operationId (add @Operation(operationId = ...))");
    }

    @Test
    void operationIdsAreUnique() {
        Map<String, List<String>> byId = new HashMap<>();
        for (Operation operation : operations) {
            String id = operation.node().path("operationId").asText("");
            if (!id.isBlank()) {
                byId.computeIfAbsent(id, key -> new ArrayList<>()).add(operation.label());
            }
        }
        List<String> duplicated = byId.values().stream()
                .filter(labels -> labels.size() > 1)
                .map(labels -> String.join(" and ", labels))
                .toList();

        assertEquals(List.of(), duplicated, "operations that share an operationId");
    }

    @Test
    void numericParametersHaveBounds() {
        List<String> unbounded = new ArrayList<>();
        for (Operation operation : operations) {
            for (JsonNode parameter : operation.parameters()) {
                JsonNode schema = resolve(parameter.path("schema"));
                if (isNumeric(schema) && (!schema.has("minimum") || !schema.has("maximum"))) {
                    unbounded.add(operation.label() + " parameter '"
                            + parameter.path("name").asText() + "'");
                }
            }
        }

        assertEquals(
                List.of(),
                unbounded,
                "numeric parameters without both minimum and maximum (add @Min and @Max, or"
                        + " @Schema(minimum, maximum))");
    }

    @Test
    void everyOperationDocumentsProblemResponse() {
        List<String> missing = operations.stream()
                .filter(operation -> !documentsProblemResponse(operation.node()))
                .map(Operation::label)
                .toList();

        assertEquals(
                List.of(),
                missing,
                "operations without a 4xx or 5xx response of type " + Problem.MEDIA_TYPE
                        + " (add @APIResponse with @Content(mediaType = Problem.MEDIA_TYPE))");
    }

    private static boolean documentsProblemResponse(JsonNode operation) {
        Iterator<Map.Entry<String, JsonNode>> responses =
                operation.path("responses").fields();
        while (responses.hasNext()) {
            Map.Entry<String, JsonNode> response = responses.next();
            boolean errorStatus = ERROR_STATUS.matcher(response.getKey()).matches();
            if (errorStatus && response.getValue().path("content").has(Problem.MEDIA_TYPE)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumeric(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (each.asText().equals("integer") || each.asText().equals("number")) {
                    return true;
                }
            }
            return false;
        }
        return type.asText().equals("integer") || type.asText().equals("number");
    }

    /** Follows a local {@code $ref} such as {@code #/components/schemas/Name}; other nodes come back as they are. */
    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (!ref.startsWith("#/")) {
            return node;
        }
        return document.at(ref.substring(1));
    }

    private List<Operation> operationsOf(JsonNode root) {
        List<Operation> found = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<JsonNode> shared = parameters(path.getValue());
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!HTTP_METHODS.contains(method.getKey())) {
                    continue;
                }
                List<JsonNode> parameters = new ArrayList<>(shared);
                parameters.addAll(parameters(method.getValue()));
                found.add(new Operation(method.getKey(), path.getKey(), method.getValue(), parameters));
            }
        }
        return found;
    }

    private List<JsonNode> parameters(JsonNode holder) {
        List<JsonNode> parameters = new ArrayList<>();
        for (JsonNode parameter : holder.path("parameters")) {
            parameters.add(resolve(parameter));
        }
        return parameters;
    }
}
