package io.stackpilot.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the audit trail: DOWN while the last record could not be written. */
@Readiness
@ApplicationScoped
public class AuditReadinessCheck implements HealthCheck {

    private final AuditLog audit;

    @Inject
    public AuditReadinessCheck(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("audit-trail").withData("path", audit.path());
        String failure = audit.lastFailure();
        if (failure == null) {
            return response.up().build();
        }
        return response.down()
                .withData("error", failure)
                .withData("since", String.valueOf(audit.lastFailureTime()))
                .build();
    }
}
