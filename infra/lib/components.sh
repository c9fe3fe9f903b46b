# shellcheck shell=bash
# Sourced by ./omni: the components, whatever they are, for the commands.
#
# An infra component is a folder infra/<name>/ whose component.sh, sourced by ./omni, calls
#   register_infra <rank> <name>    the infra components start in increasing rank, stop in the reverse order
# and defines
#   start_<name>      starts it, unless it runs already or one of another checkout answers; returns when it is ready
#   health_<name>     succeeds when it answers
#   where_<name>      where it answers (./omni status)
# and, where the default is not right,
#   stop_<name>       default: stop_process <name>, the process group of .omni/run/<name>.pid
#   running_<name>    default: is_running <name>, that process is alive
# The four services (SERVICES in ./omni) share one recipe, infra/services/component.sh: start_service,
# wait_service, health_service and where_service, with the service's name.
# shellcheck disable=SC2154 # SERVICES is set by ./omni

INFRA_RANKS=() # "rank name", as registered
INFRA=()       # the infra components in start order: order_infra, once every component.sh is sourced

register_infra() { INFRA_RANKS+=("$1 $2"); }

order_infra() { mapfile -t INFRA < <(printf '%s\n' "${INFRA_RANKS[@]}" | sort -n | cut -d' ' -f2); }

is_infra() {
  local name
  for name in "${INFRA[@]}"; do
    if [ "$name" = "$1" ]; then return 0; fi
  done
  return 1
}

component_names() {
  local entry
  printf '%s\n' "${INFRA[@]}"
  for entry in "${SERVICES[@]}"; do echo "${entry%%:*}"; done
}

start_components() {
  local name started=()
  for name in "$@"; do
    if is_infra "$name"; then
      "start_$name"
    else
      [ -n "$(service_port "$name")" ] || fail "unknown component '$name' (known: $(component_names | tr '\n' ' '))"
      start_service "$name"
      started+=("$name")
    fi
  done
  for name in "${started[@]}"; do wait_service "$name"; done
}

stop_components() {
  local name
  for name in "$@"; do
    if is_infra "$name" && declare -F "stop_$name" >/dev/null; then "stop_$name"; else stop_process "$name"; fi
  done
}

reversed() { printf '%s\n' "$@" | tac; }

component_running() {
  if is_infra "$1" && declare -F "running_$1" >/dev/null; then "running_$1"; else is_running "$1"; fi
}

health_of() {
  if is_infra "$1"; then
    "health_$1" && echo UP || echo DOWN
  else
    health_service "$1" && echo UP || echo DOWN
  fi
}

where_is() { if is_infra "$1"; then "where_$1"; else where_service "$1"; fi; }
