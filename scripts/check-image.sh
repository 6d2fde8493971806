#!/usr/bin/env bash
# Checks an image built by scripts/build-image.sh without a container runtime: reads its config, unpacks
# its layers (umoci) and runs programs from it in the unpacked root (pivot_root) as the image's user (uid 10001, not root):
# java 25, `navi --version`, git, and a bubblewrap sandbox like run_command's. With --serve it also starts
# NAVI from the image (embedded PostgreSQL, sandbox required) and waits for /health/ready, then stops it
# with SIGTERM. Runs as root (mounts, pivot_root) on a Linux host; needs skopeo, umoci, jq, curl, util-linux.
#
#   sudo scripts/check-image.sh [--serve] [target/image/navi-image.tar]
set -euo pipefail

serve=false
if [ "${1:-}" = "--serve" ]; then serve=true; shift; fi
archive=${1:-target/image/navi-image.tar}
[ "$(id -u)" = 0 ] || { echo "run as root (mounts, pivot_root)" >&2; exit 1; }
for tool in skopeo umoci jq curl unshare pivot_root pgrep; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

config=$(skopeo inspect --config "docker-archive:$archive")
[ "$(jq -r .config.User <<<"$config")" = "10001:10001" ] || fail "User is not 10001:10001"
[ "$(jq -c .config.Entrypoint <<<"$config")" = '["/opt/java/bin/java","-jar","/app/navi.jar"]' ] \
  || fail "Entrypoint is $(jq -c .config.Entrypoint <<<"$config")"
[ "$(jq -c '.config.ExposedPorts | keys' <<<"$config")" = '["8787/tcp","8788/tcp"]' ] || fail "ExposedPorts"
ok "config: User 10001:10001, Entrypoint java -jar /app/navi.jar, ports 8787 and 8788"

work=$(mktemp -d)
navi_pid=
cleanup() {
  if [ -n "$navi_pid" ]; then kill "$navi_pid" 2>/dev/null || true; wait "$navi_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
skopeo copy --quiet "docker-archive:$archive" "oci:$work/oci:check"
umoci unpack --image "$work/oci:check" "$work/bundle" >/dev/null
root=$work/bundle/rootfs

for file in /opt/java/bin/java /app/navi.jar /usr/bin/bwrap /usr/bin/prlimit /usr/bin/git /etc/ssl/certs/ca-certificates.crt; do
  [ -e "$root$file" ] || fail "$file is missing"
done
[ "$(stat -c %u "$root/var/lib/navi")" = 10001 ] || fail "/var/lib/navi is not owned by 10001"
[ "$(stat -c %u "$root/app/navi.jar")" = 0 ] || fail "/app/navi.jar is not owned by root"
ok "files: java, navi.jar (root-owned), bwrap, prlimit, git, CA certificates; /var/lib/navi owned by 10001"

# In the image as uid 10001: own mount and PID namespaces with /proc, /dev and /tmp, the host's network.
# pivot_root, not chroot: the kernel refuses new user namespaces (bubblewrap) to a chrooted process. The
# old root is unmounted with the host's umount (the image has none), then setpriv drops to 10001.
in_image() {
  unshare --mount --pid --fork --propagation private sh -c '
    root=$1; shift
    mount --bind "$root" "$root" && mount -t proc proc "$root/proc" && mount --rbind /dev "$root/dev" \
      && mount -t tmpfs tmpfs "$root/tmp" && mkdir "$root/.host" && cd "$root" && pivot_root . .host \
      && /.host/usr/bin/umount -l /.host && rmdir /.host || exit 125
    exec /usr/bin/setpriv --reuid 10001 --regid 10001 --clear-groups -- /usr/bin/env -i \
      PATH=/opt/java/bin:/usr/bin:/bin HOME=/var/lib/navi NAVI_HOME=/var/lib/navi LANG=C.UTF-8 "$@"' \
    sh "$root" "$@"
}

[ "$(in_image /usr/bin/id -u)" = 10001 ] || fail "not uid 10001 in the image"
in_image /opt/java/bin/java -version 2>&1 | grep -q 'version "25' || fail "java is not 25"
ok "java: $(in_image /opt/java/bin/java -version 2>&1 | head -1)"
version=$(in_image /opt/java/bin/java -jar /app/navi.jar --version)
[[ "$version" == navi\ * ]] || fail "navi --version printed '$version'"
ok "as uid 10001: java -jar /app/navi.jar --version -> $version"
ok "git: $(in_image /usr/bin/git --version)"
sandboxed=$(in_image /usr/bin/bwrap --ro-bind / / --dev /dev --proc /proc --tmpfs /tmp --unshare-all \
  --die-with-parent --new-session /usr/bin/sh -c 'echo "$(id -u) $$"') \
  || fail "bubblewrap does not work in the image as uid 10001 (user namespaces?)"
ok "bubblewrap as uid 10001: a sandbox with its own user, PID and network namespaces (uid, pid: $sandboxed)"

if $serve; then
  port=$((20000 + RANDOM % 20000))
  in_image /usr/bin/env SERVER_PORT=$port MANAGEMENT_SERVER_PORT=$((port + 1)) NAVI_TOOLS_SANDBOX=required \
    /opt/java/bin/java -jar /app/navi.jar >"$work/navi.log" 2>&1 &
  navi_pid=$!
  for _ in $(seq 180); do
    if curl -fsS "http://127.0.0.1:$((port + 1))/health/ready" >/dev/null 2>&1; then break; fi
    kill -0 "$navi_pid" 2>/dev/null || { tail -40 "$work/navi.log" >&2; fail "NAVI exited"; }
    sleep 1
  done
  token=$(cat "$root/var/lib/navi/admin.token")
  ready=$(curl -sS -H "Authorization: Bearer $token" "http://127.0.0.1:$((port + 1))/health/ready") \
    || { tail -40 "$work/navi.log" >&2; fail "not ready"; }
  [ "$(jq -r .status <<<"$ready")" = UP ] || { tail -40 "$work/navi.log" >&2; fail "readiness: $ready"; }
  # readiness includes the sandbox component: UP only when NAVI's startup probe could run bwrap
  [ "$(jq -r .components.sandbox.status <<<"$ready")" = UP ] || fail "sandbox: $ready"
  ok "serve: NAVI from the image as uid 10001 (embedded PostgreSQL, navi.tools.sandbox=required) ready: $ready"
  # $! is the subshell around unshare, which ignores SIGTERM; its child is the JVM (PID 1 in its namespace)
  kill -TERM "$(pgrep -P "$(pgrep -P "$navi_pid" -x unshare)")"
  wait "$navi_pid" && status=0 || status=$?
  navi_pid=
  ok "serve: stopped on SIGTERM with exit status $status"
fi
echo "image $archive checked"
