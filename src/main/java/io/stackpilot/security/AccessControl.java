package io.stackpilot.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.stackpilot.api.HttpProblems;
import io.stackpilot.api.ProblemMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Checks every HTTP request against {@link AccessRules} before any resource handles it: a request without
 * credentials, or with rejected ones, gets 401 with {@code WWW-Authenticate}; a caller without the role gets 403.
 * Both are problem+json. The caller is stored on the request for the audit trail.
 *
 * <p>Authentication is lazy ({@code quarkus.http.auth.proactive=false}), so credentials are only checked where a
 * role is needed, and not at all while {@code stackpilot.security.enabled} is {@code false}.
 */
@ApplicationScoped
public class AccessControl {

    private static final Logger LOG = Logger.getLogger(AccessControl.class);

    /**
     * Route order: after the built-in authentication handler has attached the lazy identity, before the body-size
     * check and every resource route.
     */
    static final int ORDER = -20;

    private final SecurityConfig config;
    private final ApiKeyRegistry keys;
    private final IdentityProviderManager identityProviders;
    private final HttpProblems problems;
    private final Optional<String> jwtIssuer;

    @Inject
    public AccessControl(
            SecurityConfig config,
            ApiKeyRegistry keys,
            IdentityProviderManager identityProviders,
            HttpProblems problems,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> jwtIssuer) {
        this.config = config;
        this.keys = keys;
        this.identityProviders = identityProviders;
        this.problems = problems;
        this.jwtIssuer = jwtIssuer;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
        // Lazy authentication can also fail the request itself, so those failures get the same 401.
        router.route().order(Integer.MIN_VALUE).failureHandler(this::authenticationFailed);
    }

    void logMode(@Observes StartupEvent started) {
        if (!config.enabled()) {
            LOG.warn("Security is disabled (stackpilot.security.enabled=false): every caller may start and stop"
                    + " components and read the audit trail; never run like this where others can reach the port");
            return;
        }
        Config settings = ConfigProvider.getConfig();
        boolean tokenKey = settings.getOptionalValue("mp.jwt.verify.publickey.location", String.class)
                .or(() -> settings.getOptionalValue("mp.jwt.verify.publickey", String.class))
                .isPresent();
        LOG.infof(
                "Security is enabled: bearer tokens from issuer %s %s, %d API keys %s, OpenAPI and Swagger UI %s",
                jwtIssuer.orElse("(any)"),
                tokenKey ? "are verified" : "are all rejected because no public key is configured",
                keys.names().size(),
                keys.names(),
                config.publicDocs() ? "open" : "protected");
    }

    private void check(RoutingContext context) {
        if (!config.enabled()) {
            context.next();
            return;
        }
        String method = context.request().method().name();
        Optional<Role> required = AccessRules.requiredRole(method, context.normalizedPath(), config.publicDocs());
        if (required.isEmpty()) {
            context.next();
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(context, identityProviders)
                .subscribe()
                .with(
                        identity -> decide(context, identity, required.get()),
                        failure -> rejectCredentials(context, failure));
    }

    private void decide(RoutingContext context, SecurityIdentity identity, Role required) {
        Caller caller = Caller.of(identity);
        caller.storeIn(context);
        if (identity.isAnonymous()) {
            sendUnauthorized(context, false);
        } else if (caller.role() == null || !caller.role().satisfies(required)) {
            String held = caller.role() == null
                    ? "no stackpilot role"
                    : "the role " + caller.role().id();
            problems.send(
                    context,
                    ProblemMapper.forbidden("This request needs the role " + required.id() + ", but caller '"
                                    + caller.name() + "' has " + held + "; ask for a token or key with that role")
                            .with("requiredRole", required.id()));
        } else {
            context.next();
        }
    }

    private void rejectCredentials(RoutingContext context, Throwable failure) {
        if (failure instanceof AuthenticationFailedException) {
            // The exception text can come from the token parser; log only its class, never the credentials.
            LOG.debugf(
                    "Credentials rejected for %s: %s",
                    context.normalizedPath(), failure.getClass().getName());
            sendUnauthorized(context, true);
            return;
        }
        LOG.errorf(failure, "Authentication of a request to %s failed unexpectedly", context.normalizedPath());
        context.fail(failure);
    }

    private void authenticationFailed(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationFailedException) {
            sendUnauthorized(context, true);
        } else if (failure instanceof UnauthorizedException) {
            sendUnauthorized(context, false);
        } else if (failure instanceof ForbiddenException) {
            problems.send(context, ProblemMapper.forbidden("The caller's role does not allow this request"));
        } else {
            context.next();
        }
    }

    /** Sends a 401; {@code rejected} means that credentials were sent but not accepted. */
    private void sendUnauthorized(RoutingContext context, boolean rejected) {
        if (rejected) {
            new Caller(Caller.ANONYMOUS.name(), null, presentedMechanism(context)).storeIn(context);
        }
        String detail = rejected ? ProblemMapper.INVALID_CREDENTIALS : ProblemMapper.MISSING_CREDENTIALS;
        problems.send(
                context,
                ProblemMapper.unauthorized(detail),
                Map.of("WWW-Authenticate", ProblemMapper.challenge(rejected, config.apiKeyHeader())));
    }

    private String presentedMechanism(RoutingContext context) {
        if (context.request().getHeader(config.apiKeyHeader()) != null) {
            return Caller.AUTH_API_KEY;
        }
        return context.request().getHeader(HttpHeaders.AUTHORIZATION) != null ? Caller.AUTH_BEARER : Caller.AUTH_NONE;
    }
}
