/* peermatch tests: `peermatch rota plan` and `rota check` end to end (stdout, stderr, exit
 * status, --output); the calendar options are in test-rota-calendar-cli.c.
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

/* ---- help */

static void
test_help (void **state)
{
  g_autoptr (PmTestRun) top = pm_test_run_cli ("--help");
  g_autoptr (PmTestRun) rota = pm_test_run_cli ("rota", "--help");
  g_autoptr (PmTestRun) help_rota = pm_test_run_cli ("help", "rota");
  g_autoptr (PmTestRun) plan = pm_test_run_cli ("rota", "plan", "--help");
  g_autoptr (PmTestRun) help_plan = pm_test_run_cli ("help", "rota", "plan");
  g_autoptr (PmTestRun) check = pm_test_run_cli ("rota", "check", "--help");
  g_autoptr (PmTestRun) export = pm_test_run_cli ("rota", "export", "--help");
  const char *plan_options[]
      = { "--rota",  "--supporters", "--regions",    "--leave",  "--limits",
          "--prefs", "--benchmark",  "--seed",       "--format", "--output",
          "--busy",  "--ics",        "--time-limit", "--quiet",  "SOURCE_DATE_EPOCH" };
  const char *export_options[]
      = { "--rota", "--supporters", "--regions", "--leave", "--limits",         "--prefs",
          "--busy", "--benchmark",  "--plan",    "--ics",   "SOURCE_DATE_EPOCH" };

  assert_int_equal (top->status, 0);
  assert_non_null (strstr (top->out, "\n  rota "));
  assert_int_equal (rota->status, 0);
  assert_string_equal (rota->err, "");
  assert_non_null (strstr (rota->out, "plan"));
  assert_non_null (strstr (rota->out, "check"));
  assert_non_null (strstr (rota->out, "export"));
  assert_int_equal (help_rota->status, 0);
  assert_string_equal (help_rota->out, rota->out);
  assert_int_equal (plan->status, 0);
  for (guint i = 0; i < G_N_ELEMENTS (plan_options); i++)
    assert_non_null (strstr (plan->out, plan_options[i]));
  assert_int_equal (help_plan->status, 0);
  assert_string_equal (help_plan->out, plan->out);
  assert_int_equal (check->status, 0);
  assert_non_null (strstr (check->out, "--solution"));
  assert_non_null (strstr (check->out, "--busy"));
  assert_null (strstr (check->out, "--seed"));
  assert_null (strstr (check->out, "--ics"));
  assert_int_equal (export->status, 0);
  assert_string_equal (export->err, "");
  for (guint i = 0; i < G_N_ELEMENTS (export_options); i++)
    assert_non_null (strstr (export->out, export_options[i]));
  /* export writes calendars only: no search, no rota output */
  for (guint i = 0; i < 4; i++)
    assert_null (strstr (export->out,
                         (const char *[]){ "--seed", "--format", "--output", "--solution" }[i]));
}

/* ---- usage errors: 64 before any input is read */

static void
test_usage_commands (void **state)
{
  g_autoptr (PmTestRun) none = pm_test_run_cli ("rota");
  g_autoptr (PmTestRun) unknown = pm_test_run_cli ("rota", "frobnicate");
  g_autoptr (PmTestRun) neither
      = pm_test_run_cli ("rota", "plan", "--supporters", pm_test_data ("cli-rota.ini"));
  g_autoptr (PmTestRun) both
      = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_PROBLEM, PM_TEST_ROTA_BENCHMARK);
  g_autoptr (PmTestRun) no_people
      = pm_test_run_cli ("rota", "plan", "--rota", pm_test_data ("cli-rota.ini"));
  g_autoptr (PmTestRun) bench_people
      = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_BENCHMARK, "--supporters",
                         pm_test_data ("cli-rota-supporters.csv"));
  g_autoptr (PmTestRun) no_solution = pm_test_run_cli ("rota", "check", PM_TEST_ROTA_PROBLEM);
  g_autoptr (PmTestRun) check_seed
      = pm_test_run_cli ("rota", "check", PM_TEST_ROTA_BENCHMARK, "--solution",
                         pm_test_data ("cli-rota-solution.csv"), "--seed", "1");
  g_autoptr (PmTestRun) stray = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_BENCHMARK, "extra");

  pm_test_assert_usage_error (none);
  pm_test_assert_usage_error (unknown);
  assert_non_null (strstr (unknown->err, "frobnicate"));
  pm_test_assert_usage_error (neither);
  assert_non_null (strstr (neither->err, "--benchmark"));
  pm_test_assert_usage_error (both);
  pm_test_assert_usage_error (no_people);
  assert_non_null (strstr (no_people->err, "--supporters"));
  pm_test_assert_usage_error (bench_people);
  assert_non_null (strstr (bench_people->err, "--supporters"));
  pm_test_assert_usage_error (no_solution);
  assert_non_null (strstr (no_solution->err, "--solution"));
  pm_test_assert_usage_error (check_seed);
  pm_test_assert_usage_error (stray);
}

