package io.stackpilot.runtime.kubernetes;

import static io.stackpilot.runtime.Failures.hasCause;
import static io.stackpilot.runtime.Failures.rootMessage;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.WatcherException;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.runtime.RuntimeConflictException;
import io.stackpilot.runtime.RuntimeFailureException;
import io.stackpilot.runtime.RuntimeForbiddenException;
import io.stackpilot.runtime.RuntimeOperationException;
import io.stackpilot.runtime.RuntimeTimeoutException;
import io.stackpilot.runtime.RuntimeUnavailableException;
import io.stackpilot.runtime.WorkloadNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** Translates fabric8 failures into the runtime port's exceptions. */
final class KubernetesErrors {

    private static final RuntimeKind KUBERNETES = RuntimeKind.KUBERNETES;

    private KubernetesErrors() {}

    /**
     * Maps a failed API request.
     *
     * @param component catalog name, or {@code null} for runtime-wide calls
     * @param server the API server URL, named in connection failures
     * @param request the kind of request, whose verb a {@code 403} names; {@code null} for reading
     *     {@code /version}, which needs no grant
     * @param resource the resource that was targeted, such as {@code deployments} or {@code pods/log}
     * @param namespace the request's namespace, or {@code null} for cluster-wide requests
     * @param action what was being done, such as {@code "scale Deployment infra/headlamp to 0"}
     */
    static RuntimeOperationException translate(
            String component,
            String server,
            KubernetesRequest request,
            String resource,
            String namespace,
            String action,
            Throwable failure) {
        if (failure instanceof RuntimeOperationException translated) {
            return translated;
        }
        // fabric8 reports -1 (or 0) when no HTTP response arrived at all.
        int code = failure instanceof KubernetesClientException client ? client.getCode() : 0;
        if (code <= 0) {
            return withoutAnswer(component, server, action, failure);
        }
        return switch (code) {
            case 401, 403 -> forbidden(component, server, request, resource, namespace, code, failure);
            case 404 ->
                new WorkloadNotFoundException(
                        component,
                        KUBERNETES,
                        "Kubernetes found nothing to " + action + ": " + serverMessage(failure),
                        failure);
            case 409 ->
                new RuntimeConflictException(
                        component,
                        KUBERNETES,
                        "Kubernetes rejected the request to " + action + " because the object changed meanwhile ("
                                + serverMessage(failure) + "); send the request again",
                        failure);
            default ->
                new RuntimeFailureException(
                        component,
                        KUBERNETES,
                        "The Kubernetes API server at " + server + " failed to " + action + " (HTTP " + code + "): "
                                + serverMessage(failure),
                        failure);
        };
    }

    /**
     * Maps the failure that ended a watch after it was open.
     *
     * @param watched what the watch covered, such as {@code Deployment infra/headlamp} or
     *     {@code the pods in infra}
     * @return a {@link RuntimeFailureException} that names the expiry when the API server returned {@code 410
     *     Gone}, because the resource version the watch would resume from is no longer kept; otherwise the
     *     same exception as for a failed request
     */
    static RuntimeOperationException watchEnded(
            String server,
            KubernetesRequest request,
            String resource,
            String namespace,
            String watched,
            WatcherException failure) {
        if (failure.isHttpGone()) {
            return new RuntimeFailureException(
                    null,
                    KUBERNETES,
                    "The Kubernetes watch of " + watched + " at " + server + " expired (HTTP 410 Gone: "
                            + serverMessage(failure.asClientException())
                            + "); stackpilot watches again and reads every component",
                    failure);
        }
        return translate(null, server, request, resource, namespace, "watch " + watched, failure.asClientException());
    }

    private static RuntimeForbiddenException forbidden(
            String component,
            String server,
            KubernetesRequest request,
            String resource,
            String namespace,
            int code,
            Throwable failure) {
        String verb = request == null ? "get" : request.verb();
        String scope = namespace == null ? "cluster-wide" : "in namespace " + namespace;
        String fix = code == 401 || request == null
                ? "its credentials were rejected; renew the token or kubeconfig that stackpilot uses"
                : "grant '" + verb + "' on '" + resource + "' to stackpilot's service account in its Role"
                        + " (k8s/stackpilot-rbac.yaml)";
        return new RuntimeForbiddenException(
                component,
                KUBERNETES,
                verb,
                resource,
                namespace,
                "The Kubernetes API server at " + server + " refused to let stackpilot " + verb + " " + resource + " "
                        + scope + " (HTTP " + code + "): " + serverMessage(failure) + "; " + fix,
                failure);
    }

    /** Maps a failure that has no HTTP status: the server was not reached, or did not respond in time. */
    private static RuntimeOperationException withoutAnswer(
            String component, String server, String action, Throwable failure) {
        if (!hasCause(failure, ConnectException.class)
                && (hasCause(failure, TimeoutException.class) || hasCause(failure, InterruptedIOException.class))) {
            return new RuntimeTimeoutException(
                    component,
                    KUBERNETES,
                    "The Kubernetes API server at " + server + " did not respond in time to " + action
                            + "; check its load, or raise quarkus.kubernetes-client.request-timeout",
                    failure);
        }
        if (hasCause(failure, IOException.class)) {
            return unreachable(component, server, failure);
        }
        return new RuntimeFailureException(
                component,
                KUBERNETES,
                "Calling the Kubernetes API server at " + server + " to " + action + " failed: " + rootMessage(failure),
                failure);
    }

    static RuntimeUnavailableException unreachable(String component, String server, Throwable failure) {
        return new RuntimeUnavailableException(
                component,
                KUBERNETES,
                server,
                "The Kubernetes API server at " + server + " is unreachable (" + rootMessage(failure)
                        + "); check the cluster, or point KUBECONFIG or KUBERNETES_MASTER at a running one",
                failure);
    }

    /** Returns the API server's own message from its Status object, else the exception's. */
    static String serverMessage(Throwable failure) {
        if (failure instanceof KubernetesClientException client
                && client.getStatus() != null
                && client.getStatus().getMessage() != null) {
            return client.getStatus().getMessage();
        }
        return rootMessage(failure);
    }
}
