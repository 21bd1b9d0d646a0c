/* peermatch tests: the calendar side of the rota commands end to end: `--busy DIR` (plan,
 * check), `--ics DIR` (plan) and `rota export`, with SOURCE_DATE_EPOCH.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * PM_CLI names the built binary (tests/meson.build sets it); the cli-rota-* files live in
 * tests/data. The search is tuned elsewhere, so plan's output is checked for its properties
 * (shape, order, determinism, agreement with check), never against a golden file; check's
 * report on a hand-written rota is golden (cli-rota-check.txt, PM_UPDATE_GOLDEN=1 rewrites
 * it). */
#include "pm-test-util.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

/* ---- calendars: --busy and --ics (spec/calendar.md)
 *
 * cli-rota-busy/P1.ics holds one event, 2026-12-07 09:00-10:00 Europe/London: it overlaps
 * that day's day shift (08:00-20:00) and not its night shift (20:00-08:00). Without it the
 * search grants P1's on-request for that day shift (cli-rota-prefs.csv, weight 5). */

#define BUSY "--busy", pm_test_data ("cli-rota-busy")
/* 2023-11-14T22:13:20Z */
#define EPOCH "1700000000"

static gboolean
assigned (JsonNode *root, const char *date, const char *shift, const char *person)
{
  JsonArray *a = json_object_get_array_member (json_node_get_object (root), "assignments");

  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);

      if (strcmp (json_object_get_string_member (o, "date"), date) == 0
          && strcmp (json_object_get_string_member (o, "shift"), shift) == 0
          && strcmp (json_object_get_string_member (o, "person"), person) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A fresh temporary directory's path, the directory itself not made (the CLI makes it). */
static char *
temp_dir (void)
{
  g_autofree char *parent = g_dir_make_tmp ("peermatch-test-XXXXXX", NULL);

  assert_non_null (parent);
  return g_build_filename (parent, "ics", NULL);
}

/* Removes what temp_dir() gave (and the files in it). */
static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *parent = g_path_get_dirname (dir);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
  g_rmdir (parent);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *)a, *(char *const *)b);
}

/* The names in @dir, sorted, one space between them. */
static char *
list_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  assert_non_null (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **)names->pdata);
}

/* Runs the CLI with SOURCE_DATE_EPOCH=@epoch (NULL: unset) in its environment. */
static PmTestRun *
run_at (const char *epoch, const char *const *args)
{
  PmTestRun *run;

  if (epoch != NULL)
    g_setenv ("SOURCE_DATE_EPOCH", epoch, TRUE);
  else
    g_unsetenv ("SOURCE_DATE_EPOCH");
  run = pm_test_run_argv (args);
  g_unsetenv ("SOURCE_DATE_EPOCH");
  return run;
}
#define run_cli_at(epoch, ...) run_at (epoch, (const char *const[]){ __VA_ARGS__, NULL })

#define CALENDARS "P1.ics P2.ics P3.ics P4.ics P5.ics rota.ics"

/* An iCalendar file: BEGIN:VCALENDAR first, every line ended by CRLF. */
static void
assert_calendar (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gsize length;
  g_autofree char *text = pm_test_read_file (path, &length);

  assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  for (gsize i = 0; i < length; i++)
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r'))
      fail_msg ("%s: a line ends without CR at byte %" G_GSIZE_FORMAT, name, i);
}

/* The same files in both folders, byte for byte. */
static void
assert_same_dirs (const char *a, const char *b)
{
  g_autofree char *names = list_dir (a);
  g_autofree char *other = list_dir (b);
  g_auto (GStrv) list = g_strsplit (names, " ", -1);

  assert_string_equal (names, other);
  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *pa = g_build_filename (a, list[i], NULL);
      g_autofree char *pb = g_build_filename (b, list[i], NULL);
      gsize la, lb;
      g_autofree char *ta = pm_test_read_file (pa, &la);
      g_autofree char *tb = pm_test_read_file (pb, &lb);

      if (la != lb || memcmp (ta, tb, la) != 0)
        fail_msg ("%s differs between %s and %s", list[i], a, b);
    }
}

