package io.stackpilot.api;

import io.stackpilot.control.operations.OperationNotFoundException;
import io.stackpilot.control.operations.OperationService;
import io.stackpilot.control.operations.OperationSnapshot;
import io.stackpilot.control.operations.OperationState;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The history of stack and lifecycle operations, and cancellation of running ones. */
@Path("/api/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Progress and history of stack and lifecycle operations")
@APIResponse(
        responseCode = "400",
        description = "A parameter is invalid; the problem names it and the allowed values",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class OperationResource {

    static final String ID_PATTERN = "^[0-9a-f-]{36}$";

    private final OperationService operations;

    @Inject
    OperationResource(OperationService operations) {
        this.operations = operations;
    }

    @GET
    @Operation(
            operationId = "listOperations",
            summary = "List recent operations, newest first",
            description = "The history is bounded by stackpilot.operations.history-size; running operations are"
                    + " always kept.")
    @APIResponse(
            responseCode = "200",
            description = "One page of operations",
            content = @Content(schema = @Schema(implementation = OperationPage.class)))
    public OperationPage list(
            @Parameter(
                            description = "Page number, from 0",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000"))
                    @QueryParam("page")
                    @DefaultValue("0")
                    @Min(0)
                    @Max(100000)
                    int page,
            @Parameter(
                            description = "Operations per page",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
                    @QueryParam("size")
                    @DefaultValue("20")
                    @Min(1)
                    @Max(100)
                    int size) {
        return OperationPage.of(operations.list(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOperation", summary = "Show one operation with its steps")
    @APIResponse(
            responseCode = "200",
            description = "The operation",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such operation, or it has left the history",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OperationView get(
            @Parameter(description = "Operation id", example = "0b6c1d5e-3f9a-4c39-9a51-9f0f5c8f2e11")
                    @PathParam("id")
                    @Pattern(regexp = ID_PATTERN)
                    String id) {
        return operations
                .find(id)
                .map(operation -> OperationView.of(operation.snapshot()))
                .orElseThrow(() -> new OperationNotFoundException(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "cancelOperation",
            summary = "Cancel a running operation",
            description = "Steps that have not started are not run and a step waiting for its component to become"
                    + " healthy stops waiting; a runtime call already under way finishes first. Cancelling an"
                    + " operation that is already cancelled returns it unchanged.")
    @APIResponse(
            responseCode = "200",
            description = "The operation was already cancelled",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    @APIResponse(
            responseCode = "202",
            description = "Cancellation requested; the operation ends as cancelled once its running steps stop",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such operation, or it has left the history",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The operation has already succeeded or failed (operation-finished)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cancel(
            @Parameter(description = "Operation id", example = "0b6c1d5e-3f9a-4c39-9a51-9f0f5c8f2e11")
                    @PathParam("id")
                    @Pattern(regexp = ID_PATTERN)
                    String id) {
        OperationSnapshot operation = operations.cancel(id);
        Response.Status status =
                operation.state() == OperationState.CANCELLED ? Response.Status.OK : Response.Status.ACCEPTED;
        return Response.status(status).entity(OperationView.of(operation)).build();
    }
}
