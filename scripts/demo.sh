#!/usr/bin/env bash
# Brings up the Kafka stack in Docker Compose and stackpilot in front of it, or takes both down again.
#
#   scripts/demo.sh up [--upstream]   # local stand-in images (default) or the upstream images from a registry
#   scripts/demo.sh status            # what runs, and where to look
#   scripts/demo.sh down [--purge]    # stop and remove what `up` created; --purge also drops the local
#                                     # images and the private Docker engine's data
#
# `up` uses the Docker engine that answers (DOCKER_HOST, then /var/run/docker.sock). Only when none answers
# and it runs as root on Linux does it install Debian's docker.io and start a private engine on its own
# socket, as CI does. A second `up` reuses the images, the build and the engine, and takes seconds.
#
# State (API key, PID, logs, which engine was started) lives in .demo/ at the repository root.
# STACKPILOT_DEMO_PORT sets stackpilot's port (default 8090).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
state="$root/.demo"
port="${STACKPILOT_DEMO_PORT:-8090}"
jar="target/quarkus-app/quarkus-run.jar"
dockerd_dir="${STACKPILOT_DEMO_DOCKERD_DIR:-/var/lib/stackpilot-demo-dockerd}"
compose_files=(-f compose/docker-compose.yaml)
started=$SECONDS

step() { printf '[%4ds] %s\n' "$((SECONDS - started))" "$*"; }
fail() { printf '[%4ds] error: %s\n' "$((SECONDS - started))" "$*" >&2; exit 1; }

