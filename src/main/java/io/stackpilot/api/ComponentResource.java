package io.stackpilot.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.stackpilot.catalog.Catalog;
import io.stackpilot.catalog.Component;
import io.stackpilot.control.ComponentService;
import io.stackpilot.control.operations.OperationRequest;
import io.stackpilot.runtime.LifecycleAction;
import io.stackpilot.runtime.LogLine;
import io.stackpilot.runtime.LogQuery;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** Status, lifecycle and logs of single catalog components. Status comes from the event-fed status cache. */
@Path("/api/v1/components")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Components", description = "Status, lifecycle and logs of catalog components")
public class ComponentResource {

    private static final Logger LOG = Logger.getLogger(ComponentResource.class);

    static final String NAME_PATTERN = "^[a-z0-9][a-z0-9-]{0,62}$";
    static final String NDJSON = "application/x-ndjson";

    /** Longest time to collect a non-followed log before responding. */
    private static final Duration LOG_READ_TIMEOUT = Duration.ofSeconds(30);

    private final Catalog catalog;
    private final ComponentService components;
    private final ComponentViews views;
    private final OperationRequests requests;
    private final ObjectMapper json;

    @Inject
    ComponentResource(
            Catalog catalog,
            ComponentService components,
            ComponentViews views,
            OperationRequests requests,
            ObjectMapper json) {
        this.catalog = catalog;
        this.components = components;
        this.views = views;
        this.requests = requests;
        this.json = json;
    }

