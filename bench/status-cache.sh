#!/usr/bin/env bash
# Benchmark of the event-fed status cache, in one run on one machine:
#   1. GET /api/v1/components (from the cache) with wrk,
#   2. GET /api/v1/components?refresh=true (every component read from Docker) with wrk,
#   3. the Docker Engine API GET /containers/json with wrk, through a socat TCP bridge to the engine's socket,
#   4. `docker ps`, run sequentially (wrk cannot run a command),
#   5. the delay from an external `docker stop` to the change on the SSE stream GET /api/v1/events.
# It starts its own Docker engine (scripts/dockerd.sh), four busybox containers and the packaged service, and
# removes them again. Run as root from anywhere:
#   bench/status-cache.sh
# Settings (environment): BENCH_DURATION (wrk run length, default 15s), BENCH_CONNECTIONS (8),
# BENCH_THREADS (2), BENCH_PS_RUNS (100), BENCH_STOP_CYCLES (20),
# STACKPILOT_DOCKERD_DIR (engine folder, default /var/lib/stackpilot-dockerd-bench).
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${BENCH_DURATION:-15s}"
connections="${BENCH_CONNECTIONS:-8}"
threads="${BENCH_THREADS:-2}"
ps_runs="${BENCH_PS_RUNS:-100}"
stop_cycles="${BENCH_STOP_CYCLES:-20}"
export STACKPILOT_DOCKERD_DIR="${STACKPILOT_DOCKERD_DIR:-/var/lib/stackpilot-dockerd-bench}"

work="$(mktemp -d)"
pids=()
project=spbench
compose_file=bench/compose.yaml

log() { printf '\n== %s\n' "$*" >&2; }

cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    docker-compose -p "$project" -f "$compose_file" down --timeout 1 >/dev/null 2>&1 || true
    scripts/dockerd.sh stop || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    local port
    while true; do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
}

