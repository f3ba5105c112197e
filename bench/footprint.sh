#!/usr/bin/env bash
# Measures the footprint of the packaged service (target/quarkus-app, from ./mvnw package) in JVM mode,
# with the JVM's default options, against a small stack of three busybox containers:
#   - start-up: from launching "java -jar" to the first HTTP 200 on /q/health/live, over several starts;
#   - RSS (resident set size from /proc) when idle after start-up, and after 100,000 requests to
#     GET /api/v1/components made by ApacheBench (ab) with keep-alive, with its throughput and latencies;
#   - the end-to-end suite's time (KafkaStackEndToEndIT through Maven, and the suite alone as failsafe
#     reports it), which needs the local stack images from compose/local-images.sh. BENCH_E2E=0 skips it.
#
#   bench/footprint.sh            # measure and print a Markdown report
#   bench/footprint.sh --record   # also replace the "Footprint" figures in docs/BENCHMARKS.md
#
# Needs the Docker engine that DOCKER_HOST names, docker-compose, curl and ab (apt-get install
# apache2-utils). The stack is the Compose project "spbench" from bench/stack.yaml, on the local image
# stackpilot-test/busybox:1 (scripts/test-images.sh); the script starts it and removes it afterwards.
# BENCH_REQUESTS, BENCH_CONCURRENCY and BENCH_STARTS change the request count (default 100000), the
# concurrency (default 8) and the number of starts timed (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=../scripts/lib/packaged-service.sh
source scripts/lib/packaged-service.sh

requests="${BENCH_REQUESTS:-100000}"
concurrency="${BENCH_CONCURRENCY:-8}"
starts="${BENCH_STARTS:-5}"
run_e2e="${BENCH_E2E:-1}"
out=target/bench
project=spbench
stack=bench/stack.yaml

progress() { printf '[%4ds] %s\n' "$SECONDS" "$*" >&2; }
fail() { printf '[%4ds] footprint: %s\n' "$SECONDS" "$*" >&2; exit 1; }

record=false
case "${1:-}" in
    "") ;;
    --record) record=true ;;
    *) fail "unknown argument '$1'; usage: $0 [--record]" ;;
esac

[[ -f "$packaged_jar" ]] || fail "$packaged_jar is missing; run ./mvnw package -DskipTests first"
command -v ab >/dev/null || fail "ab is not installed; run apt-get install apache2-utils"
docker version >/dev/null 2>&1 || fail "no Docker engine answers at ${DOCKER_HOST:-the default socket}"
mkdir -p "$out"

# The catalog: three containers of the spbench project, worker depending on web. The "bench" profile
# leaves out the default catalog, which lives in the dev and prod profiles. Quarkus warns that the runtime
# profile differs from the build's; no build-time setting of this project depends on the profile.
# Security stays on, as in production: every request carries a viewer API key.
api_key="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
service_options=(
    -Dquarkus.profile=bench
    -Dstackpilot.security.api-keys.bench.sha256="$(printf '%s' "$api_key" | sha256sum | cut -c1-64)"
    -Dstackpilot.security.api-keys.bench.role=viewer
    -Dstackpilot.audit.path="$out/audit.jsonl"
    -Dstackpilot.components.web.runtime=docker
    -Dstackpilot.components.web.docker.project=$project
    -Dstackpilot.components.web.docker.service=web
    -Dstackpilot.components.worker.runtime=docker
    -Dstackpilot.components.worker.depends-on=web
    -Dstackpilot.components.worker.docker.project=$project
    -Dstackpilot.components.worker.docker.service=worker
    -Dstackpilot.components.console.runtime=docker
    -Dstackpilot.components.console.docker.project=$project
    -Dstackpilot.components.console.docker.service=console
)

cleanup() {
    stop_packaged_service
    docker-compose -p "$project" -f "$stack" down --timeout 1 >/dev/null 2>&1 || true
}

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

machine_description() {
    local cpu memory
    cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
    memory="$(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
    echo "- Machine: $(nproc) cores ($cpu), $memory memory, Linux $(uname -r)"
    echo "- Java: $(java -version 2>&1 | head -1), default JVM options (no -Xmx), G1 unless the JVM picks otherwise"
    echo "- Docker engine $(docker version --format '{{.Server.Version}}'), storage driver $(docker info --format '{{.Driver}}')"
    echo "- Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) (other processes on the machine skew every figure)"
}

