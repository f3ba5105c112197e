package io.stackpilot.api;

/** A request carried a body to an endpoint that takes none, so its content would be silently ignored. */
public class UnexpectedBodyException extends RuntimeException {

    public UnexpectedBodyException(String message) {
        super(message);
    }
}
