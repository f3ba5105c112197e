package io.stackpilot.control.operations;

/** A running operation is already changing a component that the request would touch. */
public class OperationInProgressException extends RuntimeException {

    private final String component;
    private final String operationId;

    public OperationInProgressException(String component, String operationId) {
        super("Component '" + component + "' is being changed by operation " + operationId
                + "; wait for it to finish (GET /api/v1/operations/" + operationId + ") or cancel it with DELETE");
        this.component = component;
        this.operationId = operationId;
    }

    public String component() {
        return component;
    }

    public String operationId() {
        return operationId;
    }
}
