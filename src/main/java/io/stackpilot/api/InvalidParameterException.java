package io.stackpilot.api;

/** A request parameter failed validation that annotations cannot express, such as a time format. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;
    private final String value;

    public InvalidParameterException(String parameter, String value, String message) {
        super(message);
        this.parameter = parameter;
        this.value = value;
    }

    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }
}
