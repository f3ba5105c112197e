package io.stackpilot.api;

import io.smallrye.mutiny.Uni;
import io.stackpilot.catalog.Catalog;
import io.stackpilot.catalog.Component;
import io.stackpilot.health.ComponentHealth;
import io.stackpilot.health.HealthService;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Deep health of single catalog components. */
@Path("/api/v1/components/{name}/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Components", description = "Status, lifecycle and logs of catalog components")
public class ComponentHealthResource {

    private final Catalog catalog;
    private final HealthService health;

    @Inject
    public ComponentHealthResource(Catalog catalog, HealthService health) {
        this.catalog = catalog;
        this.health = health;
    }

    @GET
    @Operation(
            operationId = "getComponentHealth",
            summary = "Check whether a component actually serves",
            description = "Combines the workload state with the component's probe (Kafka Admin client, ZooKeeper"
                    + " four-letter words, HTTP or TCP). A stopped component is down without running its probe."
                    + " Results are cached for stackpilot.health.ttl unless fresh=true, and the response always comes"
                    + " within the probe timeout plus stackpilot.health.status-timeout.")
    @APIResponse(
            responseCode = "200",
            description = "The component's health; a failed probe is status down with the reason, not an error",
            content = @Content(schema = @Schema(implementation = ComponentHealth.class)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid; the problem names it and the allowed values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such component in the catalog",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ComponentHealth> health(
            @Parameter(description = "Catalog name of the component", example = "kafka")
                    @PathParam("name")
                    @Pattern(regexp = ComponentResource.NAME_PATTERN)
                    String name,
            @Parameter(description = "Run the probe now instead of returning the cached result")
                    @QueryParam("fresh")
                    @DefaultValue("false")
                    boolean fresh) {
        Component component = catalog.require(name);
        return Uni.createFrom()
                .completionStage(() -> fresh ? health.checkFreshAsync(component) : health.checkAsync(component));
    }
}
