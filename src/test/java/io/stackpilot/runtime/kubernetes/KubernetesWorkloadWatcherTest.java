package io.stackpilot.runtime.kubernetes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.stackpilot.catalog.Component;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.catalog.WorkloadRef;
import io.stackpilot.catalog.WorkloadRef.WorkloadKind;
import io.stackpilot.runtime.RuntimeFailureException;
import io.stackpilot.runtime.RuntimeForbiddenException;
import io.stackpilot.runtime.RuntimeOperationException;
import io.stackpilot.runtime.RuntimeUnavailableException;
import io.stackpilot.runtime.WorkloadWatcher;
import io.stackpilot.runtime.WorkloadWatcher.Subscription;
import io.stackpilot.support.K8sManifests;
import io.stackpilot.support.MockCluster;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Kubernetes watcher on the fabric8 mock API server in CRUD mode, without Quarkus. */
class KubernetesWorkloadWatcherTest {

    private static final String NAMESPACE = "infra";
    private static final Duration EVENT_WAIT = Duration.ofSeconds(5);

    private static final Component HEADLAMP = component("headlamp", WorkloadKind.DEPLOYMENT);
    private static final Component CACHE = component("cache", WorkloadKind.STATEFUL_SET);

    private KubernetesServer server;
    private KubernetesClient client;
    private KubernetesWorkloadWatcher watcher;

    @BeforeEach
    void startServer() {
        server = new KubernetesServer(false, true, InetAddress.getLoopbackAddress(), 0, List.of());
        server.before();
        client = server.getClient();
        K8sManifests.applyFresh(client, NAMESPACE);
        client.apps()
                .statefulSets()
                .inNamespace(NAMESPACE)
                .resource(new StatefulSetBuilder()
                        .withNewMetadata()
                        .withName("cache")
                        .withNamespace(NAMESPACE)
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(1)
                        .withNewSelector()
                        .addToMatchLabels("app", "cache")
                        .endSelector()
                        .endSpec()
                        .build())
                .create();
        watcher = new KubernetesWorkloadWatcher(new KubernetesConnection(client));
    }

    @AfterEach
    void stopServer() {
        server.after();
    }

    @Test
    void watchWithoutApiServerFailsAtOnce() {
        Config fallback = new ConfigBuilder(Config.empty())
                .withMasterUrl(Config.DEFAULT_MASTER_URL)
                .build();
        KubernetesClient unconfigured =
                new KubernetesClientBuilder().withConfig(fallback).build();
        RecordingListener listener = new RecordingListener();

        RuntimeUnavailableException e = assertThrows(
                RuntimeUnavailableException.class,
                () -> new KubernetesWorkloadWatcher(new KubernetesConnection(unconfigured))
                        .watch(List.of(HEADLAMP), listener));

        assertEquals(KubernetesConnection.NOT_CONFIGURED, e.getMessage());
        assertEquals(List.of(), listener.changed);
        assertEquals(List.of(), listener.closed);
        unconfigured.close();
    }

    @Test
    void watchOfRefusedServerIsUnavailable() {
        KubernetesClient refused = OfflineClient.toServer("http://127.0.0.1:1", 500);

        RuntimeUnavailableException e = assertThrows(
                RuntimeUnavailableException.class,
                () -> new KubernetesWorkloadWatcher(new KubernetesConnection(refused))
                        .watch(List.of(HEADLAMP), new RecordingListener()));

        assertTrue(
                e.getMessage().startsWith("The Kubernetes API server at http://127.0.0.1:1 is unreachable"),
                e.getMessage());
        refused.close();
    }

    @Test
    void forbiddenWatchNamesVerbAndResource() {
        server.expect()
                .get()
                .withPath(MockCluster.HEADLAMP_WATCH)
                .andReturn(
                        403,
                        new StatusBuilder()
                                .withCode(403)
                                .withReason("Forbidden")
                                .withMessage("deployments.apps is forbidden: User"
                                        + " \"system:serviceaccount:infra:stackpilot\" cannot watch resource"
                                        + " \"deployments\" in API group \"apps\" in the namespace \"infra\"")
                                .build())
                .always();
        RecordingListener listener = new RecordingListener();

        RuntimeForbiddenException e =
                assertThrows(RuntimeForbiddenException.class, () -> watcher.watch(List.of(HEADLAMP, CACHE), listener));

        assertEquals("watch", e.verb());
        assertEquals("deployments", e.resource());
        assertEquals(NAMESPACE, e.namespace());
        // fabric8 (7.5.2) keeps only the status line of a refused WebSocket upgrade, not the server's message.
        assertTrue(
                e.getMessage().contains("grant 'watch' on 'deployments' to stackpilot's service account"),
                e.getMessage());
        assertEquals(List.of(), listener.closed);
    }

    @Test
    void existingWorkloadsAreReportedWhenWatchStarts() {
        RecordingListener listener = new RecordingListener();

        try (Subscription ignored = watcher.watch(List.of(HEADLAMP, CACHE), listener)) {
            await().atMost(EVENT_WAIT).until(() -> listener.changed.containsAll(List.of("headlamp", "cache")));
        }
    }

