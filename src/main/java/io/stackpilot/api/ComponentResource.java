package io.stackpilot.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.stackpilot.catalog.Catalog;
import io.stackpilot.catalog.Component;
import io.stackpilot.control.ComponentService;
import io.stackpilot.runtime.LifecycleAction;
import io.stackpilot.runtime.LogLine;
import io.stackpilot.runtime.LogQuery;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** Status, lifecycle and logs of single catalog components. */
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
    private final ObjectMapper json;

    @Inject
    public ComponentResource(Catalog catalog, ComponentService components, ComponentViews views, ObjectMapper json) {
        this.catalog = catalog;
        this.components = components;
        this.views = views;
        this.json = json;
    }

    @GET
    @Operation(operationId = "listComponents", summary = "List every catalog component with its status and health")
    @APIResponse(
            responseCode = "200",
            description = "Every component in start order; a runtime that cannot be asked shows its components"
                    + " as unknown with the reason. Components are checked in parallel, so the response takes"
                    + " about as long as the slowest check.",
            content = @Content(schema = @Schema(implementation = ComponentView.class, type = SchemaType.ARRAY)))
    @APIResponse(
            responseCode = "500",
            description = "An unexpected error; the problem carries no internal details, the service log does",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ComponentView> list() {
        return views.all();
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
            description = "No such component in the catalog, or its workload does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ComponentView get(
            @Parameter(description = "Catalog name of the component", example = "kafka")
                    @PathParam("name")
                    @Pattern(regexp = NAME_PATTERN)
                    String name) {
        return views.one(catalog.require(name));
    }

    @POST
    @Path("/{name}/start")
    @Operation(operationId = "startComponent", summary = "Start a component; does nothing if it already runs")
    @APIResponse(responseCode = "200", description = "Started, or already running (changed: false)")
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
    public LifecycleResponse start(
            @Parameter(description = "Catalog name of the component", example = "kafka")
                    @PathParam("name")
                    @Pattern(regexp = NAME_PATTERN)
                    String name) {
        return LifecycleResponse.of(components.apply(catalog.require(name), LifecycleAction.START, null));
    }

    @POST
    @Path("/{name}/stop")
    @Operation(operationId = "stopComponent", summary = "Stop a component; does nothing if it is already stopped")
    @APIResponse(responseCode = "200", description = "Stopped, or already stopped (changed: false)")
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
    public LifecycleResponse stop(
            @Parameter(description = "Catalog name of the component", example = "kafka")
                    @PathParam("name")
                    @Pattern(regexp = NAME_PATTERN)
                    String name,
            @Parameter(description = "Grace period in seconds before the processes are killed (default 10)")
                    @QueryParam("timeout")
                    @Min(0)
                    @Max(300)
                    Integer timeout) {
        return LifecycleResponse.of(components.apply(catalog.require(name), LifecycleAction.STOP, grace(timeout)));
    }

    @POST
    @Path("/{name}/restart")
    @Operation(operationId = "restartComponent", summary = "Restart a component")
    @APIResponse(responseCode = "200", description = "Restarted")
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
    public LifecycleResponse restart(
            @Parameter(description = "Catalog name of the component", example = "kafka")
                    @PathParam("name")
                    @Pattern(regexp = NAME_PATTERN)
                    String name,
            @Parameter(description = "Grace period in seconds before the processes are killed (default 10)")
                    @QueryParam("timeout")
                    @Min(0)
                    @Max(300)
                    Integer timeout) {
        return LifecycleResponse.of(components.apply(catalog.require(name), LifecycleAction.RESTART, grace(timeout)));
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
