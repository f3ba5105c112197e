package io.stackpilot.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.stackpilot.catalog.Component;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.health.ComponentHealth;
import io.stackpilot.runtime.DockerDetails;
import io.stackpilot.runtime.KubernetesDetails;
import io.stackpilot.runtime.WorkloadState;
import io.stackpilot.runtime.WorkloadStatus;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A component as the REST API shows it: the same fields for every runtime, plus that runtime's details. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Component")
public record ComponentView(
        @Schema(description = "Catalog name", example = "kafka")
        String name,

        @Schema(description = "Where the workload runs") RuntimeKind runtime,
        @Schema(description = "Free text from the catalog") String description,

        @Schema(description = "Lifecycle state of the workload")
        WorkloadState state,

        @Schema(description = "Why the state is not the happy one, and what to do; absent when nothing to say")
        String reason,

        @Schema(description = "When the state last changed, or when it was last known (RFC 3339, UTC)")
        Instant since,

        @Schema(description = "Catalog dependencies") List<String> dependsOn,

        @Schema(description = "Whether readiness depends on this component")
        boolean critical,

        @Schema(description = "Container details, for Docker components")
        DockerDetails docker,

        @Schema(description = "Workload details, for Kubernetes components")
        KubernetesDetails kubernetes,

        @Schema(description = "Deep health: the runtime state and the component's probe combined")
        ComponentHealth health,

        @Schema(description = "Catalog dependencies whose health is not up right now")
        List<String> blockedBy) {

    /** Builds the view without health, for responses that report only the workload state. */
    public static ComponentView of(Component component, WorkloadStatus status) {
        return of(component, status, null, null);
    }

    /**
     * Builds the view with health.
     *
     * @param health the component's health, or {@code null} to leave it out
     * @param blockedBy dependencies that are not up, or {@code null} to leave them out
     */
    public static ComponentView of(
            Component component, WorkloadStatus status, ComponentHealth health, List<String> blockedBy) {
        return new ComponentView(
                component.name(),
                component.runtime(),
                component.description(),
                status.state(),
                status.reason(),
                status.since(),
                component.dependsOn(),
                component.critical(),
                status.details() instanceof DockerDetails docker ? docker : null,
                status.details() instanceof KubernetesDetails kubernetes ? kubernetes : null,
                health,
                blockedBy);
    }
}
