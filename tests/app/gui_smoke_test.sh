#!/usr/bin/env bash
# Person-like check of the workbench (DESIGN §7): starts `topograph` with no arguments under
# Xvfb, waits for its window to appear, lets the app save a grab of its main window once the
# demo incident is shown (TOPOGRAPH_SCREENSHOT), and checks that the app exited 0 and that the
# PNG exists and is not blank.
# usage: gui_smoke_test.sh TOPOGRAPH_BINARY [SCREENSHOT.png]
set -euo pipefail

bin=${1:?usage: gui_smoke_test.sh TOPOGRAPH_BINARY [SCREENSHOT.png]}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=${2:-$work/workbench-demo.png}

for tool in xvfb-run xwininfo; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done

rm -f "$out"
# A clean settings folder: restored geometry or dock layouts from a developer's own runs must
# not change what the screenshot shows.
export XDG_CONFIG_HOME=$work/config
export TOPOGRAPH_SCREENSHOT=$out
unset QT_QPA_PLATFORM

# xvfb-run -a can lose a race for a display number with another Xvfb starting at the same time
# (the app then cannot connect): retry when the window never appeared.
code=1
for attempt in 1 2 3; do
  set +e
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
    "$1" & pid=$!
    seen=0
    for _ in $(seq 1 200); do   # at most 20 s
      if xwininfo -root -tree 2>/dev/null | grep -q "Topograph"; then seen=1; break; fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    wait "$pid"; code=$?
    if [ "$seen" != 1 ]; then echo "no Topograph window appeared (exit $code)"; exit 90; fi
    exit "$code"' smoke "$bin"
  code=$?
  set -e
  [ "$code" = 90 ] || break
  echo "attempt $attempt: retrying with another display"
  sleep $((attempt * 2))
done

if [ "$code" != 0 ]; then echo "FAIL: topograph exited with $code"; exit 1; fi
if [ ! -s "$out" ]; then echo "FAIL: no screenshot at $out"; exit 1; fi
if ! head -c 8 "$out" | od -An -c | grep -q "P   N   G"; then echo "FAIL: $out is not a PNG"; exit 1; fi
# An empty window compresses to a few KB; nodes, captions and docks with text take far more.
size=$(stat -c %s "$out")
if [ "$size" -lt 30000 ]; then echo "FAIL: screenshot looks blank ($size bytes)"; exit 1; fi
echo "OK: window appeared, app exited 0, screenshot $out ($size bytes)"
