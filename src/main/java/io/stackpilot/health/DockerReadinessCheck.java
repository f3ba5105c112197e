package io.stackpilot.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.stackpilot.catalog.Catalog;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.health.probe.ProbeExecutor;
import io.stackpilot.runtime.RuntimeProbe;
import io.stackpilot.runtime.docker.DockerRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the Docker engine. It is DOWN only when the catalog has Docker components and the engine does
 * not respond, so a catalog without Docker components never needs an engine.
 *
 * <p>Like component checks, the result is cached for {@code stackpilot.health.ttl}, concurrent scrapes share one
 * request to the engine, and an engine that does not respond within {@code stackpilot.health.status-timeout} is
 * DOWN rather than a hung scrape.
 */
@Readiness
@ApplicationScoped
public class DockerReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "docker-runtime";

    private final DockerRuntime docker;
    private final Catalog catalog;
    private final HealthConfig config;
    private final ExecutorService executor;

    private HealthCheckResponse last;
    private long lastAtNanos;
    private CompletableFuture<HealthCheckResponse> inFlight;

    @Inject
    public DockerReadinessCheck(DockerRuntime docker, Catalog catalog, HealthConfig config, ProbeExecutor executor) {
        this.docker = docker;
        this.catalog = catalog;
        this.config = config;
        this.executor = executor.executor();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (!catalog.uses(RuntimeKind.DOCKER)) {
            return Uni.createFrom()
                    .item(HealthCheckResponse.named(NAME)
                            .up()
                            .withData("required", false)
                            .build());
        }
        return Uni.createFrom().completionStage(this::cachedOrAsk);
    }

    private synchronized CompletionStage<HealthCheckResponse> cachedOrAsk() {
        if (last != null && System.nanoTime() - lastAtNanos < config.ttl().toNanos()) {
            return CompletableFuture.completedFuture(last);
        }
        if (inFlight != null) {
            return inFlight.copy();
        }
        CompletableFuture<HealthCheckResponse> flight = new CompletableFuture<>();
        inFlight = flight;
        CompletableFuture<HealthCheckResponse> request;
        try {
            request = CompletableFuture.supplyAsync(this::ask, executor);
        } catch (RejectedExecutionException e) {
            request = CompletableFuture.completedFuture(down("stackpilot is shutting down"));
        }
        request.completeOnTimeout(
                        down("The Docker engine did not respond within "
                                + config.statusTimeout().toMillis() + " ms"),
                        config.statusTimeout().toMillis(),
                        TimeUnit.MILLISECONDS)
                .exceptionally(failure -> down("Asking the Docker engine failed: " + failure.getMessage()))
                .thenAccept(response -> {
                    store(flight, response);
                    flight.complete(response);
                });
        return flight.copy();
    }

    private synchronized void store(CompletableFuture<HealthCheckResponse> flight, HealthCheckResponse response) {
        last = response;
        lastAtNanos = System.nanoTime();
        if (inFlight == flight) {
            inFlight = null;
        }
    }

    private static HealthCheckResponse down(String error) {
        return HealthCheckResponse.named(NAME)
                .down()
                .withData("required", true)
                .withData("error", error)
                .build();
    }

    private HealthCheckResponse ask() {
        RuntimeProbe probe = docker.probe();
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named(NAME).withData("required", true).withData("host", probe.endpoint());
        if (probe.reachable()) {
            return response.up().withData("version", probe.version()).build();
        }
        return response.down().withData("error", probe.error()).build();
    }
}
