package io.stackpilot.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.Loggable;
import io.fabric8.kubernetes.client.dsl.TailPrettyLoggable;
import io.fabric8.kubernetes.client.dsl.TimeTailPrettyLoggable;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.runtime.LogLine;
import io.stackpilot.runtime.LogQuery;
import io.stackpilot.runtime.RuntimeConflictException;
import io.stackpilot.runtime.WorkloadNotFoundException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads one container's log from a pod. Kubernetes merges a container's stdout and stderr into one log, so
 * every line is reported as stdout.
 */
final class KubernetesLogReader {

    /** Pod annotation naming the container that {@code kubectl logs} reads by default. */
    static final String DEFAULT_CONTAINER = "kubectl.kubernetes.io/default-container";

    private KubernetesLogReader() {}

    /**
     * Picks the container to read: the requested one, else the pod's default-container annotation, else the
     * first container.
     *
     * @throws WorkloadNotFoundException if the pod has no container of the requested name
     */
    static String containerOf(String component, Pod pod, Optional<String> requested) {
        List<String> names = new ArrayList<>();
        if (pod.getSpec() != null) {
            addNames(names, pod.getSpec().getContainers());
            addNames(names, pod.getSpec().getInitContainers());
        }
        String podName = pod.getMetadata().getName();
        if (requested.isPresent()) {
            if (!names.contains(requested.get())) {
                throw new WorkloadNotFoundException(
                        component,
                        RuntimeKind.KUBERNETES,
                        "Pod " + podName + " has no container '" + requested.get() + "'; its containers: "
                                + String.join(", ", names),
                        null);
            }
            return requested.get();
        }
        String annotated = pod.getMetadata().getAnnotations() == null
                ? null
                : pod.getMetadata().getAnnotations().get(DEFAULT_CONTAINER);
        if (annotated != null && names.contains(annotated)) {
            return annotated;
        }
        if (names.isEmpty()) {
            throw new WorkloadNotFoundException(
                    component, RuntimeKind.KUBERNETES, "Pod " + podName + " has no containers", null);
        }
        return names.get(0);
    }

    /** Reads the log lazily: nothing is requested until the stream is subscribed to. */
    static Multi<LogLine> read(WorkloadClient workload, Pod pod, String container, LogQuery query) {
        String podName = pod.getMetadata().getName();
        String action = "read the log of pod " + podName + " container " + container;
        Supplier<Loggable> loggable = () -> loggable(workload, podName, container, query);
        if (!query.follow()) {
            return Multi.createFrom().deferred(() -> {
                String log = request(workload, action, () -> loggable.get().getLog());
                return Multi.createFrom().iterable(toLines(log));
            });
        }
        return Multi.createFrom()
                .<LogLine>emitter(emitter -> follow(workload, action, loggable, emitter))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Loggable loggable(WorkloadClient workload, String podName, String container, LogQuery query) {
        TimeTailPrettyLoggable selected = workload.client()
                .pods()
                .inNamespace(workload.ref().namespace())
                .withName(podName)
                .inContainer(container);
        TailPrettyLoggable since = query.since()
                .<TailPrettyLoggable>map(time -> selected.sinceTime(sinceTime(time)))
                .orElse(selected);
        return query.tail().<Loggable>map(since::tailingLines).orElse(since);
    }

    private static void follow(
            WorkloadClient workload,
            String action,
            Supplier<Loggable> loggable,
            MultiEmitter<? super LogLine> emitter) {
        LogWatch watch;
        try {
            watch = request(workload, action, () -> loggable.get().watchLog());
        } catch (RuntimeException e) {
            emitter.fail(e);
            return;
        }
        emitter.onTermination(watch::close);
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
            String line;
            while (!emitter.isCancelled() && (line = reader.readLine()) != null) {
                emitter.emit(new LogLine(LogLine.Stream.STDOUT, line));
            }
            emitter.complete();
        } catch (IOException e) {
            if (!emitter.isCancelled()) {
                emitter.fail(KubernetesErrors.unreachable(workload.component(), workload.serverUrl(), e));
            }
        }
    }

    /**
     * Sends one log request. The API server returns {@code 400} while the container has not started, which
     * is a state the caller can wait out rather than a failure of stackpilot.
     */
    private static <T> T request(WorkloadClient workload, String action, Supplier<T> call) {
        return workload.call(KubernetesRequest.GET_POD_LOG, "pods/log", action, () -> {
            try {
                return call.get();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 400) {
                    throw e;
                }
                throw new RuntimeConflictException(
                        workload.component(),
                        RuntimeKind.KUBERNETES,
                        "Kubernetes has no log to " + action + " yet: " + KubernetesErrors.serverMessage(e)
                                + "; try again once the container runs",
                        e);
            }
        });
    }

    static List<LogLine> toLines(String log) {
        if (log == null || log.isEmpty()) {
            return List.of();
        }
        return log.lines().map(text -> new LogLine(LogLine.Stream.STDOUT, text)).toList();
    }

    private static void addNames(List<String> names, List<Container> containers) {
        if (containers != null) {
            containers.forEach(container -> names.add(container.getName()));
        }
    }

    /** Formats a time for the API's {@code sinceTime} parameter, which takes whole seconds in RFC 3339. */
    static String sinceTime(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
