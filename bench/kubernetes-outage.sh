#!/usr/bin/env bash
# Measures how fast the packaged service responds for a Kubernetes component when the cluster is missing:
#   - refused: the API server URL points at loopback port 1, where nothing listens;
#   - unconfigured: no kubeconfig, no service account and no server URL.
# For each case it starts target/quarkus-app/quarkus-run.jar with a catalog of one Deployment and times
# BENCH_REQUESTS (default 20) calls each of GET /api/v1/components/headlamp and POST .../headlamp/stop
# with curl, after one warm-up call of each. It prints the status codes seen and the median and max times.
#
#   ./mvnw package -DskipTests && bench/kubernetes-outage.sh
#
# Needs curl only; no Docker engine or cluster. The timeouts in application.yaml apply as built.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=../scripts/lib/packaged-service.sh
source scripts/lib/packaged-service.sh

requests="${BENCH_REQUESTS:-20}"
out=target/bench
mkdir -p "$out"
trap stop_packaged_service EXIT

# One Kubernetes component and no default catalog, which lives in the dev and prod profiles. The two
# kubernetes.auth properties keep fabric8 from reading this machine's kubeconfig or service account.
service_options=(
    -Dquarkus.profile=bench
    -Dstackpilot.components.headlamp.runtime=kubernetes
    -Dstackpilot.components.headlamp.kubernetes.namespace=infra
    -Dstackpilot.components.headlamp.kubernetes.name=headlamp
    -Dkubernetes.auth.tryKubeConfig=false
    -Dkubernetes.auth.tryServiceAccount=false
)

# Prints "codes | median ms | max ms" for $requests calls of curl with the given arguments.
time_calls() {
    local times=() codes=() line
    curl -s -o /dev/null "$@" || true
    for _ in $(seq 1 "$requests"); do
        line="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$@")"
        codes+=("${line%% *}")
        times+=("$(awk -v t="${line##* }" 'BEGIN { printf "%d", t * 1000 }')")
    done
    local sorted
    sorted="$(printf '%s\n' "${times[@]}" | sort -n)"
    printf '%s | %s | %s' \
        "$(printf '%s\n' "${codes[@]}" | sort -u | paste -sd, -)" \
        "$(sed -n "$(((requests + 1) / 2))p" <<<"$sorted")" \
        "$(tail -1 <<<"$sorted")"
}

measure() {
    local name="$1"
    shift
    start_packaged_service "$out/kubernetes-outage-$name.log" "${service_options[@]}" "$@"
    printf '| %s | GET status | %s |\n' "$name" "$(time_calls "$service_url/api/v1/components/headlamp")"
    printf '| %s | POST stop | %s |\n' "$name" "$(time_calls -X POST "$service_url/api/v1/components/headlamp/stop")"
    stop_packaged_service
}

echo "Measured on $(date -u +%Y-%m-%d) with bench/kubernetes-outage.sh, $requests calls each,"
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| case | call | HTTP codes | median ms | max ms |"
echo "| --- | --- | --- | --- | --- |"
measure refused -Dkubernetes.master=https://127.0.0.1:1
measure unconfigured