/* Bad values are usage errors even when the inputs do not exist: they are found first. */
static void
test_usage_values (void **state)
{
  const char *seeds[] = { "-1", "x", "1.5", "", "18446744073709551616" };
  const char *limits[] = { "0", "-1", "abc", "1e3", "inf", "nan", "0.0", ".", "1.2.3", "" };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr (PmTestRun) run = pm_test_run_cli ("rota", "plan", "--benchmark",
                                                   "/nonexistent/i.txt", "--seed", seeds[i]);

      pm_test_assert_usage_error (run);
      assert_non_null (strstr (run->err, "--seed"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autoptr (PmTestRun) run = pm_test_run_cli ("rota", "plan", "--benchmark",
                                                   "/nonexistent/i.txt", "--time-limit", limits[i]);

      pm_test_assert_usage_error (run);
      assert_non_null (strstr (run->err, "--time-limit"));
    }
  {
    g_autoptr (PmTestRun) run
        = pm_test_run_cli ("rota", "plan", "--benchmark", "/nonexistent/i.txt", "--format", "xml");

    pm_test_assert_usage_error (run);
    assert_non_null (strstr (run->err, "xml"));
  }
}

/* ---- plan's output: the spec's JSON */

static void
assert_members (JsonObject *o, const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (!json_object_has_member (o, names[i]))
      fail_msg ("no member '%s'", names[i]);
}

static void
date_of_day (const char *first, gint64 day, char buf[static 11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, first);
  assert_true (g_date_valid (&date));
  g_date_add_days (&date, (guint)day);
  g_snprintf (buf, 11, "%04u-%02u-%02u", (guint)g_date_get_year (&date),
              (guint)g_date_get_month (&date), (guint)g_date_get_day (&date));
}

/* Sorted by (day, shift id, person id), bytewise; each date is its day's. */
static void
check_assignments (JsonArray *assignments, const char *first_date)
{
  JsonObject *previous = NULL;

  for (guint i = 0; i < json_array_get_length (assignments); i++)
    {
      JsonObject *a = json_array_get_object_element (assignments, i);
      gint64 day = json_object_get_int_member (a, "day");
      char date[11];

      assert_members (a, (const char *[]){ "date", "day", "shift", "person", NULL });
      date_of_day (first_date, day, date);
      assert_string_equal (json_object_get_string_member (a, "date"), date);
      if (previous != NULL)
        {
          gint64 pday = json_object_get_int_member (previous, "day");
          int shift = strcmp (json_object_get_string_member (previous, "shift"),
                              json_object_get_string_member (a, "shift"));
          int person = strcmp (json_object_get_string_member (previous, "person"),
                               json_object_get_string_member (a, "person"));

          assert_true (pday < day || (pday == day && (shift < 0 || (shift == 0 && person < 0))));
        }
      previous = a;
    }
}

/* Checks the shape of plan's JSON; returns the objective. */
static gint64
check_plan_json (JsonNode *root, const char *first_date, gboolean valid)
{
  JsonObject *o = json_node_get_object (root);
  JsonObject *breakdown;
  JsonArray *assignments, *people;
  gint64 objective, shifts = 0;

  assert_members (o, (const char *[]){ "objective", "hard_violations", "breakdown", "assignments",
                                       "uncovered", "people", NULL });
  objective = json_object_get_int_member (o, "objective");
  breakdown = json_object_get_object_member (o, "breakdown");
  assert_int_equal (json_object_get_int_member (breakdown, "under")
                        + json_object_get_int_member (breakdown, "over")
                        + json_object_get_int_member (breakdown, "requests"),
                    objective);
  assert_int_equal (
      json_array_get_length (json_object_get_array_member (o, "hard_violations")) == 0, valid);
  assignments = json_object_get_array_member (o, "assignments");
  check_assignments (assignments, first_date);
  people = json_object_get_array_member (o, "people");
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);

      assert_members (p, (const char *[]){ "person", "shifts", "minutes", "weekends", NULL });
      shifts += json_object_get_int_member (p, "shifts");
    }
  assert_int_equal (shifts, json_array_get_length (assignments));
  for (guint i = 0; i < json_array_get_length (json_object_get_array_member (o, "uncovered")); i++)
    assert_members (
        json_array_get_object_element (json_object_get_array_member (o, "uncovered"), i),
        (const char *[]){ "date", "day", "shift", "group", "need", "assigned", NULL });
  return objective;
}

