#!/usr/bin/env bash
# Runs the browser test in src/test/browser. It starts the packaged service (target/quarkus-app, from
# ./mvnw package) with the default catalog on a free loopback port, against the Docker engine that
# DOCKER_HOST names. The test then drives the service's Swagger UI in Debian's headless Chromium through
# playwright-core and saves a screenshot under target/browser/. The stack itself need not run, because
# components without containers are listed as not_created.
#
#   scripts/browser-test.sh
#
# Needs node (20 or later) with npm, and chromium (apt-get install chromium). npm packages are installed
# with "npm ci" from the lockfile, and again only when the lockfile changes.
set -euo pipefail
cd "$(dirname "$0")/.."

tests=src/test/browser
jar=target/quarkus-app/quarkus-run.jar
log=target/browser/stackpilot.log
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"

progress() { printf '[%4ds] %s\n' "$SECONDS" "$*"; }
fail() { printf '[%4ds] browser-test: %s\n' "$SECONDS" "$*" >&2; exit 1; }

[[ -f "$jar" ]] || fail "$jar is missing; run ./mvnw package first"
[[ -x "$chromium_path" ]] || fail "no Chromium at $chromium_path; run apt-get install chromium"
command -v npm >/dev/null || fail "npm is not installed; install Node.js 20 or later with npm"

install_packages() {
    local stamp="$tests/node_modules/.lockfile-sha256" wanted
    wanted="$(sha256sum "$tests/package-lock.json" | cut -c1-64)"
    if [[ "$(cat "$stamp" 2>/dev/null || true)" != "$wanted" ]]; then
        progress "Installing npm packages from $tests/package-lock.json"
        npm ci --prefix "$tests" --no-audit --no-fund --loglevel=error
        echo "$wanted" >"$stamp"
    fi
}

service_pid=""

stop_service() {
    if [[ -n "$service_pid" ]] && kill -0 "$service_pid" 2>/dev/null; then
        kill "$service_pid"
        wait "$service_pid" 2>/dev/null || true
    fi
}

# Starts the service on a port the kernel picks and prints its base URL once it serves requests.
start_service() {
    mkdir -p "$(dirname "$log")"
    java -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=0 -jar "$jar" >"$log" 2>&1 &
    service_pid=$!
    local deadline=$((SECONDS + 60)) port=""
    while ((SECONDS < deadline)); do
        kill -0 "$service_pid" 2>/dev/null || { cat "$log" >&2; fail "stackpilot exited during start-up"; }
        port="$(sed -nE 's#.*Listening on: http://[^:/]+:([0-9]+).*#\1#p' "$log" | head -1)"
        if [[ -n "$port" ]] && curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/live"; then
            echo "http://127.0.0.1:$port"
            return
        fi
        sleep 0.5
    done
    cat "$log" >&2
    fail "stackpilot did not serve /q/health/live within 60 s"
}

install_packages
trap stop_service EXIT
progress "Starting stackpilot from $jar"
url="$(start_service)"
progress "stackpilot serves $url; running the browser test"
STACKPILOT_URL="$url" CHROMIUM_PATH="$chromium_path" SCREENSHOT_DIR="$PWD/target/browser" \
    node --test "$tests/"
