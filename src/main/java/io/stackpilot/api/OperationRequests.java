package io.stackpilot.api;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.stackpilot.control.LifecycleOutcome;
import io.stackpilot.control.operations.OperationRequest;
import io.stackpilot.control.operations.OperationService;
import io.stackpilot.control.operations.OperationService.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * Handles stack and lifecycle requests. It returns a plan for a dry run, {@code 202 Accepted} with the operation for
 * asynchronous requests, and the target's result once the operation has finished for synchronous ones.
 */
@ApplicationScoped
class OperationRequests {

    /** Response header with the id of the operation that ran the request, in success and problem responses. */
    static final String OPERATION_ID = "X-Operation-Id";

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENCY_KEY_PATTERN = "^[\\x21-\\x7E]{1,200}$";

    private final OperationService operations;
    private final CurrentVertxRequest currentRequest;

    @Inject
    OperationRequests(OperationService operations, CurrentVertxRequest currentRequest) {
        this.operations = operations;
        this.currentRequest = currentRequest;
    }

    /** Runs a request in the background, or returns its plan for a dry run. */
    Response accept(OperationRequest request, boolean dryRun, String idempotencyKey, UriInfo uri) {
        if (dryRun) {
            return Response.ok(PlanView.of(operations.dryRun(request))).build();
        }
        return accepted(submit(request, idempotencyKey), uri);
    }

    /** Runs a lifecycle request and responds when it has finished, unless {@code async} is set. */
    Response run(OperationRequest request, boolean dryRun, boolean async, String idempotencyKey, UriInfo uri) {
        if (dryRun || async) {
            return accept(request, dryRun, idempotencyKey, uri);
        }
        Submission submission = submit(request, idempotencyKey);
        LifecycleOutcome outcome = operations.awaitOutcome(submission.operation());
        return Response.ok(LifecycleResponse.of(outcome, submission.operation().snapshot()))
                .build();
    }

    private Submission submit(OperationRequest request, String idempotencyKey) {
        Submission submission = operations.submit(request, idempotencyKey);
        // Set on the HTTP response itself, so that a problem response written later keeps it.
        currentRequest
                .getCurrent()
                .response()
                .putHeader(OPERATION_ID, submission.operation().id());
        return submission;
    }

    private static Response accepted(Submission submission, UriInfo uri) {
        String id = submission.operation().id();
        URI location =
                uri.getBaseUriBuilder().path("api/v1/operations").path(id).build();
        return Response.accepted(OperationView.of(submission.operation().snapshot()))
                .location(location)
                .build();
    }
}