static void
test_plan_json (void **state)
{
  g_autoptr (PmTestRun) run = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_PROBLEM);
  g_autoptr (JsonNode) root = NULL;

  assert_int_equal (run->status, 0);
  assert_string_equal (run->err, "");
  root = pm_test_parse_json (run->out);
  check_plan_json (root, "2026-12-07", TRUE);
  /* the search covers something: at least one assignment */
  assert_true (json_array_get_length (
                   json_object_get_array_member (json_node_get_object (root), "assignments"))
               > 0);
}

static void
test_plan_benchmark (void **state)
{
  g_autoptr (PmTestRun) run = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_BENCHMARK);
  g_autoptr (PmTestRun) text
      = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_BENCHMARK, "--format", "text");
  g_autoptr (PmTestRun) limited = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_BENCHMARK,
                                                   "--time-limit", "0.3", "--seed", "7", "--quiet");
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) limited_root = NULL;

  assert_int_equal (run->status, 0);
  assert_string_equal (run->err, "");
  root = pm_test_parse_json (run->out);
  /* the benchmark format has no dates: day 0 is Monday 2024-01-01 */
  check_plan_json (root, "2024-01-01", TRUE);
  assert_int_equal (text->status, 0);
  assert_true (strlen (text->out) > 0);
  assert_int_equal (limited->status, 0);
  assert_string_equal (limited->err, "");
  limited_root = pm_test_parse_json (limited->out);
  check_plan_json (limited_root, "2024-01-01", TRUE);
}

/* Same inputs and seed: the same bytes, on standard output and in --output. */
static void
test_plan_deterministic (void **state)
{
  g_autofree char *path = pm_test_temp_path ("rota.json");
  g_autofree char *written = NULL;

  for (guint f = 0; f < 3; f++)
    {
      const char *format = (const char *[]){ "json", "csv", "text" }[f];
      g_autoptr (PmTestRun) a = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_PROBLEM, "--format",
                                                 format, "--seed", "5");
      g_autoptr (PmTestRun) b = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_PROBLEM, "--format",
                                                 format, "--seed", "5");

      assert_int_equal (a->status, 0);
      assert_int_equal (b->status, 0);
      assert_string_equal (a->out, b->out);
    }
  {
    g_autoptr (PmTestRun) plain = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_PROBLEM);
    g_autoptr (PmTestRun) seeded
        = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_PROBLEM, "--seed", "1");
    g_autoptr (PmTestRun) out
        = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_PROBLEM, "--output", path);

    /* the default seed is 1 */
    assert_string_equal (plain->out, seeded->out);
    assert_int_equal (out->status, 0);
    assert_string_equal (out->out, "");
    assert_string_equal (out->err, "");
    written = pm_test_read_file (path, NULL);
    assert_string_equal (written, plain->out);
  }
  pm_test_remove_temp (path);
}

/* ---- check agrees with plan */

static gint64
report_objective (const char *report)
{
  const char *line = g_strrstr (report, "objective ");

  assert_non_null (line);
  assert_true (line == report || line[-1] == '\n');
  return g_ascii_strtoll (line + strlen ("objective "), NULL, 10);
}

static void
check_round_trip (const char *format, const char *basename)
{
  g_autofree char *path = pm_test_temp_path (basename);
  g_autoptr (PmTestRun) json = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_PROBLEM);
  g_autoptr (PmTestRun) planned = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_PROBLEM, "--format",
                                                   format, "--output", path);
  g_autoptr (PmTestRun) text
      = pm_test_run_cli ("rota", "check", PM_TEST_ROTA_PROBLEM, "--solution", path);
  g_autoptr (PmTestRun) again = pm_test_run_cli ("rota", "check", PM_TEST_ROTA_PROBLEM,
                                                 "--solution", path, "--format", "json");
  g_autoptr (JsonNode) root = NULL;
  gint64 objective;

  assert_int_equal (json->status, 0);
  assert_int_equal (planned->status, 0);
  root = pm_test_parse_json (json->out);
  objective = json_object_get_int_member (json_node_get_object (root), "objective");
  assert_int_equal (text->status, 0);
  assert_string_equal (text->err, "");
  /* a valid rota: the objective line alone */
  assert_non_null (strchr (text->out, '\n'));
  assert_string_equal (strchr (text->out, '\n'), "\n");
  assert_int_equal (report_objective (text->out), objective);
  /* check --format json prints what plan prints for that rota */
  assert_int_equal (again->status, 0);
  assert_string_equal (again->out, json->out);
  pm_test_remove_temp (path);
}

