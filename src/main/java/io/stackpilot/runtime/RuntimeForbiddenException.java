package io.stackpilot.runtime;

import io.stackpilot.catalog.RuntimeKind;

/** The runtime rejected stackpilot's own credentials for this request, such as a Kubernetes RBAC denial. */
public class RuntimeForbiddenException extends RuntimeOperationException {

    private final String verb;
    private final String resource;
    private final String namespace;

    public RuntimeForbiddenException(
            String component,
            RuntimeKind runtime,
            String verb,
            String resource,
            String namespace,
            String message,
            Throwable cause) {
        super(component, runtime, message, cause);
        this.verb = verb;
        this.resource = resource;
        this.namespace = namespace;
    }

    /** Returns the API verb that was refused, such as {@code patch}. */
    public String verb() {
        return verb;
    }

    /** Returns the resource that was refused, such as {@code deployments/scale}. */
    public String resource() {
        return resource;
    }

    /** Returns the namespace of the refused request, or {@code null} for cluster-wide resources. */
    public String namespace() {
        return namespace;
    }
}
