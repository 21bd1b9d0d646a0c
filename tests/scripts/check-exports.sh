#!/bin/sh
# Every symbol the shared library exports must be in the pm_ namespace (TAP output).
set -eu
lib="$1"
echo "1..2"
bad=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ { print $3 }' | grep -v '^pm_' || true)
if [ -z "$bad" ]; then
  echo "ok 1 - every exported symbol starts with pm_"
else
  echo "not ok 1 - symbols outside the pm_ namespace:"
  echo "$bad" | sed 's/^/# /'
fi
count=$(nm -D --defined-only "$lib" | awk '$2 == "T" && $3 ~ /^pm_/' | wc -l)
if [ "$count" -gt 20 ]; then
  echo "ok 2 - $count pm_ functions exported"
else
  echo "not ok 2 - only $count pm_ functions exported"
fi
