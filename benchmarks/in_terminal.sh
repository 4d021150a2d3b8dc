#!/usr/bin/env bash
# What a person waits for, measured in a real terminal (tmux 120x40), against a bare
# Textual app started and driven the same way in the same round. Headless figures are not
# this figure: the terminal driver, the frames actually written and their size are part
# of what people wait for.
#
#   benchmarks/in_terminal.sh PYTHON DB [ROUNDS] [WHAT]
#
# PYTHON: the interpreter of an environment where coffeechat and textual are installed.
# DB: a coffeechat database; for WHAT=keys it must hold the demo's people (Tom Lindqvist,
# whose planned call `c` opens). WHAT: "keys" (default) or "start" (start-up only).
# Prints the median of each figure and the bare app's beside it:
#   start-up   launch -> the list's first row on screen, vs the bare app's label
#   n          the contact form's fields on screen, vs the bare app opening a dialog
#   i          the interview plan (its question bank on screen), vs the bare dialog
#   d          the draft editor (its checker on screen), vs the bare app pushing a screen
#   c          the call screen with its checklist counted, vs the bare screen
#   ctrl+e     the call ended, the outcome form on screen, vs the bare screen
# Each round works on a fresh copy of DB, so a call started in one round does not carry over.
set -u
PY=$1; DB=$2; ROUNDS=${3:-5}; WHAT=${4:-keys}
HERE=$(cd "$(dirname "$0")" && pwd)
CC="$(dirname "$PY")/coffeechat"
W=$(mktemp -d); TM="tmux -L interm$$ -f /dev/null"
trap '$TM kill-server >/dev/null 2>&1; rm -rf "$W"' EXIT
now() { date +%s%3N; }
screen() { $TM capture-pane -p -t app 2>/dev/null; }
wait_for() { local end=$((SECONDS + $2)); while [ $SECONDS -lt $end ]; do screen | grep -qE "$1" && return 0; sleep 0.01; done; return 1; }
wait_gone() { local end=$((SECONDS + $2)); while [ $SECONDS -lt $end ]; do screen | grep -qE "$1" || return 0; sleep 0.01; done; return 1; }
start() { $TM new-session -d -x 120 -y 40 -s app "HOME=$W/home $*"; $TM set -s escape-time 0 >/dev/null; }
stop() { $TM kill-server >/dev/null 2>&1; sleep 0.3; }
# A key, then the time until PATTERN is on screen (99999: it never came).
key_ms() { local t=$(now); $TM send-keys -t app "$1"; wait_for "$2" 10 || { echo 99999; return; }; echo $(( $(now) - t )); }
# Close what a key opened and wait until its PATTERN is gone.
close() { $TM send-keys -t app Escape; wait_gone "$1" 5; sleep 0.3; }
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
mkdir -p "$W/home"
# As `make run` does: the app starts from bytecode even where PYTHONDONTWRITEBYTECODE is
# set; otherwise every module edited since the last compile is compiled on each start.
"$PY" -m compileall -q "$HERE/../src" >/dev/null
declare -A app bare
add() { app[$1]="${app[$1]:-} $2"; bare[$1]="${bare[$1]:-} $3"; }
for _ in $(seq 1 "$ROUNDS"); do
  t=$(now); start "$PY" "$HERE/bare_app.py"; wait_for READY-BARE 20; b_start=$(( $(now) - t )); stop
  cp "$DB" "$W/round.db"
  t=$(now); start "$CC" --db "$W/round.db"; wait_for 'Contacts [0-9]' 20; add start-up $(( $(now) - t )) "$b_start"
  if [ "$WHAT" = keys ]; then
    $TM send-keys -t app /; sleep 0.3; $TM send-keys -t app -l 'Tom Lindqvist'
    wait_for 'Contacts 1/' 10; sleep 0.5; $TM send-keys -t app Enter; sleep 0.5
    a_n=$(key_ms n 'Name \*'); close 'Name \*'
    a_i=$(key_ms i 'Question bank'); close 'Question bank'
    a_d=$(key_ms d 'Checker'); close 'Checker'
    a_c=$(key_ms c 'Questions [0-9]')
    sleep 0.5; a_e=$(key_ms C-e 'Outcome of the call')
  fi
  stop
  if [ "$WHAT" = keys ]; then
    start "$PY" "$HERE/bare_push.py"; wait_for READY-BARE 20
    b_n=$(key_ms n OPENED-DIALOG); close OPENED-DIALOG
    b_c=$(key_ms c OPENED-SCREEN); stop
    add n "$a_n" "$b_n"; add i "$a_i" "$b_n"; add d "$a_d" "$b_c"; add c "$a_c" "$b_c"
    add ctrl+e "$a_e" "$b_c"
  fi
done
r() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
for what in start-up n i d c ctrl+e; do
  [ -n "${app[$what]:-}" ] || continue
  # shellcheck disable=SC2086
  a=$(med ${app[$what]}); b=$(med ${bare[$what]})
  echo "$what  app $a ms  bare $b ms  x$(r "$a" "$b")"
done
