package io.stackpilot.runtime;

import io.stackpilot.catalog.RuntimeKind;

/** The component is in the catalog but its workload (container, Deployment, pod) does not exist. */
public class WorkloadNotFoundException extends RuntimeOperationException {

    public WorkloadNotFoundException(String component, RuntimeKind runtime, String message, Throwable cause) {
        super(component, runtime, message, cause);
    }
}
