package io.stackpilot.control.operations;

import io.quarkus.runtime.ShutdownEvent;
import io.stackpilot.catalog.Catalog;
import io.stackpilot.catalog.Component;
import io.stackpilot.control.ComponentService;
import io.stackpilot.control.HealthGate;
import io.stackpilot.control.LifecycleOutcome;
import io.stackpilot.control.events.EventHub;
import io.stackpilot.control.status.StatusCache;
import io.stackpilot.runtime.LifecycleAction;
import io.stackpilot.runtime.WorkloadState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs an operation's plan: each step starts once the steps it comes after have succeeded, so independent
 * branches run in parallel. A start or restart step that other steps come after ends only when its component
 * is healthy, bounded by the component's {@code start-timeout}. It fails at once when the workload's state turns
 * {@code failed}.
 */
@ApplicationScoped
public class OperationExecutor {

    private static final Logger LOG = Logger.getLogger(OperationExecutor.class);

    /** Maximum time a health wait goes without reading the operation's cancel flag. */
    private static final long CANCEL_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Catalog catalog;
    private final ComponentService components;
    private final HealthGate gate;
    private final StatusCache statuses;
    private final EventHub events;
    private final Duration pollInterval;
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService steps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "stackpilot-step-" + threadCount.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** Ends a health wait because the operation was cancelled. */
    private static final class WaitCancelledException extends RuntimeException {
        WaitCancelledException() {
            super("cancelled while waiting for the component to become healthy", null, false, false);
        }
    }

    @Inject
    public OperationExecutor(
            Catalog catalog,
            ComponentService components,
            HealthGate gate,
            StatusCache statuses,
            EventHub events,
            OperationsConfig config) {
        this.catalog = catalog;
        this.components = components;
        this.gate = gate;
        this.statuses = statuses;
        this.events = events;
        this.pollInterval = config.healthPollInterval();
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        steps.shutdownNow();
    }

