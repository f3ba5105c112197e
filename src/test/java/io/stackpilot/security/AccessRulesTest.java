package io.stackpilot.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessRulesTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET, /api/v1/components, viewer",
        "HEAD, /api/v1/components/kafka, viewer",
        "OPTIONS, /api/v1/components, viewer",
        "GET, /api/v1/components/kafka/health, viewer",
        "GET, /api/v1/events, viewer",
        "GET, /api/v1/operations/42, viewer",
        "POST, /api/v1/components/kafka/stop, operator",
        "POST, /api/v1/stack/start, operator",
        "DELETE, /api/v1/operations/42, operator",
        "PUT, /api/v1/components, operator",
        "PATCH, /api/v1/components/kafka, operator",
        "GET, /api/v1/audit, operator",
        "GET, /api/v1/audit/anything, operator",
        "GET, /api/v1/audit;x=1, operator",
        "GET, /api/v1/audit;, operator",
        "GET, /api/v1;v=2/audit, operator",
        "GET, /api/v1, viewer",
        "GET, /api/v2/components, viewer",
        "POST, /api/v2/components/kafka/stop, operator",
        "GET, /, viewer",
        "POST, /nope, operator",
        "GET, /q/health, open",
        "GET, /q/health/ready, open",
        "GET, /q/metrics, open",
        "POST, /q/metrics, open",
        "GET, /q/openapi, open",
        "GET, /q/swagger-ui/index.html, open",
        "GET, /qq/health, viewer",
        "GET, /q, viewer"
    })
    void roleFollowsMethodAndPath(String method, String path, String expected) {
        assertEquals(expected, describe(AccessRules.requiredRole(method, path, true)));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET, /q/openapi, viewer",
        "GET, /q/openapi.json, viewer",
        "GET, /q/swagger-ui/, viewer",
        "GET, /q/health, open",
        "GET, /q/metrics, open"
    })
    void closedDocsNeedViewer(String method, String path, String expected) {
        assertEquals(expected, describe(AccessRules.requiredRole(method, path, false)));
    }

    private static String describe(Optional<Role> role) {
        return role.map(Role::id).orElse("open");
    }
}
