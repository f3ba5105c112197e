package io.stackpilot.security;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which role a request needs from its method and path alone, so every endpoint, including ones added
 * later, is covered without annotations.
 *
 * <ul>
 *   <li>{@code /q/*} (health, metrics, and OpenAPI and Swagger UI while they are public) needs nothing.
 *   <li>{@code /api/v1/audit} needs {@link Role#OPERATOR} for every method.
 *   <li>Any other {@code GET}, {@code HEAD} or {@code OPTIONS} needs {@link Role#VIEWER}.
 *   <li>Any other method needs {@link Role#OPERATOR}.
 * </ul>
 *
 * Paths outside {@code /q/} are protected whether or not a resource exists there, so an unusual spelling of
 * an API path can never slip past as "not an API path".
 */
public final class AccessRules {

    static final String AUDIT_PATH = "/api/v1/audit";

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String NON_APPLICATION_ROOT = "/q/";

    /** A segment's matrix parameters: from a semicolon to the next slash. */
    private static final Pattern MATRIX_PARAMETERS = Pattern.compile(";[^/]*");

    private AccessRules() {}

    /**
     * Returns the role a request needs, or empty when it is open to anonymous callers.
     *
     * @param method the HTTP method
     * @param normalizedPath the request path with dot segments removed
     * @param publicDocs whether OpenAPI and Swagger UI are open
     */
    public static Optional<Role> requiredRole(String method, String normalizedPath, boolean publicDocs) {
        // Matrix parameters (";name=value" after a segment) never reach resource matching, so they must not
        // change which rule applies: /api/v1/audit;x=1 is the audit endpoint.
        String path = normalizedPath.indexOf(';') < 0
                ? normalizedPath
                : MATRIX_PARAMETERS.matcher(normalizedPath).replaceAll("");
        if (path.startsWith(NON_APPLICATION_ROOT) && (publicDocs || !isDocs(path))) {
            return Optional.empty();
        }
        if (path.equals(AUDIT_PATH) || path.startsWith(AUDIT_PATH + "/")) {
            return Optional.of(Role.OPERATOR);
        }
        return Optional.of(READ_METHODS.contains(method) ? Role.VIEWER : Role.OPERATOR);
    }

    private static boolean isDocs(String path) {
        return path.startsWith("/q/openapi") || path.startsWith("/q/swagger-ui");
    }
}
