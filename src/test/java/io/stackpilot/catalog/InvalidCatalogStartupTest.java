package io.stackpilot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up fails, naming the offending keys, when the catalog is invalid. */
class InvalidCatalogStartupTest {

    public static class InvalidProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "stackpilot.components.web.depends-on", "worker",
                    "stackpilot.components.worker.depends-on", "web,database");
        }
    }

    @QuarkusMainTest
    @TestProfile(InvalidProfile.class)
    static class CycleAndMissingDependency {
        @Test
        @Launch(
                value = {},
                exitCode = 1)
        void startupFailsNamingTheCycleAndTheMissingDependency(LaunchResult result) {
            assertThat(result.getErrorOutput() + result.getOutput())
                    .contains("Invalid component catalog")
                    .contains("stackpilot.components.web.depends-on: dependency cycle web -> worker -> web")
                    .contains("stackpilot.components.worker.depends-on: dependency 'database' is not in the catalog");
        }
    }
}
