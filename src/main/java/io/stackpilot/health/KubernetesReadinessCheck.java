package io.stackpilot.health;

import io.stackpilot.catalog.Catalog;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.runtime.RuntimeProbe;
import io.stackpilot.runtime.kubernetes.KubernetesRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the Kubernetes API server. It is DOWN only when the catalog has Kubernetes components and the
 * server is not configured or does not answer, so a catalog of Docker components never needs a cluster.
 */
@Readiness
@ApplicationScoped
public class KubernetesReadinessCheck implements HealthCheck {

    static final String NAME = "kubernetes-runtime";

    private final KubernetesRuntime kubernetes;
    private final Catalog catalog;

    @Inject
    public KubernetesReadinessCheck(KubernetesRuntime kubernetes, Catalog catalog) {
        this.kubernetes = kubernetes;
        this.catalog = catalog;
    }

    // TODO: cache the answer for stackpilot.health.ttl and share one request among concurrent scrapes, as
    // DockerReadinessCheck does; each scrape now asks the API server, bounded only by the client's timeouts.
    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (!catalog.uses(RuntimeKind.KUBERNETES)) {
            return response.up().withData("required", false).build();
        }
        RuntimeProbe probe = kubernetes.probe();
        response.withData("required", true);
        if (probe.endpoint() != null) {
            response.withData("server", probe.endpoint());
        }
        if (probe.reachable()) {
            return response.up().withData("version", probe.version()).build();
        }
        return response.down().withData("error", probe.error()).build();
    }
}
