#!/usr/bin/env bash
# How many concurrent calls the load generator sustains on one core: for each N, the bare RTP
# sink counts on core 0 (taskset -c 0) what `vittne loadgen --no-sip` sends from core 1
# (taskset -c 1): N calls, two G.711 streams each, 50 packets/s per stream, for HOLD seconds.
# Prints one table row per N: packets sent and received, the generator's CPU and send lateness,
# the sink's CPU. Loopback only. Usage: bench/loadgen-capacity.sh [N ...]
# Environment: HOLD (s, default 30), RATE (calls/s of the ramp, default 200), CODEC (pcmu).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
HOLD=${HOLD:-30}
RATE=${RATE:-200}
CODEC=${CODEC:-pcmu}
FIRST_PORT=${FIRST_PORT:-20000}
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(250 500 1000 2000 3000)

jar=deploy/target/vittne.jar
[ -f "$jar" ] || mvn -B -q -DskipTests -pl deploy -am install >&2
ulimit -n "$(ulimit -Hn)" # the sink opens one socket per port
java=("$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -XX:+UseSerialGC -Xms256m -Xmx1g -jar "$jar")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "| calls | packets sent | received | lost | generator CPU (cores) | event loop (cores) | generator CPU per packet (µs) | lateness p50 / p99 / max (µs) | sink CPU (cores) |"
echo "|---|---|---|---|---|---|---|---|---|"
for n in "${steps[@]}"; do
  last=$((FIRST_PORT + 2 * n - 1))
  ramp=$(( (n + RATE - 1) / RATE ))
  taskset -c 0 "${java[@]}" loadgen --sink --rtp-ports "$FIRST_PORT-$last" --batch 16 --json \
    --duration "$((ramp + HOLD + 8))s" >"$out/sink.json" 2>"$out/sink.err" &
  sink=$!
  sleep 3
  taskset -c 1 "${java[@]}" loadgen --no-sip --rtp-target "127.0.0.1:$FIRST_PORT-$last" \
    --calls "$n" --rate "$RATE" --hold "${HOLD}s" --codec "$CODEC" --json >"$out/gen.json" || true
  wait "$sink"
  python3 - "$n" "$out/gen.json" "$out/sink.json" <<'PY'
import json, sys
n, gen, sink = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
late = gen["lateness"]
sink_cores = sink["cpu"]["processSeconds"] / gen["cpu"]["wallSeconds"]
print(f'| {n} | {gen["packetsSent"]:,} | {sink["packets"]:,} | {gen["packetsSent"] - sink["packets"]:,} '
      f'| {gen["cpu"]["processCores"]:.3f} | {gen["cpu"]["loopThreadCores"]:.3f} '
      f'| {1e6 * gen["cpu"]["processSeconds"] / max(1, gen["packetsSent"]):.2f} '
      f'| {late["p50Micros"]:,} / {late["p99Micros"]:,} / {late["maxMicros"]:,} | {sink_cores:.3f} |')
PY
done
