package io.stackpilot.health;

import io.stackpilot.catalog.Component;
import io.stackpilot.control.HealthGate;
import io.stackpilot.control.status.StatusCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A {@link HealthGate} that reads the workload state from its runtime and runs the component's deep probe,
 * skipping both caches: a dependency counts as ready only when it is {@code up}, so a broker whose process runs
 * but does not serve yet holds back its dependents.
 */
@ApplicationScoped
public class DeepHealthGate implements HealthGate {

    private final StatusCache statuses;
    private final HealthService health;

    @Inject
    public DeepHealthGate(StatusCache statuses, HealthService health) {
        this.statuses = statuses;
        this.health = health;
    }

    @Override
    public Verdict check(Component component) {
        ComponentHealth result = health.checkFresh(component, statuses.refresh(component));
        if (result.status() == HealthStatus.UP) {
            return new Verdict(true, result.status().id(), null);
        }
        String reason = result.reason() != null
                ? result.reason()
                : "its health is " + result.status().id();
        return new Verdict(false, result.status().id(), reason);
    }
}
