#!/usr/bin/env bash
# A short `navi bench` (--quick) for CI: it starts its own NAVI and llm-sim from target/navi.jar on
# loopback (embedded database, temporary NAVI_HOME), measures, stops them, and prints the report.
#
#   scripts/bench-quick.sh [REPORT_DIR] [more bench options...]
#
# Builds nothing: needs target/navi.jar (`./mvnw -B -DskipTests package`; NAVI_JAR overrides the path)
# and a Java 25 (JAVA_HOME, else scripts/find-jdk.sh looks). The report (bench.md, bench.json,
# bench-latency.svg) stays in REPORT_DIR (default target/bench) to keep as CI output; pass
# `--baseline FILE` to compare with an earlier bench.json. Exit status: bench's (docs/benchmark.md).
set -euo pipefail
cd "$(dirname "$0")/.."

jar="${NAVI_JAR:-target/navi.jar}"
report="${1:-target/bench}"
shift || true

if [ ! -f "$jar" ]; then
  echo "bench-quick: $jar not found; build it first (./mvnw -B -DskipTests package)" >&2
  exit 1
fi
if [ -z "${JAVA_HOME:-}" ]; then
  . scripts/find-jdk.sh
  navi_find_jdk
fi

status=0
"$JAVA_HOME/bin/java" -jar "$jar" bench --quick --report "$report" "$@" || status=$?
if [ -f "$report/bench.md" ]; then
  cat "$report/bench.md"
fi
exit "$status"
