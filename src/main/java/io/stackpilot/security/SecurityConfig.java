package io.stackpilot.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * Authentication and authorization settings, under {@code stackpilot.security}.
 *
 * <p>Bearer tokens are verified by SmallRye JWT, configured with the standard {@code mp.jwt.verify.*} keys
 * (issuer and public key); their roles come from the {@code groups} claim.
 */
@ConfigMapping(prefix = "stackpilot.security")
public interface SecurityConfig {

    /**
     * Whether callers must authenticate. When {@code false} every request is let through as an anonymous
     * caller, which is only meant for local development and tests.
     */
    @WithDefault("true")
    boolean enabled();

    /** Request header that carries an API key. */
    @WithDefault("X-API-Key")
    String apiKeyHeader();

    /**
     * Whether {@code /q/openapi} and Swagger UI are open to anonymous callers. When {@code false} they need a
     * viewer credential like any other read.
     */
    @WithDefault("true")
    boolean publicDocs();

    /** Static API keys by name; the name is the caller identity recorded in the audit trail. */
    Map<String, ApiKey> apiKeys();

    /** One static API key, stored only as the hash of its value. */
    interface ApiKey {

        /** Lower-case hex SHA-256 of the key's UTF-8 bytes, as {@code sha256sum} prints it. */
        String sha256();

        /** The role the key grants: {@code viewer} or {@code operator}. */
        String role();
    }
}
