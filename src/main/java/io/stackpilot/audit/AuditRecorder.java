package io.stackpilot.audit;

import io.stackpilot.security.Caller;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records every request under {@code /api/} that may change state (any method but {@code GET}, {@code HEAD}
 * and {@code OPTIONS}), and every request there refused with 401 or 403, whatever answered it: a resource, the
 * access check, or the routing layer. The record is written and synced while the response headers are being
 * sent, so the client never sees an answer whose record is not yet on disk.
 *
 * <p>The operation id comes from the response header {@value #OPERATION_ID_HEADER} or, failing that, from a
 * {@code Location} header pointing at {@code /api/v1/operations/{id}}.
 */
@ApplicationScoped
public class AuditRecorder {

    /** Response header that names the long-running operation a request started. */
    public static final String OPERATION_ID_HEADER = "X-Operation-Id";

    /** Route order: before the access check, so the refusals it sends are recorded too. */
    static final int ORDER = -30;

    private static final String API_PREFIX = "/api/";
    private static final String API_ROOT = "/api/v1/";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern OPERATION_LOCATION = Pattern.compile("/api/v1/operations/([^/?#]+)");
    private static final int MAX_TEXT = 200;
    private static final int MAX_PARAMETERS = 20;

    private final AuditLog audit;

    @Inject
    public AuditRecorder(AuditLog audit) {
        this.audit = audit;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::track);
    }

    private void track(RoutingContext context) {
        if (context.normalizedPath().startsWith(API_PREFIX)) {
            Instant arrived = Instant.now();
            long startNanos = System.nanoTime();
            context.addHeadersEndHandler(ignored -> recordIfAudited(context, arrived, startNanos));
        }
        context.next();
    }

    // NOTE: a refusal sent by a route handler is recorded on the event loop, so each one blocks it for one fsync.
    private void recordIfAudited(RoutingContext context, Instant arrived, long startNanos) {
        int status = context.response().getStatusCode();
        String method = context.request().method().name();
        if (READ_METHODS.contains(method) && status != 401 && status != 403) {
            return;
        }
        String path = context.normalizedPath();
        Target target = Target.of(method, path);
        Caller caller = Caller.of(context);
        audit.record(new AuditRecord(
                arrived,
                caller.name(),
                caller.role() == null ? null : caller.role().id(),
                caller.auth(),
                clientAddress(context),
                method,
                truncate(path),
                truncate(target.name()),
                truncate(target.action()),
                parameters(context),
                status,
                AuditRecord.outcomeOf(status),
                operationId(context.response().headers()),
                Duration.ofNanos(System.nanoTime() - startNanos).toMillis()));
    }

    /**
     * What a request acts on. The path decides: {@code components/{name}/{action}} targets the component,
     * {@code stack/{action}} targets {@code stack}, and any other path targets itself with the lower-case method
     * as action.
     */
    record Target(String name, String action) {

        static Target of(String method, String path) {
            String verb = method.toLowerCase(Locale.ROOT);
            String rest = path.startsWith(API_ROOT) ? path.substring(API_ROOT.length()) : path;
            // Matrix parameters (';name=value') do not change which resource JAX-RS matches, so drop them.
            String[] segments = rest.replaceAll(";[^/]*", "").split("/");
            if (segments.length >= 2 && segments[0].equals("components") && !segments[1].isEmpty()) {
                return new Target(segments[1], segments.length >= 3 ? segments[2] : verb);
            }
            if (segments[0].equals("stack")) {
                return new Target("stack", segments.length >= 2 ? segments[1] : verb);
            }
            return new Target(rest.isEmpty() ? path : rest, verb);
        }
    }

    private static Map<String, String> parameters(RoutingContext context) {
        if (context.request().query() == null) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        try {
            MultiMap query = context.queryParams();
            for (String name : query.names()) {
                if (parameters.size() == MAX_PARAMETERS) {
                    break;
                }
                parameters.put(truncate(name), truncate(String.join(",", query.getAll(name))));
            }
        } catch (IllegalArgumentException e) {
            // A query string that cannot be decoded is kept as sent, so the record still shows it.
            parameters.put("query", truncate(context.request().query()));
        }
        return parameters.isEmpty() ? null : parameters;
    }

    private static String operationId(MultiMap headers) {
        String id = headers.get(OPERATION_ID_HEADER);
        if (id != null) {
            return truncate(id);
        }
        String location = headers.get(HttpHeaders.LOCATION);
        if (location == null) {
            return null;
        }
        Matcher matcher = OPERATION_LOCATION.matcher(location);
        return matcher.find() ? truncate(matcher.group(1)) : null;
    }

    private static String clientAddress(RoutingContext context) {
        SocketAddress address = context.request().remoteAddress();
        return address == null ? null : address.hostAddress();
    }

    private static String truncate(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, MAX_TEXT) + "...";
    }
}
