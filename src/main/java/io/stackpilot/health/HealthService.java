package io.stackpilot.health;

import io.stackpilot.catalog.Component;
import io.stackpilot.catalog.ProbeSpec;
import io.stackpilot.control.events.EventHub;
import io.stackpilot.control.status.StatusCache;
import io.stackpilot.health.probe.ProbeExecutor;
import io.stackpilot.health.probe.ProbeResult;
import io.stackpilot.health.probe.ProbeRunner;
import io.stackpilot.runtime.WorkloadState;
import io.stackpilot.runtime.WorkloadStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Tells whether components actually serve, by combining the workload state with the component's deep probe.
 *
 * <ol>
 *   <li>A workload that is stopped, stopping, failed or not created is {@code down}; its probe is not run.
 *   <li>Otherwise the probe decides. A running workload without a probe is {@code up}; a degraded workload is at
 *       best {@code degraded}. When the runtime cannot report the state, the probe alone decides.
 * </ol>
 *
 * <p>Results are cached for {@code stackpilot.health.ttl}, and concurrent requests for one component share one
 * run, so a burst of requests makes one probe call. Every check ends within its {@linkplain #budget budget}: the
 * status timeout plus the probe timeout. Checks run on {@link ProbeExecutor} threads, never on the caller's.
 * A verdict that differs from the previous one is logged and published as a {@link HealthChange} event.
 */
@ApplicationScoped
public class HealthService {

    private static final Logger LOG = Logger.getLogger(HealthService.class);

    /** Extra time a waiting caller allows beyond a check's budget, for handing the result between threads. */
    private static final Duration HAND_OVER = Duration.ofMillis(500);

    private final StatusCache statuses;
    private final ProbeRunner probes;
    private final ExecutorService executor;
    private final HealthConfig config;
    private final HealthMetrics metrics;
    private final EventHub events;
    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

    @Inject
    public HealthService(
            StatusCache statuses,
            ProbeRunner probes,
            ProbeExecutor executor,
            HealthConfig config,
            HealthMetrics metrics,
            EventHub events) {
        validate(config);
        this.statuses = statuses;
        this.probes = probes;
        this.executor = executor.executor();
        this.config = config;
        this.metrics = metrics;
        this.events = events;
    }

    /**
     * Returns the component's health, from the cache when the last result is younger than the TTL. Concurrent
     * callers share one run. Blocks at most {@link #budget} plus a short hand-over.
     */
    public ComponentHealth check(Component component) {
        return await(component, request(component, false, null), waitLimit(component));
    }

    /**
     * Returns the component's health from a run that is in progress or started by this call, never from the
     * cache. A run already in progress began before this call, so its result can be up to one budget old.
     */
    public ComponentHealth checkFresh(Component component) {
        return await(component, request(component, true, null), waitLimit(component));
    }

    /** Like {@link #checkFresh(Component)}, given the workload state the caller has just read from its runtime. */
    public ComponentHealth checkFresh(Component component, WorkloadStatus current) {
        return await(component, request(component, true, current), waitLimit(component));
    }

    /** Like {@link #check}, without blocking; the stage completes within {@link #budget}. */
    public CompletionStage<ComponentHealth> checkAsync(Component component) {
        return request(component, false, null);
    }

    /** Like {@link #checkFresh}, without blocking; the stage completes within {@link #budget}. */
    public CompletionStage<ComponentHealth> checkFreshAsync(Component component) {
        return request(component, true, null);
    }

    /**
     * Checks many components in parallel, reading each workload state from its runtime.
     *
     * @return health by component name, in the order given; bounded by the largest budget among them
     */
    public Map<String, ComponentHealth> checkAll(Collection<Component> components) {
        Map<Component, CompletableFuture<ComponentHealth>> pending = new LinkedHashMap<>();
        components.forEach(component -> pending.put(component, request(component, false, null)));
        long waitUntil = System.nanoTime()
                + components.stream()
                        .mapToLong(c -> waitLimit(c).toNanos())
                        .max()
                        .orElse(0);

        Map<String, ComponentHealth> results = new LinkedHashMap<>();
        pending.forEach((component, future) -> {
            Duration left = Duration.ofNanos(Math.max(0, waitUntil - System.nanoTime()));
            results.put(component.name(), await(component, future, left));
        });
        return results;
    }

    /**
     * Like {@link #checkAsync(Component)}, given the workload state the caller has just read. When that state is
     * not running the result is {@code down} at once; a cached result based on another state is not reused, so
     * health never contradicts the state shown next to it.
     */
    public CompletionStage<ComponentHealth> checkAsync(Component component, WorkloadStatus current) {
        return request(component, false, current);
    }

    /** Returns the last result without running a check, or empty if the component has not been checked yet. */
    public Optional<ComponentHealth> lastKnown(String component) {
        Slot slot = slots.get(component);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            return Optional.ofNullable(slot.last);
        }
    }

    /** Returns the longest a check of the component can take: status timeout plus probe timeout. */
    public Duration budget(Component component) {
        return config.statusTimeout()
                .plus(component.probe().map(ProbeSpec::timeout).orElse(Duration.ZERO));
    }

    private Duration waitLimit(Component component) {
        return budget(component).plus(HAND_OVER);
    }

    private CompletableFuture<ComponentHealth> request(Component component, boolean fresh, WorkloadStatus current) {
        Slot slot = slots.computeIfAbsent(component.name(), name -> new Slot());
        if (current != null && isNotRunning(current.state())) {
            ComponentHealth down = notRunning(component, current);
            store(component, slot, new Outcome(down, current.state()));
            return CompletableFuture.completedFuture(down);
        }

        CompletableFuture<ComponentHealth> flight;
        synchronized (slot) {
            if (!fresh && slot.usable(current, config.ttl())) {
                return CompletableFuture.completedFuture(slot.last);
            }
            if (slot.flight != null) {
                return slot.flight.copy();
            }
            flight = new CompletableFuture<>();
            slot.flight = flight;
        }
        launch(component, current, slot, flight);
        return flight.copy();
    }

    private void launch(
            Component component, WorkloadStatus current, Slot slot, CompletableFuture<ComponentHealth> flight) {
        CompletableFuture<Outcome> run;
        try {
            run = CompletableFuture.supplyAsync(() -> runCheck(component, current), executor);
        } catch (RejectedExecutionException e) {
            run = CompletableFuture.completedFuture(
                    unknown(component, "The health check could not start because stackpilot is shutting down"));
        }
        run.orTimeout(budget(component).toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> failed(component, failure))
                .thenAccept(outcome -> {
                    store(component, slot, outcome);
                    synchronized (slot) {
                        if (slot.flight == flight) {
                            slot.flight = null;
                        }
                    }
                    flight.complete(outcome.health());
                });
    }

    /** Turns a run that threw or overran its budget into an {@code unknown} result, and logs why. */
    private Outcome failed(Component component, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            long budgetMs = budget(component).toMillis();
            LOG.warnf(
                    "[%s] The health check overran its budget of %d ms and is reported unknown",
                    component.name(), budgetMs);
            return unknown(component, "The health check did not finish within " + budgetMs + " ms");
        }
        LOG.warnf(cause, "[%s] The health check failed unexpectedly", component.name());
        return unknown(component, "The health check failed unexpectedly; the server log has the details");
    }

    private Outcome runCheck(Component component, WorkloadStatus current) {
        long started = System.nanoTime();
        WorkloadStatus status = current != null ? current : readStatus(component);
        LOG.debugf(
                "[%s] Workload state %s, read in %d ms",
                component.name(), status.state().id(), (System.nanoTime() - started) / 1_000_000);
        if (isNotRunning(status.state())) {
            return new Outcome(notRunning(component, status), status.state());
        }
        if (component.probe().isEmpty()) {
            return new Outcome(HealthVerdicts.withoutProbe(status), status.state());
        }

        ProbeSpec spec = component.probe().get();
        started = System.nanoTime();
        ProbeResult result = probes.run(component.name(), spec);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        metrics.recordProbe(component.name(), spec.kind(), result.status(), took);
        LOG.debugf(
                "[%s] %s probe: %s in %d ms",
                component.name(), spec.kind(), result.status().id(), took.toMillis());
        return new Outcome(HealthVerdicts.combine(spec, status, result, took), status.state());
    }

    /** Reads the workload state, giving up after the status timeout so a slow runtime cannot stall the check. */
    private WorkloadStatus readStatus(Component component) {
        CompletableFuture<WorkloadStatus> pending =
                CompletableFuture.supplyAsync(() -> statuses.status(component), executor);
        try {
            return pending.get(config.statusTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return WorkloadStatus.unknown(
                    "The " + component.runtime().id() + " runtime did not report the workload state within "
                            + config.statusTimeout().toMillis() + " ms",
                    Instant.now());
        } catch (ExecutionException e) {
            LOG.warnf(e.getCause(), "[%s] Reading the workload state failed", component.name());
            return WorkloadStatus.unknown(
                    "Reading the workload state failed: " + e.getCause().getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WorkloadStatus.unknown("Interrupted while reading the workload state", null);
        }
    }

    private ComponentHealth notRunning(Component component, WorkloadStatus status) {
        return HealthVerdicts.notRunning(component.probe(), status);
    }

    private static boolean isNotRunning(WorkloadState state) {
        return state == WorkloadState.STOPPED
                || state == WorkloadState.STOPPING
                || state == WorkloadState.FAILED
                || state == WorkloadState.NOT_CREATED;
    }

    private static Outcome unknown(Component component, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        component.probe().ifPresent(spec -> details.put("probe", spec.kind()));
        return new Outcome(
                new ComponentHealth(HealthStatus.UNKNOWN, reason, Instant.now(), 0, details), WorkloadState.UNKNOWN);
    }

    private void store(Component component, Slot slot, Outcome outcome) {
        ComponentHealth previous;
        synchronized (slot) {
            previous = slot.last;
            slot.last = outcome.health();
            slot.basis = outcome.basis();
            slot.storedAtNanos = System.nanoTime();
        }
        HealthStatus now = outcome.health().status();
        if (previous == null || previous.status() != now) {
            String was = previous == null ? "" : " (was " + previous.status().id() + ")";
            String reason = outcome.health().reason() == null
                    ? ""
                    : ": " + outcome.health().reason();
            LOG.infof("[%s] Health is %s%s%s", component.name(), now.id(), was, reason);
            events.publish(
                    "health",
                    new HealthChange(
                            component.name(),
                            now,
                            previous == null ? null : previous.status(),
                            outcome.health().reason(),
                            outcome.health().checkedAt()));
        }
    }

    private static ComponentHealth await(
            Component component, CompletableFuture<ComponentHealth> future, Duration limit) {
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return unknown(component, "The health check did not finish within " + limit.toMillis() + " ms")
                    .health();
        } catch (ExecutionException e) {
            return unknown(component, "The health check failed: " + e.getCause().getMessage())
                    .health();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknown(component, "Interrupted while waiting for the health check")
                    .health();
        }
    }

    private static void validate(HealthConfig config) {
        if (config.ttl().isNegative()) {
            throw new IllegalArgumentException("stackpilot.health.ttl: must not be negative, got " + config.ttl());
        }
        if (config.defaultTimeout().isNegative() || config.defaultTimeout().isZero()) {
            throw new IllegalArgumentException(
                    "stackpilot.health.default-timeout: must be positive, got " + config.defaultTimeout());
        }
        if (config.statusTimeout().isNegative() || config.statusTimeout().isZero()) {
            throw new IllegalArgumentException(
                    "stackpilot.health.status-timeout: must be positive, got " + config.statusTimeout());
        }
    }

    /** A check's result with the workload state it was based on. */
    private record Outcome(ComponentHealth health, WorkloadState basis) {}

    /** The cached result and the run in progress for one component; guarded by its own monitor. */
    private static final class Slot {
        ComponentHealth last;
        WorkloadState basis;
        long storedAtNanos;
        CompletableFuture<ComponentHealth> flight;

        boolean usable(WorkloadStatus current, Duration ttl) {
            return last != null
                    && System.nanoTime() - storedAtNanos < ttl.toNanos()
                    && (current == null || current.state() == basis);
        }
    }
}
