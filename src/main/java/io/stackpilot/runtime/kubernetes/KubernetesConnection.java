package io.stackpilot.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.runtime.RuntimeUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The Kubernetes client and whether it points at an API server at all.
 *
 * <p>The client configures itself as fabric8 does by default: a kubeconfig file ({@code KUBECONFIG} or
 * {@code ~/.kube/config}), else the pod's service account, else {@code KUBERNETES_MASTER}. When none of these is
 * present it falls back to {@code https://kubernetes.default.svc}, which resolves only inside a cluster; that
 * case counts as "not configured", so calls fail at once with a hint instead of waiting on DNS.
 */
@ApplicationScoped
public class KubernetesConnection {

    /** Explains how to point stackpilot at an API server; part of every "not configured" message. */
    static final String NOT_CONFIGURED = "No Kubernetes API server is configured: stackpilot found no kubeconfig,"
            + " no in-cluster service account and no server URL. Point it at one with a kubeconfig file"
            + " (~/.kube/config, or the path in KUBECONFIG) or with KUBERNETES_MASTER=https://HOST:PORT."
            + " QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL also works, but only when set at build time.";

    private static final Logger LOG = Logger.getLogger(KubernetesConnection.class);

    private final KubernetesClient client;
    private final String serverUrl;
    private final Optional<String> source;

    @Inject
    public KubernetesConnection(KubernetesClient client) {
        this.client = client;
        Config config = client.getConfiguration();
        this.serverUrl = stripTrailingSlash(config.getMasterUrl());
        this.source = sourceOf(config);
        if (source.isPresent()) {
            LOG.infof("Kubernetes API server expected at %s (from %s)", serverUrl, source.get());
        } else {
            LOG.infof("Kubernetes components will report state unknown. %s", NOT_CONFIGURED);
        }
    }

    /**
     * Describes where the client's API server comes from.
     *
     * @return empty when nothing configured one and the client fell back to fabric8's in-cluster default URL
     */
    static Optional<String> sourceOf(Config config) {
        NamedContext context = config.getCurrentContext();
        if (context != null) {
            File file = config.getFile();
            return Optional.of("kubeconfig context " + context.getName() + (file == null ? "" : " in " + file));
        }
        if (config.getAutoOAuthToken() != null) {
            return Optional.of("the in-cluster service account");
        }
        if (!Config.DEFAULT_MASTER_URL.equals(stripTrailingSlash(config.getMasterUrl()))) {
            return Optional.of("an explicit server URL");
        }
        return Optional.empty();
    }

    /** Tells whether an API server is configured; when not, every call fails with {@link #NOT_CONFIGURED}. */
    public boolean configured() {
        return source.isPresent();
    }

    /** Returns the API server URL, or {@code null} when none is configured. */
    public String serverUrl() {
        return configured() ? serverUrl : null;
    }

    /** Returns the client; call {@link #requireConfigured(String)} first. */
    KubernetesClient client() {
        return client;
    }

    /**
     * Fails fast when no API server is configured.
     *
     * @param component catalog name for the exception, or {@code null} for runtime-wide calls
     * @throws RuntimeUnavailableException with {@link #NOT_CONFIGURED} as its message
     */
    void requireConfigured(String component) {
        if (!configured()) {
            throw new RuntimeUnavailableException(component, RuntimeKind.KUBERNETES, null, NOT_CONFIGURED, null);
        }
    }

    private static String stripTrailingSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
