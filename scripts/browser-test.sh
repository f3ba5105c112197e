#!/usr/bin/env bash
# Runs the browser test in src/test/browser. It starts the packaged service (target/quarkus-app, from
# ./mvnw package) with the default catalog on a free loopback port, against the Docker engine that
# DOCKER_HOST names, with security on and a throwaway viewer API key. The test then drives the service's
# Swagger UI in Debian's headless Chromium through playwright-core, authorizes with that key, and saves a
# screenshot under target/browser/. The stack itself need not run, because
# components without containers are listed as not_created.
#
#   scripts/browser-test.sh
#
# Needs node (20 or later) with npm, and chromium (apt-get install chromium). npm packages are installed
# with "npm ci" from the lockfile, and again only when the lockfile changes.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=lib/packaged-service.sh
source scripts/lib/packaged-service.sh

tests=src/test/browser
log=target/browser/stackpilot.log
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"

progress() { printf '[%4ds] %s\n' "$SECONDS" "$*"; }
fail() { printf '[%4ds] browser-test: %s\n' "$SECONDS" "$*" >&2; exit 1; }

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

install_packages
trap stop_packaged_service EXIT
progress "Starting stackpilot from $packaged_jar"
mkdir -p "$(dirname "$log")"
api_key="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
api_key_hash="$(printf '%s' "$api_key" | sha256sum | cut -c1-64)"
start_packaged_service "$log" \
    -Dstackpilot.security.api-keys.browser-test.sha256="$api_key_hash" \
    -Dstackpilot.security.api-keys.browser-test.role=viewer
progress "stackpilot serves $service_url; running the browser test"
STACKPILOT_URL="$service_url" STACKPILOT_API_KEY="$api_key" CHROMIUM_PATH="$chromium_path" \
    SCREENSHOT_DIR="$PWD/target/browser" node --test "$tests/"
