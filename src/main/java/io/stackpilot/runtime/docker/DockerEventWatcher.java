package io.stackpilot.runtime.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import com.github.dockerjava.api.model.EventType;
import io.stackpilot.catalog.Component;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.catalog.WorkloadRef;
import io.stackpilot.runtime.RuntimeOperationException;
import io.stackpilot.runtime.WorkloadWatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * {@link WorkloadWatcher} on the Docker engine's {@code /events} stream, filtered to container events.
 *
 * <p>The stream is opened with {@code since} one second in the past, so events that happen while the
 * connection is being set up are replayed by the engine rather than lost.
 */
@ApplicationScoped
public class DockerEventWatcher implements WorkloadWatcher {

    private static final Logger LOG = Logger.getLogger(DockerEventWatcher.class);

    /** Container actions that can change what {@code docker inspect} reports; exec and attach events cannot. */
    private static final Set<String> RELEVANT_ACTIONS = Set.of(
            "create", "start", "restart", "die", "stop", "kill", "oom", "pause", "unpause", "destroy", "rename",
            "update");

    private static final String HEALTH_ACTION_PREFIX = "health_status";
    private static final Duration REPLAY_MARGIN = Duration.ofSeconds(1);

    private final DockerClients clients;
    private final DockerConfig config;

    @Inject
    public DockerEventWatcher(DockerClients clients, DockerConfig config) {
        this.clients = clients;
        this.config = config;
    }

    @Override
    public RuntimeKind kind() {
        return RuntimeKind.DOCKER;
    }

    @Override
    public Subscription watch(Collection<Component> components, Listener listener) {
        EventsCallback callback = new EventsCallback(List.copyOf(components), listener);
        try {
            clients.longRequests()
                    .eventsCmd()
                    .withEventTypeFilter(EventType.CONTAINER)
                    .withSince(sinceParameter(Instant.now().minus(REPLAY_MARGIN)))
                    .exec(callback);
        } catch (RuntimeException e) {
            throw DockerErrors.translate(null, clients.host(), "subscribe to container events", e);
        }
        callback.awaitStart(config.connectTimeout().plus(config.connectTimeout()));
        LOG.debugf("Subscribed to container events of %s", clients.host());
        return callback::closeByCaller;
    }

    /** Formats an instant as the engine's {@code since} parameter: Unix seconds with a fraction. */
    static String sinceParameter(Instant instant) {
        return instant.getEpochSecond() + "." + String.format("%09d", instant.getNano());
    }

    /** Finds the catalog component an event's container belongs to, by Compose labels or by name. */
    static List<Component> componentsOf(Event event, Collection<Component> components) {
        EventActor actor = event.getActor();
        Map<String, String> attributes =
                actor == null || actor.getAttributes() == null ? Map.of() : actor.getAttributes();
        List<Component> matches = new ArrayList<>();
        for (Component component : components) {
            if (component.workload() instanceof WorkloadRef.Docker ref && matches(ref, attributes)) {
                matches.add(component);
            }
        }
        return matches;
    }

    private static boolean matches(WorkloadRef.Docker ref, Map<String, String> attributes) {
        if (ref.byLabels()) {
            return ref.project().get().equals(attributes.get(ContainerLocator.PROJECT_LABEL))
                    && ref.service().get().equals(attributes.get(ContainerLocator.SERVICE_LABEL));
        }
        String name = ref.containerName().orElse("");
        return name.equals(stripSlash(attributes.get("name"))) || name.equals(stripSlash(attributes.get("oldName")));
    }

    static boolean isRelevant(Event event) {
        String action = event.getAction() == null ? event.getStatus() : event.getAction();
        return action != null && (RELEVANT_ACTIONS.contains(action) || action.startsWith(HEALTH_ACTION_PREFIX));
    }

    private static String stripSlash(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }

    /**
     * Turns the engine's events into listener calls. A stream that fails before {@link #awaitStart} returns is
     * reported by its exception only; after that, by one {@link Listener#closed} call unless the caller closed it.
     */
    private final class EventsCallback extends ResultCallback.Adapter<Event> {

        private final List<Component> components;
        private final Listener listener;
        private final CountDownLatch answered = new CountDownLatch(1);
        private boolean subscribed;
        private boolean ended;
        private RuntimeOperationException failure;

        EventsCallback(List<Component> components, Listener listener) {
            this.components = components;
            this.listener = listener;
        }

        @Override
        public void onStart(Closeable stream) {
            super.onStart(stream);
            answered.countDown();
        }

        @Override
        public void onNext(Event event) {
            if (!isRelevant(event) || isEnded()) {
                return;
            }
            for (Component component : componentsOf(event, components)) {
                LOG.debugf("[%s] Container event %s", component.name(), event.getAction());
                listener.changed(component);
            }
        }

        @Override
        public void onError(Throwable cause) {
            end(DockerErrors.translate(null, clients.host(), "read container events", cause));
        }

        @Override
        public void onComplete() {
            end(DockerErrors.unreachable(null, clients.host(), new IOException("the engine closed the events stream")));
        }

        void awaitStart(Duration timeout) {
            boolean inTime;
            try {
                inTime = answered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                inTime = false;
            }
            synchronized (this) {
                if (inTime && !ended) {
                    subscribed = true;
                    return;
                }
            }
            closeByCaller();
            throw failureOr(new IOException("no response to the events request within " + timeout.toMillis() + " ms"));
        }

        void closeByCaller() {
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
                subscribed = false;
            }
            closeQuietly();
        }

        private synchronized boolean isEnded() {
            return ended;
        }

        private synchronized RuntimeOperationException failureOr(IOException fallback) {
            return failure != null ? failure : DockerErrors.unreachable(null, clients.host(), fallback);
        }

        private void end(RuntimeOperationException cause) {
            boolean notify;
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
                failure = cause;
                notify = subscribed;
            }
            answered.countDown();
            closeQuietly();
            if (notify) {
                listener.closed(cause);
            }
        }

        private void closeQuietly() {
            try {
                close();
            } catch (IOException | RuntimeException e) {
                LOG.debugf(e, "Closing the container events stream failed");
            }
        }
    }
}
