package io.stackpilot.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.stackpilot.catalog.ComponentNotFoundException;
import io.stackpilot.control.operations.DependencyNotReadyException;
import io.stackpilot.control.operations.HealthTimeoutException;
import io.stackpilot.control.operations.IdempotencyKeyReusedException;
import io.stackpilot.control.operations.OperationCancelledException;
import io.stackpilot.control.operations.OperationFinishedException;
import io.stackpilot.control.operations.OperationInProgressException;
import io.stackpilot.control.operations.OperationNotFoundException;
import io.stackpilot.control.operations.WorkloadFailedException;
import io.stackpilot.runtime.RuntimeConflictException;
import io.stackpilot.runtime.RuntimeFailureException;
import io.stackpilot.runtime.RuntimeForbiddenException;
import io.stackpilot.runtime.RuntimeNotSupportedException;
import io.stackpilot.runtime.RuntimeOperationException;
import io.stackpilot.runtime.RuntimeTimeoutException;
import io.stackpilot.runtime.RuntimeUnavailableException;
import io.stackpilot.runtime.WorkloadNotFoundException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Writes every error as RFC 9457 {@code application/problem+json}. Bodies never carry class names or stack
 * traces; server errors are logged at error, runtime outages at warn, client errors at debug.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** Detail of a 401 for a request that carried no credentials. */
    public static final String MISSING_CREDENTIALS = "This request needs credentials: send a bearer token as"
            + " 'Authorization: Bearer <token>' or an API key in the X-API-Key header";

    /** Detail of a 401 for a request whose credentials were rejected; it never repeats them. */
    public static final String INVALID_CREDENTIALS = "The credentials were rejected: the bearer token is malformed,"
            + " expired, signed by another key or from another issuer, or the API key is not configured;"
            + " get a new token or check the key";

    @ServerExceptionMapper
    public Response componentNotFound(ComponentNotFoundException e, UriInfo uri) {
        return respond(componentNotFound(e.component(), e.known(), e.getMessage()), uri);
    }

    /** Builds the 404 problem for a name that is not in the catalog. */
    public static Problem componentNotFound(String component, Collection<String> known, String detail) {
        return new Problem("component-not-found", "Component not found", 404, detail)
                .with("component", component)
                .with("knownComponents", known);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return respond(
                new Problem("invalid-parameter", "Invalid parameter", 400, e.getMessage())
                        .with("parameter", e.parameter())
                        .with("value", e.value())
                        .with("allowed", e instanceof UnknownParameterException unknown ? unknown.allowed() : null),
                uri);
    }

    @ServerExceptionMapper
    public Response unexpectedBody(UnexpectedBodyException e, UriInfo uri) {
        return respond(new Problem("unexpected-body", "Unexpected request body", 400, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException e, UriInfo uri) {
        return respond(invalidJsonProblem(e), uri);
    }

    /** Takes precedence over the JSON extension's own mapper for this subtype, which does not write problems. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return respond(invalidJsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respondUnauthorized(unauthorized(MISSING_CREDENTIALS), false, uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respondUnauthorized(unauthorized(INVALID_CREDENTIALS), true, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(forbidden("The caller's role does not allow this request to " + uri.getPath()), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<ConstraintViolation<?>> violations = new ArrayList<>(e.getConstraintViolations());
        violations.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
        List<Map<String, Object>> invalid = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            String parameter = parameterName(violation.getPropertyPath());
            Object value = violation.getInvalidValue();
            sentences.add("'" + parameter + "' " + violation.getMessage() + " (got " + value + ")");
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("parameter", parameter);
            entry.put("value", value);
            entry.put("message", violation.getMessage());
            invalid.add(entry);
        }
        String detail = "Invalid parameter: " + String.join("; ", sentences);
        Problem problem = new Problem("invalid-parameter", "Invalid parameter", 400, detail).with("errors", invalid);
        if (invalid.size() == 1) {
            problem.with("parameter", invalid.get(0).get("parameter"))
                    .with("value", invalid.get(0).get("value"));
        }
        return respond(problem, uri);
    }

    @ServerExceptionMapper
    public Response dependencyNotReady(DependencyNotReadyException e, UriInfo uri) {
        return respond(
                new Problem("dependency-not-ready", "Dependency not ready", 409, e.getMessage())
                        .with("component", e.component())
                        .with("dependencies", e.dependencies())
                        .with("operationId", e.operationId()),
                uri);
    }

    @ServerExceptionMapper
    public Response operationInProgress(OperationInProgressException e, UriInfo uri) {
        return respond(
                new Problem("operation-in-progress", "Operation in progress", 409, e.getMessage())
                        .with("component", e.component())
                        .with("operationId", e.operationId()),
                uri);
    }

    @ServerExceptionMapper
    public Response operationNotFound(OperationNotFoundException e, UriInfo uri) {
        return respond(
                new Problem("operation-not-found", "Operation not found", 404, e.getMessage())
                        .with("operationId", e.operationId()),
                uri);
    }

    @ServerExceptionMapper
    public Response operationFinished(OperationFinishedException e, UriInfo uri) {
        return respond(
                new Problem("operation-finished", "Operation already finished", 409, e.getMessage())
                        .with("operationId", e.operationId())
                        .with("state", e.state().id()),
                uri);
    }

    @ServerExceptionMapper
    public Response operationCancelled(OperationCancelledException e, UriInfo uri) {
        return respond(
                new Problem("operation-cancelled", "Operation cancelled", 409, e.getMessage())
                        .with("operationId", e.operationId()),
                uri);
    }

    @ServerExceptionMapper
    public Response idempotencyKeyReused(IdempotencyKeyReusedException e, UriInfo uri) {
        return respond(
                new Problem("idempotency-key-reused", "Idempotency key reused", 422, e.getMessage())
                        .with("idempotencyKey", e.key())
                        .with("operationId", e.operationId()),
                uri);
    }

    @ServerExceptionMapper
    public Response healthTimeout(HealthTimeoutException e, UriInfo uri) {
        return respond(
                new Problem("health-timeout", "Component not healthy in time", 504, e.getMessage())
                        .with("component", e.component())
                        .with("timeoutMs", e.timeout().toMillis()),
                uri);
    }

    @ServerExceptionMapper
    public Response workloadFailed(WorkloadFailedException e, UriInfo uri) {
        return respond(
                new Problem("workload-failed", "Component workload failed", 502, e.getMessage())
                        .with("component", e.component())
                        .with("reason", e.reason()),
                uri);
    }

    @ServerExceptionMapper
    public Response runtimeFailure(RuntimeOperationException e, UriInfo uri) {
        Problem problem;
        if (e instanceof WorkloadNotFoundException) {
            problem = new Problem("workload-not-found", "Workload not found", 404, e.getMessage());
        } else if (e instanceof RuntimeConflictException) {
            problem = new Problem("runtime-conflict", "Conflicting workload state", 409, e.getMessage());
        } else if (e instanceof RuntimeUnavailableException unavailable) {
            problem = new Problem("runtime-unavailable", "Runtime unavailable", 503, e.getMessage())
                    .with("endpoint", unavailable.endpoint());
        } else if (e instanceof RuntimeTimeoutException) {
            problem = new Problem("runtime-timeout", "Runtime timed out", 504, e.getMessage());
        } else if (e instanceof RuntimeForbiddenException forbidden) {
            problem = new Problem("forbidden-by-runtime", "Forbidden by the runtime", 403, e.getMessage())
                    .with("verb", forbidden.verb())
                    .with("resource", forbidden.resource())
                    .with("namespace", forbidden.namespace());
        } else if (e instanceof RuntimeNotSupportedException) {
            problem = new Problem("runtime-not-supported", "Runtime not supported", 501, e.getMessage());
        } else if (e instanceof RuntimeFailureException) {
            problem = new Problem("runtime-failure", "Runtime failure", 502, e.getMessage());
        } else {
            problem = new Problem("runtime-failure", "Runtime failure", 502, e.getMessage());
        }
        problem.with("component", e.component())
                .with("runtime", e.runtime() == null ? null : e.runtime().id());
        return respond(problem, uri, e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Problem problem;
        if (e instanceof NotFoundException && e.getCause() != null) {
            // JAX-RS reports a path or query parameter that cannot be converted as 404; it is a bad request.
            problem = new Problem(
                    "invalid-parameter",
                    "Invalid parameter",
                    400,
                    "A path or query parameter of " + uri.getPath() + " has a value of the wrong type ("
                            + e.getCause().getMessage() + "); numbers must be whole decimal numbers");
        } else if (e instanceof NotFoundException) {
            problem = notFound(uri.getPath());
        } else if (e instanceof NotAllowedException) {
            String allowed = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            problem = methodNotAllowed(uri.getPath(), allowed);
            return respond(problem, uri, e, allowed);
        } else if (e instanceof NotSupportedException) {
            problem = new Problem(
                    "unsupported-media-type",
                    "Unsupported media type",
                    415,
                    "The request's Content-Type is not accepted by " + uri.getPath()
                            + "; send application/json or no body");
        } else if (e instanceof NotAcceptableException) {
            problem = new Problem(
                    "not-acceptable",
                    "Not acceptable",
                    406,
                    "None of the media types in the Accept header can be produced by " + uri.getPath());
        } else {
            Response.StatusType info = e.getResponse().getStatusInfo();
            String slug = info.getReasonPhrase() == null
                    ? "http-" + status
                    : info.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
            problem =
                    new Problem(slug, info.getReasonPhrase(), status, info.getReasonPhrase() + " at " + uri.getPath());
        }
        return respond(problem, uri, e);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "Request %s failed unexpectedly", uri.getPath());
        return new Problem(
                        "internal-error",
                        "Internal server error",
                        500,
                        "stackpilot failed to handle the request; the server log has the details")
                .instance(uri.getPath())
                .toResponse();
    }

    /** Builds the 401 problem: the caller must authenticate, or authenticate again. */
    public static Problem unauthorized(String detail) {
        return new Problem("unauthorized", "Authentication required", 401, detail);
    }

    /** Builds the 403 problem: the caller is known but lacks the role. */
    public static Problem forbidden(String detail) {
        return new Problem("forbidden", "Forbidden", 403, detail);
    }

    /** Builds the 404 problem for a path with no resource. */
    public static Problem notFound(String path) {
        return new Problem(
                "not-found",
                "Not found",
                404,
                "No resource at " + path + "; the API lives under /api/v1, see /q/openapi for its endpoints");
    }

    /** Builds the 405 problem; {@code allowed} is the value of the {@code Allow} header, or {@code null}. */
    public static Problem methodNotAllowed(String path, String allowed) {
        String detail = allowed == null
                ? "This method is not allowed on " + path
                : "This method is not allowed on " + path + "; allowed: " + allowed;
        return new Problem("method-not-allowed", "Method not allowed", 405, detail).with("allowed", allowed);
    }

    /** Builds the 413 problem for a body larger than {@code quarkus.http.limits.max-body-size}. */
    public static Problem payloadTooLarge(long limitBytes) {
        return new Problem(
                        "payload-too-large",
                        "Payload too large",
                        413,
                        "The request body is larger than the limit of " + limitBytes + " bytes; send a smaller body")
                .with("maxBodyBytes", limitBytes);
    }

    /** Builds the 500 problem for a failure outside the JAX-RS resources; the log line has the same error id. */
    public static Problem internalError(String errorId) {
        return new Problem(
                        "internal-error",
                        "Internal server error",
                        500,
                        "stackpilot failed to handle the request; the server log has the details under error id "
                                + errorId)
                .with("errorId", errorId);
    }

    /** Logs a problem the way every error response is logged: 5xx at error, outages at warn, 4xx at debug. */
    public static void log(Problem problem, String path, Throwable cause) {
        if (problem.getStatus() == 503 || problem.getStatus() == 504) {
            LOG.warnf("%s %s: %s", problem.getStatus(), path, problem.getDetail());
        } else if (problem.getStatus() >= 500) {
            LOG.errorf(cause, "%s %s: %s", problem.getStatus(), path, problem.getDetail());
        } else {
            LOG.debugf("%s %s: %s", problem.getStatus(), path, problem.getDetail());
        }
    }

    private static Problem invalidJsonProblem(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where =
                location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        // The original message describes the syntax error without echoing the body.
        return new Problem(
                        "invalid-json",
                        "Invalid JSON",
                        400,
                        "The request body is not valid JSON for this endpoint" + where + ": " + e.getOriginalMessage())
                .with("line", location == null ? null : location.getLineNr())
                .with("column", location == null ? null : location.getColumnNr());
    }

    /**
     * Returns the {@code WWW-Authenticate} value of a 401: both schemes in one header, as RFC 9110 allows, with
     * {@code error="invalid_token"} (RFC 6750) when the credentials sent were rejected.
     */
    public static String challenge(boolean rejected, String apiKeyHeader) {
        String bearer =
                rejected ? "Bearer realm=\"stackpilot\", error=\"invalid_token\"" : "Bearer realm=\"stackpilot\"";
        return bearer + ", ApiKey realm=\"stackpilot\", header=\"" + apiKeyHeader + "\"";
    }

    /** Returns the header that carries API keys, named in the challenge of a 401. */
    private static String apiKeyHeader() {
        return ConfigProvider.getConfig()
                .getOptionalValue("stackpilot.security.api-key-header", String.class)
                .orElse("X-API-Key");
    }

    private static Response respondUnauthorized(Problem problem, boolean rejected, UriInfo uri) {
        problem.instance(uri.getPath());
        log(problem, uri.getPath(), null);
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge(rejected, apiKeyHeader()))
                .build();
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return respond(problem, uri, null);
    }

    private static Response respond(Problem problem, UriInfo uri, Throwable cause) {
        return respond(problem, uri, cause, null);
    }

    private static Response respond(Problem problem, UriInfo uri, Throwable cause, String allow) {
        problem.instance(uri.getPath());
        log(problem, uri.getPath(), cause);
        Response.ResponseBuilder response =
                Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    /** Returns the last node of a path such as {@code stop.arg1.timeout}, which is the parameter's name. */
    private static String parameterName(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name == null ? path.toString() : name;
    }
}
