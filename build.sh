#!/usr/bin/env bash
# OptOut Pilot: build and test entry point.
#
#   ./build.sh            build the installable extension into dist/ (dist/chrome, dist/firefox, store zips)
#   ./build.sh test       build, then run every check and test (Rust, JS types, JS unit, end-to-end in Chromium,
#                         Mozilla's store lint)
#   ./build.sh lint       build, then lint dist/firefox as addons.mozilla.org does (web-ext lint)
#   ./build.sh clean      remove dist/, extension/pkg/ and tests/output/
#   ./build.sh store-screenshots   build, then rewrite the committed store/screenshots/ (test runs write to
#                         tests/output/store-screenshots/ instead)
#
# Needs: Debian (12+), rustup (cargo, rustc), node 20+ with npm. Installs what is missing and can be installed
# without a browser download: the wasm32 target, rustfmt/clippy, wasm-bindgen-cli at the crate's pinned version
# (cargo install, ~4 min once), node_modules (npm ci), and for `test` Debian's chromium (apt-get, as root).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

LIB=optout_pilot_core
TARGET=wasm32-unknown-unknown
WASM_IN="target/$TARGET/release/$LIB.wasm"
PKG=extension/pkg  # generated glue + optimised wasm (git-ignored); copied to dist/<browser>/pkg/
# Features Rust's wasm32 target emits. Explicit, so wasm-opt also works when the target-features section is gone.
WASM_OPT_FLAGS=(-Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-multivalue --enable-reference-types)

