package io.stackpilot.control.operations;

import io.stackpilot.control.LifecycleOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepts, runs, lists and cancels operations.
 *
 * <p>Only one operation at a time may touch a component: a request whose plan touches a component that a
 * running operation holds is rejected with that operation's id. A request with an {@code Idempotency-Key}
 * that is still in the history returns the operation that key started instead of starting another.
 */
@ApplicationScoped
public class OperationService {

    private final Planner planner;
    private final OperationExecutor executor;
    private final int historySize;

    /** Every kept operation, oldest first. Guarded by {@code this}, like the two maps below. */
    private final LinkedHashMap<String, Operation> history = new LinkedHashMap<>();

    private final Map<String, String> operationsByKey = new HashMap<>();
    private final Map<String, String> lockedComponents = new HashMap<>();

    /**
     * The result of a submission.
     *
     * @param operation the new operation, or the one an earlier request with the same key started
     * @param replayed {@code true} when the operation comes from an earlier request with the same key
     */
    public record Submission(Operation operation, boolean replayed) {}

    /**
     * One page of the history, newest first.
     *
     * @param items the page's operations
     * @param page page number, from 0
     * @param size requested page size
     * @param totalItems operations in the history
     */
    public record Page(List<OperationSnapshot> items, int page, int size, int totalItems) {}

    @Inject
    public OperationService(Planner planner, OperationExecutor executor, OperationsConfig config) {
        this.planner = planner;
        this.executor = executor;
        this.historySize = config.historySize();
    }

    /**
     * Plans a request without running it, and rejects it as the real request would be rejected.
     *
     * @throws OperationInProgressException if a running operation holds a component the plan touches
     */
    public Plan dryRun(OperationRequest request) {
        Plan plan = planner.plan(request);
        synchronized (this) {
            checkLocks(plan);
        }
        return plan;
    }

    /**
     * Plans the request and starts running it.
     *
     * @param idempotencyKey the client's key, or {@code null}
     * @throws OperationInProgressException if a running operation holds a component the plan touches
     * @throws IdempotencyKeyReusedException if the key names an operation for a different request
     * @throws DependencyNotReadyException as {@link Planner#plan} throws it
     */
    public Submission submit(OperationRequest request, String idempotencyKey) {
        Optional<Operation> earlier = findByKey(idempotencyKey, request);
        if (earlier.isPresent()) {
            return new Submission(earlier.get(), true);
        }
        Plan plan = planner.plan(request);
        Operation operation;
        synchronized (this) {
            earlier = findByKey(idempotencyKey, request);
            if (earlier.isPresent()) {
                return new Submission(earlier.get(), true);
            }
            checkLocks(plan);
            operation = register(plan, idempotencyKey);
        }
        executor.run(operation, () -> release(operation));
        return new Submission(operation, false);
    }

    /**
     * Waits until the operation has finished and returns what its target's action did.
     *
     * @throws DependencyNotReadyException if the target was not run because a dependency failed
     * @throws OperationCancelledException if the operation was cancelled
     * @throws RuntimeException the exception that failed the first failed step, such as a
     *     {@link io.stackpilot.runtime.RuntimeOperationException} or a {@link HealthTimeoutException}
     */
    public LifecycleOutcome awaitOutcome(Operation operation) {
        OperationSnapshot done = operation.completion().join();
        String target = operation.request().target();
        if (done.state() == OperationState.CANCELLED) {
            throw new OperationCancelledException(operation.id());
        }
        if (done.state() == OperationState.SUCCEEDED) {
            return operation.outcomeOf(target).orElseThrow();
        }
        StepSnapshot targetStep = done.steps().stream()
                .filter(step -> step.component().equals(target))
                .findFirst()
                .orElseThrow();
        if (targetStep.state() == StepState.SKIPPED) {
            throw dependenciesFailed(operation, done);
        }
        String failed = targetStep.state() == StepState.FAILED
                ? target
                : firstFailed(done).component();
        throw operation
                .failureOf(failed)
                .orElseGet(() -> new IllegalStateException("the step for " + failed + " failed without an error"));
    }

