package io.stackpilot.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.Startup;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.runtime.Failures;
import io.stackpilot.runtime.RuntimeUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.File;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The Kubernetes client and whether it points at an API server at all.
 *
 * <p>The client configures itself as fabric8 does by default: a kubeconfig file ({@code KUBECONFIG} or
 * {@code ~/.kube/config}), else the pod's service account, else {@code KUBERNETES_MASTER}. When none of these is
 * present it falls back to {@code https://kubernetes.default.svc}, which resolves only inside a cluster; that
 * case counts as "not configured", so calls fail at once with a hint instead of waiting on DNS.
 */
@Startup
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
    private final String unusableReason;

    /**
     * Creates the client from the configuration the extension finds. A kubeconfig that cannot be parsed makes
     * the Kubernetes runtime unusable with a reason, instead of failing every request that touches it.
     */
    @Inject
    public KubernetesConnection(Instance<KubernetesClient> clients) {
        this((Supplier<KubernetesClient>) clients::get);
    }

    KubernetesConnection(Supplier<KubernetesClient> clients) {
        this(createClient(clients));
    }

    /** Wraps a client that was built elsewhere. */
    public KubernetesConnection(KubernetesClient client) {
        this(client, null);
    }

    private KubernetesConnection(ClientOrFailure created) {
        this(created.client(), created.failure());
    }

    private KubernetesConnection(KubernetesClient client, String creationFailure) {
        this.client = client;
        if (client == null) {
            this.serverUrl = null;
            this.unusableReason = creationFailure;
            LOG.warnf("Kubernetes components will report state unknown. %s", unusableReason);
            return;
        }
        Config config = client.getConfiguration();
        Optional<String> source = sourceOf(config);
        this.serverUrl = source.isPresent() ? stripTrailingSlash(config.getMasterUrl()) : null;
        this.unusableReason = source.isPresent() ? null : NOT_CONFIGURED;
        if (source.isPresent()) {
            LOG.infof("Kubernetes API server expected at %s (from %s)", serverUrl, source.get());
        } else {
            LOG.infof("Kubernetes components will report state unknown. %s", NOT_CONFIGURED);
        }
    }

    private record ClientOrFailure(KubernetesClient client, String failure) {}

    private static ClientOrFailure createClient(Supplier<KubernetesClient> clients) {
        try {
            KubernetesClient client = clients.get();
            // The bean is a lazy proxy: reading its configuration creates it, which parses the kubeconfig.
            client.getConfiguration();
            return new ClientOrFailure(client, null);
        } catch (RuntimeException e) {
            return new ClientOrFailure(
                    null,
                    "The Kubernetes client configuration could not be read ("
                            + oneLine(Failures.rootMessage(e))
                            + "). Fix or remove the kubeconfig file (the path in KUBECONFIG, else ~/.kube/config).");
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

    /**
     * Tells whether an API server is configured and the client could be built; when not, every call fails
     * with {@link #unusableReason()}.
     */
    public boolean configured() {
        return unusableReason == null;
    }

    /** Returns why the runtime cannot be used, or {@code null} when it can. */
    public String unusableReason() {
        return unusableReason;
    }

    /** Returns the API server URL, or {@code null} when none is configured. */
    public String serverUrl() {
        return serverUrl;
    }

    /** Returns the client; call {@link #requireConfigured(String)} first. */
    KubernetesClient client() {
        return client;
    }

    /**
     * Fails fast when no API server is configured or the client could not be built.
     *
     * @param component catalog name for the exception, or {@code null} for runtime-wide calls
     * @throws RuntimeUnavailableException with {@link #unusableReason()} as its message
     */
    void requireConfigured(String component) {
        if (!configured()) {
            throw new RuntimeUnavailableException(component, RuntimeKind.KUBERNETES, null, unusableReason, null);
        }
    }

    /** Folds a multi-line parser message, such as a YAML error with a source excerpt, into one line. */
    private static String oneLine(String message) {
        return message.replaceAll("\\s+", " ").strip();
    }

    private static String stripTrailingSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
