#!/usr/bin/env bash
# Synchronous commits and statements per agent step, counted by PostgreSQL itself: figures that do not
# depend on the machine's load, unlike the times `navi bench` measures. It starts a throwaway PostgreSQL
# server (Debian's `postgresql` package, with pg_stat_statements), llm-sim and NAVI from the jar on
# loopback, runs one warm-up task and then TASKS tasks of STEPS `read_file` steps one after another,
# and prints, per model call, the WAL flushes those tasks caused (pg_stat_wal.wal_sync: each commit
# that wrote waits for one, unless it shares another's), all commits (pg_stat_database.xact_commit,
# read-only ones and this script's status polls included) and the statements that wrote
# (pg_stat_statements). Everything is removed at the end.
#
#   scripts/bench-commits.sh [TASKS] [STEPS]      (defaults 5 and 20)
#
# Needs target/navi.jar (NAVI_JAR overrides), a Java 25 (JAVA_HOME, else scripts/find-jdk.sh), the
# PostgreSQL server binaries (PG_BIN, else the newest /usr/lib/postgresql/*/bin), curl and python3.
# Run as root it runs the server as the `postgres` user. Ports: BENCH_COMMITS_PORT and the next three
# (default 23432–23435, below the ephemeral range). Background commits (the worker's polls, lease
# renewals, the approval sweep) are counted too: they depend on how long the tasks took.
set -euo pipefail
cd "$(dirname "$0")/.."

tasks="${1:-5}"
steps="${2:-20}"
jar="$(realpath "${NAVI_JAR:-target/navi.jar}")"
[ -f "$jar" ] || { echo "bench-commits: $jar not found; build it first (./mvnw -B -DskipTests package)" >&2; exit 1; }
if [ -z "${JAVA_HOME:-}" ]; then
  . scripts/find-jdk.sh
  navi_find_jdk
fi
pg_bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[ -x "$pg_bin/initdb" ] || { echo "bench-commits: no PostgreSQL server binaries (apt-get install postgresql, or PG_BIN)" >&2; exit 1; }
port="${BENCH_COMMITS_PORT:-23432}"
sim_port=$((port + 1)) api_port=$((port + 2)) mgmt_port=$((port + 3))

work="$(mktemp -d)"
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$work"
  as_pg=(runuser -u postgres --)
fi
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg" stop -m fast >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

"${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -w -l "$work/pg/server.log" start \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements" >/dev/null
sql() { psql -h 127.0.0.1 -p "$port" -U postgres -d "${2:-navi}" -tAqc "$1"; }
sql "create database navi" postgres
sql "create extension pg_stat_statements"

mkdir -p "$work/home" "$work/ws/default/navi-bench"
echo "# A file for read_file" > "$work/ws/default/navi-bench/README.md"
"$JAVA_HOME/bin/java" -jar "$jar" llm-sim --port "$sim_port" --scripts "$work/none" > "$work/sim.log" 2>&1 &
pids+=($!)
NAVI_HOME="$work/home" NAVI_WORKSPACES_ROOT="$work/ws" NAVI_LLM_PROVIDER=anthropic ANTHROPIC_API_KEY=sim \
  NAVI_LLM_BASE_URL="http://127.0.0.1:$sim_port" NAVI_LLM_MODEL=claude-sim NAVI_LOG_FORMAT= \
  SERVER_PORT="$api_port" MANAGEMENT_SERVER_PORT="$mgmt_port" \
  NAVI_DATABASE_URL="jdbc:postgresql://127.0.0.1:$port/navi" NAVI_DATABASE_USER=postgres \
  "$JAVA_HOME/bin/java" -jar "$jar" serve --navi.ratelimit.enabled=false > "$work/navi.log" 2>&1 &
pids+=($!)
for _ in $(seq 180); do
  curl -sf "http://127.0.0.1:$mgmt_port/health/ready" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$mgmt_port/health/ready" >/dev/null || { echo "bench-commits: NAVI did not start" >&2; tail -20 "$work/navi.log" >&2; exit 1; }

STEPS="$steps" TASKS="$tasks" SIM="http://127.0.0.1:$sim_port" API="http://127.0.0.1:$api_port" \
  TOKEN="$(cat "$work/home/admin.token")" python3 - "$port" <<'PY'
import json, os, subprocess, sys, time, urllib.request

steps, tasks, api, token = int(os.environ["STEPS"]), int(os.environ["TASKS"]), os.environ["API"], os.environ["TOKEN"]
port = sys.argv[1]

def call(url, body=None, auth=True):
    headers = {"Content-Type": "application/json"}
    if auth:
        headers["Authorization"] = "Bearer " + token
    data = json.dumps(body).encode() if body is not None else None
    with urllib.request.urlopen(urllib.request.Request(url, data, headers)) as answer:
        return json.load(answer) if answer.status != 204 else None

def sql(query):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", "navi", "-tAqc", query],
                          check=True, capture_output=True, text=True).stdout.strip()

read = {"tool_calls": [{"name": "read_file", "arguments": {"path": "README.md"}}]}
call(os.environ["SIM"] + "/_sim/scripts", {"name": "commits", "turns": [read] * steps + [{"text": "Read it."}]}, auth=False)

def run(label):
    task = call(api + "/api/v1/tasks", {"prompt": "[sim:commits] " + label, "workspace": {"path": "navi-bench"},
                                        "limits": {"maxIterations": steps + 5}})
    for _ in range(3000):
        status = call(api + "/api/v1/tasks/" + task["id"])["status"]
        if status not in ("queued", "running"):
            if status != "succeeded":
                sys.exit("bench-commits: a task ended " + status)
            return
        time.sleep(0.1)
    sys.exit("bench-commits: a task did not end")

run("warm-up")
sql("select pg_stat_statements_reset()")
counters = "select (select xact_commit from pg_stat_database where datname = 'navi') || ' ' || wal_sync from pg_stat_wal"
commits_before, syncs_before = map(int, sql(counters).split())
for n in range(tasks):
    run(str(n))
commits_after, syncs_after = map(int, sql(counters).split())
total = tasks * (steps + 1)
print(f"{tasks} tasks of {steps} read_file steps and a final turn: {total} model calls")
print(f"WAL flushes: {syncs_after - syncs_before}, {(syncs_after - syncs_before) / total:.2f} per model call")
print(f"commits (read-only and status polls included): {commits_after - commits_before}, "
      f"{(commits_after - commits_before) / total:.2f} per model call")
rows = sql("select calls, regexp_replace(left(query, 80), '\\s+', ' ', 'g') from pg_stat_statements "
           "where query not in ('BEGIN', 'COMMIT') and (rows > 0 or query ~* '^\\s*(with|insert|update|delete)') "
           "and query !~* '^select id, tenant' order by calls desc limit 12")
print("statements, most frequent first (calls per model call, statement):")
for row in rows.splitlines():
    calls, query = row.split("|", 1)
    print(f"  {int(calls) / total:6.2f}  {query}")
PY
