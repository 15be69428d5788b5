#!/usr/bin/env bash
# Measures the latency Tracelight adds to Anthropic SDK calls (see docs/benchmarks.md).
#   tracelight-bench/run.sh                     every benchmark, full settings (~5 minutes on 2 cores)
#   tracelight-bench/run.sh MessagesCreate      only those whose name matches
#   tracelight-bench/run.sh -prof gc            extra JMH options go straight to JMH
# Prints the machine and its load before and after, JMH's output, then the Markdown table;
# the raw result is kept in tracelight-bench/target/jmh-result.json.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/tracelight-bench/target/tracelight-bench.jar"
RESULT="$ROOT/tracelight-bench/target/jmh-result.json"

(cd "$ROOT" && mvn -B -q -Dstyle.color=never -pl tracelight-bench -am package -DskipTests)

machine() {
  echo "cpu:    $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(nproc) cores)"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "jdk:    $(java -version 2>&1 | head -n 2 | tail -n 1)"
  echo "os:     $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
}

machine
echo "load before: $(uptime)"
java -jar "$JAR" -rf json -rff "$RESULT" "$@"
echo "load after:  $(uptime)"
echo
java -cp "$JAR" dev.tracelight.bench.ResultsTable "$RESULT"
