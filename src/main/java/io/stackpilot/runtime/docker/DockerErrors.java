package io.stackpilot.runtime.docker;

import static io.stackpilot.runtime.Failures.hasCause;
import static io.stackpilot.runtime.Failures.rootMessage;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.UnauthorizedException;
import io.stackpilot.catalog.RuntimeKind;
import io.stackpilot.runtime.RuntimeConflictException;
import io.stackpilot.runtime.RuntimeFailureException;
import io.stackpilot.runtime.RuntimeForbiddenException;
import io.stackpilot.runtime.RuntimeOperationException;
import io.stackpilot.runtime.RuntimeTimeoutException;
import io.stackpilot.runtime.RuntimeUnavailableException;
import io.stackpilot.runtime.WorkloadNotFoundException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/** Translates docker-java failures into the runtime port's exceptions. */
final class DockerErrors {

    private static final RuntimeKind DOCKER = RuntimeKind.DOCKER;

    private DockerErrors() {}

    /**
     * Maps a docker-java failure for one component.
     *
     * @param component catalog name, or {@code null} for engine-wide calls
     * @param host the Docker host that was asked, named in connection failures
     * @param action what was being done, such as {@code "stop container kafka_kafka_1"}
     */
    static RuntimeOperationException translate(String component, String host, String action, Throwable failure) {
        if (failure instanceof RuntimeOperationException translated) {
            return translated;
        }
        if (failure instanceof NotFoundException) {
            return new WorkloadNotFoundException(
                    component, DOCKER, "Docker has no such container (" + action + "): " + clean(failure), failure);
        }
        if (failure instanceof ConflictException) {
            return new RuntimeConflictException(
                    component, DOCKER, "Docker rejected " + action + ": " + clean(failure), failure);
        }
        if (failure instanceof UnauthorizedException) {
            return new RuntimeForbiddenException(
                    component,
                    DOCKER,
                    action,
                    "containers",
                    null,
                    "The Docker engine at " + host + " refused " + action + ": " + clean(failure),
                    failure);
        }
        if (failure instanceof DockerException) {
            return new RuntimeFailureException(
                    component, DOCKER, "The Docker engine failed to " + action + ": " + clean(failure), failure);
        }
        if (hasCause(failure, SocketTimeoutException.class) || hasCause(failure, TimeoutException.class)) {
            return new RuntimeTimeoutException(
                    component,
                    DOCKER,
                    "The Docker engine at " + host + " did not respond in time to " + action
                            + "; check the daemon's load or raise stackpilot.docker.response-timeout",
                    failure);
        }
        if (hasCause(failure, IOException.class)) {
            return unreachable(component, host, failure);
        }
        return new RuntimeFailureException(
                component,
                DOCKER,
                "Calling the Docker engine to " + action + " failed: " + rootMessage(failure),
                failure);
    }

    static RuntimeUnavailableException unreachable(String component, String host, Throwable failure) {
        return new RuntimeUnavailableException(
                component,
                DOCKER,
                host,
                "The Docker engine at " + host + " is unreachable (" + rootMessage(failure)
                        + "); start the daemon or point DOCKER_HOST or stackpilot.docker.host at one",
                failure);
    }

    /** docker-java prefixes messages with the HTTP status and wraps the daemon's JSON; keep the daemon's text. */
    private static String clean(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        int start = message.indexOf("{\"message\":\"");
        if (start >= 0) {
            int end = message.lastIndexOf("\"}");
            if (end > start) {
                return message.substring(start + 12, end).replace("\\\"", "\"");
            }
        }
        return message.replaceFirst("^Status \\d+: ", "").trim();
    }
}