static void
test_busy_plan (void **state)
{
  g_autoptr (PmTestRun) free_run = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_PROBLEM);
  g_autoptr (PmTestRun) busy_run = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_PROBLEM, BUSY);
  g_autoptr (JsonNode) free_root = NULL;
  g_autoptr (JsonNode) busy_root = NULL;

  assert_int_equal (free_run->status, 0);
  free_root = pm_test_parse_json (free_run->out);
  /* the fixture means something: without the calendar P1 gets that shift */
  assert_true (assigned (free_root, "2026-12-07", "day", "P1"));
  assert_int_equal (busy_run->status, 0);
  assert_string_equal (busy_run->err, "");
  busy_root = pm_test_parse_json (busy_run->out);
  /* (the JSON's shape is test-rota-cli.c's business) */
  assert_int_equal (json_array_get_length (json_object_get_array_member (
                        json_node_get_object (busy_root), "hard_violations")),
                    0);
  assert_false (assigned (busy_root, "2026-12-07", "day", "P1"));
  /* the request cannot be granted any more */
  assert_true (
      json_object_get_int_member (
          json_object_get_object_member (json_node_get_object (busy_root), "breakdown"), "requests")
      >= 5);
}

static void
test_busy_check (void **state)
{
  g_autofree char *day = pm_test_write_temp ("day.csv", "date,shift,person\n2026-12-07,day,P1\n");
  g_autofree char *night
      = pm_test_write_temp ("night.csv", "date,shift,person\n2026-12-07,night,P1\n");
  g_autoptr (PmTestRun) busy_day
      = pm_test_run_cli ("rota", "check", PM_TEST_ROTA_PROBLEM, BUSY, "--solution", day);
  g_autoptr (PmTestRun) free_day
      = pm_test_run_cli ("rota", "check", PM_TEST_ROTA_PROBLEM, "--solution", day);
  g_autoptr (PmTestRun) busy_night
      = pm_test_run_cli ("rota", "check", PM_TEST_ROTA_PROBLEM, BUSY, "--solution", night);
  g_autoptr (PmTestRun) json = pm_test_run_cli ("rota", "check", PM_TEST_ROTA_PROBLEM, BUSY,
                                                "--solution", day, "--format", "json");
  g_autoptr (JsonNode) root = NULL;
  JsonArray *violations;

  assert_int_equal (busy_day->status, 3);
  assert_string_equal (busy_day->err, "");
  assert_true (g_str_has_prefix (busy_day->out, "not_allowed P1 2026-12-07: "));
  assert_int_equal (free_day->status, 0);
  /* only the shift that overlaps the event is blocked */
  assert_int_equal (busy_night->status, 0);
  assert_int_equal (json->status, 3);
  root = pm_test_parse_json (json->out);
  violations = json_object_get_array_member (json_node_get_object (root), "hard_violations");
  assert_int_equal (json_array_get_length (violations), 1);
  assert_string_equal (
      json_object_get_string_member (json_array_get_object_element (violations, 0), "rule"),
      "not_allowed");
  pm_test_remove_temp (day);
  pm_test_remove_temp (night);
}

/* A malformed calendar: 65 with FILE:LINE, nothing on standard output, in --output or --ics. */
static void
test_busy_bad (void **state)
{
  g_autofree char *bad = pm_test_write_temp (
      "P2.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
                "BEGIN:VEVENT\r\nUID:x@t\r\nDTSTAMP:20261101T000000Z\r\n"
                "DTSTART:2026-12-08 10:00\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  g_autofree char *dir = g_path_get_dirname (bad);
  g_autofree char *line = g_strdup_printf ("peermatch: %s:7: ", bad);
  g_autofree char *output = pm_test_temp_path ("rota.json");
  g_autofree char *ics = temp_dir ();
  g_autoptr (PmTestRun) plan = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_PROBLEM, "--busy", dir,
                                                "--output", output, "--ics", ics);
  g_autoptr (PmTestRun) check
      = pm_test_run_cli ("rota", "check", PM_TEST_ROTA_PROBLEM, "--busy", dir, "--solution",
                         pm_test_data ("cli-rota-solution.csv"));
  g_autoptr (PmTestRun) missing = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_PROBLEM, "--busy",
                                                   "/nonexistent/peermatch-busy");

  assert_int_equal (plan->status, 65);
  assert_string_equal (plan->out, "");
  assert_non_null (strstr (plan->err, line));
  assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  assert_false (g_file_test (ics, G_FILE_TEST_EXISTS));
  assert_int_equal (check->status, 65);
  assert_string_equal (check->out, "");
  assert_non_null (strstr (check->err, line));
  assert_int_equal (missing->status, 66);
  assert_string_equal (missing->out, "");
  assert_non_null (strstr (missing->err, "peermatch: /nonexistent/peermatch-busy"));
  pm_test_remove_temp (bad);
  pm_test_remove_temp (output);
  remove_dir (ics);
}

