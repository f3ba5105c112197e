package io.stackpilot.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Adds {@code X-Operation-Id} to every answer of a request that ran as an operation, including problem
 * answers, so that callers and the audit log can find the operation.
 */
public class OperationIdHeader {

    public static final String NAME = "X-Operation-Id";

    private final Holder holder;

    @Inject
    public OperationIdHeader(Holder holder) {
        this.holder = holder;
    }

    @ServerResponseFilter
    public void addHeader(ContainerResponseContext response) {
        if (holder.operationId != null) {
            response.getHeaders().putSingle(NAME, holder.operationId);
        }
    }

    /** The operation id of the current request, set by the resource that submitted it. */
    @RequestScoped
    public static class Holder {

        private String operationId;

        public void set(String operationId) {
            this.operationId = operationId;
        }
    }
}
