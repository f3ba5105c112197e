package io.stackpilot.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Sends problem responses from Vert.x route handlers, for requests that are answered before, or without, a
 * JAX-RS resource: authentication, unknown paths, oversized bodies. The problems are built by
 * {@link ProblemMapper}, so they match the ones its exception mappers write.
 */
@ApplicationScoped
public class HttpProblems {

    private final ObjectMapper json;

    @Inject
    public HttpProblems(ObjectMapper json) {
        this.json = json;
    }

    /** Ends the response with the problem, unless a response was already sent. */
    public void send(RoutingContext context, Problem problem) {
        send(context, problem, Map.of());
    }

    /** Ends the response with the problem and extra headers, unless a response was already sent. */
    public void send(RoutingContext context, Problem problem, Map<String, String> headers) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        String path = context.normalizedPath();
        problem.instance(path);
        ProblemMapper.log(problem, path, context.failure());
        response.setStatusCode(problem.getStatus());
        response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        response.end(serialize(problem));
    }

    private String serialize(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem response could not be written as JSON", e);
        }
    }
}
