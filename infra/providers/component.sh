# shellcheck shell=bash
# Sourced by ./omni: the fake SMS, push and WhatsApp providers of infra/providers/FakeProviders.java.
# shellcheck disable=SC2154 # ROOT and JAVA are set by ./omni

register_infra 50 providers
PROVIDERS_PORT=8026

start_providers() {
  if is_running providers; then
    say "providers already running on http://localhost:$PROVIDERS_PORT"
    return
  fi
  if [ "$(health_of providers)" = UP ]; then
    say "providers of another checkout answer on http://localhost:$PROVIDERS_PORT: reusing them"
    return
  fi
  port_open "$PROVIDERS_PORT" && fail "port $PROVIDERS_PORT is taken by a process that is not the fake providers"
  say "starting fake SMS/push/WhatsApp providers on http://localhost:$PROVIDERS_PORT (received: /_messages)"
  spawn providers "$JAVA" -Xmx64m "$ROOT/infra/providers/FakeProviders.java" "$PROVIDERS_PORT"
  wait_for providers 60 "http_ok http://localhost:$PROVIDERS_PORT/_messages"
}

health_providers() { http_ok "http://localhost:$PROVIDERS_PORT/_messages"; }
where_providers() { echo "http://localhost:$PROVIDERS_PORT"; }
