# Starts and stops the packaged service (target/quarkus-app/quarkus-run.jar) on a free loopback port.
# Sourced by scripts/browser-test.sh and bench/footprint.sh, from the repository root.

packaged_jar=target/quarkus-app/quarkus-run.jar
service_pid=""
service_url=""
service_start_ms=""

# Starts the service with the given JVM options and its output in the file $1, then waits until
# /q/health/live returns 200. Sets service_pid, service_url and service_start_ms (milliseconds from launch
# to that first 200). Exits the script with the log when the service stops or takes more than 120 s.
start_packaged_service() {
    local log="$1" begin port="" deadline
    shift
    [[ -f "$packaged_jar" ]] || { echo "$packaged_jar is missing; run ./mvnw package -DskipTests first" >&2; exit 1; }
    : >"$log"
    begin="$(($(date +%s%N) / 1000000))"
    java -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=0 "$@" -jar "$packaged_jar" >"$log" 2>&1 &
    service_pid=$!
    deadline=$((SECONDS + 120))
    while ((SECONDS < deadline)); do
        if ! kill -0 "$service_pid" 2>/dev/null; then
            cat "$log" >&2
            echo "stackpilot exited during start-up (log above)" >&2
            exit 1
        fi
        if [[ -z "$port" ]]; then
            port="$(sed -nE 's#.*Listening on: http://[^:/]+:([0-9]+).*#\1#p' "$log" | head -1)"
        fi
        if [[ -n "$port" ]] && curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/live"; then
            service_url="http://127.0.0.1:$port"
            service_start_ms="$(($(date +%s%N) / 1000000 - begin))"
            return 0
        fi
        sleep 0.02
    done
    cat "$log" >&2
    echo "stackpilot did not return 200 on /q/health/live within 120 s (log above)" >&2
    exit 1
}

# Stops the service started last, if it still runs, and waits for it to exit.
stop_packaged_service() {
    if [[ -n "$service_pid" ]] && kill -0 "$service_pid" 2>/dev/null; then
        kill "$service_pid"
        wait "$service_pid" 2>/dev/null || true
    fi
    service_pid=""
}
