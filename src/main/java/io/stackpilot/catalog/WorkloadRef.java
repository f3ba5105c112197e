package io.stackpilot.catalog;

import java.util.Optional;

/** How a runtime finds a component's workload. */
public sealed interface WorkloadRef permits WorkloadRef.Docker, WorkloadRef.Kubernetes {

    /** Returns a short human-readable description, used in logs and error messages. */
    String describe();

    /**
     * A Docker container, found by its Compose labels or by an explicit name.
     *
     * @param project value of the {@code com.docker.compose.project} label, with {@code service}
     * @param service value of the {@code com.docker.compose.service} label, with {@code project}
     * @param containerName an explicit container name, used when the labels are not set
     */
    record Docker(Optional<String> project, Optional<String> service, Optional<String> containerName)
            implements WorkloadRef {

        public boolean byLabels() {
            return project.isPresent() && service.isPresent();
        }

        @Override
        public String describe() {
            if (byLabels()) {
                return "compose service " + project.get() + "/" + service.get();
            }
            return "container " + containerName.orElse("?");
        }
    }

    /**
     * A Kubernetes workload.
     *
     * @param namespace its namespace
     * @param kind {@link WorkloadKind#DEPLOYMENT} or {@link WorkloadKind#STATEFUL_SET}
     * @param name its name
     */
    record Kubernetes(String namespace, WorkloadKind kind, String name) implements WorkloadRef {

        @Override
        public String describe() {
            return kind.apiName() + " " + namespace + "/" + name;
        }
    }

    /** The Kubernetes workload kinds stackpilot can scale and restart. */
    enum WorkloadKind {
        DEPLOYMENT("Deployment", "deployments"),
        STATEFUL_SET("StatefulSet", "statefulsets");

        private final String apiName;
        private final String resource;

        WorkloadKind(String apiName, String resource) {
            this.apiName = apiName;
            this.resource = resource;
        }

        /** Returns the kind as the Kubernetes API spells it, such as {@code Deployment}. */
        public String apiName() {
            return apiName;
        }

        /** Returns the plural resource name, such as {@code deployments}. */
        public String resource() {
            return resource;
        }

        public static Optional<WorkloadKind> parse(String value) {
            for (WorkloadKind kind : values()) {
                if (kind.apiName.equalsIgnoreCase(value.trim())) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }
}
