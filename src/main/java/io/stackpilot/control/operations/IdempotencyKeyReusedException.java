package io.stackpilot.control.operations;

/** An {@code Idempotency-Key} already names an operation for a different request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    private final String key;
    private final String operationId;

    public IdempotencyKeyReusedException(String key, String operationId, String existingRequest) {
        super("Idempotency-Key '" + key + "' was already used for operation " + operationId + " (" + existingRequest
                + "); send a new key for a different request");
        this.key = key;
        this.operationId = operationId;
    }

    public String key() {
        return key;
    }

    public String operationId() {
        return operationId;
    }
}