static void
test_check_plan_output (void **state)
{
  check_round_trip ("json", "rota.json");
  check_round_trip ("csv", "rota.csv");
}

static void
test_check_benchmark (void **state)
{
  g_autofree char *path = pm_test_temp_path ("bench.json");
  g_autoptr (PmTestRun) planned
      = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_BENCHMARK, "--output", path);
  g_autoptr (PmTestRun) checked = pm_test_run_cli ("rota", "check", PM_TEST_ROTA_BENCHMARK,
                                                   "--solution", path, "--format", "json");
  g_autofree char *written = NULL;

  assert_int_equal (planned->status, 0);
  assert_int_equal (checked->status, 0);
  written = pm_test_read_file (path, NULL);
  assert_string_equal (checked->out, written);
  pm_test_remove_temp (path);
}

/* A hand-written rota (cli-rota-solution.csv) against cli-rota.ini with its leave and prefs:
 *   P1 works day shifts 12-07 .. 12-10: four days in a row (max_consecutive 3);
 *   P2 works night 12-12 then day 12-13: 0 minutes' rest (min_rest_minutes 660);
 *   P3 works day 12-15, inside their leave 12-14 .. 12-20;
 *   P4 works night 12-19.
 * Cover "merseyside" (need 1, day and night, 14 days: 28 slots) has 6 day and 2 night slots
 * filled, 20 empty: under 20 × 100 = 2000, over 0. Cover "trim" (need 1, Sat/Sun nights
 * 12-12, 12-13, 12-19, 12-20) is met only on 12-19 by P4 (P2 has no trim skill): under
 * 3 × 50 = 150. Requests: P1's on-request (day 12-07) is granted; P2's off-request (night
 * 12-12, weight 3) is not: 3. Objective 2000 + 150 + 0 + 3 = 2153. */
static void
test_check_golden (void **state)
{
  const char *solution = pm_test_data ("cli-rota-solution.csv");
  g_autofree char *golden = pm_test_data_path ("cli-rota-check.txt");
  g_autoptr (PmTestRun) text
      = pm_test_run_cli ("rota", "check", PM_TEST_ROTA_PROBLEM, "--solution", solution);
  g_autoptr (PmTestRun) json = pm_test_run_cli ("rota", "check", PM_TEST_ROTA_PROBLEM, "--solution",
                                                solution, "--format", "json");
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *expected = NULL;
  JsonObject *o;

  assert_int_equal (text->status, 3);
  assert_string_equal (text->err, "");
  if (g_getenv ("PM_UPDATE_GOLDEN") != NULL)
    assert_true (g_file_set_contents (golden, text->out, -1, NULL));
  expected = pm_test_read_file (golden, NULL);
  assert_string_equal (text->out, expected);
  assert_int_equal (json->status, 3);
  root = pm_test_parse_json (json->out);
  o = json_node_get_object (root);
  check_plan_json (root, "2026-12-07", FALSE);
  assert_int_equal (json_object_get_int_member (o, "objective"), 2153);
  assert_int_equal (json_array_get_length (json_object_get_array_member (o, "hard_violations")), 3);
  assert_int_equal (json_array_get_length (json_object_get_array_member (o, "assignments")), 8);
}

/* ---- a rota that cannot be valid: 3, the rota written all the same, violations on stderr.
 * P3's minimum of 5760 minutes (8 shifts of 720) cannot be reached in the 7 days outside
 * their leave with at most 3 working days in a row and a day off between runs. */

