# Sourced by ./navi and .ci/run: exports JAVA_HOME as a JDK 25, or says how to get one and returns 1.
# Tries, in order: $JAVA_HOME, the `java` on PATH, /usr/lib/jvm/*, macOS's JavaVirtualMachines.

navi_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}

navi_path_java_home() {
  if command -v java >/dev/null; then
    java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p'
  fi
}

navi_find_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" "$(navi_path_java_home)" /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] \
      && [ "$(navi_java_major "$candidate")" = "25" ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "No JDK 25 found (looked at JAVA_HOME, the java on PATH, /usr/lib/jvm); install one and set JAVA_HOME to it" >&2
  return 1
}