    @Test
    void workloadChangesAreReported() {
        RecordingListener listener = new RecordingListener();

        try (Subscription ignored = watcher.watch(List.of(HEADLAMP, CACHE), listener)) {
            awaitInitialEvents(listener);

            client.apps()
                    .deployments()
                    .inNamespace(NAMESPACE)
                    .withName("headlamp")
                    .scale(3);
            await().atMost(EVENT_WAIT).until(() -> listener.changed.equals(List.of("headlamp")));

            client.apps()
                    .statefulSets()
                    .inNamespace(NAMESPACE)
                    .withName("cache")
                    .scale(0);
            await().atMost(EVENT_WAIT).until(() -> listener.changed.equals(List.of("headlamp", "cache")));

            client.apps()
                    .deployments()
                    .inNamespace(NAMESPACE)
                    .withName("headlamp")
                    .delete();
            await().atMost(EVENT_WAIT).until(() -> listener.changed.equals(List.of("headlamp", "cache", "headlamp")));
        }
    }

    @Test
    void podEventsReachOnlyTheSelectingComponent() {
        RecordingListener listener = new RecordingListener();

        try (Subscription ignored = watcher.watch(List.of(HEADLAMP, CACHE), listener)) {
            awaitInitialEvents(listener);

            createPod("cache-0", Map.of("app", "cache"));
            createPod("unrelated", Map.of("app", "something-else"));
            createPod("headlamp-5c8d7", headlampSelector());

            // One pod watch delivers events in order, so the headlamp pod's event comes after the other two.
            await().atMost(EVENT_WAIT).until(() -> listener.changed.contains("headlamp"));
            assertEquals(List.of("cache", "headlamp"), listener.changed);
        }
    }

    @Test
    void expiredWatchReportsClosedOnce() {
        MockCluster.expireNextHeadlampWatch(server, 500);
        RecordingListener listener = new RecordingListener();

        try (Subscription ignored = watcher.watch(List.of(HEADLAMP, CACHE), listener)) {
            await().atMost(EVENT_WAIT).until(() -> !listener.closed.isEmpty());

            RuntimeOperationException cause = listener.closed.get(0);
            assertInstanceOf(RuntimeFailureException.class, cause);
            assertTrue(cause.getMessage().contains("Deployment infra/headlamp"), cause.getMessage());
            assertTrue(cause.getMessage().contains("expired (HTTP 410 Gone"), cause.getMessage());
            assertTrue(cause.getMessage().contains("too old resource version"), cause.getMessage());

            // The other watches are closed with the expired one, so later changes are not reported.
            listener.changed.clear();
            RecordingListener next = new RecordingListener();
            try (Subscription again = watcher.watch(List.of(HEADLAMP, CACHE), next)) {
                awaitInitialEvents(next);
                client.apps()
                        .statefulSets()
                        .inNamespace(NAMESPACE)
                        .withName("cache")
                        .scale(2);
                await().atMost(EVENT_WAIT).until(() -> next.changed.equals(List.of("cache")));
            }
            assertEquals(List.of(), listener.changed);
            assertEquals(1, listener.closed.size());
        }
    }

    @Test
    void closedSubscriptionReportsNothing() {
        RecordingListener closedEarly = new RecordingListener();
        Subscription subscription = watcher.watch(List.of(HEADLAMP, CACHE), closedEarly);
        awaitInitialEvents(closedEarly);
        subscription.close();
        RecordingListener open = new RecordingListener();

        try (Subscription ignored = watcher.watch(List.of(HEADLAMP, CACHE), open)) {
            awaitInitialEvents(open);
            client.apps()
                    .deployments()
                    .inNamespace(NAMESPACE)
                    .withName("headlamp")
                    .scale(2);
            createPod("headlamp-5c8d7", headlampSelector());
            await().atMost(EVENT_WAIT).until(() -> open.changed.equals(List.of("headlamp", "headlamp")));
        }

        assertEquals(List.of(), closedEarly.changed);
        assertEquals(List.of(), closedEarly.closed);
    }

    /** Waits for the ADDED event of both workloads, so each selector is known, then clears the record. */
    private static void awaitInitialEvents(RecordingListener listener) {
        await().atMost(EVENT_WAIT).until(() -> listener.changed.containsAll(List.of("headlamp", "cache")));
        listener.changed.clear();
    }

    private Map<String, String> headlampSelector() {
        return client.apps()
                .deployments()
                .inNamespace(NAMESPACE)
                .withName("headlamp")
                .get()
                .getSpec()
                .getSelector()
                .getMatchLabels();
    }

    private void createPod(String name, Map<String, String> labels) {
        client.pods()
                .inNamespace(NAMESPACE)
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(NAMESPACE)
                        .withLabels(labels)
                        .endMetadata()
                        .build())
                .create();
    }

    private static Component component(String name, WorkloadKind kind) {
        return new Component(
                name,
                RuntimeKind.KUBERNETES,
                "",
                List.of(),
                false,
                new WorkloadRef.Kubernetes(NAMESPACE, kind, name),
                Optional.empty(),
                Duration.ofSeconds(30));
    }

    /** Records what a subscription reports, from the watches' threads. */
    private static final class RecordingListener implements WorkloadWatcher.Listener {

        final List<String> changed = new CopyOnWriteArrayList<>();
        final List<RuntimeOperationException> closed = new CopyOnWriteArrayList<>();

        @Override
        public void changed(Component component) {
            changed.add(component.name());
        }

        @Override
        public void closed(RuntimeOperationException cause) {
            closed.add(cause);
        }
    }
}
