package io.stackpilot.control.operations;

/**
 * A started component's workload ended in the {@code failed} state, such as a container that exited with a
 * non-zero code, so waiting longer for it to become healthy would not help.
 */
public class WorkloadFailedException extends RuntimeException {

    private final String component;
    private final String reason;

    /**
     * @param component the component's name
     * @param reason why the workload failed, as its runtime reports it, such as {@code exited with code 1}
     */
    public WorkloadFailedException(String component, String reason) {
        super("Component '" + component + "' failed while starting. " + reason + ". Check its logs with GET"
                + " /api/v1/components/" + component + "/logs");
        this.component = component;
        this.reason = reason;
    }

    public String component() {
        return component;
    }

    /** Returns the reason the workload failed, as its runtime reports it. */
    public String reason() {
        return reason;
    }
}
