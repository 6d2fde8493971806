#!/usr/bin/env bash
# `navi bench` side by side with Portkey's open-source gateway in front of the same llm-sim: it installs
# @portkey-ai/gateway from npm into a temporary directory, starts it on loopback, runs the bench with
# --peer-gateway, stops the gateway and removes the directory (docs/benchmark.md).
#
#   scripts/bench-peer.sh [REPORT_DIR] [more bench options...]     e.g. scripts/bench-peer.sh target/bench-peer --quick
#
# Needs target/navi.jar (NAVI_JAR overrides the path), a Java 25 (JAVA_HOME, else scripts/find-jdk.sh
# looks), node 20 and npm with access to the npm registry. PORTKEY_VERSION (default 1.15.2) and
# PORTKEY_PORT (default 18787; not 8787, NAVI's own default) choose the gateway. The report stays in
# REPORT_DIR (default target/bench-peer). Exit status: bench's; 1 when the gateway cannot be started.
set -euo pipefail
cd "$(dirname "$0")/.."

jar="${NAVI_JAR:-target/navi.jar}"
report="${1:-target/bench-peer}"
shift || true
version="${PORTKEY_VERSION:-1.15.2}"
port="${PORTKEY_PORT:-18787}"

if [ ! -f "$jar" ]; then
  echo "bench-peer: $jar not found; build it first (./mvnw -B -DskipTests package)" >&2
  exit 1
fi
for tool in node npm; do
  if ! command -v "$tool" > /dev/null; then
    echo "bench-peer: $tool not found (Portkey's gateway runs on node 20)" >&2
    exit 1
  fi
done
if [ -z "${JAVA_HOME:-}" ]; then
  . scripts/find-jdk.sh
  navi_find_jdk
fi
if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
  echo "bench-peer: port $port is taken; set PORTKEY_PORT" >&2
  exit 1
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/navi-bench-peer.XXXXXX")"
gateway=""
stop() {
  if [ -n "$gateway" ] && kill -0 "$gateway" 2> /dev/null; then
    kill "$gateway" 2> /dev/null || true
    wait "$gateway" 2> /dev/null || true
  fi
  rm -rf "$dir"
}
trap stop EXIT

echo "bench-peer: installing @portkey-ai/gateway@$version" >&2
npm install --prefix "$dir" --no-audit --no-fund --ignore-scripts --loglevel=error \
  "@portkey-ai/gateway@$version" > "$dir/npm.log" 2>&1 || { cat "$dir/npm.log" >&2; exit 1; }

node "$dir/node_modules/@portkey-ai/gateway/build/start-server.js" --port="$port" --headless \
  > "$dir/gateway.log" 2>&1 &
gateway=$!
for _ in $(seq 1 300); do
  if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
    break
  fi
  if ! kill -0 "$gateway" 2> /dev/null; then
    echo "bench-peer: the gateway exited while starting:" >&2
    cat "$dir/gateway.log" >&2
    exit 1
  fi
  sleep 0.1
done
if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
  echo "bench-peer: the gateway did not listen on port $port within 30 s" >&2
  exit 1
fi
echo "bench-peer: Portkey's gateway $version on http://127.0.0.1:$port" >&2

status=0
"$JAVA_HOME/bin/java" -jar "$jar" bench --peer-gateway "http://127.0.0.1:$port" --report "$report" "$@" || status=$?
if [ -f "$report/bench.md" ]; then
  cat "$report/bench.md"
fi
exit "$status"