    private static StepSnapshot firstFailed(OperationSnapshot done) {
        return done.steps().stream()
                .filter(step -> step.state() == StepState.FAILED)
                .findFirst()
                .orElseThrow();
    }

    private static DependencyNotReadyException dependenciesFailed(Operation operation, OperationSnapshot done) {
        List<DependencyNotReadyException.NotReady> failed = done.steps().stream()
                .filter(step -> step.state() == StepState.FAILED)
                .map(step -> new DependencyNotReadyException.NotReady(
                        step.component(), step.state().id(), step.error()))
                .toList();
        return new DependencyNotReadyException(
                operation.request().target(),
                failed,
                operation.id(),
                "GET /api/v1/operations/" + operation.id() + " shows every step");
    }

    public synchronized Optional<Operation> find(String id) {
        return Optional.ofNullable(history.get(id));
    }

    /** Returns one page of the kept operations, newest first; a page past the end is empty. */
    public synchronized Page list(int page, int size) {
        List<Operation> newestFirst = new ArrayList<>(history.values());
        Collections.reverse(newestFirst);
        int from = (int) Math.min((long) page * size, newestFirst.size());
        int to = Math.min(from + size, newestFirst.size());
        List<OperationSnapshot> items =
                newestFirst.subList(from, to).stream().map(Operation::snapshot).toList();
        return new Page(items, page, size, newestFirst.size());
    }

    /**
     * Asks a running operation to stop: steps that have not started are not run, and a step waiting for its
     * component to become healthy stops waiting. A step whose runtime call is under way finishes first.
     *
     * @throws OperationNotFoundException if no such operation is kept
     * @throws OperationFinishedException if it finished other than by being cancelled
     */
    public OperationSnapshot cancel(String id) {
        Operation operation = find(id).orElseThrow(() -> new OperationNotFoundException(id));
        OperationSnapshot current = operation.snapshot();
        if (current.state() == OperationState.CANCELLED) {
            return current;
        }
        if (current.state().isFinished()) {
            throw new OperationFinishedException(id, current.state());
        }
        operation.requestCancel();
        return operation.snapshot();
    }

    private synchronized Optional<Operation> findByKey(String key, OperationRequest request) {
        if (key == null) {
            return Optional.empty();
        }
        Operation operation = history.get(operationsByKey.get(key));
        if (operation == null) {
            return Optional.empty();
        }
        if (!operation.request().equals(request)) {
            throw new IdempotencyKeyReusedException(key, operation.id(), describe(operation.request()));
        }
        return Optional.of(operation);
    }

    private void checkLocks(Plan plan) {
        for (String component : plan.components()) {
            String holder = lockedComponents.get(component);
            if (holder != null) {
                throw new OperationInProgressException(component, holder);
            }
        }
    }

    private Operation register(Plan plan, String idempotencyKey) {
        Operation operation = new Operation(UUID.randomUUID().toString(), plan, idempotencyKey);
        history.put(operation.id(), operation);
        if (idempotencyKey != null) {
            operationsByKey.put(idempotencyKey, operation.id());
        }
        plan.components().forEach(component -> lockedComponents.put(component, operation.id()));
        trimHistory();
        return operation;
    }

    private void trimHistory() {
        Iterator<Operation> oldestFirst = history.values().iterator();
        while (history.size() > historySize && oldestFirst.hasNext()) {
            Operation operation = oldestFirst.next();
            if (operation.isFinished()) {
                oldestFirst.remove();
                if (operation.idempotencyKey() != null) {
                    operationsByKey.remove(operation.idempotencyKey());
                }
            }
        }
    }

    private synchronized void release(Operation operation) {
        lockedComponents.values().removeIf(holder -> holder.equals(operation.id()));
    }

    private static String describe(OperationRequest request) {
        return request.kind().id() + " of " + request.targetName();
    }
}
