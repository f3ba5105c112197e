package io.stackpilot.catalog;

import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The validated component catalog, built once at start-up.
 *
 * <p>An invalid catalog fails start-up with a {@link CatalogException} that names each bad key.
 */
@Startup
@Singleton
public class Catalog {

    private static final Logger LOG = Logger.getLogger(Catalog.class);

    private final Map<String, Component> components;
    private final DependencyGraph graph;

    @Inject
    public Catalog(CatalogConfig config) {
        this(CatalogLoader.load(config));
    }

    Catalog(Map<String, Component> components) {
        this.components = Map.copyOf(components);
        this.graph = CatalogLoader.graphOf(components);
        LOG.infof("Catalog loaded with %d components in start order %s", components.size(), graph.topologicalOrder());
    }

    /** Returns every component in start order: dependencies before dependents, ties by name. */
    public List<Component> all() {
        return graph.topologicalOrder().stream().map(components::get).toList();
    }

    public Optional<Component> find(String name) {
        return Optional.ofNullable(components.get(name));
    }

    /**
     * Returns the named component.
     *
     * @throws ComponentNotFoundException if the catalog has no such component
     */
    public Component require(String name) {
        Component component = components.get(name);
        if (component == null) {
            throw new ComponentNotFoundException(name, names());
        }
        return component;
    }

    public Collection<String> names() {
        return graph.topologicalOrder();
    }

    public DependencyGraph graph() {
        return graph;
    }

    /** Tells whether any component runs on the given runtime. */
    public boolean uses(RuntimeKind runtime) {
        return components.values().stream().anyMatch(c -> c.runtime() == runtime);
    }
}
