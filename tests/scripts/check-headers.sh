#!/bin/sh
# The public headers compile on their own, strictly, as a consumer includes them (TAP).
# usage: check-headers.sh CC SOURCE_INCLUDE_DIR BUILD_INCLUDE_DIR
set -eu
cc="$1"; src_inc="$2"; build_inc="$3"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/consumer.c" <<'EOC'
#include <peermatch/peermatch.h>
int main (void) { return pm_get_major_version () == PM_MAJOR_VERSION ? 0 : 1; }
EOC
echo "1..1"
# shellcheck disable=SC2046
if "$cc" -std=c11 -pedantic -Werror -Wall -Wextra -Wstrict-prototypes -c "$tmp/consumer.c" \
     -o "$tmp/consumer.o" -I"$src_inc" -I"$build_inc" $(pkg-config --cflags gio-2.0) \
     2> "$tmp/log"; then
  echo "ok 1 - <peermatch/peermatch.h> compiles with -std=c11 -pedantic -Werror"
else
  echo "not ok 1 - <peermatch/peermatch.h> does not compile strictly"
  sed 's/^/# /' "$tmp/log"
fi
