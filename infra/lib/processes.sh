# shellcheck shell=bash
# Sourced by ./omni: the processes it starts (one process group each, its pid file in .omni/run), and waiting for them.
# shellcheck disable=SC2154 # LOGS and RUN are set by ./omni

pid_of() { cat "$RUN/$1.pid" 2>/dev/null || true; }

is_running() {
  local pid
  pid="$(pid_of "$1")"
  # a process killed but not yet reaped (a zombie) still answers kill -0
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$(ps -o stat= -p "$pid" 2>/dev/null | cut -c1)" != Z ]
}

# Starts a command in its own process group, output to its log; the pid file is the group id.
spawn() {
  local name=$1
  shift
  : >"$LOGS/$name.log"
  setsid "$@" >>"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
}

stop_process() {
  local name=$1 pid waited=0
  pid="$(pid_of "$name")"
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$RUN/$name.pid"
    return
  fi
  say "stopping $name"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && [ $waited -lt 30 ]; do
    sleep 1
    waited=$((waited + 1))
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$RUN/$name.pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() {
  local name=$1 seconds=$2 check=$3
  local waited=0
  while ! eval "$check" >/dev/null 2>&1; do
    is_running "$name" || component_failed "$name" "$LOGS/$name.log" "it exited while starting"
    [ $waited -ge "$seconds" ] && component_failed "$name" "$LOGS/$name.log" "not ready after ${seconds}s"
    sleep 1
    waited=$((waited + 1))
  done
}

http_ok() { curl -fs -o /dev/null --max-time 5 "$1"; }
