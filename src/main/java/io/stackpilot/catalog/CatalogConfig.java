package io.stackpilot.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The component catalog as written under {@code stackpilot.components.<name>}.
 *
 * <p>{@link CatalogLoader} turns it into validated {@link Component}s; everything that can be wrong across
 * entries (unknown runtime, missing dependency, cycle) is checked there, so the messages can name the key.
 */
@ConfigMapping(prefix = "stackpilot")
public interface CatalogConfig {

    /** The components, by catalog name. */
    Map<String, ComponentConfig> components();

    /**
     * Probe timeout for entries that set no {@code probe.timeout}. The key belongs to the health settings, which
     * read it with the same default.
     */
    @WithName("health.default-timeout")
    @WithDefault("3s")
    Duration defaultProbeTimeout();

    interface ComponentConfig {

        /** {@code docker} or {@code kubernetes}. */
        String runtime();

        /** Free text shown to operators. */
        Optional<String> description();

        /** Names of the components this one needs before it can serve. */
        Optional<List<String>> dependsOn();

        /** Whether {@code /q/health/ready} includes this component's health. */
        @WithDefault("true")
        boolean critical();

        /** How long a health-gated start waits for this component to become healthy. */
        @WithDefault("120s")
        Duration startTimeout();

        /** Where to find the container, for {@code runtime: docker}. */
        Optional<DockerTarget> docker();

        /** Where to find the workload, for {@code runtime: kubernetes}. */
        Optional<KubernetesTarget> kubernetes();

        /** The deep health check. */
        Optional<ProbeConfig> probe();
    }

    interface DockerTarget {

        /** Compose project, matched against the {@code com.docker.compose.project} label. */
        Optional<String> project();

        /** Compose service, matched against the {@code com.docker.compose.service} label. */
        Optional<String> service();

        /** Explicit container name, used when {@code project} and {@code service} are not set. */
        Optional<String> containerName();
    }

    interface KubernetesTarget {

        /** Namespace of the workload. */
        String namespace();

        /** {@code Deployment} or {@code StatefulSet}. */
        @WithDefault("Deployment")
        String kind();

        /** Name of the workload. */
        String name();
    }

    interface ProbeConfig {

        /** {@code kafka}, {@code zookeeper}, {@code http} or {@code tcp}. */
        String kind();

        /** Maximum time one probe run may take; {@code stackpilot.health.default-timeout} when unset. */
        Optional<Duration> timeout();

        /** Kafka bootstrap servers as {@code host:port}, for {@code kind: kafka}. */
        Optional<List<String>> bootstrapServers();

        /** Host to connect to, for {@code zookeeper} and {@code tcp}. */
        Optional<String> host();

        /** Port to connect to, for {@code zookeeper} and {@code tcp}. */
        Optional<Integer> port();

        /** URL to request, for {@code kind: http}. */
        Optional<String> url();

        /** Accepted HTTP statuses as {@code min-max} or one code, for {@code kind: http}. */
        @WithDefault("200-399")
        String expectedStatus();

        /** Text to write after connecting, for {@code kind: tcp}; needs {@code expect}. */
        Optional<String> send();

        /**
         * Text the reply must contain, for {@code kind: tcp}. Without it the probe only connects; with it, a
         * server that accepts but does not send this text within the timeout is down.
         */
        Optional<String> expect();
    }
}
