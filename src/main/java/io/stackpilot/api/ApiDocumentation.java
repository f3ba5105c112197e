package io.stackpilot.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The OpenAPI document's security schemes, so that Swagger UI's "Authorize" button can send a bearer token or an
 * API key with every call. Either scheme alone is enough. The OpenAPI scanner reads these annotations only from
 * a JAX-RS {@link Application}; this one adds no path prefix and leaves every resource registered.
 */
@OpenAPIDefinition(
        info = @Info(title = "stackpilot", version = "0.1.0"),
        security = {
            @SecurityRequirement(name = ApiDocumentation.BEARER),
            @SecurityRequirement(name = ApiDocumentation.API_KEY)
        })
@SecuritySchemes({
    @SecurityScheme(
            securitySchemeName = ApiDocumentation.BEARER,
            type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            bearerFormat = "JWT",
            description = "A JWT signed by the configured issuer; the groups claim holds viewer or operator"),
    @SecurityScheme(
            securitySchemeName = ApiDocumentation.API_KEY,
            type = SecuritySchemeType.APIKEY,
            in = SecuritySchemeIn.HEADER,
            apiKeyName = "X-API-Key",
            description = "A static API key whose SHA-256 hash is configured under stackpilot.security.api-keys")
})
public class ApiDocumentation extends Application {

    static final String BEARER = "bearer";
    static final String API_KEY = "apiKey";
}
