package io.stackpilot.health;

import io.stackpilot.catalog.Catalog;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.runtime.RuntimeProbe;
import io.stackpilot.runtime.docker.DockerRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the Docker engine. It is DOWN only when the catalog has Docker components and the engine does
 * not answer, so a catalog without Docker components never needs an engine.
 */
@Readiness
@ApplicationScoped
public class DockerReadinessCheck implements HealthCheck {

    static final String NAME = "docker-runtime";

    private final DockerRuntime docker;
    private final Catalog catalog;

    @Inject
    public DockerReadinessCheck(DockerRuntime docker, Catalog catalog) {
        this.docker = docker;
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (!catalog.uses(RuntimeKind.DOCKER)) {
            return response.up().withData("required", false).build();
        }
        RuntimeProbe probe = docker.probe();
        response.withData("required", true).withData("host", probe.endpoint());
        if (probe.reachable()) {
            return response.up().withData("version", probe.version()).build();
        }
        return response.down().withData("error", probe.error()).build();
    }
}
