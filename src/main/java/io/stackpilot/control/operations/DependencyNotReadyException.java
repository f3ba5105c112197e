package io.stackpilot.control.operations;

import java.util.List;
import java.util.stream.Collectors;

/** A component cannot start or restart because dependencies it needs are not ready. */
public class DependencyNotReadyException extends RuntimeException {

    private final String component;
    private final List<NotReady> dependencies;
    private final String operationId;

    /**
     * One dependency that is not ready.
     *
     * @param name catalog name
     * @param state its state or health as a word, such as {@code stopped}
     * @param reason why it is not ready
     */
    public record NotReady(String name, String state, String reason) {}

    public DependencyNotReadyException(String component, List<NotReady> dependencies, String operationId, String fix) {
        super("Component '" + component + "' needs dependencies that are not ready: "
                + dependencies.stream()
                        .map(d -> d.name() + " (" + d.reason() + ")")
                        .collect(Collectors.joining(", "))
                + "; " + fix);
        this.component = component;
        this.dependencies = List.copyOf(dependencies);
        this.operationId = operationId;
    }

    public String component() {
        return component;
    }

    public List<NotReady> dependencies() {
        return dependencies;
    }

    /** Returns the operation in which the dependencies failed, or {@code null} when none ran. */
    public String operationId() {
        return operationId;
    }
}
