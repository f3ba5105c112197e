package io.stackpilot.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key presented in a request header, waiting to be checked by {@link ApiKeyIdentityProvider}. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /** Keeps the key out of any log line or error that prints the request. */
    @Override
    public String toString() {
        return "ApiKeyAuthenticationRequest[key=<redacted>]";
    }
}
