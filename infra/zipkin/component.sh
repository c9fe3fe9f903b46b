# shellcheck shell=bash
# Sourced by ./omni: Zipkin, the trace viewer (downloaded from Maven Central; traces in memory).
# shellcheck disable=SC2154 # JAVA is set by ./omni

register_infra 60 zipkin
ZIPKIN_VERSION=3.5.1
ZIPKIN_PORT=9411

start_zipkin() {
  local jar
  if is_running zipkin; then
    say "zipkin already running on http://localhost:$ZIPKIN_PORT"
    return
  fi
  if [ "$(health_of zipkin)" = UP ]; then
    say "zipkin of another checkout answers on http://localhost:$ZIPKIN_PORT: reusing it"
    return
  fi
  port_open "$ZIPKIN_PORT" && fail "port $ZIPKIN_PORT is taken by a process that is not zipkin"
  jar="$(m2_artifact io.zipkin zipkin-server "$ZIPKIN_VERSION" jar exec)"
  say "starting zipkin (traces, in memory) on http://localhost:$ZIPKIN_PORT"
  spawn zipkin env QUERY_PORT="$ZIPKIN_PORT" MEM_MAX_SPANS=100000 "$JAVA" -Xmx384m -XX:TieredStopAtLevel=1 -jar "$jar"
  wait_for zipkin 120 "http_ok http://localhost:$ZIPKIN_PORT/health"
}

health_zipkin() { http_ok "http://localhost:$ZIPKIN_PORT/health"; }
where_zipkin() { echo "http://localhost:$ZIPKIN_PORT"; }
