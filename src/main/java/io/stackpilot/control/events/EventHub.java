package io.stackpilot.control.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Publishes component, operation and step events to live subscribers and keeps the latest ones for replay.
 *
 * <p>Publishing and subscribing share one lock, so a subscriber gets the replayed events and then every later
 * event exactly once and in id order.
 */
@ApplicationScoped
public class EventHub {

    private static final Logger LOG = Logger.getLogger(EventHub.class);

    private final int replaySize;
    private final Deque<StackEvent> recent = new ArrayDeque<>();
    private final List<Consumer<StackEvent>> subscribers = new CopyOnWriteArrayList<>();
    private long lastId;

    @Inject
    public EventHub(EventsConfig config) {
        this.replaySize = config.replaySize();
    }

    /** Publishes an event to every subscriber and returns it with its id. */
    public synchronized StackEvent publish(String type, Object data) {
        StackEvent event = new StackEvent(++lastId, type, Instant.now(), data);
        recent.addLast(event);
        if (recent.size() > replaySize) {
            recent.removeFirst();
        }
        for (Consumer<StackEvent> subscriber : subscribers) {
            deliver(subscriber, event);
        }
        return event;
    }

    /**
     * Subscribes to events after {@code lastSeenId}: the kept ones are delivered at once, before any later
     * event.
     *
     * @param lastSeenId the last id the client saw, or {@code null} for live events only
     * @param onGap runs before the replay when events after {@code lastSeenId} are no longer kept, or when the
     *     id is newer than any event of this run of the service; the client should read the state again
     * @return a handle that ends the subscription
     */
    public synchronized Subscription subscribe(Long lastSeenId, Consumer<StackEvent> subscriber, Runnable onGap) {
        if (lastSeenId != null) {
            long oldestKept = recent.isEmpty() ? lastId + 1 : recent.peekFirst().id();
            if (lastSeenId + 1 < oldestKept || lastSeenId > lastId) {
                onGap.run();
            }
            for (StackEvent event : recent) {
                if (event.id() > lastSeenId) {
                    deliver(subscriber, event);
                }
            }
        }
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Returns the id of the latest event, 0 before the first. */
    public synchronized long lastId() {
        return lastId;
    }

    private static void deliver(Consumer<StackEvent> subscriber, StackEvent event) {
        try {
            subscriber.accept(event);
        } catch (RuntimeException e) {
            LOG.debugf(e, "An event subscriber failed on event %d", event.id());
        }
    }

    /** A live subscription. */
    @FunctionalInterface
    public interface Subscription {

        /** Ends the subscription. */
        void close();
    }
}
