package io.stackpilot.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One audited request: a state-changing request to the API, or any request to it that was refused with 401 or
 * 403. Written as one JSON line.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "time",
    "actor",
    "role",
    "auth",
    "client",
    "method",
    "path",
    "target",
    "action",
    "parameters",
    "status",
    "outcome",
    "operationId",
    "durationMs"
})
@Schema(name = "AuditRecord", description = "One audited request")
public record AuditRecord(
        @Schema(description = "When the request arrived (RFC 3339, UTC)")
        Instant time,

        @Schema(description = "Caller: token user name, API key name, or anonymous", example = "alice")
        String actor,

        @Schema(description = "The caller's stackpilot role; absent when it has none", example = "operator")
        String role,

        @Schema(description = "How the caller authenticated: bearer, api-key or none", example = "bearer")
        String auth,

        @Schema(description = "Client address", example = "127.0.0.1")
        String client,

        @Schema(description = "HTTP method", example = "POST")
        String method,

        @Schema(description = "Request path", example = "/api/v1/components/kafka/stop")
        String path,

        @Schema(description = "Component name, 'stack', or the resource path for other targets", example = "kafka")
        String target,

        @Schema(description = "What was requested: start, stop, restart, or the lower-case method", example = "stop")
        String action,

        @Schema(description = "Query parameters as sent") Map<String, String> parameters,

        @Schema(description = "HTTP status of the response", example = "200")
        int status,

        @Schema(description = "succeeded (2xx/3xx), rejected (4xx) or failed (5xx)", example = "succeeded")
        String outcome,

        @Schema(description = "Id of the long-running operation the request started, if any")
        String operationId,

        @Schema(description = "Time until the response headers were sent, in milliseconds", example = "412")
        long durationMs) {

    /** Classifies a status code as the {@code outcome} field does. */
    public static String outcomeOf(int status) {
        if (status >= 500) {
            return "failed";
        }
        return status >= 400 ? "rejected" : "succeeded";
    }
}
