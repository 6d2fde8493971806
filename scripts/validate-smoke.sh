#!/usr/bin/env bash
# `navi validate --suite smoke` against a NAVI and an llm-sim this script starts itself: the scenarios'
# scripted solutions, verified by running each repository's tests on the diff NAVI returned.
#
#   scripts/validate-smoke.sh [extra validate options...]       (SUITE=full for every scenario)
#
# Builds nothing: needs target/navi.jar (`./mvnw -B -DskipTests package`; NAVI_JAR overrides the path),
# java (JAVA_HOME or PATH), curl, git and python3 (the Python scenarios' tests). Everything listens on
# 127.0.0.1 on free ports, with NAVI_HOME (embedded database, workspaces) in a temporary directory
# removed at exit, and every process it started stopped. The report goes to REPORT_DIR
# (default target/validation): report.md is printed at the end, report.json is for machines.
# Exit code: validate's (0 passed, 1 a scenario, a check or an objective failed, 4 NAVI unreachable),
# or 1 when a step before it fails.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=${NAVI_JAR:-target/navi.jar}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
report=${REPORT_DIR:-target/validation}
started=$(date +%s)

log() { printf '[%3ds] %s\n' "$(( $(date +%s) - started ))" "$*"; }
die() { log "FAILED: $*"; exit 1; }

[ -f "$jar" ] || die "$jar not found; build it with ./mvnw -B -DskipTests package"
for tool in curl git python3; do
  command -v "$tool" >/dev/null || die "$tool not found"
done

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 20000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

wait_for() { # description, seconds, command...
  local what=$1 seconds=$2; shift 2
  local deadline=$(( $(date +%s) + seconds ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || { show_logs; die "timed out waiting for $what"; }
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || { show_logs; die "a process exited while waiting for $what"; }
    done
    sleep 1
  done
}

show_logs() {
  for file in "$work"/*.log; do
    [ -f "$file" ] || continue
    echo "--- last lines of $(basename "$file")"
    tail -n 40 "$file"
  done
}

sim_port=$(free_port); navi_port=$(free_port); mgmt_port=$(free_port)
while [ "$navi_port" = "$sim_port" ]; do navi_port=$(free_port); done
while [ "$mgmt_port" = "$sim_port" ] || [ "$mgmt_port" = "$navi_port" ]; do mgmt_port=$(free_port); done
home="$work/home"
mkdir -p "$work/scripts" "$home/workspaces/default"

log "llm-sim on 127.0.0.1:$sim_port (no scripts of its own: the validator posts each scenario's)"
"$java" -jar "$jar" llm-sim --port "$sim_port" --scripts "$work/scripts" > "$work/llm-sim.log" 2>&1 &
pids+=($!)

log "NAVI on 127.0.0.1:$navi_port, probes on 127.0.0.1:$mgmt_port, heartbeats every 1 s (NAVI_HOME in a temporary directory)"
NAVI_HOME="$home" NAVI_WORKSPACES_ROOT="$home/workspaces" SERVER_PORT="$navi_port" NAVI_BIND_ADDRESS=127.0.0.1 \
  MANAGEMENT_SERVER_PORT="$mgmt_port" MANAGEMENT_SERVER_ADDRESS=127.0.0.1 NAVI_HEARTBEAT_INTERVAL=1s \
  NAVI_LLM_PROVIDER=anthropic ANTHROPIC_API_KEY=sim NAVI_LLM_BASE_URL="http://127.0.0.1:$sim_port" \
  "$java" -jar "$jar" > "$work/navi.log" 2>&1 &
pids+=($!)

wait_for "llm-sim" 30 curl -sf "http://127.0.0.1:$sim_port/_sim/scripts"
wait_for "NAVI to be ready" 120 curl -sf "http://127.0.0.1:$mgmt_port/health/ready"
log "NAVI ready; validating (suite ${SUITE:-smoke}) with the local admin token NAVI wrote under its home"

# tolerances for a loaded CI machine (the defaults, 1 s and 5 s, are for a deployment); the measured
# figures are in the report either way
set +e
"$java" -jar "$jar" validate --suite "${SUITE:-smoke}" \
  --base-url "http://127.0.0.1:$navi_port" --token-file "$home/admin.token" \
  --workspace-root "$home/workspaces" --llm-sim "http://127.0.0.1:$sim_port" \
  --heartbeat-interval 1s --heartbeat-tolerance 4s --max-cancel-latency 15s --report "$report" "$@"
code=$?
set -e

if [ -f "$report/report.md" ]; then
  echo
  cat "$report/report.md"
fi
[ "$code" -eq 0 ] || show_logs
log "validate exited with $code"

# READINESS_REPORT_DIR set: `navi readiness` against the same NAVI, with this validation and any
# other reports under EVIDENCE_DIR (default: the validation report's parent) as its evidence
if [ -n "${READINESS_REPORT_DIR:-}" ]; then
  mkdir -p "$home/workspaces/default/readiness-probe"
  set +e
  "$java" -jar "$jar" readiness \
    --base-url "http://127.0.0.1:$navi_port" --management-url "http://127.0.0.1:$mgmt_port" \
    --token-file "$home/admin.token" --llm-sim "http://127.0.0.1:$sim_port" --heartbeat-interval 1s \
    --repo . --evidence "${EVIDENCE_DIR:-$(dirname "$report")}" --report "$READINESS_REPORT_DIR"
  readiness=$?
  set -e
  [ -f "$READINESS_REPORT_DIR/readiness.md" ] && { echo; cat "$READINESS_REPORT_DIR/readiness.md"; }
  log "readiness exited with $readiness"
  [ "$code" -ne 0 ] || code=$readiness
fi
exit "$code"
