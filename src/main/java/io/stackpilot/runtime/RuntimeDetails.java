package io.stackpilot.runtime;

/** Runtime-specific facts about a workload, shown beside the common state fields. */
public sealed interface RuntimeDetails permits DockerDetails, KubernetesDetails {}
