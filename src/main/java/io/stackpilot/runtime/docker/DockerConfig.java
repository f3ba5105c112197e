package io.stackpilot.runtime.docker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How stackpilot reaches the Docker engine, under {@code stackpilot.docker}. */
@ConfigMapping(prefix = "stackpilot.docker")
public interface DockerConfig {

    /**
     * Docker host URI such as {@code unix:///var/run/docker.sock} or {@code tcp://127.0.0.1:2375}. When unset,
     * the {@code DOCKER_HOST} environment variable is used, then the default unix socket.
     */
    Optional<String> host();

    /** Longest time to wait for a connection to the engine. */
    @WithDefault("3s")
    Duration connectTimeout();

    /**
     * Longest time to wait for an answer to a short request (list, inspect, start). Stop, restart and
     * followed logs are exempt because they legitimately take as long as the grace period or the stream.
     */
    @WithDefault("30s")
    Duration responseTimeout();
}
