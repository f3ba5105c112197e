package io.stackpilot.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A Quarkus test resource that starts servers before the application, configures the application for them, and
 * hands them to test fields marked {@link InjectTestServers}.
 *
 * @param <T> the servers, closed when the application stops
 */
public abstract class ServersResource<T extends AutoCloseable> implements QuarkusTestResourceLifecycleManager {

    private final Class<T> type;
    private T servers;

    protected ServersResource(Class<T> type) {
        this.type = type;
    }

    /** Starts the servers. */
    protected abstract T startServers();

    /** Returns the configuration that points the application at the servers. */
    protected abstract Map<String, String> configFor(T servers);

    @Override
    public final Map<String, String> start() {
        servers = startServers();
        return configFor(servers);
    }

    @Override
    public final void inject(TestInjector injector) {
        injector.injectIntoFields(servers, new TestInjector.AnnotatedAndMatchesType(InjectTestServers.class, type));
    }

    @Override
    public final void stop() {
        if (servers == null) {
            return;
        }
        try {
            servers.close();
        } catch (Exception e) {
            throw new IllegalStateException("Test servers did not stop cleanly", e);
        }
    }
}