if [[ -t 1 ]]; then B=$'\e[1m'; R=$'\e[31m'; G=$'\e[32m'; Y=$'\e[33m'; N=$'\e[0m'; else B= R= G= Y= N=; fi
say() { printf '%s==>%s %s\n' "$B" "$N" "$*"; }
info() { printf '    %s\n' "$*"; }
warn() { printf '%swarning:%s %s\n' "$Y" "$N" "$*" >&2; }
die() { printf '%serror:%s %s\n' "$R" "$N" "$*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }
is_root() { [[ $(id -u) -eq 0 ]]; }

# ---------------------------------------------------------------------------------------------- tool checks
ensure_rust() {
  command -v cargo >/dev/null && command -v rustup >/dev/null ||
    die "Rust is missing. Install rustup (https://rustup.rs, or 'apt-get install rustup' on Debian 13+), then: rustup default stable"
  if ! command -v cc >/dev/null; then  # Rust links native code (tests, cargo install) with the system C toolchain
    if is_root && command -v apt-get >/dev/null; then
      say "installing a C linker for Rust (apt-get install gcc libc6-dev)"
      DEBIAN_FRONTEND=noninteractive apt-get update
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gcc libc6-dev
    else
      die "no C compiler/linker (cc): as root run: apt-get install -y --no-install-recommends gcc libc6-dev"
    fi
  fi
  if ! rustup target list --installed | grep -qx "$TARGET"; then
    say "adding Rust target $TARGET"
    rustup target add "$TARGET"
  fi
}

ensure_rust_components() {
  local c missing=()
  for c in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$c" || missing+=("$c")
  done
  if ((${#missing[@]})); then
    say "adding Rust components: ${missing[*]}"
    rustup component add "${missing[@]}"
  fi
}

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
bindgen_version() {
  local v=
  if [[ -f Cargo.lock ]]; then
    v=$(awk '/^\[\[package\]\]/ { p = 0 } /^name = "wasm-bindgen"$/ { p = 1; next }
             p && /^version = / { gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
  fi
  if [[ -z $v ]]; then
    v=$(sed -nE 's/^wasm-bindgen[[:space:]]*=[[:space:]]*(\{[^}]*version[[:space:]]*=[[:space:]]*)?"=?([0-9.]+)".*/\2/p' Cargo.toml | head -n1)
  fi
  [[ -n $v ]] || die "cannot find the wasm-bindgen version in Cargo.lock or Cargo.toml"
  printf '%s' "$v"
}

ensure_bindgen() {
  local want have=
  want=$(bindgen_version)
  if command -v wasm-bindgen >/dev/null; then have=$(wasm-bindgen --version | awk '{ print $2 }'); fi
  if [[ $have != "$want" ]]; then
    say "installing wasm-bindgen-cli $want (found: ${have:-none}); this compiles for a few minutes, once"
    cargo install wasm-bindgen-cli --version "$want" --locked
    have=$(wasm-bindgen --version | awk '{ print $2 }')
    [[ $have == "$want" ]] || die "wasm-bindgen on PATH is $have, not $want (check PATH: $(command -v wasm-bindgen))"
  fi
  BINDGEN_VERSION=$want
}

ensure_node() {
  command -v node >/dev/null && command -v npm >/dev/null ||
    die "node 20+ and npm are missing (Debian 12's nodejs is too old: use NodeSource's nodejs 20+ or nvm)"
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  ((major >= 20)) || die "node $(node --version) is too old: node 20 or newer is needed"
  if [[ ! -f package-lock.json ]]; then
    say "no package-lock.json: npm install (commit the package-lock.json it writes)"
    npm install --no-audit --no-fund
  elif [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ||
    package.json -nt node_modules/.package-lock.json ]]; then
    say "installing dev tools from package-lock.json (npm ci)"
    npm ci --no-audit --no-fund
  fi
  [[ -x node_modules/.bin/wasm-opt ]] || die "node_modules/.bin/wasm-opt missing: is binaryen in package.json devDependencies?"
}

# chromium-l10n carries the UI locales: without it extension pages fall back to English whatever the locale,
# and the German popup/onboarding could not be tested.
ensure_chromium() {
  [[ -x /usr/bin/chromium && -f /usr/lib/chromium/locales/de.pak ]] && return 0
  if is_root && command -v apt-get >/dev/null; then
    say "installing Debian's chromium and its locales for the end-to-end tests (apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get update || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver chromium-l10n || return 1
    [[ -x /usr/bin/chromium ]]
  elif [[ -x /usr/bin/chromium ]]; then
    warn "chromium-l10n is missing: extension pages will be tested in English only (apt-get install chromium-l10n)"
  else
    printf '%serror:%s /usr/bin/chromium is missing. As root run:\n    apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver chromium-l10n\n' "$R" "$N" >&2
    return 1
  fi
}

# Optional tooling for the Firefox smoke test (tests/e2e/firefox.test.mjs skips, saying why, without it):
# Debian's firefox-esr, geckodriver from crates.io, selenium from PyPI. Installed only when running as root.
GECKODRIVER_VERSION=0.37.1
ensure_firefox_test_tools() {
  is_root || return 0
  if ! command -v firefox-esr >/dev/null && ! command -v firefox >/dev/null && command -v apt-get >/dev/null; then
    say "installing Debian's firefox-esr for the Firefox smoke test (apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends firefox-esr ||
      { DEBIAN_FRONTEND=noninteractive apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends firefox-esr; } || return 1
  fi
  if ! command -v geckodriver >/dev/null || [[ $(geckodriver --version | awk 'NR == 1 { print $2 }') != "$GECKODRIVER_VERSION" ]]; then
    say "installing geckodriver $GECKODRIVER_VERSION (cargo install, ~3 minutes once)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked || return 1
  fi
  if ! python3 -c 'import selenium' 2>/dev/null; then
    say "installing selenium for the Firefox smoke test (pip)"
    python3 -m pip install --quiet 'selenium<4.52' ||  # Debian's own python3 refuses pip without the flag (PEP 668)
      python3 -m pip install --quiet --break-system-packages 'selenium<4.52' || return 1
  fi
}

# --------------------------------------------------------------------------------------------------- build
file_size() { wc -c <"$1" | tr -d ' '; }
gzip_size() { gzip -9c <"$1" | wc -c | tr -d ' '; }
kib() { awk -v n="$1" 'BEGIN { printf "%.1f KiB", n / 1024 }'; }

build() {
  local t0 t
  t0=$(now)
  ensure_rust
  ensure_node

  say "compiling the Rust core for $TARGET (release)"
  t=$(now)
  # Paths of this machine (cargo home, checkout) would otherwise end up in panic messages inside the WASM:
  # remapped, the same commit gives the same bytes wherever it is built (docs/reproducible-build.md).
  CARGO_ENCODED_RUSTFLAGS="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"$'\x1f'"--remap-path-prefix=$ROOT=/build" \
    cargo build --release --target "$TARGET" --lib
  [[ -f $WASM_IN ]] || die "$WASM_IN was not produced (is crate-type cdylib set in Cargo.toml?)"
  info "cargo: $(since "$t")"

  ensure_bindgen
  local wasmopt_version stamp want_stamp
  wasmopt_version="binaryen $(sed -nE 's/^  "version": "([^"]+)".*/\1/p' node_modules/binaryen/package.json)"
  want_stamp="$(sha256sum "$WASM_IN" | cut -d' ' -f1) bindgen=$BINDGEN_VERSION $wasmopt_version ${WASM_OPT_FLAGS[*]}"
  stamp=$(cat "$PKG/.stamp" 2>/dev/null || true)
  if [[ $stamp == "$want_stamp" && -f $PKG/$LIB.js && -f $PKG/${LIB}_bg.wasm ]]; then
    info "wasm-bindgen + wasm-opt: up to date"
  else
    say "generating JS glue (wasm-bindgen $BINDGEN_VERSION) and shrinking the module (wasm-opt -Oz)"
    t=$(now)
    rm -rf "$PKG"
    # TypeScript declarations are kept in extension/pkg for the type check only; they are not copied to dist/.
    wasm-bindgen --target web --out-dir "$PKG" "$WASM_IN"
    node_modules/.bin/wasm-opt "${WASM_OPT_FLAGS[@]}" "$PKG/${LIB}_bg.wasm" -o "$PKG/${LIB}_bg.opt.wasm"
    mv "$PKG/${LIB}_bg.opt.wasm" "$PKG/${LIB}_bg.wasm"
    node tools/build/check-wasm.mjs "$PKG"
    printf '%s\n' "$want_stamp" >"$PKG/.stamp"
    info "bindgen + wasm-opt: $(since "$t")"
  fi

  # dist/.assembled is written only after a complete assembly; anything newer in the inputs (a changed, added or
  # removed file changes its directory's mtime too) means assembling again.
  local changed=x
  if [[ -f dist/.assembled && -f dist/chrome/manifest.json && -f dist/firefox/manifest.json ]]; then
    changed=$(find extension manifest.json Cargo.toml tools/build -newer dist/.assembled -print -quit)
  fi
  local z
  if [[ -z $changed ]]; then
    info "dist/: up to date"
    for z in dist/optout-pilot-*.zip; do [[ -f $z ]] && info "$z  $(kib "$(file_size "$z")")"; done
  else
    say "assembling dist/chrome and dist/firefox"
    rm -f dist/.assembled
    local extra=()
    [[ ${OPTOUT_ALLOW_INCOMPLETE:-} == 1 ]] && extra+=(--allow-incomplete)
    node tools/build/assemble.mjs --pkg "$PKG" ${extra[@]+"${extra[@]}"}
    if compgen -G 'dist/optout-pilot-chrome-*.zip' >/dev/null; then touch dist/.assembled; fi
  fi

  local w=$PKG/${LIB}_bg.wasm raw opt
  raw=$(file_size "$WASM_IN")
  opt=$(file_size "$w")
  info "wasm: $(kib "$raw") from cargo -> $(kib "$opt") after wasm-opt, $(kib "$(gzip_size "$w")") gzipped;" \
    "JS glue $(kib "$(file_size "$PKG/$LIB.js")")"
  say "${G}build done${N} in $(since "$t0"): load dist/chrome or dist/firefox/manifest.json"
}

# ---------------------------------------------------------------------------------------------------- test
STEPS=()
FAILED=0
step() {  # step NAME COMMAND...: run, time, record; never exits
  local name=$1 t rc=0
  shift
  printf '\n%s==> [%s]%s %s\n' "$B" "$name" "$N" "$*"
  t=$(now)
  "$@" || rc=$?
  if ((rc == 0)); then
    STEPS+=("${G}PASS${N}  $name ($(since "$t"))")
  else
    STEPS+=("${R}FAIL${N}  $name (exit $rc, $(since "$t"))")
    FAILED=$((FAILED + 1))
  fi
}
skip() { STEPS+=("${Y}SKIP${N}  $1: $2"); printf '\n%s==> [%s]%s skipped: %s\n' "$B" "$1" "$N" "$2"; }

has_tests() { [[ -d $1 ]] && [[ -n $(find "$1" -type f \( -name '*.test.*js' -o -name '*_test.*js' -o -name '*-test.*js' -o -name 'test-*.*js' \) -print -quit) ]]; }

# A separate process: inside `cmd || rc=$?` bash ignores `set -e`, so a failing build step would not stop `build`.
build_in_subshell() { OPTOUT_BUILD_LOCK_HELD=1 bash "$ROOT/build.sh" build; }

run_tests() {
  local t0
  t0=$(now)
  step build build_in_subshell
  local build_ok=1
  ((FAILED == 0)) || build_ok=0
  ensure_rust
  ensure_rust_components
  step "cargo fmt" cargo fmt --all --check
  step "cargo clippy" cargo clippy --all-targets -- -D warnings
  # The bindings (src/bindings/) are compiled for the WASM only, so the native clippy does not see them.
  step "cargo clippy (wasm32)" cargo clippy --target "$TARGET" -- -D warnings
  step "cargo test" cargo test
  step "cargo check fuzz/ + bench/native" check_side_crates
  step "tsc extension/ (browser)" node_modules/.bin/tsc -p tsconfig.json
  step "tsc tests/ + tools/ (node)" node_modules/.bin/tsc -p tools/build/tsconfig.node.json
  if has_tests tests/js; then
    step "node --test tests/js" node --test tests/js/
  else
    skip "node --test tests/js" "no test files under tests/js/ yet"
  fi
  if ! ensure_chromium; then
    STEPS+=("${R}FAIL${N}  e2e: /usr/bin/chromium missing")
    FAILED=$((FAILED + 1))
  elif ((!build_ok)) || [[ ! -f dist/chrome/manifest.json ]]; then
    STEPS+=("${R}FAIL${N}  e2e: not run, the build failed")
    FAILED=$((FAILED + 1))
  else
    ensure_firefox_test_tools || warn "could not install the Firefox test tools; tests/e2e/firefox.test.mjs will skip"
    step "e2e (headless Chromium; Firefox smoke)" node --test --test-concurrency=1 tests/e2e/
  fi
  if ((build_ok)) && [[ -f dist/firefox/manifest.json ]]; then
    step "web-ext lint dist/firefox" web_ext_lint
  else
    STEPS+=("${R}FAIL${N}  web-ext lint: not run, the build failed")
    FAILED=$((FAILED + 1))
  fi

  printf '\n%s==> summary%s (%s)\n' "$B" "$N" "$(since "$t0")"
  local s
  for s in "${STEPS[@]}"; do printf '    %s\n' "$s"; done
  if ((FAILED)); then
    printf '%s%d step(s) FAILED%s\n' "$R" "$FAILED" "$N"
    exit 1
  fi
  printf '%sall steps passed%s\n' "$G" "$N"
}

# The fuzz and bench crates are their own workspaces (their own lockfiles), so `cargo test` does not compile them:
# checked here so that they cannot drift from the core. All binaries, the libFuzzer targets too (they
# type-check on stable; only running them needs nightly). The core's target dir, so dependencies are shared.
check_side_crates() {
  cargo check --locked --target-dir target --manifest-path fuzz/Cargo.toml --bins &&
    cargo check --locked --target-dir target --manifest-path bench/native/Cargo.toml --bins
}

# Mozilla's store linter (addons-linter) as addons.mozilla.org runs it; fails on errors. The Firefox manifest has
# background.scripts only (Firefox ignores service_worker), so no warning is expected either.
WEB_EXT_VERSION=10.7.0
web_ext_lint() { npx --yes "web-ext@$WEB_EXT_VERSION" lint --source-dir dist/firefox; }

lint() {
  build
  say "web-ext lint dist/firefox (web-ext $WEB_EXT_VERSION)"
  web_ext_lint
}

clean() {
  say "removing dist/ $PKG/ tests/output/"
  rm -rf dist "$PKG" tests/output
}

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }

store_screenshots() {
  build
  say "store screenshots into store/screenshots/ (commit what changed)"
  OPTOUT_STORE_SCREENSHOTS=1 node --test --test-concurrency=1 tests/e2e/store-screenshots.test.mjs
}

# Serialise concurrent runs in one checkout (several people build at once).
if [[ ${OPTOUT_BUILD_LOCK_HELD:-} != 1 ]]; then
  mkdir -p target
  exec 9>target/.build.lock
  if ! flock -n 9; then
    say "another ./build.sh is running in this checkout; waiting for it"
    flock 9
  fi
  export OPTOUT_BUILD_LOCK_HELD=1
fi

case "${1:-build}" in
  build) build ;;
  test) run_tests ;;
  lint) lint ;;
  store-screenshots) store_screenshots ;;
  clean) clean ;;
  -h | --help | help) usage ;;
  *) usage >&2; die "unknown command: $1" ;;
esac
