package io.stackpilot.control.operations;

/** A synchronous request's operation was cancelled before it finished. */
public class OperationCancelledException extends RuntimeException {

    private final String operationId;

    public OperationCancelledException(String operationId) {
        super("Operation " + operationId + " was cancelled before it finished; GET /api/v1/operations/" + operationId
                + " shows which steps ran");
        this.operationId = operationId;
    }

    public String operationId() {
        return operationId;
    }
}
