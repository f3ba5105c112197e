#!/usr/bin/env bash
# Checks the output of "./mvnw package -Dnative -Dquarkus.native.sources-only=true". That build runs
# every Quarkus build step of a native build except GraalVM's native-image itself. The check requires the
# arguments file, and a reflection configuration that registers the docker-java model types Jackson reads
# (DockerReflection), the API's response types (ApiReflection) and the fabric8 model types the Kubernetes
# adapter reads, including the events and statuses of its watches, which the Kubernetes client extension
# registers. A missing class fails the check.
#
#   scripts/check-native-sources.sh
set -euo pipefail
cd "$(dirname "$0")/.."

sources=target/native-sources
fail() { echo "check-native-sources: $*" >&2; exit 1; }

[[ -f "$sources/native-image.args" ]] || fail "$sources/native-image.args is missing; run the sources-only native build first"
runner="$(find "$sources" -maxdepth 1 -name '*-runner.jar' | head -1)"
[[ -n "$runner" ]] || fail "no *-runner.jar in $sources"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && jar xf "$OLDPWD/$runner" META-INF/native-image/reflect-config.json)
config="$work/META-INF/native-image/reflect-config.json"
[[ -f "$config" ]] || fail "$runner has no META-INF/native-image/reflect-config.json"

required=(
    'com.github.dockerjava.api.command.InspectContainerResponse'
    'com.github.dockerjava.api.command.InspectContainerResponse$ContainerState'
    'com.github.dockerjava.api.command.HealthState'
    'com.github.dockerjava.api.model.Container'
    'com.github.dockerjava.api.model.ContainerPort'
    'com.github.dockerjava.api.model.Ports'
    'com.github.dockerjava.api.model.Version'
    'com.github.dockerjava.core.DockerConfigFile'
    'io.stackpilot.api.ComponentView'
    'io.stackpilot.api.LifecycleResponse'
    'io.stackpilot.api.Problem'
    'io.stackpilot.health.ComponentHealth'
    'io.stackpilot.runtime.DockerDetails'
    'io.stackpilot.runtime.LogLine'
    'io.stackpilot.runtime.KubernetesDetails'
    'io.stackpilot.runtime.KubernetesDetails$Condition'
    'io.fabric8.kubernetes.api.model.apps.Deployment'
    'io.fabric8.kubernetes.api.model.apps.StatefulSet'
    'io.fabric8.kubernetes.api.model.Pod'
    'io.fabric8.kubernetes.client.VersionInfo'
    'io.fabric8.kubernetes.api.model.WatchEvent'
    'io.fabric8.kubernetes.api.model.Status'
)
missing=()
for class in "${required[@]}"; do
    grep -qF "\"$class\"" "$config" || missing+=("$class")
done
((${#missing[@]} == 0)) || fail "not registered for reflection: ${missing[*]}"
echo "check-native-sources: $sources/native-image.args written; ${#required[@]} key classes registered for reflection"
