package io.stackpilot.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The sender of a request, as the audit trail records it.
 *
 * @param name the token's user name ({@code upn}, {@code preferred_username} or {@code sub}), the API key's
 *     configured name, or {@code anonymous}
 * @param role the strongest stackpilot role the caller holds, or {@code null} for none
 * @param auth how the caller authenticated: {@code bearer}, {@code api-key} or {@code none}
 */
public record Caller(String name, Role role, String auth) {

    /** Identity attribute that names the mechanism which created it. */
    static final String AUTH_ATTRIBUTE = "stackpilot.auth";

    static final String AUTH_API_KEY = "api-key";
    static final String AUTH_BEARER = "bearer";
    static final String AUTH_NONE = "none";

    /** The caller of a request that carried no credentials, or whose credentials were not checked. */
    public static final Caller ANONYMOUS = new Caller("anonymous", null, AUTH_NONE);

    /** Routing-context key under which the access check stores the caller for the audit trail. */
    private static final String CONTEXT_KEY = "io.stackpilot.caller";

    /** Describes an authenticated identity. */
    public static Caller of(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return ANONYMOUS;
        }
        Role role = identity.hasRole(Role.OPERATOR.id())
                ? Role.OPERATOR
                : identity.hasRole(Role.VIEWER.id()) ? Role.VIEWER : null;
        String auth =
                identity.getPrincipal() instanceof JsonWebToken ? AUTH_BEARER : identity.getAttribute(AUTH_ATTRIBUTE);
        return new Caller(identity.getPrincipal().getName(), role, auth == null ? AUTH_NONE : auth);
    }

    /** Returns the caller stored for this request, or {@link #ANONYMOUS} when none was. */
    public static Caller of(RoutingContext context) {
        Caller caller = context.get(CONTEXT_KEY);
        return caller == null ? ANONYMOUS : caller;
    }

    void storeIn(RoutingContext context) {
        context.put(CONTEXT_KEY, this);
    }
}
