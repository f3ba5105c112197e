package io.stackpilot.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.stackpilot.catalog.Catalog;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns the errors that happen outside the JAX-RS resources into problem+json: unknown paths ({@code /nope},
 * {@code /q/nope}), wrong methods on non-JAX-RS routes, bodies over {@code quarkus.http.limits.max-body-size},
 * and failures of other route handlers.
 */
@ApplicationScoped
public class ProblemRoutes {

    /**
     * Route order of the body-size check: before the built-in check at order -2, which responds 413 with an
     * empty body.
     */
    static final int BODY_LIMIT_ORDER = -10;

    /** Path parameter of the health group route. */
    private static final String GROUP = "group";

    private final HttpProblems problems;
    private final Optional<MemorySize> maxBodySize;
    private final Catalog catalog;

    @Inject
    public ProblemRoutes(
            HttpProblems problems,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            Catalog catalog) {
        this.problems = problems;
        this.maxBodySize = maxBodySize;
        this.catalog = catalog;
    }

    void register(@Observes Router router) {
        maxBodySize.ifPresent(limit -> router.route()
                .order(BODY_LIMIT_ORDER)
                .handler(context -> rejectLargeBody(context, limit.asLongValue())));
        // SmallRye Health returns an empty UP report for an unknown group, which a scraper with a typo in the
        // component name would read as healthy for ever.
        router.get("/q/health/group/:" + GROUP).order(BODY_LIMIT_ORDER).handler(this::rejectUnknownGroup);
        router.errorHandler(404, context -> problems.send(context, ProblemMapper.notFound(context.normalizedPath())));
        router.errorHandler(
                405,
                context -> problems.send(
                        context,
                        ProblemMapper.methodNotAllowed(
                                context.normalizedPath(),
                                context.response().headers().get(HttpHeaders.ALLOW))));
        // After the access check's failure handler at Integer.MIN_VALUE, which handles authentication failures.
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(this::failed);
    }

    private void rejectUnknownGroup(RoutingContext context) {
        String group = context.pathParam(GROUP);
        if (catalog.find(group).isPresent()) {
            context.next();
            return;
        }
        String detail = "No health group '" + group + "': each catalog component is a group of its own; use one of "
                + catalog.names();
        problems.send(context, ProblemMapper.componentNotFound(group, catalog.names(), detail));
    }

    private void rejectLargeBody(RoutingContext context, long limit) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parseLength(length) > limit) {
            problems.send(context, ProblemMapper.payloadTooLarge(limit), Map.of("Connection", "close"));
            return;
        }
        context.next();
    }

    /** Returns the declared length, or -1 for a malformed header, which the HTTP layer rejects by itself. */
    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void failed(RoutingContext context) {
        int status = context.statusCode();
        if (status == 404) {
            problems.send(context, ProblemMapper.notFound(context.normalizedPath()));
        } else if (status == 405) {
            problems.send(context, ProblemMapper.methodNotAllowed(context.normalizedPath(), null));
        } else if (status == 413) {
            problems.send(
                    context,
                    ProblemMapper.payloadTooLarge(
                            maxBodySize.map(MemorySize::asLongValue).orElse(-1L)));
        } else if (status >= 400 && status < 500) {
            problems.send(context, new Problem("http-" + status, "Client error", status, "The request was rejected"));
        } else {
            problems.send(context, ProblemMapper.internalError(UUID.randomUUID().toString()));
        }
    }
}
