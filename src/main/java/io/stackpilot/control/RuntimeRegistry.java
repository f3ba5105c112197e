package io.stackpilot.control;

import io.stackpilot.catalog.Component;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.runtime.RuntimeNotSupportedException;
import io.stackpilot.runtime.ServiceRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The {@link ServiceRuntime} adapter for each runtime kind. */
@ApplicationScoped
public class RuntimeRegistry {

    private final Map<RuntimeKind, ServiceRuntime> runtimes = new EnumMap<>(RuntimeKind.class);

    @Inject
    public RuntimeRegistry(@Any Instance<ServiceRuntime> adapters) {
        adapters.forEach(adapter -> runtimes.put(adapter.kind(), adapter));
    }

    /** Returns the adapter for a runtime kind, if this build has one. */
    public Optional<ServiceRuntime> find(RuntimeKind kind) {
        return Optional.ofNullable(runtimes.get(kind));
    }

    /**
     * Returns the adapter that manages the component.
     *
     * @throws RuntimeNotSupportedException if no adapter exists for the component's runtime
     */
    public ServiceRuntime forComponent(Component component) {
        ServiceRuntime runtime = runtimes.get(component.runtime());
        if (runtime == null) {
            throw new RuntimeNotSupportedException(
                    component.name(),
                    component.runtime(),
                    "Component '" + component.name() + "' runs on "
                            + component.runtime().id() + ", which this build of stackpilot cannot manage");
        }
        return runtime;
    }
}
