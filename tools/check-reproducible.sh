#!/usr/bin/env bash
# Build the same commit twice, from scratch, in two fresh clones at different paths, and compare the results
# byte for byte: the optimised WASM, its JS glue, both unpacked dist/ trees and both store zips.
#
#   tools/check-reproducible.sh [COMMIT]     (default: HEAD; uncommitted changes are not part of the check)
#
# Each clone gets its own empty cargo target directory, so both builds compile everything; node_modules is
# linked from this checkout (same package-lock.json) to avoid two downloads. Takes about 2 × (cargo build +
# wasm-opt) ≈ 2 minutes. See docs/reproducible-build.md for what makes the build reproducible.
# Exit: 0 identical, 1 different (the differing files are listed), 2 usage/setup problem.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COMMIT=$(git -C "$ROOT" rev-parse --verify "${1:-HEAD}^{commit}") || { echo "not a commit: ${1:-HEAD}" >&2; exit 2; }
[[ -d $ROOT/node_modules ]] || { echo "node_modules missing: run ./build.sh once first" >&2; exit 2; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/optout-repro.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct "$COMMIT")}

build_one() {  # build_one DIR: a fresh clone of COMMIT at DIR, built from scratch
  local dir=$1
  git clone --quiet --no-local "$ROOT" "$dir"
  git -C "$dir" checkout --quiet --detach "$COMMIT"
  # The same package-lock.json as this checkout (else the link would be the wrong tree): refuse otherwise.
  cmp -s "$ROOT/package-lock.json" "$dir/package-lock.json" ||
    { echo "package-lock.json of $COMMIT differs from this checkout's: run the check from a checkout of it" >&2; exit 2; }
  ln -s "$ROOT/node_modules" "$dir/node_modules"
  # build.sh runs `npm ci` when package(-lock).json is newer than node_modules/.package-lock.json, and a fresh clone's
  # files are new. `npm ci` through the link would empty this checkout's node_modules: date the clone's files back.
  touch -d "2000-01-01 00:00:00" "$dir/package.json" "$dir/package-lock.json"
  echo "==> building $COMMIT in $dir"
  (cd "$dir" && CARGO_TARGET_DIR="$dir/target" OPTOUT_BUILD_LOCK_HELD=1 ./build.sh build) >"$dir.log" 2>&1 ||
    { echo "build failed in $dir; log:" >&2; tail -n 40 "$dir.log" >&2; exit 2; }
}

# Two different absolute paths (different lengths too), as two machines or two CI workspaces would have.
build_one "$WORK/a"
build_one "$WORK/build-two"

sums() {  # sums DIR: sha256 of every compared file, paths relative to DIR
  (cd "$1" && find extension/pkg -maxdepth 1 -type f \( -name '*.wasm' -o -name '*.js' \) -print0 | sort -z | xargs -0 sha256sum
    find dist -type f ! -name '.assembled' -print0 | sort -z | xargs -0 sha256sum)
}
sums "$WORK/a" >"$WORK/a.sums"
sums "$WORK/build-two" >"$WORK/b.sums"

echo
grep -E '\.(wasm|zip)$' "$WORK/a.sums" | sed 's/^/    /'
if diff -u "$WORK/a.sums" "$WORK/b.sums" >"$WORK/diff"; then
  echo "reproducible: $(wc -l <"$WORK/a.sums") files byte-identical (wasm, glue, dist/chrome, dist/firefox, zips) for $COMMIT"
  exit 0
fi
echo "NOT reproducible: these files differ between the two builds of $COMMIT:" >&2
grep '^[-+][0-9a-f]' "$WORK/diff" | awk '{ print $2 }' | sort -u | sed 's/^/    /' >&2
exit 1