static void
test_plan_infeasible (void **state)
{
  g_autofree char *path = pm_test_temp_path ("rota.json");
  g_autoptr (PmTestRun) run = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_PROBLEM, "--limits",
                                               pm_test_data ("cli-rota-infeasible-limits.csv"));
  g_autoptr (PmTestRun) out
      = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_PROBLEM, "--limits",
                         pm_test_data ("cli-rota-infeasible-limits.csv"), "--output", path);
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *written = NULL;
  g_auto (GStrv) lines = NULL;
  gboolean about_p3 = FALSE;
  guint n;

  assert_int_equal (run->status, 3);
  root = pm_test_parse_json (run->out);
  check_plan_json (root, "2026-12-07", FALSE);
  n = json_array_get_length (
      json_object_get_array_member (json_node_get_object (root), "hard_violations"));
  lines = g_strsplit (run->err, "\n", -1);
  /* one line per violation, and the empty string after the last LF */
  assert_int_equal (g_strv_length (lines), n + 1);
  for (guint i = 0; i < n; i++)
    {
      assert_true (g_str_has_prefix (lines[i], "peermatch: rota plan: "));
      /* `RULE PERSON …`: the search may break another rule of P3's to reach the minimum */
      if (strstr (lines[i], " P3 ") != NULL || strstr (lines[i], " P3: ") != NULL)
        about_p3 = TRUE;
    }
  assert_true (about_p3);
  assert_int_equal (out->status, 3);
  assert_string_equal (out->out, "");
  assert_string_equal (out->err, run->err);
  written = pm_test_read_file (path, NULL);
  assert_string_equal (written, run->out);
  pm_test_remove_temp (path);
}

/* ---- input errors: 66 missing, 65 bad data with FILE:LINE, nothing written */

static void
assert_input_error (PmTestRun *run, int status, const char *path)
{
  g_autofree char *prefix = g_strdup_printf ("peermatch: %s", path);

  assert_int_equal (run->status, status);
  assert_string_equal (run->out, "");
  assert_non_null (strstr (run->err, prefix));
}

static void
test_missing_input (void **state)
{
  const char *nope = "/nonexistent/peermatch/file.csv";
  g_autoptr (PmTestRun) rota
      = pm_test_run_cli ("rota", "plan", "--rota", "/nonexistent/peermatch/rota.ini",
                         "--supporters", pm_test_data ("cli-rota-supporters.csv"));
  g_autoptr (PmTestRun) people = pm_test_run_cli (
      "rota", "plan", "--rota", pm_test_data ("cli-rota.ini"), "--supporters", nope);
  g_autoptr (PmTestRun) leave
      = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_PROBLEM, "--limits", nope);
  g_autoptr (PmTestRun) bench = pm_test_run_cli ("rota", "plan", "--benchmark", nope);
  g_autoptr (PmTestRun) solution
      = pm_test_run_cli ("rota", "check", PM_TEST_ROTA_PROBLEM, "--solution", nope);

  assert_input_error (rota, 66, "/nonexistent/peermatch/rota.ini");
  assert_input_error (people, 66, nope);
  assert_input_error (leave, 66, nope);
  assert_input_error (bench, 66, nope);
  assert_input_error (solution, 66, nope);
}

static void
test_bad_data (void **state)
{
  const char *ini = pm_test_data ("cli-rota-bad.ini");
  const char *bench = pm_test_data ("nrp-bad-values.txt");
  g_autofree char *ini_line = g_strdup_printf ("%s:3:", ini);
  g_autofree char *bench_line = g_strdup_printf ("%s:", bench);
  g_autoptr (PmTestRun) bad_ini = pm_test_run_cli ("rota", "plan", "--rota", ini, "--supporters",
                                                   pm_test_data ("cli-rota-supporters.csv"));
  g_autoptr (PmTestRun) bad_bench = pm_test_run_cli ("rota", "plan", "--benchmark", bench);
  g_autoptr (PmTestRun) bad_people
      = pm_test_run_cli ("rota", "plan", "--rota", pm_test_data ("cli-rota.ini"), "--supporters",
                         pm_test_data ("cli-bad-supporters.csv"));
  g_autoptr (PmTestRun) check_bench = pm_test_run_cli (
      "rota", "check", "--benchmark", bench, "--solution", pm_test_data ("cli-rota-solution.csv"));

  assert_input_error (bad_ini, 65, ini_line);
  assert_input_error (bad_bench, 65, bench_line);
  assert_true (g_ascii_isdigit (bad_bench->err[strlen ("peermatch: ") + strlen (bench_line)]));
  assert_input_error (bad_people, 65, pm_test_data ("cli-bad-supporters.csv"));
  assert_input_error (check_bench, 65, bench_line);
}

