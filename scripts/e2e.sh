#!/usr/bin/env bash
# Runs the end-to-end specs (tests/e2e/*.test.mjs) against an already built app binary.
#
# tauri-driver and the app it launches must see the same X display as the tests, so the whole
# thing runs inside one `xvfb-run -a` (set E2E_HEADED=1 to use your own $DISPLAY instead).
# tauri-driver is stopped with SIGTERM on exit (SIGKILL would leave WebKitWebDriver and the app).
# Build the app for it with its own identifier, so it never meets a user's running app:
#   npx tauri build --debug --no-bundle --config tauri.e2e.conf.json
# Exports skip the save dialog and land in a fresh folder (ACCOUNT_PLANNER_TEST_SAVE_DIR, read by
# debug builds only), which the app inherits from tauri-driver.
set -uo pipefail

SELF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
cd "$(dirname "$SELF")/.." || exit 1

if [ -z "${E2E_INSIDE_XVFB:-}" ] && [ -z "${E2E_HEADED:-}" ]; then
  command -v xvfb-run >/dev/null 2>&1 || { echo "[e2e] ERROR: xvfb-run not found (apt-get install xvfb xauth)" >&2; exit 1; }
  export E2E_INSIDE_XVFB=1
  exec xvfb-run -a -s '-screen 0 1400x900x24' bash "$SELF" "$@"
fi

TARGET_DIR="${CARGO_TARGET_DIR:-target}"
export APP_BIN="${APP_BIN:-$PWD/$TARGET_DIR/debug/account-planner}"
PORT=4444
LOG="$TARGET_DIR/e2e-driver.log"
mkdir -p "$TARGET_DIR/e2e-screenshots"

if [ ! -x "$APP_BIN" ]; then
  echo "[e2e] ERROR: app binary not found at $APP_BIN (build it: npx tauri build --debug --no-bundle --config tauri.e2e.conf.json)" >&2
  exit 1
fi
if ! command -v tauri-driver >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/tauri-driver" ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
command -v tauri-driver >/dev/null 2>&1 || { echo "[e2e] ERROR: tauri-driver not found (run scripts/setup.sh)" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

if port_open; then
  echo "[e2e] ERROR: something already listens on 127.0.0.1:$PORT (a leftover tauri-driver?)" >&2
  exit 1
fi

ACCOUNT_PLANNER_TEST_SAVE_DIR="$(mktemp -d "${TMPDIR:-/tmp}/ap-e2e-saved.XXXXXX")"
export ACCOUNT_PLANNER_TEST_SAVE_DIR

DRIVER_PID=
# shellcheck disable=SC2317  # invoked by the EXIT trap
stop_driver() {
  if [ -n "$DRIVER_PID" ] && kill -0 "$DRIVER_PID" 2>/dev/null; then
    kill -TERM "$DRIVER_PID" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$DRIVER_PID" 2>/dev/null || break; sleep 0.1; done
  fi
  DRIVER_PID=
}
trap 'stop_driver; rm -rf "$ACCOUNT_PLANNER_TEST_SAVE_DIR"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "[e2e] display $DISPLAY, app $APP_BIN, driver log $LOG, exports in $ACCOUNT_PLANNER_TEST_SAVE_DIR"
tauri-driver --port "$PORT" >"$LOG" 2>&1 &
DRIVER_PID=$!

for _ in $(seq 1 100); do
  port_open && break
  kill -0 "$DRIVER_PID" 2>/dev/null || break
  sleep 0.1
done
if ! port_open; then
  echo "[e2e] ERROR: tauri-driver did not start listening on $PORT; its log:" >&2
  cat "$LOG" >&2
  exit 1
fi

# The whole suite first. A real webview on a shared, loaded machine sometimes loses a race
# (a node replaced by a re-render between two WebDriver calls), so a spec file that failed is
# run once more on its own; it must then pass. Both runs are printed.
timeout --kill-after=30 "${E2E_TIMEOUT_S:-900}" node --test --test-concurrency=1 --test-reporter=tap tests/e2e/ | tee "$TARGET_DIR/e2e-run.tap"
rc=${PIPESTATUS[0]}
if [ "$rc" -eq 124 ]; then
  echo "[e2e] ERROR: the e2e suite timed out" >&2
elif [ "$rc" -ne 0 ]; then
  failed=$(grep -oE "^not ok [0-9]+ - .*" "$TARGET_DIR/e2e-run.tap" | sed -E 's/^not ok [0-9]+ - //' )
  specs=()
  for f in tests/e2e/*.test.mjs; do
    # A top-level "not ok" names the spec's describe(); find the file that declares it.
    while IFS= read -r name; do
      [ -n "$name" ] && grep -qF "describe('$name'" "$f" && specs+=("$f")
    done <<< "$failed"
  done
  if [ "${#specs[@]}" -gt 0 ]; then
    echo "[e2e] retrying once: ${specs[*]}"
    timeout --kill-after=30 600 node --test --test-concurrency=1 "${specs[@]}"
    rc=$?
    [ "$rc" -eq 0 ] && echo "[e2e] the retried specs passed the second time"
  fi
fi
if [ "$rc" -ne 0 ]; then
  echo "[e2e] tauri-driver log ($LOG), last 40 lines:" >&2
  tail -n 40 "$LOG" >&2
fi
echo "[e2e] screenshots in $TARGET_DIR/e2e-screenshots/"
exit "$rc"
