package io.stackpilot.runtime;

/** Reads the cause chain of a client library's exception, for the adapters' error translation. */
public final class Failures {

    private Failures() {}

    /** Tells whether the failure or any exception in its cause chain is of the given type. */
    public static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the message of the innermost cause, or its simple class name when it has no message. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
