package io.stackpilot.health;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * A change of a component's health verdict, published as a {@code health} event.
 *
 * @param component catalog name
 * @param status the new verdict
 * @param previousStatus the verdict before, or {@code null} for the first check since start-up
 * @param reason why the verdict is not {@code up}, or {@code null}
 * @param checkedAt when the check that changed it finished
 */
@RegisterForReflection
public record HealthChange(
        String component, HealthStatus status, HealthStatus previousStatus, String reason, Instant checkedAt) {}