    @GET
    @Operation(operationId = "listComponents", summary = "List every catalog component with its status and health")
    @APIResponse(
            responseCode = "200",
            description = "Every component in start order, its state from the status cache unless"
                    + " refresh=true; a runtime that cannot be asked shows its components as unknown with the"
                    + " reason. Health checks run in parallel, so the response takes about as long as the"
                    + " slowest one.",
            content = @Content(schema = @Schema(implementation = ComponentView.class, type = SchemaType.ARRAY)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid; the problem names it and the allowed values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "500",
            description = "An unexpected error; the problem carries no internal details, the service log does",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ComponentView> list(
            @Parameter(description = "Read every component from its runtime now instead of from the status cache")
                    @QueryParam("refresh")
                    @DefaultValue("false")
                    boolean refresh) {
        return views.all(refresh);
    }

    @GET
    @Path("/{name}")
    @Operation(operationId = "getComponent", summary = "Show one component's status and health")
    @APIResponse(responseCode = "200", description = "The component's status, health and blocking dependencies")
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid; the problem names it and the allowed values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such component in the catalog",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ComponentView get(
            @Parameter(description = "Catalog name of the component", example = "kafka")
                    @PathParam("name")
                    @Pattern(regexp = NAME_PATTERN)
                    String name,
            @Parameter(description = "Read the component from its runtime now instead of from the status cache")
                    @QueryParam("refresh")
                    @DefaultValue("false")
                    boolean refresh) {
        return views.one(catalog.require(name), refresh);
    }

    @POST
    @Path("/{name}/start")
    @Operation(
            operationId = "startComponent",
            summary = "Start a component after its dependencies",
            description = "Starts the component's stopped dependencies first, in dependency order and each only"
                    + " once the ones it needs are healthy, then the component, and waits until it is healthy."
                    + " Runs as an operation: one at a time per component.")
    @APIResponse(
            responseCode = "200",
            description = "Started, or already running (changed: false); with dryRun=true, the plan",
            content = @Content(schema = @Schema(oneOf = {LifecycleResponse.class, PlanView.class})))
    @APIResponse(
            responseCode = "202",
            description = "Accepted (async=true); the operation is at the Location header",
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
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid; the problem names it and the allowed values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such component in the catalog, or its workload does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "A dependency is not ready (dependency-not-ready), another operation is changing the"
                    + " component (operation-in-progress), the operation was cancelled, or the workload's state"
                    + " does not allow the action",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The Idempotency-Key was already used for a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "501",
            description = "No adapter for the component's runtime",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "502",
            description = "The runtime failed the request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "The runtime cannot be reached; the problem names the endpoint that was tried",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "504",
            description = "The runtime did not respond in time, or the component did not become healthy within"
                    + " its start timeout",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(
            @Parameter(description = "Catalog name of the component", example = "kafka")
                    @PathParam("name")
                    @Pattern(regexp = NAME_PATTERN)
                    String name,
            @Parameter(
                            description = "Start stopped dependencies first; with false, a dependency that is not"
                                    + " ready rejects the request with 409 dependency-not-ready")
                    @QueryParam("dependencies")
                    @DefaultValue("true")
                    boolean dependencies,
            @Parameter(description = "Return the plan without changing anything")
                    @QueryParam("dryRun")
                    @DefaultValue("false")
                    boolean dryRun,
            @Parameter(description = "Respond 202 Accepted at once and run in the background")
                    @QueryParam("async")
                    @DefaultValue("false")
                    boolean async,
            @Parameter(
                            description = "Client key that makes a repeated request return the operation the first"
                                    + " one started; 1-200 printable ASCII characters",
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
                    @HeaderParam(OperationRequests.IDEMPOTENCY_KEY)
                    @Pattern(regexp = OperationRequests.IDEMPOTENCY_KEY_PATTERN)
                    String idempotencyKey,
            @Context UriInfo uri) {
        OperationRequest request = OperationRequest.component(name, LifecycleAction.START, dependencies, false, null);
        return requests.run(request, dryRun, async, idempotencyKey, uri);
    }

    @POST
    @Path("/{name}/stop")
    @Operation(
            operationId = "stopComponent",
            summary = "Stop a component; does nothing if it is already stopped",
            description = "With cascade=true the running components that depend on it are stopped first, dependents"
                    + " before their dependencies. Runs as an operation: one at a time per component.")
    @APIResponse(
            responseCode = "200",
            description = "Stopped, or already stopped (changed: false); with dryRun=true, the plan",
            content = @Content(schema = @Schema(oneOf = {LifecycleResponse.class, PlanView.class})))
    @APIResponse(
            responseCode = "202",
            description = "Accepted (async=true); the operation is at the Location header",
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
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid; the problem names it and the allowed values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such component in the catalog, or its workload does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Another operation is changing the component (operation-in-progress), the operation was"
                    + " cancelled, or the workload's state does not allow the action",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The Idempotency-Key was already used for a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "501",
            description = "No adapter for the component's runtime",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "502",
            description = "The runtime failed the request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "The runtime cannot be reached; the problem names the endpoint that was tried",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "504",
            description = "The runtime did not respond in time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response stop(
            @Parameter(description = "Catalog name of the component", example = "kafka")
                    @PathParam("name")
                    @Pattern(regexp = NAME_PATTERN)
                    String name,
            @Parameter(
                            description = "Grace period in seconds before the processes are killed (default 10)",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "300"))
                    @QueryParam("timeout")
                    @Min(0)
                    @Max(300)
                    Integer timeout,
            @Parameter(description = "Stop the running components that depend on this one first")
                    @QueryParam("cascade")
                    @DefaultValue("false")
                    boolean cascade,
            @Parameter(description = "Return the plan without changing anything")
                    @QueryParam("dryRun")
                    @DefaultValue("false")
                    boolean dryRun,
            @Parameter(description = "Respond 202 Accepted at once and run in the background")
                    @QueryParam("async")
                    @DefaultValue("false")
                    boolean async,
            @Parameter(
                            description = "Client key that makes a repeated request return the operation the first"
                                    + " one started; 1-200 printable ASCII characters",
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
                    @HeaderParam(OperationRequests.IDEMPOTENCY_KEY)
                    @Pattern(regexp = OperationRequests.IDEMPOTENCY_KEY_PATTERN)
                    String idempotencyKey,
            @Context UriInfo uri) {
        OperationRequest request =
                OperationRequest.component(name, LifecycleAction.STOP, true, cascade, grace(timeout));
        return requests.run(request, dryRun, async, idempotencyKey, uri);
    }

    @POST
    @Path("/{name}/restart")
    @Operation(
            operationId = "restartComponent",
            summary = "Restart a component, and with cascade=true its dependents after it",
            description = "Starts stopped dependencies first (unless dependencies=false), restarts the component and"
                    + " waits until it is healthy; with cascade=true then restarts its running dependents in"
                    + " dependency order. Runs as an operation: one at a time per component.")
    @APIResponse(
            responseCode = "200",
            description = "Restarted; with dryRun=true, the plan",
            content = @Content(schema = @Schema(oneOf = {LifecycleResponse.class, PlanView.class})))
    @APIResponse(
            responseCode = "202",
            description = "Accepted (async=true); the operation is at the Location header",
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
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid; the problem names it and the allowed values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such component in the catalog, or its workload does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "A dependency is not ready (dependency-not-ready), another operation is changing the"
                    + " component (operation-in-progress), the operation was cancelled, or the workload's state"
                    + " does not allow the action",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The Idempotency-Key was already used for a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "501",
            description = "No adapter for the component's runtime",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "502",
            description = "The runtime failed the request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "The runtime cannot be reached; the problem names the endpoint that was tried",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "504",
            description = "The runtime did not respond in time, or a restarted component did not become healthy"
                    + " within its start timeout",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response restart(
            @Parameter(description = "Catalog name of the component", example = "kafka")
                    @PathParam("name")
                    @Pattern(regexp = NAME_PATTERN)
                    String name,
            @Parameter(
                            description = "Grace period in seconds before the processes are killed (default 10)",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "300"))
                    @QueryParam("timeout")
                    @Min(0)
                    @Max(300)
                    Integer timeout,
            @Parameter(
                            description = "Start stopped dependencies first; with false, a dependency that is not"
                                    + " ready rejects the request with 409 dependency-not-ready")
                    @QueryParam("dependencies")
                    @DefaultValue("true")
                    boolean dependencies,
            @Parameter(description = "Then restart the running components that depend on this one, in order")
                    @QueryParam("cascade")
                    @DefaultValue("false")
                    boolean cascade,
            @Parameter(description = "Return the plan without changing anything")
                    @QueryParam("dryRun")
                    @DefaultValue("false")
                    boolean dryRun,
            @Parameter(description = "Respond 202 Accepted at once and run in the background")
                    @QueryParam("async")
                    @DefaultValue("false")
                    boolean async,
            @Parameter(
                            description = "Client key that makes a repeated request return the operation the first"
                                    + " one started; 1-200 printable ASCII characters",
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
                    @HeaderParam(OperationRequests.IDEMPOTENCY_KEY)
                    @Pattern(regexp = OperationRequests.IDEMPOTENCY_KEY_PATTERN)
                    String idempotencyKey,
            @Context UriInfo uri) {
        OperationRequest request =
                OperationRequest.component(name, LifecycleAction.RESTART, dependencies, cascade, grace(timeout));
        return requests.run(request, dryRun, async, idempotencyKey, uri);
    }

    @GET
    @Path("/{name}/logs")
    @Blocking
    @Produces({MediaType.TEXT_PLAIN, NDJSON})
    @Operation(
            operationId = "getComponentLogs",
            summary = "Read a component's logs",
            description = "Plain text by default; send Accept: application/x-ndjson for one JSON object per line"
                    + " with the stream (stdout or stderr). With follow=true the response stays open and new lines"
                    + " are sent as they are written.")
    @APIResponse(
            responseCode = "200",
            description = "The log lines, oldest first",
            content = {
                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = NDJSON, schema = @Schema(implementation = LogLine.class))
            })
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid; the problem names it and the allowed values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such component in the catalog, or its workload does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The workload's state does not allow this action",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "501",
            description = "No adapter for the component's runtime",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "502",
            description = "The runtime failed the request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "The runtime cannot be reached; the problem names the endpoint that was tried",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "504",
            description = "The runtime did not respond in time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response logs(
            @Parameter(description = "Catalog name of the component", example = "kafka")
                    @PathParam("name")
                    @Pattern(regexp = NAME_PATTERN)
                    String name,
            @Parameter(description = "Return only the last N lines", schema = @Schema(minimum = "0", maximum = "10000"))
                    @QueryParam("tail")
                    @Min(0)
                    @Max(10000)
                    Integer tail,
            @Parameter(
                            description = "Only lines written since this time: RFC 3339 (2026-12-04T10:00:00Z), a"
                                    + " duration back from now (15m, 2h, PT15M) or Unix seconds")
                    @QueryParam("since")
                    String since,
            @Parameter(description = "Keep the response open and send new lines as they are written")
                    @QueryParam("follow")
                    @DefaultValue("false")
                    boolean follow,
            @Parameter(description = "Container within the pod, for Kubernetes components")
                    @QueryParam("container")
                    @Pattern(regexp = NAME_PATTERN)
                    String container,
            @jakarta.ws.rs.core.Context HttpHeaders headers) {
        Component component = catalog.require(name);
        Optional<Instant> sinceTime = Optional.ofNullable(since).map(value -> SinceParser.parse(value, Instant.now()));
        LogQuery query = new LogQuery(Optional.ofNullable(tail), sinceTime, follow, Optional.ofNullable(container));
        boolean jsonLines = LogFormat.wantsJsonLines(headers);

        MediaType type = jsonLines ? MediaType.valueOf(NDJSON) : MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8");
        Multi<LogLine> lines = components.logs(component, query);
        if (!follow) {
            // Read everything first so that a failure still becomes a problem response, not a cut-off body.
            StringBuilder body = new StringBuilder();
            lines.collect().asList().await().atMost(LOG_READ_TIMEOUT).forEach(line -> append(body, line, jsonLines));
            return Response.ok(body.toString(), type).build();
        }
        StreamingOutput stream = output -> {
            // Closing the stream cancels the runtime's log request when the client goes away.
            try (java.util.stream.Stream<LogLine> followed = lines.subscribe().asStream()) {
                Iterator<LogLine> iterator = followed.iterator();
                while (iterator.hasNext()) {
                    StringBuilder text = new StringBuilder();
                    append(text, iterator.next(), jsonLines);
                    output.write(text.toString().getBytes(StandardCharsets.UTF_8));
                    output.flush();
                }
            } catch (IOException clientGone) {
                LOG.debugf("[%s] Log follower disconnected: %s", name, clientGone.getMessage());
            }
        };
        return Response.ok(stream, type).build();
    }

    private void append(StringBuilder body, LogLine line, boolean jsonLines) {
        body.append(jsonLines ? toJson(line) : line.text()).append('\n');
    }

    private String toJson(LogLine line) {
        try {
            return json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A log line could not be written as JSON", e);
        }
    }

    private static Duration grace(Integer timeoutSeconds) {
        return timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds);
    }
}
