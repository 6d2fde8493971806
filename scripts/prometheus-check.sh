#!/usr/bin/env bash
# A real Prometheus (Debian's `prometheus` package) scraping a running NAVI with the repository's rules
# shows an alert going to `firing` through its HTTP API.
#
#   scripts/prometheus-check.sh [ALERT] [TIMEOUT_SECONDS]
#
# Builds nothing: needs target/navi.jar (`./mvnw -B -DskipTests package`; NAVI_JAR overrides the path),
# java (JAVA_HOME or PATH), prometheus and curl. Everything listens on 127.0.0.1 on free ports, in a
# temporary directory removed at exit, with every process it started stopped.
#
# Steps: start llm-sim with a script whose turns always fail with 401, start NAVI against it (the API
# with its local admin token, probes and /metrics on a management port as in deploy/k8s), start
# Prometheus scraping that port's /metrics every second with a test copy of deploy/prometheus/*-rules.yml
# (group intervals 1 s and every `for:` shortened to 5 s, nothing else changed), wait until the target
# is up, submit tasks that fail at the provider (LLM errors), then:
#   ALERT=NaviTargetDown (default): stop NAVI and wait for NaviTargetDown to fire. Works on any build.
#   ALERT=NaviLlmClientErrors: keep NAVI running and wait for the 401s to fire it (needs the
#     navi_llm_attempts_total metric of the llm module).
# Exit 0 when the alert is firing, 1 on timeout (default 120 s) or when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."

alert=${1:-NaviTargetDown}
timeout=${2:-120}
jar=${NAVI_JAR:-target/navi.jar}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
started=$(date +%s)

log() { printf '[%3ds] %s\n' "$(( $(date +%s) - started ))" "$*"; }
die() { log "FAILED: $*"; exit 1; }

[ -f "$jar" ] || die "$jar not found; build it with ./mvnw -B -DskipTests package"
command -v prometheus >/dev/null || die "prometheus not found; apt-get install prometheus"
command -v curl >/dev/null || die "curl not found"

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

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
    [ "$(date +%s)" -lt "$deadline" ] || die "timed out waiting for $what"
    sleep 1
  done
}

sim_port=$(free_port); navi_port=$(free_port); mgmt_port=$(free_port); prom_port=$(free_port)
mkdir -p "$work/scripts" "$work/home/workspaces/default/demo" "$work/rules" "$work/tsdb"
echo demo > "$work/home/workspaces/default/demo/README.md"
cat > "$work/scripts/unauthorized.json" <<'JSON'
{"name": "unauthorized", "turns": [{"text": "never served", "faults": [{"status": 401, "times": -1}]}]}
JSON

log "llm-sim on 127.0.0.1:$sim_port"
"$java" -jar "$jar" llm-sim --port "$sim_port" --scripts "$work/scripts" > "$work/llm-sim.log" 2>&1 &
pids+=($!)

log "NAVI on 127.0.0.1:$navi_port, probes and /metrics on 127.0.0.1:$mgmt_port (NAVI_HOME in a temporary directory)"
NAVI_HOME="$work/home" SERVER_PORT="$navi_port" NAVI_BIND_ADDRESS=127.0.0.1 \
  MANAGEMENT_SERVER_PORT="$mgmt_port" MANAGEMENT_SERVER_ADDRESS=127.0.0.1 \
  NAVI_LLM_PROVIDER=anthropic ANTHROPIC_API_KEY=sim NAVI_LLM_BASE_URL="http://127.0.0.1:$sim_port" \
  "$java" -jar "$jar" > "$work/navi.log" 2>&1 &
navi_pid=$!
pids+=("$navi_pid")

for rules in recording-rules.yml alert-rules.yml; do
  sed -E -e 's/^( +)for: .*/\1for: 5s/' -e 's/^( +)interval: .*/\1interval: 1s/' \
    "deploy/prometheus/$rules" > "$work/rules/$rules"
done
cat > "$work/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
  external_labels:
    runbook_base: https://git.example.com/navi/blob/main/docs
    dashboard_base: https://grafana.example.com
rule_files:
  - $work/rules/recording-rules.yml
  - $work/rules/alert-rules.yml
scrape_configs:
  - job_name: navi
    metrics_path: /metrics
    static_configs:
      - targets: ["127.0.0.1:$mgmt_port"]
YAML

log "Prometheus on 127.0.0.1:$prom_port"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$prom_port" > "$work/prometheus.log" 2>&1 &
pids+=($!)

prom="http://127.0.0.1:$prom_port"
navi="http://127.0.0.1:$navi_port"
wait_for "NAVI to be ready" 90 curl -sf "http://127.0.0.1:$mgmt_port/health/ready"
auth="Authorization: Bearer $(cat "$work/home/admin.token")"
log "NAVI ready; the API is called with the local admin token NAVI wrote under its home"
wait_for "Prometheus to be ready" 30 curl -sf "$prom/-/ready"
target_up() { curl -s "$prom/api/v1/query?query=up%7Bjob%3D%22navi%22%7D%3D%3D1" | grep -q '"value"'; }
wait_for "Prometheus to scrape NAVI" 30 target_up
rules_loaded() { curl -s "$prom/api/v1/rules" | grep -q "\"name\":\"$alert\""; }
rules_loaded || die "alert $alert is not among the loaded rules"
log "Prometheus scrapes NAVI; $(curl -s "$prom/api/v1/rules?type=alert" | grep -o '"type":"alerting"' | wc -l) alerting rules loaded"

for i in 1 2; do
  curl -sf -X POST "$navi/api/v1/tasks" -H "$auth" -H 'Content-Type: application/json' \
    -d "{\"prompt\": \"[sim:unauthorized] failing task $i\", \"workspace\": {\"path\": \"demo\"}}" > /dev/null
done
failed() { curl -s -H "$auth" "$navi/api/v1/tasks?status=failed" | grep -o '"stopReason":"llm_error"' | wc -l | grep -q '^2$'; }
wait_for "the tasks to fail with llm_error" 60 failed
log "2 tasks failed at the provider (401 from llm-sim): stopReason llm_error"

if [ "$alert" = NaviTargetDown ]; then
  log "stopping NAVI"
  kill "$navi_pid"
fi

firing() { curl -s "$prom/api/v1/alerts" | sed 's/{"labels"/\n&/g' | grep "\"alertname\":\"$alert\"" | grep -q '"state":"firing"'; }
deadline=$(( $(date +%s) + timeout ))
until firing; do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    log "FAILED: $alert did not fire within ${timeout}s; alerts:"
    curl -s "$prom/api/v1/alerts"; echo
    exit 1
  fi
  sleep 1
done
log "$alert is firing:"
curl -s "$prom/api/v1/alerts" | sed 's/{"labels"/\n&/g' | grep "\"alertname\":\"$alert\""
log "OK"
