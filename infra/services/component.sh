# shellcheck shell=bash
# Sourced by ./omni: the four Quarkus services (SERVICES in ./omni, name:port, in start order), one recipe for all:
# built by Maven, started from their target/quarkus-app after the infra components.
# shellcheck disable=SC2154 # ROOT, LOGS, JAVA and SERVICES are set by ./omni

# The build rewrites the services' jars: a service left running would fail to open one the next time it loads a
# class from it, and wait for it forever. The services running are stopped for the build and started again after.
build() {
  local running=() name
  for name in $(services); do
    if is_running "$name"; then running+=("$name"); fi
  done
  # shellcheck disable=SC2046
  [ ${#running[@]} -eq 0 ] || stop_components $(reversed "${running[@]}")
  say "building the suite (./mvnw install -DskipTests; the first build downloads ~300 MB)"
  mvnw -B install -DskipTests >"$LOGS/build.log" 2>&1 || component_failed build "$LOGS/build.log" "maven build"
  [ ${#running[@]} -eq 0 ] || start_components "${running[@]}"
}

service_port() {
  local entry
  for entry in "${SERVICES[@]}"; do
    [ "${entry%%:*}" = "$1" ] && echo "${entry##*:}" && return
  done
}

start_service() {
  local name=$1 port app
  port="$(service_port "$name")"
  app="$ROOT/$name/target/quarkus-app"
  if is_running "$name"; then
    say "$name already running on http://localhost:$port"
    return
  fi
  port_open "$port" && fail "port $port is taken by a process this script did not start"
  [ -f "$app/quarkus-run.jar" ] || build
  local aot=()
  [ -f "$app/app.aot" ] && aot=(-XX:AOTCache="$app/app.aot")
  say "starting $name on http://localhost:$port"
  # plain text logs on this machine; JSON (with trace ids) is for the cluster's log collector
  spawn "$name" env OMNI_DEMO_DATA="${OMNI_DEMO_DATA:-true}" QUARKUS_LOG_CONSOLE_JSON_ENABLED="${QUARKUS_LOG_CONSOLE_JSON_ENABLED:-false}" "$JAVA" "${aot[@]}" -Xmx384m -jar "$app/quarkus-run.jar"
}

wait_service() {
  local name=$1
  wait_for "$name" 120 "http_ok http://localhost:$(service_port "$name")/q/health/ready"
}

health_service() { http_ok "http://localhost:$(service_port "$1")/q/health/ready"; }
where_service() { echo "http://localhost:$(service_port "$1")"; }
services() { local entry; for entry in "${SERVICES[@]}"; do echo "${entry%%:*}"; done; }