/* plan --ics: rota.ics and one file per person, reproducible with SOURCE_DATE_EPOCH, and the
 * same rota on standard output as without --ics. */
static void
test_ics_plan (void **state)
{
  g_autofree char *a = temp_dir ();
  g_autofree char *b = temp_dir ();
  g_autoptr (PmTestRun) plain = run_cli_at (NULL, "rota", "plan", PM_TEST_ROTA_PROBLEM, BUSY);
  g_autoptr (PmTestRun) first
      = run_cli_at (EPOCH, "rota", "plan", PM_TEST_ROTA_PROBLEM, BUSY, "--ics", a);
  g_autoptr (PmTestRun) again
      = run_cli_at (EPOCH, "rota", "plan", PM_TEST_ROTA_PROBLEM, BUSY, "--ics", b);
  g_autofree char *names = NULL;
  g_autofree char *rota_path = g_build_filename (a, "rota.ics", NULL);
  g_autofree char *rota = NULL;
  g_auto (GStrv) list = NULL;

  assert_int_equal (first->status, 0);
  assert_string_equal (first->err, "");
  assert_string_equal (first->out, plain->out);
  names = list_dir (a);
  assert_string_equal (names, CALENDARS);
  list = g_strsplit (names, " ", -1);
  for (guint i = 0; list[i] != NULL; i++)
    assert_calendar (a, list[i]);
  rota = pm_test_read_file (rota_path, NULL);
  assert_non_null (strstr (rota, "\r\nDTSTAMP:20231114T221320Z\r\n"));
  assert_int_equal (again->status, 0);
  assert_same_dirs (a, b);
  remove_dir (a);
  remove_dir (b);
}

/* SOURCE_DATE_EPOCH must be digits, at most 9999-12-31T23:59:59Z: else 64 naming it and
 * nothing written. Without --ics it is not read. */
static void
test_ics_bad_epoch (void **state)
{
  const char *bad[]
      = { "", "x", "-1", "+5", " 1", "1.5", "1e9", "253402300800", "99999999999999999999" };
  g_autofree char *ics = temp_dir ();
  g_autofree char *plan = pm_test_temp_path ("plan.csv");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (PmTestRun) run
          = run_cli_at (bad[i], "rota", "plan", PM_TEST_ROTA_PROBLEM, "--ics", ics);
      g_autoptr (PmTestRun) export
          = run_cli_at (bad[i], "rota", "export", PM_TEST_ROTA_PROBLEM, "--plan",
                        pm_test_data ("cli-rota-solution.csv"), "--ics", ics);

      pm_test_assert_usage_error (run);
      assert_non_null (strstr (run->err, "SOURCE_DATE_EPOCH"));
      pm_test_assert_usage_error (export);
      assert_non_null (strstr (export->err, "SOURCE_DATE_EPOCH"));
      assert_false (g_file_test (ics, G_FILE_TEST_EXISTS));
    }
  {
    g_autoptr (PmTestRun) no_ics = run_cli_at ("x", "rota", "plan", PM_TEST_ROTA_PROBLEM,
                                               "--format", "csv", "--output", plan);
    g_autoptr (PmTestRun) largest = run_cli_at ("253402300799", "rota", "export",
                                                PM_TEST_ROTA_PROBLEM, "--plan", plan, "--ics", ics);

    assert_int_equal (no_ics->status, 0);
    assert_int_equal (largest->status, 0);
    assert_string_equal (largest->out, "");
    assert_string_equal (largest->err, "");
  }
  pm_test_remove_temp (plan);
  remove_dir (ics);
}

