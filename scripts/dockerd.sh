#!/usr/bin/env bash
# Starts or stops a private Docker engine on its own socket and data root, so
# it never collides with a system daemon. Used by CI and by the demo on machines
# that have no Docker engine of their own.
#
#   scripts/dockerd.sh start   # prints the DOCKER_HOST to use
#   scripts/dockerd.sh stop
#   scripts/dockerd.sh status
#
# STACKPILOT_DOCKERD_DIR sets the folder for socket, pid file, data and log
# (default /var/lib/stackpilot-dockerd). The storage driver defaults to
# overlay2 and falls back to vfs where overlay2 does not work.
set -euo pipefail

base="${STACKPILOT_DOCKERD_DIR:-/var/lib/stackpilot-dockerd}"
sock="$base/docker.sock"
pidfile="$base/dockerd.pid"
log="$base/dockerd.log"
driver="${STACKPILOT_DOCKERD_STORAGE:-overlay2}"

running() {
    [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

answers() {
    DOCKER_HOST="unix://$sock" timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

launch() {
    mkdir -p "$base/data" "$base/exec"
    nohup dockerd \
        --host "unix://$sock" \
        --data-root "$base/data" \
        --exec-root "$base/exec" \
        --pidfile "$pidfile" \
        --storage-driver "$1" \
        --iptables=false --ip-masq=false \
        >>"$log" 2>&1 &
    local attempt
    for attempt in $(seq 1 100); do
        if answers; then
            return 0
        fi
        if ((attempt > 5)) && ! running; then
            return 1
        fi
        sleep 0.2
    done
    return 1
}

start() {
    if running && answers; then
        echo "unix://$sock"
        return 0
    fi
    command -v dockerd >/dev/null || { echo "dockerd is not installed (apt-get install docker.io)" >&2; exit 1; }
    if ! launch "$driver"; then
        stop_daemon
        echo "dockerd did not start with storage driver $driver; trying vfs (see $log)" >&2
        launch vfs || { echo "dockerd failed to start; see $log" >&2; tail -20 "$log" >&2; exit 1; }
    fi
    echo "unix://$sock"
}

stop_daemon() {
    if running; then
        local pid
        pid="$(cat "$pidfile")"
        kill "$pid"
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
}

case "${1:-}" in
    start) start ;;
    stop) stop_daemon ;;
    status) if running && answers; then echo "running: unix://$sock"; else echo "stopped"; exit 1; fi ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
