package io.stackpilot.health;

import io.stackpilot.catalog.Component;
import io.stackpilot.control.HealthGate;
import io.stackpilot.control.status.StatusCache;
import io.stackpilot.runtime.WorkloadState;
import io.stackpilot.runtime.WorkloadStatus;
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
        WorkloadStatus status = statuses.refresh(component);
        ComponentHealth result = health.checkFresh(component, status);
        if (result.status() == HealthStatus.UP) {
            return new Verdict(true, result.status().id(), null);
        }
        // A workload that does not run says more by its state (stopped, failed) than by health "down".
        String state = status.state() == WorkloadState.RUNNING
                ? result.status().id()
                : status.state().id();
        String reason = result.reason() != null
                ? result.reason()
                : "its health is " + result.status().id();
        return new Verdict(false, state, reason);
    }
}
