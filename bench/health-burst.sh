#!/usr/bin/env bash
# Measures how the packaged service (target/quarkus-app, from ./mvnw package) responds to a burst of readiness
# scrapes while the probe of a critical component hangs:
#   - ApacheBench (ab) sends BENCH_REQUESTS requests (default 2000) to /q/health/ready, BENCH_CONCURRENCY
#     (default 200) at a time, without keep-alive;
#   - the component's HTTP probe points at a loopback server that accepts connections and never responds,
#     and counts them, so the number of probe runs is known;
#   - the burst runs once with the default cache TTL (5 s) and once with the cache off (ttl 0s).
#
#   bench/health-burst.sh            # measure and print a Markdown report
#   bench/health-burst.sh --record   # also replace the "Readiness under a scrape burst" figures in docs/BENCHMARKS.md
#
# Needs the Docker engine that DOCKER_HOST names, docker-compose, curl, python3 and ab (apt-get install
# apache2-utils). The component's workload is the "web" container of the Compose project "spbench" from
# bench/stack.yaml, on the local image stackpilot-test/busybox:1 (scripts/test-images.sh); the script starts
# it and removes it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=../scripts/lib/packaged-service.sh
source scripts/lib/packaged-service.sh

requests="${BENCH_REQUESTS:-2000}"
concurrency="${BENCH_CONCURRENCY:-200}"
probe_timeout_ms=2000
out=target/bench
project=spbench
stack=bench/stack.yaml
silent_pid=""

progress() { printf '[%4ds] %s\n' "$SECONDS" "$*" >&2; }
fail() { printf '[%4ds] health-burst: %s\n' "$SECONDS" "$*" >&2; exit 1; }

record=false
case "${1:-}" in
    "") ;;
    --record) record=true ;;
    *) fail "unknown argument '$1'; usage: $0 [--record]" ;;
esac

[[ -f "$packaged_jar" ]] || fail "$packaged_jar is missing; run ./mvnw package -DskipTests first"
command -v ab >/dev/null || fail "ab is not installed; run apt-get install apache2-utils"
command -v python3 >/dev/null || fail "python3 is not installed"
docker version >/dev/null 2>&1 || fail "no Docker engine answers at ${DOCKER_HOST:-the default socket}"
mkdir -p "$out"

cleanup() {
    stop_packaged_service
    if [[ -n "$silent_pid" ]]; then
        kill "$silent_pid" 2>/dev/null || true
    fi
    docker-compose -p "$project" -f "$stack" down --timeout 1 >/dev/null 2>&1 || true
}
trap cleanup EXIT

# Starts a server on a free loopback port that accepts connections, keeps them open without sending a
# byte, and writes the number accepted so far to $out/silent.count. Sets silent_port.
start_silent_server() {
    rm -f "$out/silent.port" "$out/silent.count"
    python3 - "$out" <<'PYTHON' &
import socket, sys
out = sys.argv[1]
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(1024)
open(out + "/silent.port", "w").write(str(server.getsockname()[1]))
kept = []
while True:
    connection, _ = server.accept()
    kept.append(connection)
    open(out + "/silent.count", "w").write(str(len(kept)))
PYTHON
    silent_pid=$!
    for _ in $(seq 1 100); do
        [[ -s "$out/silent.port" ]] && break
        sleep 0.05
    done
    silent_port="$(cat "$out/silent.port")"
}

silent_connections() { cat "$out/silent.count" 2>/dev/null || echo 0; }

# Runs one burst with the given TTL and prints one Markdown table row.
burst() {
    local ttl="$1" url before after failed p50 p99 longest total runs
    start_packaged_service "$out/health-burst-$ttl.log" \
        -Dquarkus.profile=bench \
        -Dstackpilot.audit.path="$out/audit.jsonl" \
        -Dstackpilot.health.ttl="$ttl" \
        -Dstackpilot.health.watch-interval=0s \
        -Dstackpilot.components.web.runtime=docker \
        -Dstackpilot.components.web.docker.project=$project \
        -Dstackpilot.components.web.docker.service=web \
        -Dstackpilot.components.web.probe.kind=http \
        -Dstackpilot.components.web.probe.url="http://127.0.0.1:$silent_port/health" \
        -Dstackpilot.components.web.probe.timeout="${probe_timeout_ms}ms"
    url="$service_url/q/health/ready"
    for _ in 1 2 3; do
        curl -s -o /dev/null "$url"
    done
    sleep 6 # let the warm-up's cached result expire, so the burst starts a new probe run

    before="$(silent_connections)"
    progress "TTL $ttl: sending $requests requests to $url with concurrency $concurrency"
    ab -q -n "$requests" -c "$concurrency" "$url" >"$out/health-burst-$ttl.txt" 2>&1 \
        || { cat "$out/health-burst-$ttl.txt" >&2; fail "ab failed (output above)"; }
    after="$(silent_connections)"
    stop_packaged_service

    # ab also counts responses whose length differs from the first one as failed, and the readiness body
    # varies in length (timestamps, latencies), so only connection, receive and exception errors count here.
    failed="$(sed -nE 's/.*\(Connect: ([0-9]+), Receive: ([0-9]+), Length: [0-9]+, Exceptions: ([0-9]+)\).*/\1 \2 \3/p' \
        "$out/health-burst-$ttl.txt" | awk '{ print $1 + $2 + $3 }')"
    failed="${failed:-0}"
    total="$(awk '/^Time taken for tests/ { print $5 }' "$out/health-burst-$ttl.txt")"
    p50="$(awk '$1 == "50%" { print $2 }' "$out/health-burst-$ttl.txt")"
    p99="$(awk '$1 == "99%" { print $2 }' "$out/health-burst-$ttl.txt")"
    longest="$(awk '$1 == "100%" { print $2 }' "$out/health-burst-$ttl.txt")"
    runs=$((after - before))
    [[ "$failed" == "0" ]] || fail "ab reported $failed failed requests; see $out/health-burst-$ttl.txt"
    echo "| $ttl | $requests in $total s | $p50 ms / $p99 ms / $longest ms | $runs |"
}

progress "Starting the Compose project $project from $stack"
docker-compose -p "$project" -f "$stack" up -d --force-recreate >/dev/null 2>&1
start_silent_server

rows="$out/health-burst-rows.md"
: >"$rows"
burst 5s >>"$rows"
burst 0s >>"$rows"

report="$out/health-burst.md"
{
    echo "Measured on $(date -u +%Y-%m-%d) with \`bench/health-burst.sh\` on a machine with $(nproc) cores, load"
    echo "average $(cut -d' ' -f1-3 /proc/loadavg) after the run. Probe timeout ${probe_timeout_ms} ms, concurrency $concurrency,"
    echo "no keep-alive; every response is 503 because the critical component is down."
    echo
    echo "| health TTL | requests | latency median / 99th percentile / max | probe runs (connections to the hung server) |"
    echo "| --- | --- | --- | --- |"
    cat "$rows"
} >"$report"
cat "$report"

if $record; then
    doc=docs/BENCHMARKS.md
    grep -q '<!-- health-burst:start -->' "$doc" || fail "$doc has no <!-- health-burst:start --> marker"
    awk -v report="$report" '
        /<!-- health-burst:start -->/ { print; while ((getline line < report) > 0) print line; skip = 1; next }
        /<!-- health-burst:end -->/ { skip = 0 }
        !skip { print }
    ' "$doc" >"$doc.new"
    mv "$doc.new" "$doc"
    progress "Recorded the figures in $doc"
fi
