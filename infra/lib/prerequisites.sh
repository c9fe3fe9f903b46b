# shellcheck shell=bash
# Sourced by ./omni: the JDK, Debian packages, Maven and the artifacts it downloads.
# shellcheck disable=SC2154 # ROOT and LOGS are set by ./omni

find_jdk() {
  local candidate version
  for candidate in "${OMNI_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[5-9]*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${version%%.*}" -ge 25 ] 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  fail "no JDK 25 or newer found (looked at OMNI_JAVA_HOME, JAVA_HOME, /usr/lib/jvm): install Temurin 25"
}

apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  say "installing Debian packages: $*"
  $sudo apt-get update -qq >"$LOGS/apt.log" 2>&1 || component_failed apt "$LOGS/apt.log" "apt-get update"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >>"$LOGS/apt.log" 2>&1 \
    || component_failed apt "$LOGS/apt.log" "apt-get install $*"
}

mvnw() { "$ROOT/mvnw" "$@"; }

# Path of an artifact in the local Maven repository, downloaded on first use.
m2_artifact() {
  local group=$1 artifact=$2 version=$3 type=${4:-jar} classifier=${5:-}
  local path
  path="${OMNI_M2_REPOSITORY:-$HOME/.m2/repository}/${group//.//}/$artifact/$version/$artifact-$version${classifier:+-$classifier}.$type"
  if [ ! -s "$path" ]; then
    say "downloading $artifact $version from Maven Central (once)"
    mvnw -q -f "$ROOT/infra/kafka/pom.xml" dependency:get -Dtransitive=false \
      -Dartifact="$group:$artifact:$version:$type${classifier:+:$classifier}" >"$LOGS/download-$artifact.log" 2>&1 \
      || component_failed "$artifact download" "$LOGS/download-$artifact.log" "mvnw dependency:get"
  fi
  echo "$path"
}
