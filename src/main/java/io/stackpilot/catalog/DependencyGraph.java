package io.stackpilot.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The {@code depends-on} edges between catalog components, across runtimes. */
public final class DependencyGraph {

    private final Map<String, List<String>> dependencies;
    private final Map<String, Set<String>> dependents;

    /**
     * Builds the graph from each component's direct dependencies.
     *
     * @param dependencies component name to the names it depends on; every name must be a key
     */
    public DependencyGraph(Map<String, List<String>> dependencies) {
        this.dependencies = new TreeMap<>();
        this.dependents = new TreeMap<>();
        dependencies.forEach((name, deps) -> {
            this.dependencies.put(name, List.copyOf(deps));
            this.dependents.computeIfAbsent(name, key -> new TreeSet<>());
        });
        dependencies.forEach((name, deps) -> deps.forEach(dep ->
                this.dependents.computeIfAbsent(dep, key -> new TreeSet<>()).add(name)));
    }

    /** Returns the direct dependencies of a component. */
    public List<String> dependenciesOf(String name) {
        return dependencies.getOrDefault(name, List.of());
    }

    /** Returns the components that directly depend on the given one, sorted by name. */
    public Set<String> dependentsOf(String name) {
        return dependents.getOrDefault(name, Set.of());
    }

    /** Returns every component the given one needs, directly or not, dependencies first. */
    public List<String> transitiveDependenciesOf(String name) {
        Set<String> needed = new HashSet<>();
        collect(name, this::dependenciesOf, needed);
        return topologicalOrder().stream().filter(needed::contains).toList();
    }

    /** Returns every component that needs the given one, directly or not, nearest first in start order. */
    public List<String> transitiveDependentsOf(String name) {
        Set<String> affected = new HashSet<>();
        collect(name, this::dependentsOf, affected);
        return topologicalOrder().stream().filter(affected::contains).toList();
    }

    private static void collect(
            String start, java.util.function.Function<String, Collection<String>> next, Set<String> into) {
        Deque<String> pending = new ArrayDeque<>(next.apply(start));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (into.add(name)) {
                pending.addAll(next.apply(name));
            }
        }
    }

    /**
     * Returns every component with dependencies before dependents; ties are broken by name so the order is
     * stable.
     *
     * @throws IllegalStateException if the graph has a cycle; call {@link #findCycle()} first
     */
    public List<String> topologicalOrder() {
        Map<String, Integer> remaining = new HashMap<>();
        dependencies.forEach((name, deps) -> remaining.put(name, deps.size()));
        TreeSet<String> ready = new TreeSet<>();
        remaining.forEach((name, count) -> {
            if (count == 0) {
                ready.add(name);
            }
        });

        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String name = ready.pollFirst();
            order.add(name);
            for (String dependent : dependentsOf(name)) {
                if (remaining.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() != dependencies.size()) {
            throw new IllegalStateException(
                    "dependency graph has a cycle: " + findCycle().orElse(List.of()));
        }
        return order;
    }

    /**
     * Finds one dependency cycle.
     *
     * @return the cycle as a path that starts and ends with the same component, such as {@code [a, b, a]}
     */
    public Optional<List<String>> findCycle() {
        Set<String> done = new HashSet<>();
        for (String start : dependencies.keySet()) {
            Optional<List<String>> cycle = findCycleFrom(start, new LinkedHashSet<>(), done);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> findCycleFrom(String name, LinkedHashSet<String> path, Set<String> done) {
        if (path.contains(name)) {
            List<String> cycle = new ArrayList<>();
            boolean inCycle = false;
            for (String step : path) {
                inCycle |= step.equals(name);
                if (inCycle) {
                    cycle.add(step);
                }
            }
            cycle.add(name);
            return Optional.of(cycle);
        }
        if (!done.add(name)) {
            return Optional.empty();
        }
        path.add(name);
        for (String dependency : dependenciesOf(name)) {
            Optional<List<String>> cycle = findCycleFrom(dependency, path, done);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.remove(name);
        return Optional.empty();
    }
}
