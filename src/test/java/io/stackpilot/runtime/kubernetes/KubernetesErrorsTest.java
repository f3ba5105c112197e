package io.stackpilot.runtime.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.WatcherException;
import io.stackpilot.runtime.RuntimeConflictException;
import io.stackpilot.runtime.RuntimeFailureException;
import io.stackpilot.runtime.RuntimeForbiddenException;
import io.stackpilot.runtime.RuntimeOperationException;
import io.stackpilot.runtime.RuntimeTimeoutException;
import io.stackpilot.runtime.RuntimeUnavailableException;
import io.stackpilot.runtime.WorkloadNotFoundException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Translation of fabric8 failures, against real sockets where the failure is a connection's. */
class KubernetesErrorsTest {

    private static final String SERVER = "https://203.0.113.10:6443";

    @Test
    void refusedConnectionIsUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;

        RuntimeOperationException failure = translateGet(url);

        RuntimeUnavailableException unavailable = assertInstanceOf(RuntimeUnavailableException.class, failure);
        assertEquals(url, unavailable.endpoint());
        assertTrue(failure.getMessage().startsWith("The Kubernetes API server at " + url + " is unreachable ("));
        assertTrue(failure.getMessage().contains("KUBECONFIG"), failure.getMessage());
    }

    @Test
    void silentServerTimesOut() throws IOException {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> acceptAndKeepSilent(socket, accepted), "silent-api-server");
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + socket.getLocalPort();

            RuntimeOperationException failure = translateGet(url);

            assertInstanceOf(RuntimeTimeoutException.class, failure, failure.getMessage());
            assertTrue(failure.getMessage().contains("did not respond in time"), failure.getMessage());
        } finally {
            for (Socket connection : accepted) {
                connection.close();
            }
        }
    }

    @Test
    void forbiddenNamesVerbResourceAndNamespace() {
        KubernetesClientException refused = status(
                403,
                "deployments.apps \"headlamp\" is forbidden: User \"system:serviceaccount:infra:stackpilot\""
                        + " cannot patch resource \"deployments\" in API group \"apps\" in the namespace \"infra\"");

        RuntimeOperationException failure = KubernetesErrors.translate(
                "headlamp", SERVER, KubernetesRequest.PATCH_WORKLOAD, "deployments", "infra", "scale", refused);

        RuntimeForbiddenException forbidden = assertInstanceOf(RuntimeForbiddenException.class, failure);
        assertEquals("patch", forbidden.verb());
        assertEquals("deployments", forbidden.resource());
        assertEquals("infra", forbidden.namespace());
        assertEquals("headlamp", forbidden.component());
        assertTrue(
                failure.getMessage()
                        .startsWith("The Kubernetes API server at " + SERVER
                                + " refused to let stackpilot patch deployments in namespace infra (HTTP 403):"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("cannot patch resource"), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("k8s/stackpilot-rbac.yaml)"), failure.getMessage());
    }

    @Test
    void statusCodesMapToDomainExceptions() {
        assertInstanceOf(WorkloadNotFoundException.class, translate(status(404, "not found")));
        assertInstanceOf(RuntimeConflictException.class, translate(status(409, "the object has been modified")));
        assertInstanceOf(RuntimeFailureException.class, translate(status(500, "etcd timed out")));
        assertInstanceOf(RuntimeForbiddenException.class, translate(status(401, "Unauthorized")));
    }

    @Test
    void expiredWatchNamesTheExpiry() {
        WatcherException gone = new WatcherException(
                "too old resource version",
                new KubernetesClientException(new StatusBuilder()
                        .withCode(410)
                        .withReason("Expired")
                        .withMessage("too old resource version: 1 (42)")
                        .build()));

        RuntimeOperationException failure = KubernetesErrors.watchEnded(
                SERVER, KubernetesRequest.WATCH_PODS, "pods", "infra", "the pods in infra", gone);

        assertInstanceOf(RuntimeFailureException.class, failure);
        assertEquals(
                "The Kubernetes watch of the pods in infra at " + SERVER + " expired (HTTP 410 Gone: too old resource"
                        + " version: 1 (42)); stackpilot watches again and reads every component",
                failure.getMessage());
    }

    @Test
    void brokenWatchMapsLikeARequest() {
        WatcherException broken = new WatcherException("Could not process Watch response", new IOException("reset"));
        WatcherException forbidden =
                new WatcherException("watch failed", status(403, "cannot watch resource \"pods\""));

        RuntimeOperationException unreachable = KubernetesErrors.watchEnded(
                SERVER, KubernetesRequest.WATCH_PODS, "pods", "infra", "the pods in infra", broken);
        RuntimeOperationException refused = KubernetesErrors.watchEnded(
                SERVER, KubernetesRequest.WATCH_PODS, "pods", "infra", "the pods in infra", forbidden);

        assertInstanceOf(RuntimeUnavailableException.class, unreachable);
        RuntimeForbiddenException denied = assertInstanceOf(RuntimeForbiddenException.class, refused);
        assertEquals("watch", denied.verb());
        assertEquals("pods", denied.resource());
    }

    @Test
    void conflictAsksToRepeat() {
        RuntimeOperationException failure = translate(status(409, "the object has been modified"));

        assertEquals(
                "Kubernetes rejected the request to scale Deployment infra/headlamp to 0 because the object changed"
                        + " meanwhile (the object has been modified); send the request again",
                failure.getMessage());
    }

    private static RuntimeOperationException translate(KubernetesClientException failure) {
        return KubernetesErrors.translate(
                "headlamp",
                SERVER,
                KubernetesRequest.PATCH_WORKLOAD,
                "deployments",
                "infra",
                "scale Deployment infra/headlamp to 0",
                failure);
    }

    private static RuntimeOperationException translateGet(String url) {
        try (KubernetesClient client = OfflineClient.toServer(url, 500)) {
            RuntimeException failure = assertThrows(
                    RuntimeException.class,
                    () -> client.apps()
                            .deployments()
                            .inNamespace("infra")
                            .withName("headlamp")
                            .get());
            return KubernetesErrors.translate(
                    "headlamp",
                    url,
                    KubernetesRequest.GET_WORKLOAD,
                    "deployments",
                    "infra",
                    "read Deployment infra/headlamp",
                    failure);
        }
    }

    private static KubernetesClientException status(int code, String message) {
        return new KubernetesClientException(
                new StatusBuilder().withCode(code).withMessage(message).build());
    }

    private static void acceptAndKeepSilent(ServerSocket socket, List<Socket> accepted) {
        while (!socket.isClosed()) {
            try {
                accepted.add(socket.accept());
            } catch (IOException closed) {
                return;
            }
        }
    }
}
