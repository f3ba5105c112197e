package io.stackpilot.control.operations;

import io.stackpilot.control.LifecycleOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A running or finished operation: a {@link Plan} and the progress of each of its steps. Thread-safe; read it
 * through {@link #snapshot()}.
 */
public final class Operation {

    private final String id;
    private final Plan plan;
    private final String idempotencyKey;
    private final Instant createdAt = Instant.now();
    private final List<Step> steps = new ArrayList<>();
    private final CompletableFuture<OperationSnapshot> completion = new CompletableFuture<>();
    private volatile boolean cancelRequested;

    private OperationState state = OperationState.PENDING;
    private Instant startedAt;
    private Instant finishedAt;
    private String error;

    /** The mutable progress of one step, guarded by the operation's lock. */
    private static final class Step {
        final PlannedStep planned;
        StepState state = StepState.PENDING;
        Instant startedAt;
        Instant finishedAt;
        LifecycleOutcome outcome;
        String error;
        RuntimeException failure;

        Step(PlannedStep planned) {
            this.planned = planned;
        }
    }

    Operation(String id, Plan plan, String idempotencyKey) {
        this.id = id;
        this.plan = plan;
        this.idempotencyKey = idempotencyKey;
        plan.steps().forEach(planned -> steps.add(new Step(planned)));
    }

    public String id() {
        return id;
    }

    public Plan plan() {
        return plan;
    }

    public OperationRequest request() {
        return plan.request();
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** Returns a future completed with the final snapshot once every step has finished. */
    public CompletableFuture<OperationSnapshot> completion() {
        return completion;
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    void requestCancel() {
        cancelRequested = true;
    }

    synchronized boolean isFinished() {
        return state.isFinished();
    }

    Instant createdAt() {
        return createdAt;
    }

    synchronized StepState stepState(int index) {
        return steps.get(index).state;
    }

    /** Marks the step running and returns {@code true} when it is the operation's first. */
    synchronized boolean stepStarted(int index) {
        Step step = steps.get(index);
        step.state = StepState.RUNNING;
        step.startedAt = Instant.now();
        if (state != OperationState.PENDING) {
            return false;
        }
        state = OperationState.RUNNING;
        startedAt = step.startedAt;
        return true;
    }

    synchronized void stepSucceeded(int index, LifecycleOutcome outcome) {
        Step step = steps.get(index);
        step.outcome = outcome;
        finishStep(step, StepState.SUCCEEDED, null);
    }

    /** Records a step that ended without success; {@code failure} is kept for synchronous callers. */
    synchronized void stepEnded(int index, StepState end, String message, RuntimeException failure) {
        Step step = steps.get(index);
        step.failure = failure;
        finishStep(step, end, message);
    }

    synchronized void stepOutcome(int index, LifecycleOutcome outcome) {
        steps.get(index).outcome = outcome;
    }

    private void finishStep(Step step, StepState end, String message) {
        step.state = end;
        step.error = message;
        step.finishedAt = Instant.now();
    }

    /** Sets the overall state from the steps' states and completes {@link #completion()}. */
    void finish() {
        OperationSnapshot last;
        synchronized (this) {
            state = overallState();
            error = summary();
            finishedAt = Instant.now();
            if (startedAt == null) {
                startedAt = finishedAt;
            }
            last = snapshot();
        }
        completion.complete(last);
    }

    private OperationState overallState() {
        if (steps.stream().anyMatch(step -> step.state == StepState.CANCELLED)) {
            return OperationState.CANCELLED;
        }
        boolean allSucceeded = steps.stream().allMatch(step -> step.state == StepState.SUCCEEDED);
        return allSucceeded ? OperationState.SUCCEEDED : OperationState.FAILED;
    }

    private String summary() {
        if (state == OperationState.CANCELLED) {
            return "cancelled on request; steps that had not started were not run";
        }
        return steps.stream()
                .filter(step -> step.state == StepState.FAILED)
                .findFirst()
                .map(step -> step.planned.action().id() + " " + step.planned.component() + " failed: " + step.error)
                .orElse(null);
    }

    /** Returns what the step's action did, once it ran. */
    public synchronized Optional<LifecycleOutcome> outcomeOf(String component) {
        return steps.stream()
                .filter(step -> step.planned.component().equals(component))
                .map(step -> step.outcome)
                .filter(outcome -> outcome != null)
                .findFirst();
    }

    /** Returns the exception that failed the component's step, if it failed. */
    public synchronized Optional<RuntimeException> failureOf(String component) {
        return steps.stream()
                .filter(step -> step.planned.component().equals(component))
                .map(step -> step.failure)
                .filter(failure -> failure != null)
                .findFirst();
    }

    public synchronized OperationSnapshot snapshot() {
        List<StepSnapshot> views = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            views.add(snapshotOf(i, steps.get(i)));
        }
        return new OperationSnapshot(
                id, plan.request(), state, idempotencyKey, createdAt, startedAt, finishedAt, views, error);
    }

    synchronized StepSnapshot stepSnapshot(int index) {
        return snapshotOf(index, steps.get(index));
    }

    private static StepSnapshot snapshotOf(int index, Step step) {
        PlannedStep planned = step.planned;
        return new StepSnapshot(
                index,
                planned.component(),
                planned.action(),
                planned.reason(),
                planned.after(),
                step.state,
                step.startedAt,
                step.finishedAt,
                step.outcome == null ? null : step.outcome.changed(),
                step.outcome == null ? null : step.outcome.status().state(),
                step.error);
    }
}
