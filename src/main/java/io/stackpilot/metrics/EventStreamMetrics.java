package io.stackpilot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.stackpilot.catalog.RuntimeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts reconnects of the runtimes' event streams (Docker {@code /events}, Kubernetes watches) as
 * {@code stackpilot_event_stream_reconnects_total{runtime}}. Every runtime's series exists from start-up at 0,
 * so a rate over it is defined before the first reconnect.
 */
@Startup
@ApplicationScoped
public class EventStreamMetrics {

    private final Map<RuntimeKind, Counter> reconnects = new EnumMap<>(RuntimeKind.class);

    @Inject
    public EventStreamMetrics(MeterRegistry registry) {
        for (RuntimeKind runtime : RuntimeKind.values()) {
            reconnects.put(
                    runtime,
                    Counter.builder("stackpilot.event.stream.reconnects")
                            .description("Times an event stream from a runtime was opened again after it ended or"
                                    + " failed")
                            .tag("runtime", runtime.id())
                            .register(registry));
        }
    }

    /** Counts one reconnect of the runtime's event stream. */
    public void reconnected(RuntimeKind runtime) {
        reconnects.get(runtime).increment();
    }

    /** Returns the reconnects counted so far for the runtime. */
    public double reconnects(RuntimeKind runtime) {
        return reconnects.get(runtime).count();
    }
}
