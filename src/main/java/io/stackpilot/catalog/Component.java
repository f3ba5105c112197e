package io.stackpilot.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One validated catalog entry.
 *
 * @param name catalog name, unique, also the path segment in the REST API
 * @param runtime where the workload runs
 * @param description free text for operators, may be empty
 * @param dependsOn names of the components this one needs, all present in the catalog
 * @param critical whether the service's readiness depends on this component's health
 * @param workload how the runtime finds the workload
 * @param probe the deep health check, if any
 * @param startTimeout how long a health-gated start waits for the component to become healthy
 */
public record Component(
        String name,
        RuntimeKind runtime,
        String description,
        List<String> dependsOn,
        boolean critical,
        WorkloadRef workload,
        Optional<ProbeSpec> probe,
        Duration startTimeout) {

    public Component {
        dependsOn = List.copyOf(dependsOn);
    }
}