/* export writes what plan --ics wrote for the same rota, from plan's JSON or CSV. */
static void
test_export (void **state)
{
  g_autofree char *planned = temp_dir ();
  g_autofree char *from_json = temp_dir ();
  g_autofree char *from_csv = temp_dir ();
  g_autofree char *json = pm_test_temp_path ("plan.json");
  g_autofree char *csv = pm_test_temp_path ("plan.csv");
  g_autoptr (PmTestRun) plan = run_cli_at (EPOCH, "rota", "plan", PM_TEST_ROTA_PROBLEM, BUSY,
                                           "--output", json, "--ics", planned);
  g_autoptr (PmTestRun) plan_csv = run_cli_at (EPOCH, "rota", "plan", PM_TEST_ROTA_PROBLEM, BUSY,
                                               "--format", "csv", "--output", csv);
  g_autoptr (PmTestRun) a = run_cli_at (EPOCH, "rota", "export", PM_TEST_ROTA_PROBLEM, BUSY,
                                        "--plan", json, "--ics", from_json);
  g_autoptr (PmTestRun) b = run_cli_at (EPOCH, "rota", "export", PM_TEST_ROTA_PROBLEM, BUSY,
                                        "--plan", csv, "--ics", from_csv);

  assert_int_equal (plan->status, 0);
  assert_int_equal (plan_csv->status, 0);
  assert_int_equal (a->status, 0);
  assert_string_equal (a->out, "");
  assert_string_equal (a->err, "");
  assert_int_equal (b->status, 0);
  assert_same_dirs (planned, from_json);
  assert_same_dirs (planned, from_csv);
  remove_dir (planned);
  remove_dir (from_json);
  remove_dir (from_csv);
  pm_test_remove_temp (json);
  pm_test_remove_temp (csv);
}

/* The calendars of a hand-written rota (cli-rota-solution.csv, independent of the search)
 * under SOURCE_DATE_EPOCH are golden, byte for byte (PM_UPDATE_GOLDEN=1 rewrites them). */
static void
test_export_golden (void **state)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr (PmTestRun) run = run_cli_at (EPOCH, "rota", "export", PM_TEST_ROTA_PROBLEM, "--plan",
                                          pm_test_data ("cli-rota-solution.csv"), "--ics", dir);
  static const char *const files[][2] = {
    { "rota.ics", "cli-rota-export-rota.ics" },
    { "P1.ics", "cli-rota-export-P1.ics" },
  };

  /* the hand-written rota breaks hard rules on purpose (cli-rota-check.txt): exit 3 */
  assert_int_equal (run->status, 3);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i][0], NULL);
      gsize length = 0;
      g_autofree char *got = pm_test_read_file (path, &length);

      pm_test_assert_golden (got, length, pm_test_data (files[i][1]));
    }
  remove_dir (dir);
}

static void
test_export_benchmark (void **state)
{
  g_autofree char *planned = temp_dir ();
  g_autofree char *exported = temp_dir ();
  g_autofree char *json = pm_test_temp_path ("plan.json");
  g_autofree char *rota_path = g_build_filename (exported, "rota.ics", NULL);
  g_autofree char *rota = NULL;
  g_autoptr (PmTestRun) plan = run_cli_at (EPOCH, "rota", "plan", PM_TEST_ROTA_BENCHMARK,
                                           "--output", json, "--ics", planned);
  g_autoptr (PmTestRun) export = run_cli_at (EPOCH, "rota", "export", PM_TEST_ROTA_BENCHMARK,
                                             "--plan", json, "--ics", exported);

  assert_int_equal (plan->status, 0);
  assert_int_equal (export->status, 0);
  assert_same_dirs (planned, exported);
  rota = pm_test_read_file (rota_path, NULL);
  assert_non_null (strstr (rota, "\r\nDTSTART;TZID=Europe/London:2024010"));
  remove_dir (planned);
  remove_dir (exported);
  pm_test_remove_temp (json);
}

static void
test_export_usage (void **state)
{
  g_autoptr (PmTestRun) no_ics = pm_test_run_cli ("rota", "export", PM_TEST_ROTA_PROBLEM, "--plan",
                                                  pm_test_data ("cli-rota-solution.csv"));
  g_autoptr (PmTestRun) no_plan
      = pm_test_run_cli ("rota", "export", PM_TEST_ROTA_PROBLEM, "--ics", "/nonexistent/x");
  g_autoptr (PmTestRun) seed = pm_test_run_cli ("rota", "export", PM_TEST_ROTA_PROBLEM, "--plan",
                                                pm_test_data ("cli-rota-solution.csv"), "--ics",
                                                "/nonexistent/x", "--seed", "1");
  g_autoptr (PmTestRun) bench_busy = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_BENCHMARK, BUSY);
  g_autoptr (PmTestRun) check_ics
      = pm_test_run_cli ("rota", "check", PM_TEST_ROTA_PROBLEM, "--solution",
                         pm_test_data ("cli-rota-solution.csv"), "--ics", "/tmp");

  pm_test_assert_usage_error (no_ics);
  assert_non_null (strstr (no_ics->err, "--ics"));
  pm_test_assert_usage_error (no_plan);
  assert_non_null (strstr (no_plan->err, "--plan"));
  pm_test_assert_usage_error (seed);
  pm_test_assert_usage_error (bench_busy);
  assert_non_null (strstr (bench_busy->err, "--busy"));
  pm_test_assert_usage_error (check_ics);
}

