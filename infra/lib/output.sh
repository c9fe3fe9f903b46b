# shellcheck shell=bash
# Sourced by ./omni: what it prints, and how a component's failure is reported.

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
warn() { printf '\033[33m!!  %s\033[0m\n' "$*" >&2; }
fail() { printf '\033[31mxx  %s\033[0m\n' "$*" >&2; exit 1; }

# A component failed: say which, where its log is, and show its end.
component_failed() {
  local name=$1 log=$2 why=$3
  printf '\033[31mxx  %s failed: %s\033[0m\n    log: %s\n' "$name" "$why" "$log" >&2
  [ -f "$log" ] && tail -n 25 "$log" | sed 's/^/    | /' >&2
  exit 1
}
