/* peermatch tests: shared helpers.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "pm-private.h"

#include <json-glib/json-glib.h>

/* The path of a file under tests/data (owned by the caller). */
char *
pm_test_data_path (const char *name);
/* The path of a file under tests/data, kept for the whole test program (interned: the set of
 * names a test uses is small and bounded). */
const char *
pm_test_data (const char *name);
/* A path in a fresh temporary directory where no file is yet (pm_test_remove_temp cleans). */
char *
pm_test_temp_path (const char *basename);
/* Writes @contents to a new file in a fresh temporary directory; returns its path. */
char *
pm_test_write_temp (const char *basename, const char *contents);
/* Removes a file and its (temporary) directory. */
void
pm_test_remove_temp (const char *path);
/* Reads a whole file (aborts the test if it cannot). */
char *
pm_test_read_file (const char *path, gsize *length);
/* Every diagnostic as `FILE:LINE: message [field]`, one per line. */
char *
pm_test_format_diagnostics (PmDiagnostics *d);
/* Compares the diagnostics with a golden file (rewritten when PM_UPDATE_GOLDEN is set). */
void
pm_test_assert_diagnostics (PmDiagnostics *d, const char *golden);
/* Compares @length bytes with a golden file, byte for byte (rewritten when PM_UPDATE_GOLDEN
 * is set). */
void
pm_test_assert_golden (const char *got, gsize length, const char *golden);

/* What a run of the command-line tool (the PM_CLI environment variable) printed and its exit
 * status. */
typedef struct
{
  char *out;
  char *err;
  int status;
} PmTestRun;

void
pm_test_run_free (PmTestRun *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmTestRun, pm_test_run_free)
/* Runs the CLI with the NULL-terminated arguments @args (fails the test if it cannot). */
PmTestRun *
pm_test_run_argv (const char *const *args);
#define pm_test_run_cli(...) pm_test_run_argv ((const char *const[]){ __VA_ARGS__, NULL })
/* Parses @text as JSON (fails the test if it is not). Returns: (transfer full) the root. */
JsonNode *
pm_test_parse_json (const char *text);
/* A usage error: exit 64, nothing on stdout, `peermatch: ...` and a --help hint on stderr. */
void
pm_test_assert_usage_error (PmTestRun *run);

/* The rota CLI fixtures (tests/data/cli-rota-*): a small rota.ini problem, and a benchmark. */
#define PM_TEST_ROTA_PROBLEM                                                                       \
  "--rota", pm_test_data ("cli-rota.ini"), "--supporters",                                         \
      pm_test_data ("cli-rota-supporters.csv"), "--leave", pm_test_data ("cli-rota-leave.csv"),    \
      "--prefs", pm_test_data ("cli-rota-prefs.csv")
#define PM_TEST_ROTA_BENCHMARK "--benchmark", pm_test_data ("cli-rota-bench.txt")
