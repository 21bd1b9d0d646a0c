#!/bin/sh
# peermatch benchmark: events per second of the iCalendar export, beside ical-generator.
# Usage: run-bench.sh BENCH_ICAL BENCH_ICAL_GENERATOR_MJS
# Prints peermatch's figures, ical-generator's on the same events (when node and
# `npm ci --prefix bench/calendar` are there) and the ratio.
# SPDX-License-Identifier: LGPL-2.1-or-later
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$1" "$tmp/events.json" | tee "$tmp/ours.txt"
if ! command -v node >/dev/null 2>&1; then
  echo "ical-generator: skipped (no node)"
  exit 0
fi
status=0
node "$2" "$tmp/events.json" > "$tmp/theirs.txt" || status=$?
cat "$tmp/theirs.txt"
if [ "$status" = 77 ]; then
  exit 0
elif [ "$status" != 0 ]; then
  exit "$status"
fi
ours=$(sed -n 's/^peermatch per person: .*: \([0-9]*\) events\/s$/\1/p' "$tmp/ours.txt")
theirs=$(sed -n 's/^ical-generator per person: .*: \([0-9]*\) events\/s$/\1/p' "$tmp/theirs.txt")
awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "ratio (per person, events/s): %.1fx\n", a / b }'
