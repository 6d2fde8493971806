#!/usr/bin/env bash
# Builds NAVI's container image without a Docker daemon or a container registry: a Debian rootfs made
# from Debian packages (mmdebstrap), a Java 25 runtime made by jlink from the build's JDK, and the jar.
# The OCI image layout is written by this script (three gzip layers, config, manifest, index) and
# converted by skopeo into a docker-archive tar that `docker load`, `podman load`, `kind load
# image-archive`, `ctr images import` and `skopeo copy` all accept. Nothing is pulled or pushed.
#
#   ./mvnw -B -ntp package -DskipTests && scripts/build-image.sh
#
# Needs: a JDK 25 (JAVA_HOME or scripts/find-jdk.sh), mmdebstrap, skopeo, jq, gzip, GNU tar, sha256sum
# (Debian: apt-get install mmdebstrap skopeo jq). As root mmdebstrap runs in root mode; otherwise it needs
# unprivileged user namespaces and subordinate ids (/etc/subuid) for its unshare mode.
#
# Environment: NAVI_IMAGE (name:tag in the archive, default navi:<project version>),
# NAVI_IMAGE_MIRROR (Debian mirror, default http://deb.debian.org/debian), NAVI_IMAGE_SUITE (bookworm),
# NAVI_IMAGE_OUT (output directory, default target/image), SOURCE_DATE_EPOCH (default: last commit).
# Output: $NAVI_IMAGE_OUT/navi-image.tar (docker-archive) and $NAVI_IMAGE_OUT/oci (OCI layout).
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=find-jdk.sh
. scripts/find-jdk.sh
navi_find_jdk

jar=target/navi.jar
[ -f "$jar" ] || { echo "$jar is missing: run ./mvnw -B -ntp package -DskipTests first" >&2; exit 1; }
for tool in mmdebstrap skopeo jq gzip tar sha256sum unzip; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (Debian: apt-get install mmdebstrap skopeo jq unzip)" >&2; exit 1; }
done

