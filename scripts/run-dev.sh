#!/usr/bin/env bash
# `make run`: the development server and, beside it, the task workers that render PDFs after a
# publish and send e-mail (one `manage.py db_worker` per task backend, config/settings/base.py).
# Ctrl+C stops all of them.   Usage: scripts/run-dev.sh [HOST] [PORT]
#
# Each process runs in a process group of its own (set -m), so Ctrl+C reaches this script only
# and each process gets exactly one signal from it: a worker stops after the task it is running
# (a second signal would abandon that task, leaving it "running" for good), then is killed
# after STOP_SECONDS. The workers do not reload on code changes (that kills a running task the
# same way): restart `make run` after changing a task.
set -uo pipefail
cd "$(dirname "$0")/.."

HOST="${1:-127.0.0.1}"
PORT="${2:-8000}"
PYTHON="${PYTHON:-.venv/bin/python}"
STOP_SECONDS="${STOP_SECONDS:-30}"
BACKENDS=(pdf mail)

groups=()
stopping=""

running() {
    local group
    for group in "${groups[@]}"; do
        kill -0 -- "-$group" 2>/dev/null && return 0
    done
    return 1
}

signal_all() {
    local group
    for group in "${groups[@]}"; do
        kill "-$1" -- "-$group" 2>/dev/null
    done
}

stop() {
    [ -n "$stopping" ] && return
    stopping=1
    # A second Ctrl+C does not wait for a running task.
    trap 'signal_all KILL' INT TERM
    signal_all TERM
    local deadline=$((SECONDS + STOP_SECONDS))
    while running && [ "$SECONDS" -lt "$deadline" ]; do
        sleep 0.2
    done
    if running; then
        echo "Nog niet gestopt na ${STOP_SECONDS} s: de rest wordt afgebroken." >&2
        signal_all KILL
    fi
    wait 2>/dev/null
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP  # the terminal closed

set -m
for backend in "${BACKENDS[@]}"; do
    "$PYTHON" manage.py db_worker --backend "$backend" --queue-name '*' --no-reload </dev/null &
    groups+=("$!")
done
"$PYTHON" manage.py runserver "$HOST:$PORT" </dev/null &
server=$!
groups+=("$server")
set +m

# Until the server stops by itself (a port in use) or a signal ends the script.
wait "$server"
