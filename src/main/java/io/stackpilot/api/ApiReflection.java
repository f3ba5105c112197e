package io.stackpilot.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.stackpilot.control.operations.DependencyNotReadyException;
import io.stackpilot.health.ComponentHealth;
import io.stackpilot.health.HealthStatus;
import io.stackpilot.runtime.DockerDetails;
import io.stackpilot.runtime.KubernetesDetails;
import io.stackpilot.runtime.LogLine;

/**
 * Registers for reflection the types that Jackson writes in API responses, which a native executable needs.
 * Quarkus REST registers the declared return types of resource methods by itself; these are also written
 * from exception mappers ({@link Problem}), by hand ({@link LogLine} as JSON lines) or as nested members, or
 * returned inside a {@code Response} (operations and plans).
 */
@RegisterForReflection(
        targets = {
            ComponentView.class,
            ComponentHealth.class,
            HealthStatus.class,
            LifecycleResponse.class,
            Problem.class,
            LogLine.class,
            DockerDetails.class,
            DockerDetails.PortBinding.class,
            KubernetesDetails.class,
            KubernetesDetails.Condition.class,
            OperationView.class,
            OperationPage.class,
            PlanView.class,
            DependencyNotReadyException.NotReady.class
        },
        registerFullHierarchy = true)
final class ApiReflection {

    private ApiReflection() {}
}
