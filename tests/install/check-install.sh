#!/bin/sh
# `meson install` into a DESTDIR puts everything where a consumer looks for it, and a consumer
# builds against it through pkg-config alone (TAP output).
#
# The environment (set by tests/install/meson.build) names the build and its install dirs:
# MESON BUILD_ROOT SOURCE_ROOT VERSION PREFIX LIBDIR INCLUDEDIR BINDIR DATADIR MANDIR CC
# SANITIZE (b_sanitize) GIR (yes/no) DOCS (yes/no) EXPECTED (the C example's output).
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dest="$tmp/dest"
abs() { case "$1" in /*) echo "$1" ;; *) echo "$PREFIX/$1" ;; esac; }
root="$dest$PREFIX"
libdir="$dest$(abs "$LIBDIR")"
incdir="$dest$(abs "$INCLUDEDIR")/peermatch-1"
bindir="$dest$(abs "$BINDIR")"
datadir="$dest$(abs "$DATADIR")"
mandir="$dest$(abs "$MANDIR")"
san=""
[ "$SANITIZE" = none ] || san="-fsanitize=$SANITIZE"

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
  n=$((n + 1)); failed=1; echo "not ok $n - $1"
  [ -s "$tmp/log" ] && sed 's/^/# /' "$tmp/log"
  : > "$tmp/log"
}
check() { # check DESCRIPTION COMMAND...: ok when COMMAND succeeds, its output in the log
  desc="$1"; shift
  if "$@" > "$tmp/log" 2>&1; then ok "$desc"; else not_ok "$desc"; fi
  : > "$tmp/log"
}
files_exist() { for f in "$@"; do [ -e "$f" ] || { echo "missing: ${f#"$dest"}"; return 1; }; done; }

echo "1..12"
# --no-rebuild: meson test has built everything; a second ninja inside a test must not run.
check "meson install --destdir succeeds" $MESON install -C "$BUILD_ROOT" --no-rebuild \
  --destdir "$dest" --quiet

soname() { LC_ALL=C readelf -d "$1" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p'; }
library_ok() {
  files_exist "$libdir/libpeermatch-1.so.0.0.0" "$libdir/libpeermatch-1.so.0" \
    "$libdir/libpeermatch-1.so" || return 1
  [ "$(soname "$libdir/libpeermatch-1.so.0.0.0")" = libpeermatch-1.so.0 ] || {
    echo "SONAME is '$(soname "$libdir/libpeermatch-1.so.0.0.0")'"; return 1; }
}
check "the library is $(abs "$LIBDIR")/libpeermatch-1.so.0 (soname), with the .so link" library_ok

headers_ok() {
  files_exist "$incdir/peermatch/peermatch.h" "$incdir/peermatch/pm-version.h" \
    "$incdir/peermatch/pm-enum-types.h" "$incdir/peermatch/pm-rota.h" || return 1
  private=$(find "$dest" -name '*-private.h' -o -name 'pm-resources.h')
  [ -z "$private" ] || { echo "private headers installed: $private"; return 1; }
  for h in "$SOURCE_ROOT"/include/peermatch/*.h; do
    files_exist "$incdir/peermatch/$(basename "$h")" || return 1
  done
}
check "every public header (and no private one) is under include/peermatch-1/peermatch/" headers_ok

# The .pc is relocatable when every path in it hangs off ${prefix}: point prefix at the DESTDIR.
pc="$libdir/pkgconfig/peermatch-1.pc"
pc_ok() {
  files_exist "$pc" || return 1
  mkdir -p "$tmp/pc" && sed "s|^prefix=.*|prefix=$root|" "$pc" > "$tmp/pc/peermatch-1.pc"
  grep -qx "prefix=$PREFIX" "$pc" || { echo "prefix is not $PREFIX:"; cat "$pc"; return 1; }
  grep -qx "Version: $VERSION" "$pc" || { echo "Version is not $VERSION"; return 1; }
  if grep -v '^prefix=' "$pc" | grep -q "=$PREFIX"; then echo "absolute paths:"; cat "$pc"; return 1; fi
}
check "$(abs "$LIBDIR")/pkgconfig/peermatch-1.pc, version $VERSION, paths under \${prefix}" pc_ok
PKG_CONFIG_PATH="$tmp/pc${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export PKG_CONFIG_PATH
cflags=$(pkg-config --cflags peermatch-1 2> /dev/null)
libs=$(pkg-config --libs peermatch-1 2> /dev/null)
case "$cflags" in
  *"-I$incdir"*) ok "pkg-config --cflags peermatch-1 gives the installed headers" ;;
  *) echo "pkg-config --cflags: $cflags" > "$tmp/log"; not_ok "pkg-config --cflags peermatch-1" ;;
esac

printf '#include <peermatch/peermatch.h>\nint main (void) { return pm_get_major_version () == PM_MAJOR_VERSION ? 0 : 1; }\n' \
  > "$tmp/headers.c"
# shellcheck disable=SC2086
check "the installed headers compile alone with -std=c11 -pedantic -Werror" \
  $CC -std=c11 -pedantic -Werror -Wall -Wextra -Wstrict-prototypes $cflags -c "$tmp/headers.c" \
  -o "$tmp/headers.o"

# shellcheck disable=SC2086
check "examples/c/hr-rank.c builds with \$(pkg-config --cflags --libs peermatch-1)" \
  $CC -std=c11 -Wall -Wextra -Werror $san "$SOURCE_ROOT/examples/c/hr-rank.c" -o "$tmp/hr-rank" \
  $cflags $libs

run_example() {
  LD_LIBRARY_PATH="$libdir" "$tmp/hr-rank" > "$tmp/out" 2> "$tmp/err" || {
    echo "exit status $?"; cat "$tmp/err"; return 1; }
  LD_LIBRARY_PATH="$libdir" ldd "$tmp/hr-rank" | grep -q "libpeermatch-1.so.0 => $libdir/" || {
    echo "not linked with the installed library:"; LD_LIBRARY_PATH="$libdir" ldd "$tmp/hr-rank"
    return 1; }
  sed "s/@VERSION@/$VERSION/" "$EXPECTED" | diff -u - "$tmp/out"
}
check "the example runs on the installed library and prints the expected output" run_example

cli_ok() {
  files_exist "$bindir/peermatch" || return 1
  if LC_ALL=C readelf -d "$bindir/peermatch" | grep -E 'R(UN)?PATH' | grep -q "$BUILD_ROOT"; then
    echo "the installed CLI still has the build tree in its RPATH"; return 1
  fi
  [ "$(LD_LIBRARY_PATH="$libdir" "$bindir/peermatch" --version)" = "peermatch $VERSION" ]
}
check "the CLI is $(abs "$BINDIR")/peermatch and runs on the installed library" cli_ok

check "the man page is $(abs "$MANDIR")/man1/peermatch.1" files_exist "$mandir/man1/peermatch.1"

gir_ok() {
  files_exist "$datadir/gir-1.0/Peermatch-1.0.gir" \
    "$libdir/girepository-1.0/Peermatch-1.0.typelib" || return 1
  grep -q 'shared-library="libpeermatch-1.so.0"' "$datadir/gir-1.0/Peermatch-1.0.gir" || {
    echo "the GIR does not name libpeermatch-1.so.0"; return 1; }
  [ -x /usr/bin/python3 ] || return 0
  GI_TYPELIB_PATH="$libdir/girepository-1.0" LD_LIBRARY_PATH="$libdir" /usr/bin/python3 -c '
import gi, sys
gi.require_version("Peermatch", "1.0")
from gi.repository import Peermatch
sys.exit(Peermatch.get_version_string() != sys.argv[1])' "$VERSION"
}
if [ "$GIR" = yes ]; then
  check "Peermatch-1.0.gir in share/gir-1.0, the typelib in lib/girepository-1.0, loadable" gir_ok
else
  ok "# SKIP introspection is disabled in this build"
fi

if [ "$DOCS" = yes ]; then
  check "the API reference is $(abs "$DATADIR")/doc/peermatch-1/index.html" \
    files_exist "$datadir/doc/peermatch-1/index.html" "$datadir/doc/peermatch-1/overview.html"
else
  ok "# SKIP the API reference is not built (docs disabled or no gi-docgen)"
fi
exit $failed
