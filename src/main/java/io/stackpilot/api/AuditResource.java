package io.stackpilot.api;

import io.stackpilot.audit.AuditLog;
import io.stackpilot.audit.AuditPage;
import io.stackpilot.audit.AuditQuery;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of state-changing and refused requests; operators only. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what, when, and with which result")
public class AuditResource {

    private final AuditLog audit;

    @Inject
    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @Operation(
            operationId = "listAuditRecords",
            summary = "Page through the audit trail, oldest first",
            description = "Every state-changing request and every request refused with 401 or 403. Needs the"
                    + " operator role.")
    @APIResponse(responseCode = "200", description = "One page of matching records and the total count")
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid; the problem names it and the allowed values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "401",
            description = "No credentials, or rejected ones",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "The caller is not an operator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuditPage list(
            @Parameter(description = "Only records whose target is this component, or 'stack' for stack-wide requests")
                    @QueryParam("component")
                    @Pattern(regexp = ComponentResource.NAME_PATTERN)
                    String component,
            @Parameter(description = "Only records of this caller: token user name or API key name")
                    @QueryParam("actor")
                    @Size(min = 1, max = 200)
                    String actor,
            @Parameter(
                            description = "Only records at or after this time: RFC 3339, a duration back from now"
                                    + " (15m, 2h, PT15M) or Unix seconds")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Only records before this time, in the same forms as 'from'") @QueryParam("to")
                    String to,
            @Parameter(description = "Matching records to skip", schema = @Schema(minimum = "0"))
                    @QueryParam("offset")
                    @DefaultValue("0")
                    @Min(0)
                    @Max(Integer.MAX_VALUE)
                    int offset,
            @Parameter(description = "Maximum records to return", schema = @Schema(minimum = "1", maximum = "1000"))
                    @QueryParam("limit")
                    @DefaultValue("100")
                    @Min(1)
                    @Max(1000)
                    int limit) {
        Instant now = Instant.now();
        AuditQuery query = new AuditQuery(
                Optional.ofNullable(component),
                Optional.ofNullable(actor),
                Optional.ofNullable(from).map(value -> SinceParser.parse("from", value, now)),
                Optional.ofNullable(to).map(value -> SinceParser.parse("to", value, now)),
                offset,
                limit);
        return audit.read(query);
    }
}
