package io.stackpilot.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.stackpilot.security.ApiKeyRegistry;
import java.util.HexFormat;
import java.util.Map;

/**
 * Runs the service with security on, as in production: bearer tokens signed by the throwaway test key pair in
 * {@code src/test/resources/security}, and the API keys of {@link Credentials}. Every test class that uses this
 * profile shares one service instance, so they share its audit file and its metrics.
 */
public class SecuredProfile implements QuarkusTestProfile {

    /** The audit file of the secured service. */
    public static final String AUDIT_PATH = "target/audit-secured/audit.jsonl";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("stackpilot.security.enabled", "true"),
                Map.entry("mp.jwt.verify.issuer", Credentials.ISSUER),
                Map.entry("mp.jwt.verify.publickey.location", "security/test-public.pem"),
                Map.entry("stackpilot.security.api-keys.ci-operator.sha256", hash(Credentials.OPERATOR_KEY)),
                Map.entry("stackpilot.security.api-keys.ci-operator.role", "operator"),
                Map.entry("stackpilot.security.api-keys.dashboard.sha256", hash(Credentials.VIEWER_KEY)),
                Map.entry("stackpilot.security.api-keys.dashboard.role", "viewer"),
                Map.entry("stackpilot.audit.path", AUDIT_PATH),
                Map.entry("stackpilot.metrics.state-max-age", "1s"));
    }

    private static String hash(String key) {
        return HexFormat.of().formatHex(ApiKeyRegistry.sha256(key));
    }
}
