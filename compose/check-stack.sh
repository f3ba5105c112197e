#!/usr/bin/env bash
# Checks a running stack from compose/docker-compose.yaml from the host, through its published ports:
#   1. ZooKeeper responds to "ruok" with "imok";
#   2. Kafka UI's /actuator/health reports UP;
#   3. a record produced to the broker's host listener comes back to a consumer from the beginning of a
#      fresh topic (Kafka's console tools, run on the host from the jars compose/local-images.sh caches).
# With --outage it also stops the kafka service, expects the UI's health to turn DOWN (HTTP 503), starts
# kafka again and waits for UP. That check is written for the local stand-in, whose health follows the
# broker; real Kafka UI's health endpoint may stay UP.
#
#   compose/check-stack.sh [--outage]
#
# Ports come from STACKPILOT_ZOOKEEPER_PORT, STACKPILOT_KAFKA_PORT and STACKPILOT_KAFKA_UI_PORT, as in the
# compose file. Exits non-zero at the first check that fails.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
zookeeper_port="${STACKPILOT_ZOOKEEPER_PORT:-2181}"
kafka_port="${STACKPILOT_KAFKA_PORT:-9092}"
ui_port="${STACKPILOT_KAFKA_UI_PORT:-8080}"
health_url="http://127.0.0.1:$ui_port/actuator/health"

progress() { printf '[%4ds] %s\n' "$SECONDS" "$*"; }
fail() { printf '[%4ds] FAILED: %s\n' "$SECONDS" "$*" >&2; exit 1; }

outage=false
case "${1:-}" in
    "") ;;
    --outage) outage=true ;;
    *) fail "unknown argument '$1'; usage: $0 [--outage]" ;;
esac

zookeeper_replies() {
    local reply
    reply="$(timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$zookeeper_port && echo ruok >&3 && cat <&3" || true)"
    [[ "$reply" == "imok" ]] || fail "ZooKeeper on 127.0.0.1:$zookeeper_port responded '$reply' to ruok, expected imok"
    progress "ZooKeeper on port $zookeeper_port responds to ruok with imok"
}

health_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$health_url" || true; }

# Waits up to $2 seconds for the UI's health endpoint to return HTTP status $1.
await_health() {
    local expected="$1" limit="$2" status=""
    local deadline=$((SECONDS + limit))
    while ((SECONDS < deadline)); do
        status="$(health_status)"
        [[ "$status" == "$expected" ]] && return 0
        sleep 1
    done
    fail "$health_url returned HTTP $status, expected $expected within $limit s"
}

kafka_tool() {
    local main="$1"
    shift
    java -Xmx256m -XX:TieredStopAtLevel=1 \
        -Dlog4j.configuration="file:$here/local/kafka/tools-log4j.properties" \
        -cp "$jars/*" "$main" --bootstrap-server "localhost:$kafka_port" "$@"
}

round_trip() {
    local topic record received
    topic="stackpilot-check-$(date +%s)-$$"
    record="check record $RANDOM$RANDOM"
    progress "Producing one record to topic $topic through localhost:$kafka_port"
    echo "$record" | kafka_tool kafka.tools.ConsoleProducer --topic "$topic" --producer-property acks=all
    received="$(kafka_tool org.apache.kafka.tools.consumer.ConsoleConsumer --topic "$topic" --from-beginning \
        --max-messages 1 --timeout-ms 30000 2>/dev/null || true)"
    [[ "$received" == "$record" ]] || fail "consumed '$received' from $topic, expected '$record'"
    progress "Consumed the same record back"
}

outage_check() {
    local compose=(docker-compose -f "$here/docker-compose.yaml")
    progress "Stopping kafka"
    "${compose[@]}" stop kafka
    await_health 503 30
    progress "Kafka UI health is DOWN (HTTP 503) while kafka is stopped"
    "${compose[@]}" start kafka
    await_health 200 120
    progress "Kafka UI health is UP again after kafka started"
}

zookeeper_replies
await_health 200 60
progress "Kafka UI health at $health_url is UP"
jars="$("$here/local-images.sh" --kafka-jars)"
round_trip
if $outage; then
    outage_check
fi
progress "Stack checks passed"
