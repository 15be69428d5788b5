#!/usr/bin/env bash
# Measures the latency Tracelight adds to Anthropic SDK calls (see docs/benchmarks.md).
#   tracelight-bench/run.sh                     the full measurement (~6 minutes on 2 cores, build included)
#   tracelight-bench/run.sh MessagesCreate      only the benchmarks whose name matches, same rounds
#   tracelight-bench/run.sh MessagesCreate -prof gc    extra options go straight to JMH
#   ROUNDS=1 tracelight-bench/run.sh ...        fewer rounds, for a quick look
#
# On a shared machine, load from other processes comes in bursts. JMH runs all forks of one mode
# before the next mode, so a burst would land on one mode only. This script instead runs ROUNDS
# (default 3) rounds of one fork per mode (baseline, wrap, autolog, baseline, ...), the same
# number of forks as `java -jar tracelight-bench.jar`, and pools them in the table. The cost
# breakdown runs once, after the rounds.
#
# Prints the machine, its load before, during and after, JMH's output, then the Markdown table;
# raw results stay in tracelight-bench/target/jmh-result-*.json.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="$ROOT/tracelight-bench/target"
JAR="$TARGET/tracelight-bench.jar"
LOADS="$TARGET/load-during-run.txt"
ROUNDS="${ROUNDS:-3}"

(cd "$ROOT" && mvn -B -q -Dstyle.color=never -pl tracelight-bench -am package -DskipTests)
rm -f "$TARGET"/jmh-result-*.json

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

if [[ $# -eq 0 ]]; then
  set -- 'Messages(Create|Stream)Benchmark'
  BREAKDOWN=yes
fi
for round in $(seq 1 "$ROUNDS"); do
  echo "=== round $round of $ROUNDS"
  java -jar "$JAR" -f 1 -rf json -rff "$TARGET/jmh-result-$round.json" "$@"
done
if [[ "${BREAKDOWN:-}" == yes ]]; then
  java -jar "$JAR" TracingCostBreakdownBenchmark -rf json -rff "$TARGET/jmh-result-breakdown.json"
fi

echo "load after:  $(uptime)"
sort -n "$LOADS" | awk '{a[NR]=$1} END {if (NR) printf "load during run (1-min avg, %d samples): min %s, median %s, max %s\n", NR, a[1], a[int((NR+1)/2)], a[NR]}'
echo
java -cp "$JAR" dev.tracelight.bench.ResultsTable "$TARGET"/jmh-result-*.json