/* A solution that does not fit the problem is bad data, named by FILE:LINE. */
static void
test_bad_solution (void **state)
{
  g_autofree char *path = pm_test_write_temp (
      "rota.csv", "date,shift,person\n2026-12-07,day,P1\n2026-12-08,day,NOBODY\n");
  g_autofree char *line = g_strdup_printf ("%s:3:", path);
  g_autoptr (PmTestRun) run
      = pm_test_run_cli ("rota", "check", PM_TEST_ROTA_PROBLEM, "--solution", path);

  assert_input_error (run, 65, line);
  pm_test_remove_temp (path);
}

static void
test_output_on_error (void **state)
{
  const char *before = "precious bytes\r\n\001\n";
  g_autofree char *kept = pm_test_write_temp ("out.json", before);
  g_autofree char *fresh = pm_test_temp_path ("fresh.json");
  g_autofree char *after = NULL;

  for (guint i = 0; i < 2; i++)
    {
      const char *output = i == 0 ? kept : fresh;
      g_autoptr (PmTestRun) missing = pm_test_run_cli ("rota", "plan", "--benchmark",
                                                       "/nonexistent/i.txt", "--output", output);
      g_autoptr (PmTestRun) bad = pm_test_run_cli (
          "rota", "plan", "--benchmark", pm_test_data ("nrp-bad-values.txt"), "--output", output);
      g_autoptr (PmTestRun) usage = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_BENCHMARK,
                                                     "--seed", "-3", "--output", output);
      g_autoptr (PmTestRun) solution
          = pm_test_run_cli ("rota", "check", PM_TEST_ROTA_BENCHMARK, "--solution",
                             "/nonexistent/s.json", "--output", output);

      assert_int_equal (missing->status, 66);
      assert_int_equal (bad->status, 65);
      assert_int_equal (usage->status, 64);
      assert_int_equal (solution->status, 66);
    }
  after = pm_test_read_file (kept, NULL);
  assert_string_equal (after, before);
  assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  pm_test_remove_temp (kept);
  pm_test_remove_temp (fresh);
}

static void
test_output_cannot_create (void **state)
{
  g_autoptr (PmTestRun) run = pm_test_run_cli ("rota", "plan", PM_TEST_ROTA_BENCHMARK, "--output",
                                               "/nonexistent-peermatch-dir/rota.json");

  assert_int_equal (run->status, 73);
  assert_string_equal (run->out, "");
  assert_true (g_str_has_prefix (run->err, "peermatch: /nonexistent-peermatch-dir/rota.json: "));
}

/* ---- progress: only on a terminal, and not with --quiet */

static char *
run_on_terminal (const char *extra)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *script = g_find_program_in_path ("script");
  g_autofree char *inner = NULL;
  g_autofree char *command = NULL;
  char *out = NULL;
  int wait_status = 0;

  if (script == NULL)
    return NULL;
  /* util-linux script(1) runs the command on a new pseudo-terminal */
  inner = g_strdup_printf ("\"$PM_CLI\" rota plan --benchmark %s --output /dev/null %s",
                           pm_test_data ("cli-rota-bench.txt"), extra);
  command = g_strdup_printf ("%s -qec '%s' /dev/null", script, inner);
  if (!g_spawn_command_line_sync (command, &out, NULL, &wait_status, &error))
    return NULL;
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    {
      g_free (out);
      return NULL;
    }
  return out;
}

static void
test_progress (void **state)
{
  g_autofree char *shown = run_on_terminal ("");
  g_autofree char *quiet = NULL;

  if (shown == NULL)
    skip ();
  quiet = run_on_terminal ("--quiet");
  assert_non_null (quiet);
  assert_non_null (strstr (shown, "\rpeermatch: rota plan: "));
  assert_non_null (strstr (shown, " s, best objective "));
  assert_null (strstr (quiet, "best objective"));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_help),
    cmocka_unit_test (test_usage_commands),
    cmocka_unit_test (test_usage_values),
    cmocka_unit_test (test_plan_json),
    cmocka_unit_test (test_plan_benchmark),
    cmocka_unit_test (test_plan_deterministic),
    cmocka_unit_test (test_check_plan_output),
    cmocka_unit_test (test_check_benchmark),
    cmocka_unit_test (test_check_golden),
    cmocka_unit_test (test_plan_infeasible),
    cmocka_unit_test (test_missing_input),
    cmocka_unit_test (test_bad_data),
    cmocka_unit_test (test_bad_solution),
    cmocka_unit_test (test_output_on_error),
    cmocka_unit_test (test_output_cannot_create),
    cmocka_unit_test (test_progress),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