version=$(unzip -p "$jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
image=${NAVI_IMAGE:-navi:$version}
mirror=${NAVI_IMAGE_MIRROR:-http://deb.debian.org/debian}
suite=${NAVI_IMAGE_SUITE:-bookworm}
out=${NAVI_IMAGE_OUT:-target/image}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
created=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
uid=10001

# Modules from `jdeps --print-module-deps` over the jar's classes and libraries, plus what is reached only
# reflectively or by service lookup (JNDI/DNS, charsets, zip file system, EC/PKCS#11 crypto) and jcmd for
# thread and heap dumps on a running pod.
modules=java.base,java.compiler,java.desktop,java.instrument,java.net.http,java.prefs,java.scripting
modules+=,java.security.jgss,java.sql.rowset,jdk.httpserver,jdk.jfr,jdk.management,jdk.unsupported
modules+=,java.naming,jdk.naming.dns,jdk.charsets,jdk.zipfs,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.jcmd

rm -rf "$out"
work=$out/work
mkdir -p "$work/jre/opt" "$work/app/app" "$out/oci/blobs/sha256"

echo "rootfs: Debian $suite with bubblewrap, git, ca-certificates" >&2
# Essential packages (coreutils, util-linux for prlimit, ...) plus what run_command's sandbox and git
# workspaces need, and libstdc++ for the embedded PostgreSQL's binaries (a single pod without
# NAVI_DATABASE_URL); no apt, no docs or man pages.
mmdebstrap --quiet --variant=essential \
  --include=bubblewrap,git,ca-certificates,libstdc++6 \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
  --customize-hook="echo 'navi:x:$uid:$uid:NAVI:/var/lib/navi:/usr/sbin/nologin' >> \"\$1/etc/passwd\"" \
  --customize-hook="echo 'navi:x:$uid:' >> \"\$1/etc/group\"" \
  --customize-hook="echo 'navi:!:1::::::' >> \"\$1/etc/shadow\"" \
  --customize-hook="mkdir -p \"\$1/var/lib/navi\" \"\$1/srv/navi/workspaces\" \"\$1/app\" && chown $uid:$uid \"\$1/var/lib/navi\"" \
  "$suite" "$work/rootfs.tar" \
  "deb $mirror $suite main" "deb $mirror $suite-updates main" \
  "deb ${mirror%/debian}/debian-security $suite-security main"

echo "runtime: jlink from $JAVA_HOME" >&2
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --generate-cds-archive --output "$work/jre/opt/java"
cp "$jar" "$work/app/app/navi.jar"

layer_tar() { # directory, tar file: files owned by root, stable order and times
  tar -C "$1" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
    --format=posix --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -cf "$2" .
}
layer_tar "$work/jre" "$work/jre.tar"
layer_tar "$work/app" "$work/app.tar"

blob() { # file to store: prints its digest and size
  local digest
  digest=$(sha256sum "$1" | cut -d' ' -f1)
  mv "$1" "$out/oci/blobs/sha256/$digest"
  echo "sha256:$digest $(stat -c %s "$out/oci/blobs/sha256/$digest")"
}

diff_ids=() layers=()
for name in rootfs jre app; do
  diff_ids+=("sha256:$(sha256sum "$work/$name.tar" | cut -d' ' -f1)")
  gzip -n -6 "$work/$name.tar"
  read -r digest size < <(blob "$work/$name.tar.gz")
  layers+=("$(jq -nc --arg d "$digest" --argjson s "$size" \
    '{mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: $d, size: $s}')")
done

jq -n --arg created "$created" --arg user "$uid:$uid" --arg version "$version" \
  --arg revision "$(git rev-parse HEAD 2>/dev/null || echo unknown)" \
  --argjson diff_ids "$(printf '%s\n' "${diff_ids[@]}" | jq -R . | jq -sc .)" '{
  created: $created, architecture: "amd64", os: "linux",
  config: {
    User: $user,
    Env: ["PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
          "JAVA_HOME=/opt/java", "LANG=C.UTF-8", "HOME=/var/lib/navi", "NAVI_HOME=/var/lib/navi"],
    Entrypoint: ["/opt/java/bin/java", "-jar", "/app/navi.jar"],
    WorkingDir: "/var/lib/navi",
    ExposedPorts: {"8787/tcp": {}, "8788/tcp": {}},
    StopSignal: "SIGTERM",
    Labels: {
      "org.opencontainers.image.title": "NAVI",
      "org.opencontainers.image.version": $version,
      "org.opencontainers.image.revision": $revision
    }
  },
  rootfs: {type: "layers", diff_ids: $diff_ids},
  history: [
    {created: $created, created_by: "mmdebstrap: Debian with bubblewrap, git, ca-certificates; user navi (10001)"},
    {created: $created, created_by: "jlink: Java 25 runtime in /opt/java"},
    {created: $created, created_by: "NAVI jar in /app/navi.jar"}
  ]
}' > "$work/config.json"
read -r config_digest config_size < <(blob "$work/config.json")

jq -n --arg d "$config_digest" --argjson s "$config_size" \
  --argjson layers "$(printf '%s\n' "${layers[@]}" | jq -sc .)" '{
  schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json",
  config: {mediaType: "application/vnd.oci.image.config.v1+json", digest: $d, size: $s},
  layers: $layers
}' > "$work/manifest.json"
read -r manifest_digest manifest_size < <(blob "$work/manifest.json")

jq -n --arg d "$manifest_digest" --argjson s "$manifest_size" --arg ref "${image##*:}" '{
  schemaVersion: 2, mediaType: "application/vnd.oci.image.index.v1+json",
  manifests: [{mediaType: "application/vnd.oci.image.manifest.v1+json", digest: $d, size: $s,
               platform: {architecture: "amd64", os: "linux"},
               annotations: {"org.opencontainers.image.ref.name": $ref}}]
}' > "$out/oci/index.json"
echo '{"imageLayoutVersion":"1.0.0"}' > "$out/oci/oci-layout"
rm -rf "$work"

skopeo copy --quiet "oci:$out/oci:${image##*:}" "docker-archive:$out/navi-image.tar:$image"
echo "$out/navi-image.tar ($image, $(du -h "$out/navi-image.tar" | cut -f1)); OCI layout in $out/oci" >&2
