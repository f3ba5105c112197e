package io.stackpilot.control;

import io.smallrye.mutiny.Multi;
import io.stackpilot.catalog.Component;
import io.stackpilot.metrics.LifecycleMetrics;
import io.stackpilot.metrics.LifecycleMetrics.Outcome;
import io.stackpilot.runtime.LifecycleAction;
import io.stackpilot.runtime.LifecycleResult;
import io.stackpilot.runtime.LogLine;
import io.stackpilot.runtime.LogQuery;
import io.stackpilot.runtime.RuntimeOperationException;
import io.stackpilot.runtime.RuntimeUnavailableException;
import io.stackpilot.runtime.ServiceRuntime;
import io.stackpilot.runtime.WorkloadNotFoundException;
import io.stackpilot.runtime.WorkloadStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Reads and changes the state of single components through their runtime adapter. */
@ApplicationScoped
public class ComponentService {

    private static final Logger LOG = Logger.getLogger(ComponentService.class);

    private final RuntimeRegistry runtimes;
    private final LifecycleConfig config;
    private final LifecycleMetrics metrics;

    @Inject
    public ComponentService(RuntimeRegistry runtimes, LifecycleConfig config, LifecycleMetrics metrics) {
        this.runtimes = runtimes;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Reads the component's status. A runtime that cannot be asked gives {@code unknown} with the reason
     * rather than an exception, so one broken runtime never hides the other components.
     */
    public WorkloadStatus status(Component component) {
        try {
            return runtimes.forComponent(component).status(component);
        } catch (RuntimeUnavailableException e) {
            LOG.debugf("[%s] Status unknown: %s", component.name(), e.getMessage());
            return WorkloadStatus.unknown(e.getMessage(), Instant.now());
        } catch (RuntimeOperationException e) {
            LOG.warnf("[%s] Status unknown: %s", component.name(), e.getMessage());
            return WorkloadStatus.unknown(e.getMessage(), Instant.now());
        }
    }

    /**
     * Applies a lifecycle action, reports what changed, and counts it in {@link LifecycleMetrics}, failures
     * included.
     *
     * @param grace grace period for stop and restart; {@code null} for the configured default
     * @throws RuntimeOperationException as the runtime adapter reports it
     */
    public LifecycleOutcome apply(Component component, LifecycleAction action, Duration grace) {
        Duration effectiveGrace = grace == null ? config.defaultGrace() : grace;
        long startedNanos = System.nanoTime();
        LifecycleResult result;
        try {
            ServiceRuntime runtime = runtimes.forComponent(component);
            result = switch (action) {
                case START -> runtime.start(component);
                case STOP -> runtime.stop(component, effectiveGrace);
                case RESTART -> runtime.restart(component, effectiveGrace);
            };
        } catch (RuntimeException e) {
            metrics.record(
                    component.name(), action, Outcome.FAILED, Duration.ofNanos(System.nanoTime() - startedNanos));
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        metrics.record(component.name(), action, result.changed() ? Outcome.CHANGED : Outcome.UNCHANGED, took);
        LOG.infof(
                "[%s] %s finished in %d ms: changed=%s, state=%s",
                component.name(),
                action.id(),
                took.toMillis(),
                result.changed(),
                result.status().state().id());
        return new LifecycleOutcome(component, action, result.changed(), result.status(), took);
    }

    /**
     * Streams the component's logs.
     *
     * @throws WorkloadNotFoundException if the workload does not exist
     */
    public Multi<LogLine> logs(Component component, LogQuery query) {
        return runtimes.forComponent(component).logs(component, query);
    }
}
