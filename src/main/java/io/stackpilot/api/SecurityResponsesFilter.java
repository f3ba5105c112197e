package io.stackpilot.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the 401 and 403 problems on every {@code /api/v1} operation, since the access check answers them for
 * every endpoint without the resources declaring them. Registered with {@code mp.openapi.filter}.
 */
public class SecurityResponsesFilter implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openApi.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/v1")) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                APIResponses responses = operation.getResponses();
                addIfMissing(responses, "401", "No credentials, or rejected ones; WWW-Authenticate names the schemes");
                addIfMissing(responses, "403", "The caller's role does not allow this request");
            }
        }
    }

    private static void addIfMissing(APIResponses responses, String status, String description) {
        if (responses == null || responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(
                status,
                OASFactory.createAPIResponse()
                        .description(description)
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        Problem.MEDIA_TYPE,
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref(PROBLEM_SCHEMA)))));
    }
}
