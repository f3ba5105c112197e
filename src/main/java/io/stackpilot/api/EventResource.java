package io.stackpilot.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.stackpilot.control.events.EventHub;
import io.stackpilot.control.events.EventsConfig;
import io.stackpilot.control.events.StackEvent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The live stream of component state and health changes and operation progress, as Server-Sent Events. */
@Path("/api/v1/events")
@Tag(name = "Events", description = "Live component state changes and operation progress")
public class EventResource {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final EventHub hub;
    private final EventsConfig config;
    private final ObjectMapper json;

    @Inject
    EventResource(EventHub hub, EventsConfig config, ObjectMapper json) {
        this.hub = hub;
        this.config = config;
        this.json = json;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            operationId = "streamEvents",
            summary = "Stream component state and health changes and operation progress",
            description =
                    "Server-Sent Events named component, health, operation and step, each with an increasing id and"
                            + " a JSON payload. A client that reconnects with Last-Event-ID first gets the kept events"
                            + " after that id; a gap event without id says that some were no longer kept, so the client"
                            + " should read the state again. Comment lines are sent as heartbeats on an idle stream.")
    @APIResponse(
            responseCode = "200",
            description = "The event stream; it stays open until the client closes it",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "400",
            description = "Last-Event-ID is not a non-negative integer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(
            @Parameter(
                            description =
                                    "The id of the last event the client received; the stream resumes after" + " it",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "9223372036854775807"))
                    @HeaderParam(LAST_EVENT_ID)
                    String lastEventId,
            @Context Sse sse) {
        Long lastSeen = parseLastEventId(lastEventId);
        Multi<OutboundSseEvent> events = Multi.createFrom()
                .emitter(
                        emitter -> {
                            emitter.emit(
                                    sse.newEventBuilder().comment("connected").build());
                            EventHub.Subscription subscription = hub.subscribe(
                                    lastSeen,
                                    event -> emitter.emit(toSse(sse, event)),
                                    () -> emitter.emit(gap(sse, lastSeen)));
                            emitter.onTermination(subscription::close);
                        },
                        BackPressureStrategy.BUFFER);
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom()
                .ticks()
                .startingAfter(config.heartbeatInterval())
                .every(config.heartbeatInterval())
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(events, heartbeats);
    }

    private OutboundSseEvent toSse(Sse sse, StackEvent event) {
        ObjectNode data = json.valueToTree(event.data());
        data.put("at", event.at().toString());
        return sse.newEventBuilder()
                .id(Long.toString(event.id()))
                .name(event.type())
                .data(data.toString())
                .build();
    }

    private OutboundSseEvent gap(Sse sse, long lastSeen) {
        ObjectNode data = json.createObjectNode()
                .put("lastEventId", lastSeen)
                .put("latestEventId", hub.lastId())
                .put(
                        "detail",
                        "Events after " + lastSeen + " are no longer kept; read the current state again"
                                + " with GET /api/v1/components and /api/v1/operations");
        return sse.newEventBuilder().name("gap").data(data.toString()).build();
    }

    private static Long parseLastEventId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Reported below with the value.
        }
        throw new InvalidParameterException(
                LAST_EVENT_ID,
                value,
                "Invalid Last-Event-ID '" + value + "'; send the id of the last event received, a non-negative"
                        + " integer, or leave the header out");
    }
}
