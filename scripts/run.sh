#!/usr/bin/env bash
# Sets up the machine, builds the app (debug) and runs it. Extra arguments go to the app,
# e.g. `bash scripts/run.sh --data-dir /tmp/plans`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
if [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi

echo "[run] building (npx tauri build --debug --no-bundle)"
npx tauri build --debug --no-bundle

BIN="${CARGO_TARGET_DIR:-target}/debug/account-planner"
[ -x "$BIN" ] || { echo "[run] ERROR: $BIN was not built" >&2; exit 1; }

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "[run] no \$DISPLAY: running under xvfb-run (a virtual screen, so the window is not visible)"
  exec xvfb-run -a -s '-screen 0 1400x900x24' "$BIN" "$@"
fi
exec "$BIN" "$@"
