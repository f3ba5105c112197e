package io.stackpilot.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a recognised API key into an identity named after the key, holding the key's role. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final ApiKeyRegistry keys;

    @Inject
    public ApiKeyIdentityProvider(ApiKeyRegistry keys) {
        this.keys = keys;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return Uni.createFrom()
                .item(() -> keys.match(request.key())
                        .map(ApiKeyIdentityProvider::identity)
                        // The message never contains the key: it reaches logs at debug level.
                        .orElseThrow(() -> new AuthenticationFailedException("The API key is not configured")));
    }

    private static SecurityIdentity identity(ApiKeyRegistry.Entry entry) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(entry.name()))
                .addRole(entry.role().id())
                .addAttribute(Caller.AUTH_ATTRIBUTE, Caller.AUTH_API_KEY)
                .build();
    }
}
