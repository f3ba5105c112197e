package io.stackpilot.control;

import io.stackpilot.catalog.Component;
import io.stackpilot.runtime.WorkloadState;
import io.stackpilot.runtime.WorkloadStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A {@link HealthGate} that trusts the runtime's state alone: a component is ready when its workload runs.
 *
 * <p>TODO: replace with the deep probes of the health service, which also see a running process that does not
 * serve yet.
 */
@ApplicationScoped
public class RuntimeStateHealthGate implements HealthGate {

    private final ComponentService components;

    @Inject
    public RuntimeStateHealthGate(ComponentService components) {
        this.components = components;
    }

    @Override
    public Verdict check(Component component) {
        WorkloadStatus status = components.status(component);
        if (status.state() == WorkloadState.RUNNING) {
            return new Verdict(true, status.state().id(), null);
        }
        String reason = status.reason() != null
                ? status.reason()
                : "its state is " + status.state().id();
        return new Verdict(false, status.state().id(), reason);
    }
}
