package io.stackpilot.control.operations;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The steps an operation will run, in an order that respects every step's {@code after} list. Steps whose
 * {@code after} lists do not lead to each other run in parallel.
 */
public record Plan(OperationRequest request, List<PlannedStep> steps) {

    public Plan {
        steps = List.copyOf(steps);
    }

    /** Returns the names of every component the plan touches. */
    public Set<String> components() {
        return steps.stream().map(PlannedStep::component).collect(Collectors.toUnmodifiableSet());
    }
}
