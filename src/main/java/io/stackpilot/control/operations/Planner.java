package io.stackpilot.control.operations;

import io.stackpilot.catalog.Catalog;
import io.stackpilot.catalog.Component;
import io.stackpilot.catalog.DependencyGraph;
import io.stackpilot.control.HealthGate;
import io.stackpilot.control.status.StatusCache;
import io.stackpilot.runtime.LifecycleAction;
import io.stackpilot.runtime.WorkloadState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a request into an ordered {@link Plan} from the catalog's dependency graph and the components' current
 * state. Start and restart steps come after the steps of the component's dependencies; stop steps come after
 * those of its dependents.
 */
@ApplicationScoped
public class Planner {

    private final Catalog catalog;
    private final StatusCache statuses;
    private final HealthGate gate;

    @Inject
    public Planner(Catalog catalog, StatusCache statuses, HealthGate gate) {
        this.catalog = catalog;
        this.statuses = statuses;
        this.gate = gate;
    }

    /**
     * Plans a request without running anything.
     *
     * @throws io.stackpilot.catalog.ComponentNotFoundException if the target is not in the catalog
     * @throws DependencyNotReadyException if {@code dependencies} is {@code false} and a direct dependency of
     *     the target is not ready
     */
    public Plan plan(OperationRequest request) {
        List<PlannedStep> steps = switch (request.kind()) {
            case STACK_START -> stackStart();
            case STACK_STOP -> stackStop();
            case COMPONENT_START, COMPONENT_RESTART -> startOrRestart(request);
            case COMPONENT_STOP -> stop(request);
        };
        return new Plan(request, steps);
    }

    private List<PlannedStep> stackStart() {
        List<PlannedStep> steps = new ArrayList<>();
        for (Component component : catalog.all()) {
            steps.add(forward(component, LifecycleAction.START, "part of the stack", component.dependsOn()));
        }
        return steps;
    }

    private List<PlannedStep> stackStop() {
        List<PlannedStep> steps = new ArrayList<>();
        for (Component component : reversed(catalog.all())) {
            steps.add(backward(component, "part of the stack", graph().dependentsOf(component.name())));
        }
        return steps;
    }

    private List<PlannedStep> startOrRestart(OperationRequest request) {
        Component target = catalog.require(request.target());
        List<PlannedStep> steps = new ArrayList<>();
        if (request.dependencies()) {
            for (String name : graph().transitiveDependenciesOf(target.name())) {
                Component dependency = catalog.require(name);
                String role = "dependency of " + target.name();
                steps.add(forward(dependency, LifecycleAction.START, role, dependency.dependsOn()));
            }
        } else {
            requireReadyDependencies(target);
        }
        LifecycleAction action =
                request.kind() == OperationKind.COMPONENT_START ? LifecycleAction.START : LifecycleAction.RESTART;
        steps.add(forward(target, action, "requested", inPlan(target.dependsOn(), steps)));
        if (action == LifecycleAction.RESTART && request.cascade()) {
            steps.addAll(cascadedRestarts(target, steps));
        }
        return steps;
    }

    private List<PlannedStep> cascadedRestarts(Component target, List<PlannedStep> planned) {
        List<PlannedStep> all = new ArrayList<>(planned);
        List<PlannedStep> added = new ArrayList<>();
        for (String name : graph().transitiveDependentsOf(target.name())) {
            Component dependent = catalog.require(name);
            if (!statuses.status(dependent).state().isActive()) {
                continue;
            }
            String role = "depends on " + target.name() + " (cascade)";
            PlannedStep step = forward(dependent, LifecycleAction.RESTART, role, inPlan(dependent.dependsOn(), all));
            all.add(step);
            added.add(step);
        }
        return added;
    }

    private List<PlannedStep> stop(OperationRequest request) {
        Component target = catalog.require(request.target());
        List<PlannedStep> steps = new ArrayList<>();
        if (request.cascade()) {
            for (String name : reversed(graph().transitiveDependentsOf(target.name()))) {
                Component dependent = catalog.require(name);
                if (statuses.status(dependent).state().isActive()) {
                    String role = "depends on " + target.name() + " (cascade)";
                    steps.add(backward(dependent, role, inPlan(graph().dependentsOf(name), steps)));
                }
            }
        }
        steps.add(backward(target, "requested", inPlan(graph().dependentsOf(target.name()), steps)));
        return steps;
    }

    private void requireReadyDependencies(Component target) {
        List<DependencyNotReadyException.NotReady> notReady = new ArrayList<>();
        for (String name : target.dependsOn()) {
            HealthGate.Verdict verdict = gate.check(catalog.require(name));
            if (!verdict.ready()) {
                notReady.add(new DependencyNotReadyException.NotReady(name, verdict.state(), verdict.reason()));
            }
        }
        if (!notReady.isEmpty()) {
            throw new DependencyNotReadyException(
                    target.name(),
                    notReady,
                    null,
                    "start them first, or leave out dependencies=false to have them started in order");
        }
    }

    private PlannedStep forward(Component component, LifecycleAction action, String role, Collection<String> after) {
        WorkloadState state = statuses.status(component).state();
        String what;
        if (action == LifecycleAction.RESTART) {
            what = state.isActive() ? "restarts" : state.id() + ", restart starts it";
        } else {
            what = state.isActive() ? "already " + state.id() : state.id() + ", starts";
        }
        String reason = role + "; " + what;
        if (!after.isEmpty()) {
            reason += "; runs after " + String.join(", ", after);
        }
        return new PlannedStep(component.name(), action, reason, List.copyOf(after), state);
    }

    private PlannedStep backward(Component component, String role, Collection<String> after) {
        WorkloadState state = statuses.status(component).state();
        String what = state.isActive() ? state.id() + ", stops" : "already " + state.id();
        String reason = role + "; " + what;
        if (!after.isEmpty()) {
            reason += "; runs after " + String.join(", ", after) + " stopped";
        }
        return new PlannedStep(component.name(), LifecycleAction.STOP, reason, List.copyOf(after), state);
    }

    private static List<String> inPlan(Collection<String> names, List<PlannedStep> steps) {
        Set<String> planned = new HashSet<>();
        steps.forEach(step -> planned.add(step.component()));
        return names.stream().filter(planned::contains).toList();
    }

    private static <T> List<T> reversed(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        Collections.reverse(copy);
        return copy;
    }

    private DependencyGraph graph() {
        return catalog.graph();
    }
}
