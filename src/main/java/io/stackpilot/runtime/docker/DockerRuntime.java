package io.stackpilot.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Version;
import io.smallrye.mutiny.Multi;
import io.stackpilot.catalog.Component;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.catalog.WorkloadRef;
import io.stackpilot.runtime.LifecycleResult;
import io.stackpilot.runtime.LogLine;
import io.stackpilot.runtime.LogQuery;
import io.stackpilot.runtime.RuntimeOperationException;
import io.stackpilot.runtime.RuntimeProbe;
import io.stackpilot.runtime.ServiceRuntime;
import io.stackpilot.runtime.WorkloadNotFoundException;
import io.stackpilot.runtime.WorkloadStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** {@link ServiceRuntime} for containers on a Docker engine, through docker-java. */
@ApplicationScoped
public class DockerRuntime implements ServiceRuntime {

    private static final Logger LOG = Logger.getLogger(DockerRuntime.class);

    private final DockerClients clients;

    @Inject
    public DockerRuntime(DockerClients clients) {
        this.clients = clients;
    }

    @Override
    public RuntimeKind kind() {
        return RuntimeKind.DOCKER;
    }

    @Override
    public RuntimeProbe probe() {
        try {
            Version version = clients.shortRequests().versionCmd().exec();
            return new RuntimeProbe(RuntimeKind.DOCKER, true, clients.host(), version.getVersion(), null);
        } catch (RuntimeException e) {
            RuntimeOperationException failure = DockerErrors.translate(null, clients.host(), "read its version", e);
            return new RuntimeProbe(RuntimeKind.DOCKER, false, clients.host(), null, failure.getMessage());
        }
    }

    @Override
    public WorkloadStatus status(Component component) {
        return call(
                component,
                "inspect " + ref(component).describe(),
                () -> ContainerLocator.find(clients.shortRequests(), ref(component))
                        .map(DockerStatusMapper::toStatus)
                        .orElseGet(() -> WorkloadStatus.notCreated("no container found for "
                                + ref(component).describe() + "; create it with docker compose up or docker create")));
    }

    @Override
    public LifecycleResult start(Component component) {
        InspectContainerResponse container = require(component);
        String id = container.getId();
        boolean changed = call(component, "start container " + name(container), () -> {
            DockerClient client = clients.shortRequests();
            if (Boolean.TRUE.equals(container.getState().getPaused())) {
                client.unpauseContainerCmd(id).exec();
                return true;
            }
            try {
                client.startContainerCmd(id).exec();
                return true;
            } catch (NotModifiedException alreadyRunning) {
                return false;
            }
        });
        logChange(component, "started", container, changed);
        return new LifecycleResult(changed, status(component));
    }

    @Override
    public LifecycleResult stop(Component component, Duration grace) {
        InspectContainerResponse container = require(component);
        boolean changed = call(component, "stop container " + name(container), () -> {
            try {
                clients.longRequests()
                        .stopContainerCmd(container.getId())
                        .withTimeout(seconds(grace))
                        .exec();
                return true;
            } catch (NotModifiedException alreadyStopped) {
                return false;
            }
        });
        logChange(component, "stopped", container, changed);
        return new LifecycleResult(changed, status(component));
    }

    @Override
    public LifecycleResult restart(Component component, Duration grace) {
        InspectContainerResponse container = require(component);
        call(
                component,
                "restart container " + name(container),
                () -> clients.longRequests()
                        .restartContainerCmd(container.getId())
                        .withTimeout(seconds(grace))
                        .exec());
        logChange(component, "restarted", container, true);
        return new LifecycleResult(true, status(component));
    }

    @Override
    public Multi<LogLine> logs(Component component, LogQuery query) {
        InspectContainerResponse container = require(component);
        DockerClient client = query.follow() ? clients.longRequests() : clients.shortRequests();
        String action = "read logs of container " + name(container);
        return DockerLogReader.read(client, container.getId(), query, failure -> translate(component, action, failure));
    }

    private InspectContainerResponse require(Component component) {
        WorkloadRef.Docker ref = ref(component);
        return call(component, "inspect " + ref.describe(), () -> ContainerLocator.find(clients.shortRequests(), ref))
                .orElseThrow(() -> new WorkloadNotFoundException(
                        component.name(),
                        RuntimeKind.DOCKER,
                        "Component '" + component.name() + "' has no container (" + ref.describe()
                                + "); create it with docker compose up or docker create first",
                        null));
    }

    private <T> T call(Component component, String action, Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            throw translate(component, action, e);
        }
    }

    private void call(Component component, String action, Runnable request) {
        call(component, action, () -> {
            request.run();
            return null;
        });
    }

    private RuntimeOperationException translate(Component component, String action, Throwable failure) {
        return DockerErrors.translate(component.name(), clients.host(), action, failure);
    }

    private static void logChange(
            Component component, String verb, InspectContainerResponse container, boolean changed) {
        if (changed) {
            LOG.infof("[%s] Container %s (%s) %s", component.name(), name(container), shortId(container), verb);
        } else {
            LOG.debugf(
                    "[%s] Container %s (%s) already %s", component.name(), name(container), shortId(container), verb);
        }
    }

    private static WorkloadRef.Docker ref(Component component) {
        return (WorkloadRef.Docker) component.workload();
    }

    private static String name(InspectContainerResponse container) {
        String name = container.getName();
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }

    private static String shortId(InspectContainerResponse container) {
        return container.getId().substring(0, Math.min(12, container.getId().length()));
    }

    private static int seconds(Duration grace) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, grace.toSeconds()));
    }
}