engine_answers() {
    timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

# Picks the Docker engine: DOCKER_HOST, the default socket, a private engine started earlier by this
# script, or (as root on Linux) a new private engine.
use_docker_engine() {
    command -v docker >/dev/null || install_packages docker.io
    if [[ -f "$state/private-engine" ]]; then
        export STACKPILOT_DOCKERD_DIR="$dockerd_dir"
        DOCKER_HOST="$(scripts/dockerd.sh start)"
        export DOCKER_HOST
        step "Using the private Docker engine this script started earlier ($DOCKER_HOST)"
        return
    fi
    if [[ -n "${DOCKER_HOST:-}" ]] && engine_answers; then
        step "Using the Docker engine at DOCKER_HOST=$DOCKER_HOST"
        return
    fi
    if [[ -z "${DOCKER_HOST:-}" ]] && engine_answers; then
        step "Using the Docker engine at /var/run/docker.sock"
        return
    fi
    if [[ "$(uname -s)" != Linux || "$(id -u)" != 0 ]]; then
        fail "no Docker engine answers (DOCKER_HOST=${DOCKER_HOST:-unset}); start Docker, or run this script as root on Linux to get a private engine"
    fi
    step "No Docker engine answers: installing and starting a private one in $dockerd_dir"
    command -v dockerd >/dev/null || install_packages docker.io
    export STACKPILOT_DOCKERD_DIR="$dockerd_dir"
    DOCKER_HOST="$(scripts/dockerd.sh start)"
    export DOCKER_HOST
    touch "$state/private-engine"
    step "Private Docker engine running at $DOCKER_HOST"
}

install_packages() {
    [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null || fail "missing $*; install it and run again"
    step "Installing $* with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

check_java() {
    command -v java >/dev/null || fail "java is not installed; install a JDK 17 or newer"
    local version
    version="$(java -XshowSettings:properties -version 2>&1 | sed -nE 's/ *java.specification.version = ([0-9]+).*/\1/p')"
    ((version >= 17)) || fail "java $version is too old; stackpilot needs 17 or newer"
}

prepare_images() {
    if [[ "${1:-}" == --upstream ]]; then
        step "Pulling the upstream images (needs a registry)"
        docker-compose "${compose_files[@]}" pull
        return
    fi
    [[ "$(id -u)" == 0 ]] || docker image inspect stackpilot-local/kafka:3.9.2 >/dev/null 2>&1 \
        || fail "building the local images needs root (debootstrap); run as root once, or use --upstream"
    command -v debootstrap >/dev/null || install_packages debootstrap
    step "Building or reusing the local stand-in images (compose/local-images.sh)"
    compose/local-images.sh | sed 's/^/         /'
    compose_files+=(-f compose/docker-compose.local.yaml)
}

build_service() {
    local newest
    newest="$(find src/main pom.xml -newer "$jar" -type f -print -quit 2>/dev/null || true)"
    if [[ -f "$jar" && -z "$newest" ]]; then
        step "Reusing the stackpilot build in target/"
        return
    fi
    step "Building stackpilot (./mvnw package -DskipTests)"
    ./mvnw -q -B package -DskipTests >"$state/build.log" 2>&1 || { tail -40 "$state/build.log" >&2; fail "build failed; see $state/build.log"; }
}

start_service() {
    if [[ -f "$state/stackpilot.pid" ]] && kill -0 "$(cat "$state/stackpilot.pid")" 2>/dev/null; then
        step "stackpilot already runs (PID $(cat "$state/stackpilot.pid"))"
        return
    fi
    if [[ ! -f "$state/api-key" ]]; then
        (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$state/api-key")
    fi
    local hash
    hash="$(printf '%s' "$(cat "$state/api-key")" | sha256sum | cut -c1-64)"
    step "Starting stackpilot on port $port"
    nohup java \
        -Dquarkus.http.port="$port" \
        -Dstackpilot.security.api-keys.demo.sha256="$hash" \
        -Dstackpilot.security.api-keys.demo.role=operator \
        -Dstackpilot.audit.path="$state/audit.jsonl" \
        -jar "$jar" >"$state/stackpilot.log" 2>&1 &
    echo $! >"$state/stackpilot.pid"
    local deadline=$((SECONDS + 120))
    until curl -sf -o /dev/null "http://localhost:$port/q/health/live"; do
        kill -0 "$(cat "$state/stackpilot.pid")" 2>/dev/null || { tail -40 "$state/stackpilot.log" >&2; fail "stackpilot exited; see $state/stackpilot.log"; }
        ((SECONDS < deadline)) || fail "stackpilot did not start within 120 s; see $state/stackpilot.log"
        sleep 0.5
    done
}

# Waits until ZooKeeper, Kafka and the UI report up in their health groups (/q/health/group/<name>), which
# stackpilot answers with 200 only when the component runs and its probe passes.
wait_for_stack() {
    step "Waiting for zookeeper, kafka and kafka-ui to be running and healthy"
    local deadline=$((SECONDS + 300)) component pending
    while ((SECONDS < deadline)); do
        pending=()
        for component in zookeeper kafka kafka-ui; do
            curl -sf -o /dev/null "http://localhost:$port/q/health/group/$component" || pending+=("$component")
        done
        if ((${#pending[@]} == 0)); then
            list_components
            return
        fi
        sleep 2
    done
    list_components >&2
    fail "${pending[*]} not healthy within 300 s; see docker-compose ${compose_files[*]} logs"
}

# Prints one line per component: name, state, health and reason (the raw JSON where python3 is missing).
list_components() {
    local body
    body="$(curl -sf -H "X-API-Key: $(cat "$state/api-key")" "http://localhost:$port/api/v1/components" || true)"
    if ! command -v python3 >/dev/null; then
        printf '%s\n' "$body"
        return
    fi
    python3 -c '
import json, sys
for c in json.loads(sys.argv[1] or "[]"):
    health = (c.get("health") or {}).get("status", "-")
    print("         %-10s %-10s %-8s %s" % (c["name"], c["state"], health, c.get("reason") or ""))
' "$body"
}

print_guide() {
    local key
    key="$(cat "$state/api-key")"
    cat <<EOF

stackpilot runs at http://localhost:$port in front of the Compose project "kafka".

  Swagger UI     http://localhost:$port/q/swagger-ui   (Authorize with the API key below)
  Components     curl -H "X-API-Key: $key" http://localhost:$port/api/v1/components
  Health         http://localhost:$port/q/health/group/kafka   (one per component; 503 when not up)
  Readiness      http://localhost:$port/q/health/ready   (503 without a Kubernetes cluster: the catalog has headlamp)
  API key        $key   (operator; stored in .demo/api-key)
  Logs           .demo/stackpilot.log

  Try:           curl -X POST -H "X-API-Key: $key" http://localhost:$port/api/v1/components/kafka/restart
  Stop it all:   scripts/demo.sh down

headlamp lives in Kubernetes; without a cluster it shows state "unknown" with the reason, and stack
operations end "failed" at its step after handling the Docker components.
EOF
}

up() {
    mkdir -p "$state"
    step "Checking the JDK"
    check_java
    use_docker_engine
    command -v docker-compose >/dev/null || install_packages docker-compose
    prepare_images "$@"
    printf '%s\n' "${compose_files[@]}" | paste -sd' ' >"$state/compose-files"
    step "Starting the stack (docker-compose ${compose_files[*]} up -d)"
    docker-compose "${compose_files[@]}" up -d 2>&1 | sed 's/^/         /'
    build_service
    start_service
    wait_for_stack
    step "Ready"
    print_guide
}

down() {
    [[ -d "$state" ]] || { step "Nothing to stop: no .demo/ folder"; return; }
    if [[ -f "$state/private-engine" ]]; then
        export STACKPILOT_DOCKERD_DIR="$dockerd_dir"
        DOCKER_HOST="$(scripts/dockerd.sh start)"
        export DOCKER_HOST
    fi
    if [[ -f "$state/stackpilot.pid" ]]; then
        local pid
        pid="$(cat "$state/stackpilot.pid")"
        if kill -0 "$pid" 2>/dev/null; then
            step "Stopping stackpilot (PID $pid)"
            kill "$pid"
            for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
            kill -9 "$pid" 2>/dev/null || true
        fi
    fi
    if [[ -f "$state/compose-files" ]]; then
        step "Removing the stack's containers and network"
        # shellcheck disable=SC2046
        docker-compose $(cat "$state/compose-files") down --volumes --timeout 10 2>&1 | sed 's/^/         /'
    fi
    if [[ "${1:-}" == --purge ]]; then
        step "Removing the local images"
        compose/local-images.sh --list | xargs -r docker image rm -f >/dev/null 2>&1 || true
    fi
    if [[ -f "$state/private-engine" ]]; then
        step "Stopping the private Docker engine"
        scripts/dockerd.sh stop
        [[ "${1:-}" == --purge ]] && rm -rf "$dockerd_dir"
    fi
    rm -rf "$state"
    step "Down"
}

status() {
    [[ -f "$state/api-key" ]] || { echo "not running (no .demo/ folder); start with scripts/demo.sh up"; return 1; }
    list_components
}

case "${1:-}" in
    up) shift; up "$@" ;;
    down) shift; down "$@" ;;
    status) status ;;
    *) sed -n '2,14p' "$0" >&2; exit 2 ;;
esac