install_tools() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v socat >/dev/null || missing+=(socat)
    command -v dockerd >/dev/null || missing+=(docker.io)
    command -v docker-compose >/dev/null || missing+=(docker-compose)
    dpkg -s busybox-static >/dev/null 2>&1 || missing+=(busybox-static)
    if ((${#missing[@]})); then
        log "Installing ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

start_engine() {
    log "Starting a private Docker engine in $STACKPILOT_DOCKERD_DIR"
    DOCKER_HOST="$(scripts/dockerd.sh start)"
    export DOCKER_HOST
    socket="${DOCKER_HOST#unix://}"
    scripts/test-images.sh >&2
    docker-compose -p "$project" -f "$compose_file" up -d --force-recreate >&2
}

start_service() {
    if [[ ! -f target/quarkus-app/quarkus-run.jar ]]; then
        log "Packaging the service"
        ./mvnw -q -B package -DskipTests
    fi
    app_port="$(free_port)"
    # Security stays on, as in production: every request carries a viewer API key.
    api_key="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    auth_header="X-API-Key: $api_key"
    log "Starting the service on port $app_port"
    java -Dquarkus.http.port="$app_port" -Dquarkus.profile=bench \
        -Dquarkus.config.locations=bench/catalog.yaml \
        -Dstackpilot.security.api-keys.bench.sha256="$(printf '%s' "$api_key" | sha256sum | cut -c1-64)" \
        -Dstackpilot.security.api-keys.bench.role=viewer \
        -Dstackpilot.audit.path="$work/audit.jsonl" \
        -jar target/quarkus-app/quarkus-run.jar >"$work/service.log" 2>&1 &
    pids+=($!)
    app="http://127.0.0.1:$app_port"
    for _ in $(seq 1 300); do
        if curl -sf -H "$auth_header" "$app/api/v1/components" 2>/dev/null | grep -q '"state":"running"'; then
            return
        fi
        sleep 0.2
    done
    echo "The service did not start; its log:" >&2
    cat "$work/service.log" >&2
    exit 1
}

start_bridge() {
    bridge_port="$(free_port)"
    socat "TCP-LISTEN:$bridge_port,bind=127.0.0.1,fork,reuseaddr" "UNIX-CONNECT:$socket" &
    pids+=($!)
    for _ in $(seq 1 50); do
        curl -sf "http://127.0.0.1:$bridge_port/_ping" >/dev/null 2>&1 && return
        sleep 0.1
    done
    echo "The socat bridge to $socket did not respond" >&2
    exit 1
}

# Runs wrk and prints one table row: name, requests/s, p50, p90, p99 and max latency.
measure_wrk() {
    local name="$1" url="$2" output
    output="$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "$auth_header" "$url")"
    echo "$output" >"$work/wrk-${name//[^a-zA-Z0-9]/_}.txt"
    local rate p50 p90 p99 max errors
    rate="$(awk '/^Requests\/sec/ {print $2}' <<<"$output")"
    p50="$(awk '$1 == "50%" {print $2}' <<<"$output")"
    p90="$(awk '$1 == "90%" {print $2}' <<<"$output")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$output")"
    max="$(awk '$1 == "Latency" {print $4}' <<<"$output")"
    errors="$(awk '/Non-2xx|Socket errors/' <<<"$output" | tr '\n' ' ')"
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$rate" "$p50" "$p90" "$p99" "$max" "${errors:-none}"
}

# Runs `docker ps` sequentially and prints one table row in the same units.
measure_docker_ps() {
    local start end micros=()
    for _ in $(seq 1 "$ps_runs"); do
        start="${EPOCHREALTIME/./}"
        docker ps >/dev/null
        end="${EPOCHREALTIME/./}"
        micros+=($((end - start)))
    done
    printf '%s\n' "${micros[@]}" | sort -n >"$work/docker-ps.txt"
    local total p50 p90 p99 max
    total="$(awk '{s += $1} END {print s}' "$work/docker-ps.txt")"
    p50="$(percentile 50 "$work/docker-ps.txt")"
    p90="$(percentile 90 "$work/docker-ps.txt")"
    p99="$(percentile 99 "$work/docker-ps.txt")"
    max="$(tail -1 "$work/docker-ps.txt")"
    printf '| docker ps (1 at a time, %d runs) | %.1f | %.2fms | %.2fms | %.2fms | %.2fms | none |\n' \
        "$ps_runs" "$(awk -v n="$ps_runs" -v t="$total" 'BEGIN {print n / (t / 1e6)}')" \
        "$(awk -v v="$p50" 'BEGIN {print v / 1000}')" "$(awk -v v="$p90" 'BEGIN {print v / 1000}')" \
        "$(awk -v v="$p99" 'BEGIN {print v / 1000}')" "$(awk -v v="$max" 'BEGIN {print v / 1000}')"
}

# Prints the value at a percentile of a sorted one-column file (nearest rank).
percentile() {
    local count rank
    count="$(wc -l <"$2")"
    rank=$(((count * $1 + 99) / 100))
    ((rank < 1)) && rank=1
    sed -n "${rank}p" "$2"
}

# Stops container d from outside and times when its "stopped" event reaches an SSE client, against the
# engine's own die event and against the moment the docker stop command was issued.
measure_stop_delay() {
    local container sse
    container="$(docker-compose -p "$project" -f "$compose_file" ps -q d)"
    sse="$work/sse.txt"
    curl -sN -H 'Accept: text/event-stream' -H "$auth_header" "$app/api/v1/events" | while IFS= read -r line; do
        printf '%s %s\n' "${EPOCHREALTIME/./}" "$line"
    done >"$sse" &
    pids+=($!)
    sleep 1
    : >"$work/stop-delay.txt"
    local i issued seen before die
    for i in $(seq 1 "$stop_cycles"); do
        before="$(grep -c '"component":"d","runtime":"docker","state":"stopped"' "$sse" || true)"
        issued="${EPOCHREALTIME/./}"
        docker stop -t 5 "$container" >/dev/null
        seen="$(await_sse_line "$sse" '"component":"d","runtime":"docker","state":"stopped"' "$before")"
        die="$(docker events --since "${issued:0:10}.${issued:10}" --until "$(date +%s.%N)" \
            --filter "container=$container" --filter event=die --format '{{.TimeNano}}' | tail -1)"
        echo "$(((seen - die / 1000))) $(((seen - issued)))" >>"$work/stop-delay.txt"
        before="$(grep -c '"component":"d","runtime":"docker","state":"running"' "$sse" || true)"
        docker start "$container" >/dev/null
        await_sse_line "$sse" '"component":"d","runtime":"docker","state":"running"' "$before" >/dev/null
    done
    awk '{print $1}' "$work/stop-delay.txt" | sort -n >"$work/after-die.txt"
    awk '{print $2}' "$work/stop-delay.txt" | sort -n >"$work/after-command.txt"
    printf '| from the engine'"'"'s die event | %.1fms | %.1fms | %.1fms |\n' \
        "$(ms "$(percentile 50 "$work/after-die.txt")")" "$(ms "$(percentile 90 "$work/after-die.txt")")" \
        "$(ms "$(tail -1 "$work/after-die.txt")")"
    printf '| from issuing docker stop | %.1fms | %.1fms | %.1fms |\n' \
        "$(ms "$(percentile 50 "$work/after-command.txt")")" "$(ms "$(percentile 90 "$work/after-command.txt")")" \
        "$(ms "$(tail -1 "$work/after-command.txt")")"
}

ms() { awk -v v="$1" 'BEGIN {print v / 1000}'; }

# Waits until the SSE log has more than COUNT lines matching PATTERN, then prints the newest one's time.
await_sse_line() {
    local file="$1" pattern="$2" count="$3"
    for _ in $(seq 1 1000); do
        if (($(grep -c "$pattern" "$file" || true) > count)); then
            grep "$pattern" "$file" | tail -1 | cut -d' ' -f1
            return
        fi
        sleep 0.01
    done
    echo "No SSE event matching $pattern within 10 s" >&2
    exit 1
}

machine() {
    echo "- CPU: $(lscpu | awk -F': +' '/^Model name/ {print $2}'), $(nproc) cores"
    echo "- Memory: $(free -g | awk '/^Mem/ {print $2}') GiB; load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- Kernel $(uname -r); Docker engine $(docker version --format '{{.Server.Version}}');" \
        "$(java -version 2>&1 | head -1)"
    echo "- wrk -t$threads -c$connections -d$duration --latency; $(docker ps -q | wc -l) containers"
}

install_tools
start_engine
start_service
start_bridge

log "Warming up the service"
wrk -t"$threads" -c"$connections" -d5s -H "$auth_header" "$app/api/v1/components" >/dev/null

echo "### Machine"
echo
machine
echo
echo "### Status reads"
echo
echo "| what | requests/s | p50 | p90 | p99 | max | errors |"
echo "|---|---|---|---|---|---|---|"
measure_wrk "GET /api/v1/components (cache)" "$app/api/v1/components"
measure_wrk "GET /api/v1/components?refresh=true (live)" "$app/api/v1/components?refresh=true"
measure_wrk "Engine API GET /containers/json (socat bridge)" "http://127.0.0.1:$bridge_port/containers/json"
measure_docker_ps
echo
echo "### External docker stop to the SSE event ($stop_cycles cycles)"
echo
echo "| measured | p50 | p90 | max |"
echo "|---|---|---|---|"
measure_stop_delay
