#!/usr/bin/env bash
# Measures the latency Tracelight adds to Anthropic SDK calls (see docs/benchmarks.md).
#   tracelight-bench/run.sh                     every benchmark, full settings (~5.5 minutes on 2 cores)
#   tracelight-bench/run.sh MessagesCreate      only those whose name matches
#   tracelight-bench/run.sh -prof gc            extra JMH options go straight to JMH
# Prints the machine, its load before, during and after, JMH's output, then the Markdown table;
# the raw result is kept in tracelight-bench/target/jmh-result.json.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/tracelight-bench/target/tracelight-bench.jar"
RESULT="$ROOT/tracelight-bench/target/jmh-result.json"
LOADS="$ROOT/tracelight-bench/target/load-during-run.txt"

(cd "$ROOT" && mvn -B -q -Dstyle.color=never -pl tracelight-bench -am package -DskipTests)

echo "cpu:    $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(nproc) cores)"
echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
echo "jdk:    $(java -version 2>&1 | sed -n 2p)"
echo "os:     $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
echo "load before: $(uptime)"

# The 1-minute load average every 10 s while JMH runs (its own fork counts for 1 to 2 of it).
: > "$LOADS"
(while sleep 10; do cut -d' ' -f1 /proc/loadavg >> "$LOADS"; done) &
SAMPLER=$!
trap 'kill "$SAMPLER" 2>/dev/null || true' EXIT

java -jar "$JAR" -rf json -rff "$RESULT" "$@"

echo "load after:  $(uptime)"
sort -n "$LOADS" | awk '{a[NR]=$1} END {if (NR) printf "load during run (1-min avg, %d samples): min %s, median %s, max %s\n", NR, a[1], a[int((NR+1)/2)], a[NR]}'
echo
java -cp "$JAR" dev.tracelight.bench.ResultsTable "$RESULT"
