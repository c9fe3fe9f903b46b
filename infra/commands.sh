# shellcheck shell=bash
# Sourced by ./omni: its commands, over the components of infra/ (infra/lib/components.sh).
# shellcheck disable=SC2154,SC2153 # ROOT, STATE, LOGS, JAVA and the components' ports are set by ./omni and infra/<component>

cmd_start() {
  if [ $# -eq 0 ]; then
    # shellcheck disable=SC2046
    set -- "${INFRA[@]}" $(services)
  elif [ "$1" = infra ]; then
    set -- "${INFRA[@]}"
  fi
  start_components "$@"
}

cmd_stop() {
  if [ $# -eq 0 ]; then
    # shellcheck disable=SC2046
    set -- $(reversed $(component_names))
  elif [ "$1" = infra ]; then
    # shellcheck disable=SC2046
    set -- $(reversed "${INFRA[@]}")
  fi
  stop_components "$@"
}

cmd_status() {
  local name state
  printf '%-18s %-8s %-8s %-40s %s\n' COMPONENT STATE HEALTH WHERE LOG
  for name in $(component_names); do
    component_running "$name" && state=running || state=stopped
    if [ "$state" = running ]; then
      printf '%-18s %-8s %-8s %-40s %s\n' "$name" "$state" "$(health_of "$name")" "$(where_is "$name")" "$LOGS/$name.log"
    else
      printf '%-18s %-8s %-8s %-40s %s\n' "$name" "$state" - "$(where_is "$name")" "$LOGS/$name.log"
    fi
  done
}

cmd_logs() {
  if [ $# -eq 0 ]; then
    tail -n 20 -F "$LOGS"/*.log
  else
    local files=()
    for name in "$@"; do files+=("$LOGS/$name.log"); done
    tail -n 50 -F "${files[@]}"
  fi
}

print_urls() {
  cat <<EOF

The omnichannel suite is up.
  gateway (public API)   http://localhost:8080/api/v1        OpenAPI: http://localhost:8080/q/openapi
  pages                  http://localhost:8080/  (the three channels below, served by the gateway)
    storefront           http://localhost:8080/storefront/   mobile layout: http://localhost:8080/storefront/?layout=mobile
    kiosk (paris-louvre) http://localhost:8080/kiosk/        device key (dev): louvre-1-dev-device-key
    back office          http://localhost:8080/backoffice/   staff clerk, admin admin (password demo)
  customer-service       http://localhost:8081
  inventory-service      http://localhost:8082
  messaging-service      http://localhost:8083
  Keycloak               http://localhost:$KEYCLOAK_PORT  (realm omnichannel; admin console: admin / admin)
  Kafka                  localhost:$KAFKA_PORT
  PostgreSQL             127.0.0.1:$PG_PORT  (one database per service)
  SMTP (GreenMail)       localhost:$SMTP_PORT   mailboxes: http://localhost:$MAIL_API_PORT/api/user
  SMS/push/WhatsApp      http://localhost:$PROVIDERS_PORT (fake providers; received: /_messages)
  Zipkin (traces)        http://localhost:$ZIPKIN_PORT  (one trace per request, across Kafka too)
  Prometheus (metrics)   http://localhost:$PROMETHEUS_PORT  (SLO rules and alerts: /rules, /alerts)
  logs                   $LOGS   (./omni logs [component])

Demo users (password demo): alice, bob (customers), clerk (staff, paris-louvre), admin.
A token for alice:
  curl -s -d grant_type=password -d client_id=storefront -d username=alice -d password=demo \\
    http://localhost:$KEYCLOAK_PORT/realms/omnichannel/protocol/openid-connect/token
EOF
}

cmd_up() {
  build
  cmd_start
  print_urls
}

# The README's test command: every module's tests against the real servers, then the
# end-to-end journeys through the gateway of the running suite. It starts what is not running
# and stops again what it started.
cmd_test() {
  local was_running=() name status=0
  for name in $(component_names); do
    if [ "$(health_of "$name")" = UP ]; then was_running+=("$name"); fi
  done
  cmd_start infra
  command -v chromium >/dev/null && command -v chromedriver >/dev/null || apt_install chromium chromium-driver
  # The modules' tests publish on the suite's topics: running services would act on their events.
  # shellcheck disable=SC2046
  stop_components $(reversed $(services))
  say "module tests (./mvnw install)"
  mvnw -B install "$@" || status=$?
  if [ $status -eq 0 ]; then
    say "end-to-end journeys and browser tests over the running suite (./mvnw verify -Pe2e -pl e2e,ui-tests)"
    # shellcheck disable=SC2046
    start_components $(services)
    mvnw -B verify -Pe2e -pl e2e,ui-tests "$@" || status=$?
  fi
  # shellcheck disable=SC2046
  for name in $(reversed $(component_names)); do
    if [[ " ${was_running[*]} " != *" $name "* ]]; then stop_components "$name"; fi
  done
  [ $status -eq 0 ] && say "all tests passed" || warn "tests failed (exit $status); logs of the servers: $LOGS"
  return $status
}

# The benchmark: the suite against its own ceilings in one run (benchmarks/RESULTS.md keeps the history).
cmd_bench() {
  command -v wrk >/dev/null || apt_install wrk
  [ -n "$(pg_bin)" ] || apt_install postgresql
  # Measured: the suite's capacity, not the per-user rate limit (20 requests/s) of one test user; tracing as in
  # production, one new trace in ten kept (k8s/components/tracing), not the local stack's every trace. The build
  # restarts the services that ran: all four run with these settings.
  export OMNI_RATE_LIMIT_ENABLED=false QUARKUS_OTEL_TRACES_SAMPLER_ARG="${OMNI_BENCH_TRACE_RATIO:-0.1}"
  build
  cmd_start
  local bench_cp kafka_cp="$STATE/kafka/latency-tool.classpath"
  say "resolving the benchmark harness and Kafka's latency tool (once)"
  mvnw -q -o -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$STATE/bench.classpath" >"$LOGS/bench-resolve.log" 2>&1 \
    || mvnw -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$STATE/bench.classpath" >"$LOGS/bench-resolve.log" 2>&1 \
    || component_failed benchmarks "$LOGS/bench-resolve.log" "resolving the harness classpath"
  mvnw -q -f "$ROOT/benchmarks/kafka-latency/pom.xml" dependency:build-classpath -Dmdep.outputFile="$kafka_cp" \
    >>"$LOGS/bench-resolve.log" 2>&1 || component_failed benchmarks "$LOGS/bench-resolve.log" "resolving kafka-tools"
  bench_cp="$ROOT/benchmarks/target/classes:$(cat "$STATE/bench.classpath")"
  say "benchmarking (about 45 minutes for every phase; the machine should be otherwise idle)"
  local status=0
  PATH="$(pg_bin):$PATH" "$JAVA" -cp "$bench_cp" -Dbench.kafka-latency-classpath="$kafka_cp" "$@" \
    dev.omnichannel.bench.SuiteBenchmark "$ROOT" || status=$?
  unset OMNI_RATE_LIMIT_ENABLED QUARKUS_OTEL_TRACES_SAMPLER_ARG
  # shellcheck disable=SC2046
  stop_components $(reversed $(services))
  # shellcheck disable=SC2046
  start_components $(services)
  return $status
}

cmd_chaos() {
  build
  cmd_start
  local results="$ROOT/reliability" commit status=0
  commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  printf '[]\n' >"$results/results.json"
  printf '\n## Run of %s, commit %s\n\n`./omni chaos%s` on %s cores\n\n| what | measured | target | met |\n|---|---|---|---|\n' \
    "$(date -u '+%Y-%m-%d %H:%M UTC')" "$commit" "${*:+ $*}" "$(nproc)" >>"$results/RESULTS.md"
  say "chaos: kill -9 of the broker and each service, PostgreSQL and Keycloak down, overload, a long fuzz walk (loopback only; at most 30 minutes)"
  timeout 30m "$ROOT/mvnw" -B verify -Pe2e -pl e2e -Dit.test='*Chaos,ContractFuzzIT' -Dfuzz.cases=60 -Dfuzz.seed="$RANDOM" \
    -Dchaos.results="$results" "$@" || status=$?
  [ $status -eq 124 ] && warn "chaos stopped at its 30-minute bound"
  cmd_start # whatever a scenario left stopped
  say "figures in reliability/RESULTS.md and reliability/results.json"
  return $status
}
