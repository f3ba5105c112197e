#!/usr/bin/env bash
# Checks the published OpenAPI document after a Maven build (./mvnw package or verify), which writes
# openapi/openapi.yaml and openapi/openapi.json from the code:
#   1. the build wrote both files, after its resources were copied (so they are not left from an old build);
#   2. both equal the committed files, so the spec in the repository matches the code;
#   3. Redocly CLI (npm @redocly/cli, pinned below) lints both with no errors, using openapi/redocly.yaml.
# Redocly is installed once into STACKPILOT_CACHE_DIR (default ~/.cache/stackpilot) and reused.
#
#   scripts/check-openapi.sh
#
# To accept a changed spec: run the Maven build, review "git diff openapi/", commit the files.
set -euo pipefail
cd "$(dirname "$0")/.."

redocly_version=2.77.0
cache="${STACKPILOT_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/stackpilot}"
tool_dir="$cache/npm/redocly-cli-$redocly_version"
documents=(openapi/openapi.yaml openapi/openapi.json)

fail() { echo "check-openapi: $*" >&2; exit 1; }

check_fresh() {
    local marker=target/classes/application.yaml document
    [[ -f "$marker" ]] || fail "no Maven build output in target/; run ./mvnw package -DskipTests first"
    for document in "${documents[@]}"; do
        [[ -f "$document" ]] || fail "$document is missing; the build writes it (quarkus.smallrye-openapi.store-schema-directory)"
        [[ "$document" -nt "$marker" ]] || fail "$document is older than the last build's resources; run the Maven build first"
    done
}

check_committed() {
    git rev-parse --is-inside-work-tree >/dev/null 2>&1 || fail "not a git checkout; cannot compare with the committed spec"
    local changes
    changes="$(git status --porcelain -- "${documents[@]}")"
    if [[ -n "$changes" ]]; then
        git --no-pager diff --stat -- "${documents[@]}" >&2 || true
        git --no-pager diff -- openapi/openapi.yaml | head -60 >&2 || true
        fail "the generated spec differs from the committed one (above); review it and commit openapi/"
    fi
    echo "check-openapi: openapi/openapi.yaml and openapi/openapi.json match the build"
}

install_redocly() {
    if [[ ! -x "$tool_dir/node_modules/.bin/redocly" ]]; then
        command -v npm >/dev/null || fail "npm is not installed; install Node.js 20.19 or later with npm"
        echo "check-openapi: installing @redocly/cli@$redocly_version into $tool_dir"
        mkdir -p "$tool_dir"
        npm install --prefix "$tool_dir" --no-audit --no-fund --loglevel=error "@redocly/cli@$redocly_version" >&2
    fi
}

lint() {
    "$tool_dir/node_modules/.bin/redocly" lint --config openapi/redocly.yaml --format stylish "${documents[@]}"
}

check_fresh
check_committed
install_redocly
lint