    /**
     * Starts the operation's steps and returns at once.
     *
     * @param beforeCompletion runs after the last step and before {@link Operation#completion()} completes
     */
    void run(Operation operation, Runnable beforeCompletion) {
        publishOperation(operation);
        Map<String, CompletableFuture<Void>> stepsByComponent = new HashMap<>();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        List<PlannedStep> planned = operation.plan().steps();
        for (int index = 0; index < planned.size(); index++) {
            int stepIndex = index;
            CompletableFuture<?>[] before = planned.get(index).after().stream()
                    .map(stepsByComponent::get)
                    .toArray(CompletableFuture[]::new);
            CompletableFuture<Void> step = CompletableFuture.allOf(before)
                    .handleAsync((ignored, failure) -> runStep(operation, stepIndex), steps);
            stepsByComponent.put(planned.get(index).component(), step);
            all.add(step);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) -> {
            beforeCompletion.run();
            operation.finish();
            publishOperation(operation);
            LOG.infof(
                    "Operation %s (%s %s) %s",
                    operation.id(),
                    operation.request().kind().id(),
                    operation.request().targetName(),
                    operation.snapshot().state().id());
        });
    }

    /** Runs one step; never throws, so the steps after it always get to decide whether to run. */
    private Void runStep(Operation operation, int index) {
        PlannedStep step = operation.plan().steps().get(index);
        if (operation.cancelRequested()) {
            end(operation, index, StepState.CANCELLED, "not started: the operation was cancelled", null);
            return null;
        }
        Optional<String> unmet = unmetPrerequisite(operation, step);
        if (unmet.isPresent()) {
            String message = "not started: the step for " + unmet.get() + " did not succeed";
            end(operation, index, StepState.SKIPPED, message, null);
            return null;
        }
        if (operation.stepStarted(index)) {
            publishOperation(operation);
        }
        publishStep(operation, index);
        execute(operation, index, catalog.require(step.component()), step.action());
        return null;
    }

    private void execute(Operation operation, int index, Component component, LifecycleAction action) {
        long startedNanos = System.nanoTime();
        try {
            LifecycleOutcome outcome =
                    components.apply(component, action, operation.request().grace());
            operation.stepOutcome(index, outcome);
            if (action != LifecycleAction.STOP && gatesLaterSteps(operation, component)) {
                awaitHealthy(operation, component, startedNanos);
            }
            operation.stepSucceeded(index, outcome);
            publishStep(operation, index);
        } catch (WaitCancelledException e) {
            end(operation, index, StepState.CANCELLED, e.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "[%s] %s step of operation %s failed: %s",
                    component.name(), action.id(), operation.id(), e.getMessage());
            end(operation, index, StepState.FAILED, e.getMessage(), e);
        }
    }

    /**
     * Polls the health gate until the component is ready, its workload fails, the start timeout passes or a
     * cancel arrives. Each check runs on the step pool and is awaited in slices of {@link #CANCEL_CHECK_NANOS}, so a
     * cancel ends the wait even while a probe hangs. The abandoned check then finishes on its own, bounded by the
     * probe timeout.
     */
    private void awaitHealthy(Operation operation, Component component, long startedNanos) {
        long deadline = startedNanos + component.startTimeout().toNanos();
        while (true) {
            HealthGate.Verdict verdict = checkUnlessCancelled(operation, component);
            if (verdict.ready()) {
                return;
            }
            if (WorkloadState.FAILED.id().equals(verdict.state())) {
                throw new WorkloadFailedException(component.name(), verdict.reason());
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new HealthTimeoutException(component.name(), component.startTimeout(), verdict.reason());
            }
            LOG.debugf("[%s] Not healthy yet: %s", component.name(), verdict.reason());
            sleepUnlessCancelled(operation, Math.min(pollInterval.toNanos(), remaining));
        }
    }

    private HealthGate.Verdict checkUnlessCancelled(Operation operation, Component component) {
        CompletableFuture<HealthGate.Verdict> check = CompletableFuture.supplyAsync(() -> gate.check(component), steps);
        while (true) {
            if (operation.cancelRequested()) {
                check.cancel(false);
                throw new WaitCancelledException();
            }
            try {
                return check.get(CANCEL_CHECK_NANOS, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // Still checking: look at the cancel flag again.
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure
                        ? failure
                        : new IllegalStateException("health check of " + component.name() + " failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WaitCancelledException();
            }
        }
    }

    /** Tells whether another step comes after this component's, so it must be healthy first. */
    private static boolean gatesLaterSteps(Operation operation, Component component) {
        return operation.plan().steps().stream().anyMatch(step -> step.after().contains(component.name()));
    }

    private static Optional<String> unmetPrerequisite(Operation operation, PlannedStep step) {
        List<PlannedStep> planned = operation.plan().steps();
        for (int i = 0; i < planned.size(); i++) {
            boolean isPrerequisite = step.after().contains(planned.get(i).component());
            if (isPrerequisite && operation.stepState(i) != StepState.SUCCEEDED) {
                return Optional.of(planned.get(i).component());
            }
        }
        return Optional.empty();
    }

    private void end(Operation operation, int index, StepState state, String message, RuntimeException failure) {
        operation.stepEnded(index, state, message, failure);
        publishStep(operation, index);
    }

    private void publishStep(Operation operation, int index) {
        events.publish("step", StepProgress.of(operation.id(), operation.stepSnapshot(index)));
    }

    private void publishOperation(Operation operation) {
        events.publish("operation", OperationProgress.of(operation.snapshot()));
    }

    /** Sleeps for {@code nanos}, in slices of {@link #CANCEL_CHECK_NANOS} between which it looks for a cancel. */
    private static void sleepUnlessCancelled(Operation operation, long nanos) {
        long end = System.nanoTime() + nanos;
        while (true) {
            if (operation.cancelRequested()) {
                throw new WaitCancelledException();
            }
            long remaining = end - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(remaining, CANCEL_CHECK_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WaitCancelledException();
            }
        }
    }
}
