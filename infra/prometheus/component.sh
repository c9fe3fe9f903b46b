# shellcheck shell=bash
# Sourced by ./omni: Prometheus, installed from Debian: metrics of the four services and the SLO rules of
# infra/prometheus.
# shellcheck disable=SC2154 # ROOT and STATE are set by ./omni

register_infra 70 prometheus
PROMETHEUS_PORT=9090

start_prometheus() {
  if is_running prometheus; then
    say "prometheus already running on http://localhost:$PROMETHEUS_PORT"
    return
  fi
  if [ "$(health_of prometheus)" = UP ]; then
    say "prometheus of another checkout answers on http://localhost:$PROMETHEUS_PORT: reusing it"
    return
  fi
  port_open "$PROMETHEUS_PORT" && fail "port $PROMETHEUS_PORT is taken by a process that is not prometheus"
  command -v prometheus >/dev/null && command -v promtool >/dev/null || apt_install prometheus
  mkdir -p "$STATE/prometheus"
  say "starting prometheus (scrapes the four services, rules of infra/prometheus) on http://localhost:$PROMETHEUS_PORT"
  spawn prometheus prometheus --config.file="$ROOT/infra/prometheus/prometheus.yml" \
    --storage.tsdb.path="$STATE/prometheus" --storage.tsdb.retention.time=2d \
    --web.listen-address="127.0.0.1:$PROMETHEUS_PORT"
  wait_for prometheus 60 "http_ok http://localhost:$PROMETHEUS_PORT/-/ready"
}

health_prometheus() { http_ok "http://localhost:$PROMETHEUS_PORT/-/ready"; }
where_prometheus() { echo "http://localhost:$PROMETHEUS_PORT"; }
