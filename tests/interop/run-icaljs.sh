#!/bin/sh
# peermatch interop test: runs check-icaljs.mjs with node; exit 77 (skip) without node.
# Usage: run-icaljs.sh ICAL_EXPORT DATA_DIR
# SPDX-License-Identifier: LGPL-2.1-or-later
if ! command -v node >/dev/null 2>&1; then
  echo "skipping: node is not installed"
  exit 77
fi
exec node "$(dirname "$0")/check-icaljs.mjs" "$@"
