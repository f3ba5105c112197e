package io.stackpilot.api;

import java.util.List;

/** A query parameter that the endpoint does not declare was sent to a state-changing endpoint. */
public class UnknownParameterException extends InvalidParameterException {

    private final List<String> allowed;

    public UnknownParameterException(String parameter, String value, String message, List<String> allowed) {
        super(parameter, value, message);
        this.allowed = List.copyOf(allowed);
    }

    /** The query parameters the endpoint declares. */
    public List<String> allowed() {
        return allowed;
    }
}
