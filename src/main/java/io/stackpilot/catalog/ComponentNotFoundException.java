package io.stackpilot.catalog;

import java.util.Collection;
import java.util.List;

/** A request named a component that is not in the catalog. */
public class ComponentNotFoundException extends RuntimeException {

    private final String component;
    private final List<String> known;

    public ComponentNotFoundException(String component, Collection<String> known) {
        super("Component '" + component + "' is not in the catalog; known components: " + String.join(", ", known));
        this.component = component;
        this.known = List.copyOf(known);
    }

    public String component() {
        return component;
    }

    public List<String> known() {
        return known;
    }
}