trap cleanup EXIT
progress "Starting the Compose project $project from $stack"
docker-compose -p "$project" -f "$stack" up -d --force-recreate >/dev/null 2>&1

start_times=()
for run in $(seq 1 "$starts"); do
    start_packaged_service "$out/start-$run.log" "${service_options[@]}"
    start_times+=("$service_start_ms")
    progress "Start $run of $starts: first 200 on /q/health/live after $service_start_ms ms"
    if ((run < starts)); then
        stop_packaged_service
    fi
done
url="$service_url/api/v1/components"
curl -sf -H "X-API-Key: $api_key" "$url" >"$out/components.json" || fail "GET $url failed"
grep -q '"state":"running"' "$out/components.json" || fail "no component reported running; see $out/components.json"

progress "Idle for 10 s before reading RSS"
sleep 10
rss_idle="$(rss_mb "$service_pid")"

progress "Sending $requests requests to $url with concurrency $concurrency"
ab -k -q -n "$requests" -c "$concurrency" -H "X-API-Key: $api_key" "$url" >"$out/ab.txt" 2>&1 || { cat "$out/ab.txt" >&2; fail "ab failed (output above)"; }
rss_after="$(rss_mb "$service_pid")"
failed="$(awk -F': *' '/^Failed requests/ { print $2 }' "$out/ab.txt")"
non_2xx="$(awk -F': *' '/^Non-2xx responses/ { print $2 }' "$out/ab.txt")"
throughput="$(awk '/^Requests per second/ { print $4 }' "$out/ab.txt")"
p50="$(awk '$1 == "50%" { print $2 }' "$out/ab.txt")"
p99="$(awk '$1 == "99%" { print $2 }' "$out/ab.txt")"
[[ "$failed" == "0" && -z "$non_2xx" ]] || fail "ab reported $failed failed and ${non_2xx:-0} non-2xx responses; see $out/ab.txt"

e2e_row=""
if [[ "$run_e2e" == 1 ]]; then
    stop_packaged_service
    docker-compose -p "$project" -f "$stack" down --timeout 1 >/dev/null 2>&1 || true
    progress "Running the end-to-end suite (KafkaStackEndToEndIT)"
    e2e_started=$SECONDS
    ./mvnw -B -q verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=KafkaStackEndToEndIT \
        -Dspotless.check.skip=true >"$out/e2e.log" 2>&1 || { tail -40 "$out/e2e.log" >&2; fail "the end-to-end suite failed; see $out/e2e.log"; }
    e2e_total=$((SECONDS - e2e_started))
    e2e_suite="$(sed -nE 's/.*<testsuite [^>]*time="([0-9.]+)".*/\1/p' target/failsafe-reports/TEST-io.stackpilot.e2e.KafkaStackEndToEndIT.xml | head -1)"
    e2e_row="| end-to-end suite: \`KafkaStackEndToEndIT\` alone / with the Maven build before it | ${e2e_suite%.*} s / $e2e_total s |"
fi

start_sorted="$(printf '%s\n' "${start_times[@]}" | sort -n | tr '\n' ' ')"
report="$out/footprint.md"
{
    echo "Measured on $(date -u +%Y-%m-%d) with \`bench/footprint.sh\`:"
    echo
    machine_description
    echo
    echo "| figure | value |"
    echo "| --- | --- |"
    echo "| JVM start to first 200 on \`/q/health/live\`, median of $starts starts | $(printf '%s\n' "${start_times[@]}" | median) ms (each, sorted: ${start_sorted% }) |"
    echo "| RSS idle, 10 s after start-up | $rss_idle MB |"
    echo "| RSS after $requests requests to \`GET /api/v1/components\` (3 containers) | $rss_after MB |"
    echo "| throughput of those requests, concurrency $concurrency, keep-alive | $throughput requests/s |"
    echo "| latency, median / 99th percentile | $p50 ms / $p99 ms |"
    [[ -z "$e2e_row" ]] || echo "$e2e_row"
} >"$report"
cat "$report"

if $record; then
    doc=docs/BENCHMARKS.md
    grep -q '<!-- footprint:start -->' "$doc" || fail "$doc has no <!-- footprint:start --> marker"
    awk -v report="$report" '
        /<!-- footprint:start -->/ { print; while ((getline line < report) > 0) print line; skip = 1; next }
        /<!-- footprint:end -->/ { skip = 0 }
        !skip { print }
    ' "$doc" >"$doc.new"
    mv "$doc.new" "$doc"
    progress "Recorded the figures in $doc"
fi
