package io.stackpilot.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The docker-java clients stackpilot uses: one with a response timeout for short requests, and one without
 * for requests that wait on the container (stop, restart, followed logs, events).
 */
@ApplicationScoped
public class DockerClients {

    static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private static final Logger LOG = Logger.getLogger(DockerClients.class);

    private final String host;
    private final DockerClient shortRequests;
    private final DockerClient longRequests;

    @Inject
    public DockerClients(DockerConfig config, @ConfigProperty(name = "DOCKER_HOST") Optional<String> dockerHostEnv) {
        this.host = resolveHost(config.host(), dockerHostEnv);
        DockerClientConfig clientConfig = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .build();
        this.shortRequests = client(clientConfig, config.connectTimeout(), config.responseTimeout());
        this.longRequests = client(clientConfig, config.connectTimeout(), null);
        LOG.infof("Docker engine expected at %s", host);
    }

    static String resolveHost(Optional<String> configured, Optional<String> environment) {
        return configured
                .filter(value -> !value.isBlank())
                .or(() -> environment.filter(value -> !value.isBlank()))
                .orElse(DEFAULT_HOST);
    }

    private static DockerClient client(DockerClientConfig config, Duration connectTimeout, Duration responseTimeout) {
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(connectTimeout);
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        DockerHttpClient transport = http.build();
        return DockerClientImpl.getInstance(config, transport);
    }

    /** Returns the Docker host URI in use, for messages and health data. */
    public String host() {
        return host;
    }

    /** Returns the client for requests that should answer within the response timeout. */
    public DockerClient shortRequests() {
        return shortRequests;
    }

    /** Returns the client without a response timeout, for stop, restart and streams. */
    public DockerClient longRequests() {
        return longRequests;
    }

    @PreDestroy
    void close() {
        closeQuietly(shortRequests);
        closeQuietly(longRequests);
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debugf(e, "Closing a Docker client failed");
        }
    }
}
