#!/usr/bin/env bash
# Sets up the machine (scripts/setup.sh), then runs every check and test:
# rustfmt, clippy, cargo tests, generated-bindings staleness, TypeScript typecheck,
# UI unit tests, a debug build of the app, and the end-to-end suite in a real webview.
# Keeps going after a failed step (except that e2e needs the build) and exits non-zero
# if any step failed.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
ROOT="$PWD"

if [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi

STEPS=()
RESULTS=()
FAILED=0
START_ALL=$SECONDS

header() {
  printf '\n==============================================================\n'
  printf '== %s\n' "$*"
  printf '==============================================================\n'
}

# step NAME CMD...: runs CMD, records PASS/FAIL, never exits.
step() {
  local name="$1"; shift
  header "$name"
  local t0=$SECONDS rc=0
  "$@" || rc=$?
  local dt=$((SECONDS - t0))
  STEPS+=("$name")
  if [ "$rc" -eq 0 ]; then
    RESULTS+=("PASS (${dt}s)")
  else
    RESULTS+=("FAIL (exit $rc, ${dt}s)")
    FAILED=$((FAILED + 1))
    printf '\n** step "%s" FAILED (exit %d)\n' "$name" "$rc" >&2
  fi
  return "$rc"
}

skip() {
  header "$1"
  echo "skipped: $2"
  STEPS+=("$1")
  RESULTS+=("SKIPPED ($2)")
  FAILED=$((FAILED + 1))
}

summary() {
  header "Summary"
  local i
  for i in "${!STEPS[@]}"; do
    printf '  %-34s %s\n' "${STEPS[$i]}" "${RESULTS[$i]}"
  done
  printf '  total time: %ss\n' "$((SECONDS - START_ALL))"
}

bindings_fresh() {
  local dir=ui/src/ipc/bindings
  if ! git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    echo "not a git checkout: cannot check $dir for staleness"
    return 0
  fi
  local rc=0
  if ! git --no-pager diff --exit-code --stat -- "$dir"; then
    echo "ERROR: generated TypeScript bindings in $dir changed when cargo test regenerated them." >&2
    echo "       Commit the regenerated files." >&2
    git --no-pager diff -- "$dir" | head -n 80 >&2
    rc=1
  fi
  local untracked
  untracked="$(git ls-files --others --exclude-standard -- "$dir")"
  if [ -n "$untracked" ]; then
    echo "ERROR: cargo test generated binding files that are not committed:" >&2
    printf "  %s\n" "$untracked" >&2
    rc=1
  fi
  [ "$rc" -eq 0 ] && echo "bindings in $dir are up to date"
  return "$rc"
}

header "Setup (scripts/setup.sh)"
if ! bash scripts/setup.sh; then
  echo "setup failed: not running the tests" >&2
  exit 1
fi

# The app crate embeds the built front end (tauri.conf.json frontendDist = ui/dist) at compile
# time, so clippy and the Rust tests need it built first, as a fresh clone has no ui/dist.
step "build UI (vite)"              npm run build:ui
step "cargo fmt --check"            cargo fmt --all -- --check
step "cargo clippy -D warnings"     cargo clippy --workspace --all-targets -- -D warnings
step "cargo test"                   cargo test --workspace
step "bindings up to date"          bindings_fresh
step "typecheck (tsc)"              npm run typecheck
step "UI unit tests (vitest)"       npm run test:ui
# The test build gets its own identifier (tauri.e2e.conf.json), so its windows never share the
# single-instance name or the webview storage with an Account Planner the user has open.
if step "build app (tauri build --debug, e2e identifier)" npx tauri build --debug --no-bundle --config tauri.e2e.conf.json; then
  # e2e.sh runs tauri-driver and the specs inside one xvfb-run and stops tauri-driver with
  # SIGTERM; the outer timeout is only a backstop for its own 900 s limit.
  step "end-to-end tests (tauri-driver)" timeout --kill-after=30 960 bash scripts/e2e.sh
else
  skip "end-to-end tests (tauri-driver)" "the app did not build"
fi

summary
if [ "$FAILED" -ne 0 ]; then
  echo "FAILED: $FAILED step(s) did not pass" >&2
  exit 1
fi
echo "all checks passed"
