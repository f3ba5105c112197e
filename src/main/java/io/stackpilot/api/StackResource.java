package io.stackpilot.api;

import io.stackpilot.control.operations.OperationKind;
import io.stackpilot.control.operations.OperationRequest;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Starts and stops the whole stack in dependency order, across runtimes. */
@Path("/api/v1/stack")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stack", description = "Dependency-ordered, health-gated start and stop of every component")
@APIResponse(
        responseCode = "400",
        description = "A parameter is invalid; the problem names it and the allowed values",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "409",
        description = "Another operation is changing one of the components (operation-in-progress)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "422",
        description = "The Idempotency-Key was already used for a different request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StackResource {

    private final OperationRequests requests;

    @Inject
    StackResource(OperationRequests requests) {
        this.requests = requests;
    }

    @POST
    @Path("/start")
    @Operation(
            operationId = "startStack",
            summary = "Start every component in dependency order",
            description = "A component starts only once every dependency is healthy, each wait bounded by the"
                    + " component's start timeout; independent branches start in parallel. A failed component"
                    + " fails the operation and the components that need it are skipped.")
    @APIResponse(
            responseCode = "200",
            description = "The plan (dryRun=true); nothing was changed",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(
            responseCode = "202",
            description = "Accepted; the operation is at the Location header",
            headers = {
                @Header(
                        name = "Location",
                        description = "URL of the operation",
                        schema = @Schema(type = SchemaType.STRING, format = "uri")),
                @Header(
                        name = OperationRequests.OPERATION_ID,
                        description = "Id of the operation",
                        schema = @Schema(type = SchemaType.STRING))
            },
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    public Response start(
            @Parameter(description = "Return the plan without changing anything")
                    @QueryParam("dryRun")
                    @DefaultValue("false")
                    boolean dryRun,
            @Parameter(
                            description = "Client key that makes a repeated request return the operation the first"
                                    + " one started; 1-200 printable ASCII characters",
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
                    @HeaderParam(OperationRequests.IDEMPOTENCY_KEY)
                    @Pattern(regexp = OperationRequests.IDEMPOTENCY_KEY_PATTERN)
                    String idempotencyKey,
            @Context UriInfo uri) {
        return requests.accept(OperationRequest.stack(OperationKind.STACK_START, null), dryRun, idempotencyKey, uri);
    }

    @POST
    @Path("/stop")
    @Operation(
            operationId = "stopStack",
            summary = "Stop every component in reverse dependency order",
            description = "A component stops only once every component that depends on it has stopped; independent"
                    + " branches stop in parallel.")
    @APIResponse(
            responseCode = "200",
            description = "The plan (dryRun=true); nothing was changed",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(
            responseCode = "202",
            description = "Accepted; the operation is at the Location header",
            headers = {
                @Header(
                        name = "Location",
                        description = "URL of the operation",
                        schema = @Schema(type = SchemaType.STRING, format = "uri")),
                @Header(
                        name = OperationRequests.OPERATION_ID,
                        description = "Id of the operation",
                        schema = @Schema(type = SchemaType.STRING))
            },
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    public Response stop(
            @Parameter(
                            description = "Grace period in seconds before each component's processes are killed"
                                    + " (default 10)",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "300"))
                    @QueryParam("timeout")
                    @Min(0)
                    @Max(300)
                    Integer timeout,
            @Parameter(description = "Return the plan without changing anything")
                    @QueryParam("dryRun")
                    @DefaultValue("false")
                    boolean dryRun,
            @Parameter(
                            description = "Client key that makes a repeated request return the operation the first"
                                    + " one started; 1-200 printable ASCII characters",
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
                    @HeaderParam(OperationRequests.IDEMPOTENCY_KEY)
                    @Pattern(regexp = OperationRequests.IDEMPOTENCY_KEY_PATTERN)
                    String idempotencyKey,
            @Context UriInfo uri) {
        Duration grace = timeout == null ? null : Duration.ofSeconds(timeout);
        OperationRequest request = OperationRequest.stack(OperationKind.STACK_STOP, grace);
        return requests.accept(request, dryRun, idempotencyKey, uri);
    }
}
