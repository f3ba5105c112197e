#!/usr/bin/env bash
# Runs the README's first command the way a newcomer would: on a fresh clone of this repository, with no
# DOCKER_HOST and no Kubernetes cluster. After `scripts/demo.sh up` the API must list the four catalog
# components: zookeeper, kafka and kafka-ui running and healthy, headlamp unknown with a reason that names
# the missing Kubernetes API server. Then `scripts/demo.sh down` must leave no container, network, engine
# or stackpilot process behind.
#
#   scripts/newcomer-check.sh    # as root; stop any Docker engine on /var/run/docker.sock first
#
# The clone is made from the current commit into a temporary folder, which is removed afterwards. The
# demo's private engine keeps its images (in /var/lib/stackpilot-demo-dockerd), so a second run is fast.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/stackpilot-newcomer.XXXXXX)"
clone="$work/stackpilot"
engine_dir="${STACKPILOT_DEMO_DOCKERD_DIR:-/var/lib/stackpilot-demo-dockerd}"
started=$SECONDS

step() { printf '[%4ds] newcomer check: %s\n' "$((SECONDS - started))" "$*"; }
fail() { printf 'newcomer check failed: %s\n' "$*" >&2; exit 1; }

cleanup() {
    if [[ -d "$clone/.demo" ]]; then
        (cd "$clone" && scripts/demo.sh down >/dev/null 2>&1) || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

step "cloning $(git -C "$repo" rev-parse --short HEAD) into $clone"
git clone -q "$repo" "$clone"
cd "$clone"

step "scripts/demo.sh up, with DOCKER_HOST unset"
env -u DOCKER_HOST scripts/demo.sh up
up_seconds=$((SECONDS - started))

step "checking the components through the API"
key="$(cat .demo/api-key)"
body="$(curl -sf -H "X-API-Key: $key" http://localhost:8090/api/v1/components)" \
    || fail "GET /api/v1/components did not answer 200"
python3 - "$body" <<'PY' || fail "the components are not as a newcomer should find them: $body"
import json, sys
components = {c["name"]: c for c in json.loads(sys.argv[1])}
problems = []
if sorted(components) != ["headlamp", "kafka", "kafka-ui", "zookeeper"]:
    problems.append("components listed: %s" % sorted(components))
for name in ("zookeeper", "kafka", "kafka-ui"):
    c = components.get(name, {})
    health = (c.get("health") or {}).get("status")
    if c.get("state") != "running" or health != "up":
        problems.append("%s is %s with health %s" % (name, c.get("state"), health))
headlamp = components.get("headlamp", {})
if headlamp.get("state") != "unknown" or "Kubernetes API server" not in (headlamp.get("reason") or ""):
    problems.append("headlamp is %s: %s" % (headlamp.get("state"), headlamp.get("reason")))
for problem in problems:
    print("  " + problem, file=sys.stderr)
sys.exit(1 if problems else 0)
PY

[[ -f .demo/private-engine ]] || fail "demo.sh did not start its private Docker engine, although no engine answered"
demo_host="unix://$engine_dir/docker.sock"
pid="$(cat .demo/stackpilot.pid)"

step "scripts/demo.sh down"
scripts/demo.sh down

step "checking that nothing is left behind"
[[ ! -d .demo ]] || fail ".demo/ is still there"
! kill -0 "$pid" 2>/dev/null || fail "stackpilot (PID $pid) still runs"
! curl -s -o /dev/null --max-time 2 http://localhost:8090/q/health/live || fail "something still answers on port 8090"
if DOCKER_HOST="$demo_host" timeout 5 docker version >/dev/null 2>&1; then
    fail "the demo's Docker engine still answers at $demo_host"
fi
# The engine is stopped now, so start it again briefly to list what its data still holds.
DOCKER_HOST="$(STACKPILOT_DOCKERD_DIR="$engine_dir" scripts/dockerd.sh start)"
export DOCKER_HOST
left_containers="$(docker ps -aq)"
left_networks="$(docker network ls --filter type=custom -q)"
STACKPILOT_DOCKERD_DIR="$engine_dir" scripts/dockerd.sh stop
[[ -z "$left_containers" ]] || fail "containers left in the demo engine: $left_containers"
[[ -z "$left_networks" ]] || fail "networks left in the demo engine: $left_networks"

step "passed: healthy stack after ${up_seconds} s; down left nothing behind"
