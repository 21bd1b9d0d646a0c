#!/bin/sh
# The shared library's ABI (TAP output): every exported symbol is in the pm_ namespace, and
# the exported symbols are exactly those checked in as lib/peermatch.symbols, so a symbol
# cannot appear or vanish by accident.
# And every function the public headers declare is exported (a declaration without
# PM_AVAILABLE_IN_ALL would be a link error for consumers).
# usage: check-exports.sh LIBRARY [SYMBOLS_FILE [INCLUDE_DIR]]
#        (defaults: lib/peermatch.symbols, include/peermatch beside this script)
set -eu
lib="$1"
symbols="${2:-$(dirname "$0")/../../lib/peermatch.symbols}"
include="${3:-$(dirname "$0")/../../include/peermatch}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVWGSi]$/ { print $3 }' | LC_ALL=C sort -u \
  > "$tmp/exported"
grep -v '^#' "$symbols" | grep -v '^$' | LC_ALL=C sort -u > "$tmp/expected"
echo "1..5"
bad=$(grep -v '^pm_' "$tmp/exported" || true)
if [ -z "$bad" ]; then
  echo "ok 1 - every exported symbol starts with pm_"
else
  echo "not ok 1 - symbols outside the pm_ namespace:"
  echo "$bad" | sed 's/^/# /'
fi
count=$(grep -c '^pm_' "$tmp/exported" || true)
if [ "$count" -gt 20 ]; then
  echo "ok 2 - $count pm_ symbols exported"
else
  echo "not ok 2 - only $count pm_ symbols exported"
fi
extra=$(LC_ALL=C comm -23 "$tmp/exported" "$tmp/expected")
if [ -z "$extra" ]; then
  echo "ok 3 - no symbol exported beyond lib/peermatch.symbols"
else
  echo "not ok 3 - exported but not in lib/peermatch.symbols (add them there on purpose):"
  echo "$extra" | sed 's/^/# /'
fi
missing=$(LC_ALL=C comm -13 "$tmp/exported" "$tmp/expected")
if [ -z "$missing" ]; then
  echo "ok 4 - every symbol of lib/peermatch.symbols is exported ($(wc -l < "$tmp/expected"))"
else
  echo "not ok 4 - in lib/peermatch.symbols but not exported (an ABI break within soname 0):"
  echo "$missing" | sed 's/^/# /'
fi
grep -ohE '\bpm_[a-z0-9_]+ \(' "$include"/*.h "$include"/*.h.in | sed 's/ ($//' | LC_ALL=C sort -u \
  > "$tmp/declared"
hidden=$(LC_ALL=C comm -23 "$tmp/declared" "$tmp/exported")
if [ -z "$hidden" ]; then
  echo "ok 5 - every function the public headers declare is exported ($(wc -l < "$tmp/declared"))"
else
  echo "not ok 5 - declared in a public header but not exported (PM_AVAILABLE_IN_ALL missing?):"
  echo "$hidden" | sed 's/^/# /'
fi
