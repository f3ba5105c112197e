package io.stackpilot.control.operations;

/** No operation with this id exists, or it has left the bounded history. */
public class OperationNotFoundException extends RuntimeException {

    private final String operationId;

    public OperationNotFoundException(String operationId) {
        super("No operation '" + operationId + "'; it never existed or has left the history of recent operations"
                + " (GET /api/v1/operations lists them)");
        this.operationId = operationId;
    }

    public String operationId() {
        return operationId;
    }
}
