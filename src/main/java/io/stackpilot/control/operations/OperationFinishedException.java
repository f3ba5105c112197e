package io.stackpilot.control.operations;

/** A cancel request came for an operation that has already finished. */
public class OperationFinishedException extends RuntimeException {

    private final String operationId;
    private final OperationState state;

    public OperationFinishedException(String operationId, OperationState state) {
        super("Operation " + operationId + " has already finished (" + state.id() + "); there is nothing to cancel");
        this.operationId = operationId;
        this.state = state;
    }

    public String operationId() {
        return operationId;
    }

    public OperationState state() {
        return state;
    }
}
