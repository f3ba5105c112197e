package io.stackpilot.api;

import io.stackpilot.catalog.Catalog;
import io.stackpilot.catalog.Component;
import io.stackpilot.control.status.StatusCache;
import io.stackpilot.health.ComponentHealth;
import io.stackpilot.health.HealthService;
import io.stackpilot.health.HealthStatus;
import io.stackpilot.health.probe.ProbeExecutor;
import io.stackpilot.runtime.WorkloadStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Builds {@link ComponentView}s with state, health and {@code blockedBy}. Each component's state is read and its
 * probe run in parallel with the others, so a view takes about as long as the slowest component, not the sum.
 */
@ApplicationScoped
public class ComponentViews {

    private final Catalog catalog;
    private final StatusCache statuses;
    private final HealthService health;
    private final ExecutorService executor;

    @Inject
    public ComponentViews(Catalog catalog, StatusCache statuses, HealthService health, ProbeExecutor executor) {
        this.catalog = catalog;
        this.statuses = statuses;
        this.health = health;
        this.executor = executor.executor();
    }

    /**
     * Returns every component in start order.
     *
     * @param refresh read each state from its runtime now instead of from the status cache
     */
    public List<ComponentView> all(boolean refresh) {
        Map<String, CompletableFuture<Observed>> pending = new LinkedHashMap<>();
        catalog.all().forEach(component -> pending.put(component.name(), observe(component, refresh)));
        Map<String, Observed> observed = join(pending);
        Map<String, ComponentHealth> healths = new LinkedHashMap<>();
        observed.forEach((name, result) -> healths.put(name, result.health()));
        return catalog.all().stream()
                .map(component -> view(component, observed.get(component.name()), healths))
                .toList();
    }

    /** Returns one component; its direct dependencies are checked too, for {@code blockedBy}. */
    public ComponentView one(Component component, boolean refresh) {
        CompletableFuture<Observed> self = observe(component, refresh);
        Map<String, CompletableFuture<ComponentHealth>> dependencies = new LinkedHashMap<>();
        component
                .dependsOn()
                .forEach(name -> dependencies.put(
                        name, health.checkAsync(catalog.require(name)).toCompletableFuture()));

        Observed observed = joinUnwrapped(self);
        Map<String, ComponentHealth> healths = new LinkedHashMap<>();
        dependencies.forEach((name, future) -> healths.put(name, joinUnwrapped(future)));
        return view(component, observed, healths);
    }

    /** A workload state and the health checked against it. */
    private record Observed(WorkloadStatus status, ComponentHealth health) {}

    private CompletableFuture<Observed> observe(Component component, boolean refresh) {
        // A cached state is taken on the caller's thread; only reads that ask the runtime go to the pool.
        Optional<WorkloadStatus> cached = refresh ? Optional.empty() : statuses.cached(component);
        CompletableFuture<WorkloadStatus> read = cached.isPresent()
                ? CompletableFuture.completedFuture(cached.get())
                : CompletableFuture.supplyAsync(
                        () -> refresh ? statuses.refresh(component) : statuses.status(component), executor);
        return read.thenCompose(
                status -> health.checkAsync(component, status).thenApply(result -> new Observed(status, result)));
    }

    private static Map<String, Observed> join(Map<String, CompletableFuture<Observed>> pending) {
        Map<String, Observed> results = new LinkedHashMap<>();
        pending.forEach((name, future) -> results.put(name, joinUnwrapped(future)));
        return results;
    }

    /** Waits for a result and rethrows a failure as it was thrown, so the problem mapper maps it by its real type. */
    private static <T> T joinUnwrapped(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static ComponentView view(Component component, Observed observed, Map<String, ComponentHealth> healths) {
        List<String> blockedBy = component.dependsOn().stream()
                .filter(dependency -> healths.get(dependency).status() != HealthStatus.UP)
                .toList();
        return ComponentView.of(component, observed.status(), observed.health(), blockedBy);
    }
}