/* A rota that breaks hard rules is exported all the same: 3, each violation on stderr. The
 * hand-written cli-rota-solution.csv breaks three (test_check_golden). */
static void
test_export_invalid (void **state)
{
  g_autofree char *ics = temp_dir ();
  g_autofree char *names = NULL;
  g_autoptr (PmTestRun) run = run_cli_at (EPOCH, "rota", "export", PM_TEST_ROTA_PROBLEM, "--plan",
                                          pm_test_data ("cli-rota-solution.csv"), "--ics", ics);
  g_auto (GStrv) lines = NULL;

  assert_int_equal (run->status, 3);
  assert_string_equal (run->out, "");
  lines = g_strsplit (run->err, "\n", -1);
  assert_int_equal (g_strv_length (lines), 3 + 1);
  for (guint i = 0; i < 3; i++)
    assert_true (g_str_has_prefix (lines[i], "peermatch: rota export: "));
  names = list_dir (ics);
  assert_string_equal (names, CALENDARS);
  remove_dir (ics);
}

/* A person id that cannot name a file (the supporters reader takes `../x`): 65 naming the id,
 * and no calendar, no rota output. */
static void
test_ics_unsafe_id (void **state)
{
  g_autofree char *ics = temp_dir ();
  g_autofree char *plan = pm_test_write_temp (
      "plan.csv", "date,shift,person\n2026-12-07,day,P1\n2026-12-08,night,../x\n");
  g_autoptr (PmTestRun) export = run_cli_at (
      EPOCH, "rota", "export", "--rota", pm_test_data ("cli-rota.ini"), "--supporters",
      pm_test_data ("cli-rota-unsafe-supporters.csv"), "--plan", plan, "--ics", ics);
  g_autoptr (PmTestRun) planned
      = run_cli_at (EPOCH, "rota", "plan", "--rota", pm_test_data ("cli-rota.ini"), "--supporters",
                    pm_test_data ("cli-rota-unsafe-supporters.csv"), "--ics", ics);

  assert_int_equal (export->status, 65);
  assert_string_equal (export->out, "");
  assert_non_null (strstr (export->err, "'../x'"));
  assert_int_equal (planned->status, 65);
  assert_string_equal (planned->out, "");
  assert_non_null (strstr (planned->err, "'../x'"));
  assert_false (g_file_test (ics, G_FILE_TEST_EXISTS));
  pm_test_remove_temp (plan);
  remove_dir (ics);
}

/* --ics naming a regular file: the folder cannot be made, 73, and plan writes no rota. */
static void
test_ics_cannot_create (void **state)
{
  g_autofree char *file = pm_test_write_temp ("not-a-dir", "x");
  g_autofree char *prefix = g_strdup_printf ("peermatch: %s", file);
  g_autoptr (PmTestRun) plan
      = run_cli_at (EPOCH, "rota", "plan", PM_TEST_ROTA_PROBLEM, "--ics", file);
  g_autoptr (PmTestRun) export
      = run_cli_at (EPOCH, "rota", "export", PM_TEST_ROTA_PROBLEM, "--plan",
                    pm_test_data ("cli-rota-solution.csv"), "--ics", file);

  assert_int_equal (plan->status, 73);
  assert_string_equal (plan->out, "");
  assert_true (g_str_has_prefix (plan->err, prefix));
  assert_int_equal (export->status, 73);
  assert_true (g_str_has_prefix (export->err, prefix));
  pm_test_remove_temp (file);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_busy_plan),     cmocka_unit_test (test_busy_check),
    cmocka_unit_test (test_busy_bad),      cmocka_unit_test (test_ics_plan),
    cmocka_unit_test (test_ics_bad_epoch), cmocka_unit_test (test_export),
    cmocka_unit_test (test_export_golden), cmocka_unit_test (test_export_benchmark),
    cmocka_unit_test (test_export_usage),  cmocka_unit_test (test_export_invalid),
    cmocka_unit_test (test_ics_unsafe_id), cmocka_unit_test (test_ics_cannot_create),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
