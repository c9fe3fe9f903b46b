# shellcheck shell=bash
# Sourced by ./omni: the SMTP server (GreenMail, downloaded from Maven Central), with its mail API.
# shellcheck disable=SC2154 # JAVA is set by ./omni

register_infra 40 smtp
GREENMAIL_VERSION=2.1.5
SMTP_PORT=3025
MAIL_API_PORT=8025

start_smtp() {
  local jar
  if is_running smtp; then
    say "smtp already running on localhost:$SMTP_PORT"
    return
  fi
  if [ "$(health_of smtp)" = UP ]; then
    say "smtp of another checkout answers on localhost:$SMTP_PORT: reusing it"
    return
  fi
  port_open "$SMTP_PORT" && fail "port $SMTP_PORT is taken by a process that is not smtp"
  jar="$(m2_artifact com.icegreen greenmail-standalone "$GREENMAIL_VERSION")"
  say "starting smtp (GreenMail) on localhost:$SMTP_PORT, mail API on http://localhost:$MAIL_API_PORT"
  spawn smtp "$JAVA" -Xmx128m -Dgreenmail.setup.test.smtp -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" -jar "$jar"
  wait_for smtp 60 "port_open $SMTP_PORT && port_open $MAIL_API_PORT"
}

health_smtp() { port_open "$SMTP_PORT"; }
where_smtp() { echo "localhost:$SMTP_PORT (mail API :$MAIL_API_PORT)"; }
