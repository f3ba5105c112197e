package io.stackpilot.runtime;

import io.stackpilot.catalog.RuntimeKind;

/**
 * Whether a runtime answered a cheap request.
 *
 * @param kind the runtime
 * @param reachable {@code true} when it answered
 * @param endpoint where it was asked: a Docker host URI or a Kubernetes API server URL
 * @param version the runtime's version when reachable, else {@code null}
 * @param error why it could not be reached, else {@code null}
 */
public record RuntimeProbe(RuntimeKind kind, boolean reachable, String endpoint, String version, String error) {}
