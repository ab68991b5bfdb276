#!/usr/bin/env bash
# Installs what the app needs to build, run and test, and nothing that is already there.
# For Debian 12 / Ubuntu, as root or with sudo. Safe to run again: the second run only checks.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# System packages (see shared TOOLCHAIN notes): build deps for Tauri/WebKitGTK, a virtual X server
# and WebKit's WebDriver for the end-to-end tests, PDF tools for checking printed plans, fonts.
APT_PACKAGES=(
  build-essential pkg-config libssl-dev curl file git
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libsoup-3.0-dev libayatana-appindicator3-dev
  xvfb xauth webkit2gtk-driver
  qpdf poppler-utils fonts-dejavu-core fonts-noto-cjk locales
  libreoffice-calc-nogui
)

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

install_apt_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    say "no dpkg/apt-get here: skipping system packages (install the equivalents of: ${APT_PACKAGES[*]})"
    return 0
  fi
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    say "system packages: all ${#APT_PACKAGES[@]} present"
    return 0
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "missing packages (${missing[*]}) and not root and no sudo"
    sudo=(sudo)
  fi
  say "installing missing system packages: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

check_rust() {
  if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
    # shellcheck disable=SC1091
    . "$HOME/.cargo/env"
  fi
  if ! command -v cargo >/dev/null 2>&1; then
    cat >&2 <<'MSG'
[setup] ERROR: cargo (Rust) not found. Install the stable toolchain with rustup:
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy
    . "$HOME/.cargo/env"
then run this script again.
MSG
    exit 1
  fi
  local need=()
  cargo fmt --version >/dev/null 2>&1 || need+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || need+=(clippy)
  if [ "${#need[@]}" -gt 0 ]; then
    if command -v rustup >/dev/null 2>&1; then
      say "adding rustup components: ${need[*]}"
      rustup component add "${need[@]}"
    else
      say "warning: ${need[*]} missing and no rustup to add them (fmt/clippy checks will fail)"
    fi
  fi
  say "rust: $(cargo --version)"
}

check_tauri_driver() {
  # tauri-driver 2.x has no --version flag; --help exits 0 when it is installed and works.
  if command -v tauri-driver >/dev/null 2>&1 && tauri-driver --help >/dev/null 2>&1; then
    say "tauri-driver: present ($(command -v tauri-driver))"
    return 0
  fi
  say "installing tauri-driver 2 (cargo install, ~1 min)"
  # Without --version cargo picks the 3.0 alpha.
  cargo install tauri-driver --version '^2' --locked
}

check_node() {
  command -v node >/dev/null 2>&1 || die "node not found: install Node.js 20.19+ (e.g. from NodeSource) and npm"
  command -v npm >/dev/null 2>&1 || die "npm not found: install npm (comes with Node.js)"
  local v major minor
  v="$(node -p 'process.versions.node')"
  major="${v%%.*}"
  minor="$(echo "$v" | cut -d. -f2)"
  if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
    die "node $v is too old: Vite 7 needs Node.js 20.19+ or 22.12+"
  fi
  say "node: v$v, npm $(npm --version)"
}

install_node_modules() {
  # npm writes node_modules/.package-lock.json on every install: use it as the stamp.
  if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] \
    || [ package-lock.json -nt node_modules/.package-lock.json ] \
    || [ package.json -nt node_modules/.package-lock.json ]; then
    say "npm ci"
    npm ci --no-audit --no-fund
  else
    say "node_modules: up to date"
  fi
}

# The end-to-end suite runs the app under a German locale (money typed as "1.250,50"); WebKit
# reports the system locale only when it is generated.
ensure_locale() {
  local want=de_DE.UTF-8
  if locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
    say "locale $want: present"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ] || [ ! -f /etc/locale.gen ] || ! command -v locale-gen >/dev/null 2>&1; then
    say "warning: locale $want is not generated and cannot be here (the German-locale e2e test will fail)"
    return 0
  fi
  say "generating locale $want"
  sed -i "s/^# *\($want UTF-8\)/\1/" /etc/locale.gen
  grep -q "^$want UTF-8" /etc/locale.gen || echo "$want UTF-8" >> /etc/locale.gen
  locale-gen >/dev/null
}

install_apt_packages
ensure_locale
check_rust
check_tauri_driver
check_node
install_node_modules
say "done"
