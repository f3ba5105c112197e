package io.stackpilot.api;

import io.stackpilot.catalog.ComponentNotFoundException;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Writes every error as RFC 9457 {@code application/problem+json}. Bodies never carry class names or stack
 * traces; server errors are logged at error, runtime outages at warn, client errors at debug.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response componentNotFound(ComponentNotFoundException e, UriInfo uri) {
        return respond(
                new Problem("component-not-found", "Component not found", 404, e.getMessage())
                        .with("component", e.component())
                        .with("knownComponents", e.known()),
                uri);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return respond(
                new Problem("invalid-parameter", "Invalid parameter", 400, e.getMessage())
                        .with("parameter", e.parameter())
                        .with("value", e.value()),
                uri);
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
        if (e instanceof NotFoundException) {
            problem = new Problem(
                    "not-found",
                    "Not found",
                    404,
                    "No resource at " + uri.getPath()
                            + "; the API lives under /api/v1, see /q/openapi for its endpoints");
        } else if (e instanceof NotAllowedException) {
            String allowed = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            problem = new Problem(
                            "method-not-allowed",
                            "Method not allowed",
                            405,
                            "This method is not allowed on " + uri.getPath() + "; allowed: " + allowed)
                    .with("allowed", allowed);
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

    private static Response respond(Problem problem, UriInfo uri) {
        return respond(problem, uri, null);
    }

    private static Response respond(Problem problem, UriInfo uri, Throwable cause) {
        return respond(problem, uri, cause, null);
    }

    private static Response respond(Problem problem, UriInfo uri, Throwable cause, String allow) {
        problem.instance(uri.getPath());
        if (problem.getStatus() == 503 || problem.getStatus() == 504) {
            LOG.warnf("%s %s: %s", problem.getStatus(), uri.getPath(), problem.getDetail());
        } else if (problem.getStatus() >= 500) {
            LOG.errorf(cause, "%s %s: %s", problem.getStatus(), uri.getPath(), problem.getDetail());
        } else {
            LOG.debugf("%s %s: %s", problem.getStatus(), uri.getPath(), problem.getDetail());
        }
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
