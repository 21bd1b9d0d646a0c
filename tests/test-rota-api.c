/* peermatch tests: the public rota API: problems, rotas, violations, the planner and the
 * reader of rotas.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Fixtures (tests/data, the tests run there): rota-api.ini, two weeks from Monday
 * 2026-12-07 with shifts day (08:00) and night (20:00), each needing one person a day
 * ("all"), and a trim-skilled night on weekends ("trim"); four supporters S1 (trim) to S4,
 * always available. Optional tables: rota-api-leave.csv (S4 on leave days 0-2),
 * rota-api-limits.csv (S4 must work 8000 minutes: out of reach of 8 shifts of 720) and
 * rota-api-prefs.csv. rota-api-bench.txt is a one-week benchmark instance.
 * Diagnostics are golden files (PM_UPDATE_GOLDEN=1 rewrites them). */
#include "pm-test-network.h"
#include "pm-rota-api-private.h"
#include "pm-rota-explain-private.h"

#include <glib/gstdio.h>
#include <string.h>

#define N_DAYS 14
#define N_PEOPLE 4

static PmNetwork *
network_new (void)
{
  g_autoptr (PmRegionTree) tree = pm_region_tree_new ();
  g_autoptr (PmPolicy) policy = pm_policy_new ();
  PmNetwork *network;

  assert_true (pm_region_tree_add (tree, "uk", NULL, "UK", NULL));
  network = pm_network_new (tree, policy);
  pm_test_add_rota_supporter (network, "fire", "S1", "trim");
  pm_test_add_rota_supporter (network, "fire", "S2", NULL);
  pm_test_add_rota_supporter (network, "fire", "S3", NULL);
  pm_test_add_rota_supporter (network, "fire", "S4", NULL);
  return network;
}

static int
setup (void **state)
{
  *state = network_new ();
  return g_chdir (PM_TEST_DATA);
}

static int
teardown (void **state)
{
  g_object_unref (*state);
  return 0;
}

static PmRotaProblem *
problem_read (PmNetwork *network, const char *limits, const char *leave, const char *prefs)
{
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  PmRotaProblem *problem = pm_reader_read_rota_problem (network, "rota-api.ini", limits, leave,
                                                        prefs, diagnostics, &error);

  assert_null (error);
  assert_non_null (problem);
  assert_int_equal (pm_diagnostics_get_n_items (diagnostics), 0);
  return problem;
}

static PmRotaProblem *
bench_read (void)
{
  g_autoptr (GError) error = NULL;
  PmRotaProblem *problem = pm_reader_read_benchmark ("rota-api-bench.txt", NULL, &error);

  assert_null (error);
  assert_non_null (problem);
  return problem;
}

static void
set (PmRota *rota, guint person, guint day, const char *shift)
{
  g_autoptr (GError) error = NULL;

  assert_true (pm_rota_set_shift (rota, person, day, shift, &error));
  assert_null (error);
}

/* ---- problems */

static void
test_problem_getters (void **state)
{
  g_autoptr (PmRotaProblem) problem = problem_read (*state, NULL, NULL, NULL);
  GDate first;
  char buf[11];

  assert_string_equal (pm_rota_problem_get_name (problem), "Test rota");
  assert_string_equal (pm_rota_problem_get_timezone (problem), "Europe/London");
  pm_rota_problem_get_first_day (problem, &first);
  assert_string_equal (pm_date_format (&first, buf), "2026-12-07");
  assert_int_equal (pm_rota_problem_get_n_days (problem), N_DAYS);
  assert_int_equal (pm_rota_problem_get_n_people (problem), N_PEOPLE);
  assert_string_equal (pm_rota_problem_get_person_id (problem, 0), "S1");
  assert_string_equal (pm_rota_problem_get_person_id (problem, 3), "S4");
  assert_int_equal (pm_rota_problem_find_person (problem, "S3"), 2);
  assert_int_equal (pm_rota_problem_find_person (problem, "s3"), -1);
  assert_int_equal (pm_rota_problem_find_person (problem, "S9"), -1);
  assert_int_equal (pm_rota_problem_get_n_shifts (problem), 2);
  assert_string_equal (pm_rota_problem_get_shift_id (problem, 0), "day");
  assert_string_equal (pm_rota_problem_get_shift_id (problem, 1), "night");
  assert_int_equal (pm_rota_problem_find_shift (problem, "night"), 1);
  assert_int_equal (pm_rota_problem_find_shift (problem, "late"), -1);
}

static void
test_problem_benchmark (void **state)
{
  g_autoptr (PmRotaProblem) problem = bench_read ();
  GDate first;
  char buf[11];

  (void)state;
  assert_string_equal (pm_rota_problem_get_name (problem), "rota-api-bench.txt");
  assert_null (pm_rota_problem_get_timezone (problem));
  pm_rota_problem_get_first_day (problem, &first);
  assert_string_equal (pm_date_format (&first, buf), "2024-01-01");
  assert_int_equal (pm_rota_problem_get_n_days (problem), 7);
  assert_int_equal (pm_rota_problem_get_n_people (problem), 3);
  assert_string_equal (pm_rota_problem_get_person_id (problem, 2), "C");
  assert_int_equal (pm_rota_problem_get_n_shifts (problem), 2);
  assert_string_equal (pm_rota_problem_get_shift_id (problem, 1), "L");
  assert_int_equal (pm_rota_problem_find_shift (problem, "E"), 0);
}

static void
test_problem_errors (void **state)
{
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  PmRotaProblem *problem;

  problem = pm_reader_read_rota_problem (*state, "rota-api-missing.ini", NULL, NULL, NULL,
                                         diagnostics, &error);
  assert_null (problem);
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_OPEN));
  g_clear_error (&error);
  /* The rota.ini reader's own errors come through unchanged. */
  problem
      = pm_reader_read_rota_problem (*state, "rota-bad.ini", NULL, NULL, NULL, diagnostics, &error);
  assert_null (problem);
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  assert_true (g_str_has_prefix (error->message, "rota-bad.ini:"));
  g_clear_error (&error);
  problem = pm_reader_read_benchmark ("nrp-bad-values.txt", NULL, &error);
  assert_null (problem);
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  assert_true (g_str_has_prefix (error->message, "nrp-bad-values.txt:"));
}

/* ---- rotas */

static void
test_rota_set_get (void **state)
{
  g_autoptr (PmRotaProblem) problem = problem_read (*state, NULL, NULL, NULL);
  g_autoptr (PmRota) rota = pm_rota_new (problem);
  g_autoptr (GError) error = NULL;

  assert_ptr_equal (pm_rota_get_problem (rota), problem);
  for (guint p = 0; p < N_PEOPLE; p++)
    for (guint d = 0; d < N_DAYS; d++)
      assert_null (pm_rota_get_shift (rota, p, d));
  set (rota, 1, 3, "night");
  assert_string_equal (pm_rota_get_shift (rota, 1, 3), "night");
  set (rota, 1, 3, "day");
  assert_string_equal (pm_rota_get_shift (rota, 1, 3), "day");
  assert_false (pm_rota_set_shift (rota, 1, 3, "Day", &error));
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_NOT_FOUND));
  assert_string_equal (pm_rota_get_shift (rota, 1, 3), "day");
  set (rota, 1, 3, NULL);
  assert_null (pm_rota_get_shift (rota, 1, 3));
  assert_int_equal (pm_rota_get_cells (rota)[1 * N_DAYS + 3], PM_ROTA_OFF);
}

/* The rota's cost and violations are the checker's, and follow every change. */
static void
assert_matches_checker (PmRota *rota)
{
  const PmRotaModel *model = pm_rota_problem_get_model (pm_rota_get_problem (rota));
  g_autoptr (GPtrArray) expected = NULL;
  PmRotaCost cost;
  guint n = pm_rota_check (model, pm_rota_get_cells (rota), &cost, &expected);

  assert_int_equal (pm_rota_get_objective (rota), cost.objective);
  assert_int_equal (pm_rota_get_cost (rota, PM_ROTA_COST_UNDER), cost.under);
  assert_int_equal (pm_rota_get_cost (rota, PM_ROTA_COST_OVER), cost.over);
  assert_int_equal (pm_rota_get_cost (rota, PM_ROTA_COST_REQUESTS), cost.requests);
  assert_int_equal (pm_rota_get_n_violations (rota), n);
  assert_int_equal (pm_rota_is_valid (rota), n == 0);
  for (guint i = 0; i < n; i++)
    {
      const PmRotaViolation *want = g_ptr_array_index (expected, i);
      const PmRotaViolation *got = pm_rota_get_violation (rota, i);

      assert_int_equal (pm_rota_violation_get_rule (got), want->rule);
      assert_string_equal (pm_rota_violation_get_person_id (got), want->person_id);
      assert_int_equal (pm_rota_violation_get_day (got), want->day);
      assert_true (g_str_has_prefix (pm_rota_violation_get_message (got), want->message));
    }
}

static void
test_rota_lazy_cost (void **state)
{
  g_autoptr (PmRotaProblem) problem = problem_read (*state, NULL, NULL, "rota-api-prefs.csv");
  g_autoptr (PmRota) rota = pm_rota_new (problem);

  /* Nobody on: 28 shifts of "all" and 4 weekend nights of "trim" missing, S1's on-request
   * (weight 3) not granted. */
  assert_int_equal (pm_rota_get_cost (rota, PM_ROTA_COST_UNDER), 28 * 100 + 4 * 50);
  assert_int_equal (pm_rota_get_cost (rota, PM_ROTA_COST_OVER), 0);
  assert_int_equal (pm_rota_get_cost (rota, PM_ROTA_COST_REQUESTS), 3);
  assert_int_equal (pm_rota_get_objective (rota), 2800 + 200 + 3);
  assert_true (pm_rota_is_valid (rota));
  assert_matches_checker (rota);
  set (rota, 0, 1, "day"); /* S1's request granted, one day covered */
  assert_int_equal (pm_rota_get_objective (rota), 2700 + 200);
  set (rota, 1, 1, "day"); /* over by one */
  assert_int_equal (pm_rota_get_cost (rota, PM_ROTA_COST_OVER), 1);
  set (rota, 1, 5, "night"); /* Saturday: S2 is no trim; S2 asked not to work it */
  assert_int_equal (pm_rota_get_cost (rota, PM_ROTA_COST_REQUESTS), 2);
  assert_int_equal (pm_rota_get_cost (rota, PM_ROTA_COST_UNDER), 2600 + 200);
  assert_matches_checker (rota);
}

static void
test_rota_violations (void **state)
{
  g_autoptr (PmRotaProblem) problem = problem_read (*state, NULL, "rota-api-leave.csv", NULL);
  g_autoptr (PmRota) rota = pm_rota_new (problem);
  const PmRotaViolation *v;

  for (guint d = 0; d < 4; d++)
    set (rota, 1, d, "day"); /* 4 in a row, at most 3 */
  set (rota, 2, 5, "night");
  set (rota, 2, 6, "day"); /* night then day: 0 minutes' rest */
  set (rota, 3, 1, "day"); /* on leave */
  assert_int_equal (pm_rota_get_n_violations (rota), 3);
  assert_matches_checker (rota);
  v = pm_rota_get_violation (rota, 0);
  assert_ptr_equal (pm_rota_get_violation (rota, 0), v); /* kept until the rota changes */
  assert_int_equal (pm_rota_violation_get_rule (v), PM_ROTA_RULE_MAX_CONSECUTIVE);
  assert_string_equal (pm_rota_violation_get_person_id (v), "S2");
  assert_int_equal (pm_rota_violation_get_day (v), 0);
  v = pm_rota_get_violation (rota, 1);
  assert_int_equal (pm_rota_violation_get_rule (v), PM_ROTA_RULE_SUCCESSION);
  assert_int_equal (pm_rota_violation_get_day (v), 5);
  v = pm_rota_get_violation (rota, 2);
  assert_int_equal (pm_rota_violation_get_rule (v), PM_ROTA_RULE_DAY_OFF);
  assert_string_equal (pm_rota_violation_get_person_id (v), "S4");
  /* Fixing them makes the rota valid again. */
  set (rota, 1, 3, NULL);
  set (rota, 2, 6, NULL);
  set (rota, 3, 1, NULL);
  assert_true (pm_rota_is_valid (rota));
  assert_matches_checker (rota);
}

static void
test_violation_boxed (void **state)
{
  g_autoptr (PmRotaProblem) problem = problem_read (*state, NULL, NULL, NULL);
  g_autoptr (PmRota) rota = pm_rota_new (problem);
  g_autoptr (PmRotaViolation) copy = NULL;
  const PmRotaViolation *v;

  set (rota, 2, 5, "night");
  set (rota, 2, 6, "day");
  v = pm_rota_get_violation (rota, 0);
  copy = pm_rota_violation_copy (v);
  set (rota, 2, 6, NULL); /* the borrowed one is gone now; the copy stays */
  assert_int_equal (pm_rota_violation_get_rule (copy), PM_ROTA_RULE_SUCCESSION);
  assert_string_equal (pm_rota_violation_get_person_id (copy), "S3");
  assert_int_equal (pm_rota_violation_get_day (copy), 5);
  assert_string_equal (
      pm_rota_violation_get_message (copy),
      "S3: night on 2026-12-12 then day on 2026-12-13 (0 minutes' rest, at least 660)");
  assert_true (G_TYPE_IS_BOXED (PM_TYPE_ROTA_VIOLATION));
  assert_string_equal (pm_rota_rule_to_string (PM_ROTA_RULE_ONE_PER_DAY), "one_per_day");
  assert_string_equal (pm_rota_rule_to_string (PM_ROTA_RULE_NOT_ALLOWED), "not_allowed");
  assert_string_equal (pm_rota_cost_part_to_string (PM_ROTA_COST_UNDER), "under");
  assert_string_equal (pm_rota_cost_part_to_string (PM_ROTA_COST_OVER), "over");
  assert_string_equal (pm_rota_cost_part_to_string (PM_ROTA_COST_REQUESTS), "requests");
}

/* A rule no rota can meet for a person gets its static cause, looked up once. */
static void
test_violation_explained (void **state)
{
  g_autoptr (PmRotaProblem) problem
      = problem_read (*state, "rota-api-limits.csv", "rota-api-leave.csv", NULL);
  const PmRotaModel *model = pm_rota_problem_get_model (problem);
  g_autoptr (PmRota) rota = pm_rota_new (problem);
  g_autofree char *cause = pm_rota_explain (model, 3, PM_ROTA_RULE_MIN_MINUTES);
  g_autofree char *expected = NULL;
  const PmRotaViolation *v;

  assert_non_null (cause);
  expected = g_strdup_printf ("S4: 0 minutes (at least 8000): %s", cause);
  assert_int_equal (pm_rota_get_n_violations (rota), 1);
  v = pm_rota_get_violation (rota, 0);
  assert_int_equal (pm_rota_violation_get_rule (v), PM_ROTA_RULE_MIN_MINUTES);
  assert_int_equal (pm_rota_violation_get_day (v), -1);
  assert_string_equal (pm_rota_violation_get_message (v), expected);
  /* A rule with no static cause keeps the checker's message. */
  set (rota, 1, 5, "night");
  set (rota, 1, 6, "day");
  v = pm_rota_get_violation (rota, 0);
  assert_string_equal (
      pm_rota_violation_get_message (v),
      "S2: night on 2026-12-12 then day on 2026-12-13 (0 minutes' rest, at least 660)");
}

/* ---- the planner */

static char *
plan_csv (PmRotaProblem *problem, guint64 seed)
{
  g_autoptr (PmRotaPlanner) planner = pm_rota_planner_new (problem);
  g_autoptr (PmRota) rota = NULL;
  g_autoptr (GError) error = NULL;

  pm_rota_planner_set_seed (planner, seed);
  rota = pm_rota_planner_plan (planner, NULL, &error);
  assert_null (error);
  assert_non_null (rota);
  return pm_rota_to_data (rota, PM_FORMAT_CSV, NULL);
}

static void
test_planner_defaults (void **state)
{
  g_autoptr (PmRotaProblem) problem = problem_read (*state, NULL, NULL, NULL);
  g_autoptr (PmRotaPlanner) planner = pm_rota_planner_new (problem);

  assert_ptr_equal (pm_rota_planner_get_problem (planner), problem);
  assert_int_equal (pm_rota_planner_get_seed (planner), 1);
  assert_true (pm_rota_planner_get_time_limit (planner) == 0);
  pm_rota_planner_set_seed (planner, G_MAXUINT64);
  assert_true (pm_rota_planner_get_seed (planner) == G_MAXUINT64);
  pm_rota_planner_set_time_limit (planner, 2.5);
  assert_true (pm_rota_planner_get_time_limit (planner) == 2.5);
}

static void
test_planner_deterministic (void **state)
{
  g_autoptr (PmRotaProblem) problem = problem_read (*state, NULL, NULL, "rota-api-prefs.csv");
  g_autofree char *first = plan_csv (problem, 7);
  g_autofree char *again = plan_csv (problem, 7);
  gboolean differs = FALSE;

  assert_string_equal (first, again);
  for (guint64 seed = 1; seed <= 6 && !differs; seed++)
    {
      g_autofree char *other = plan_csv (problem, seed);

      differs = strcmp (other, first) != 0;
    }
  assert_true (differs);
}

typedef struct
{
  guint calls;
  gint64 last_objective;
  gint64 last_penalty;
  GCancellable *cancel; /* nullable: cancelled at the first report */
} Progress;

static void
on_progress (PmRotaPlanner *planner, gint64 objective, gint64 penalty, gpointer data)
{
  Progress *p = data;

  (void)planner;
  p->calls++;
  p->last_objective = objective;
  p->last_penalty = penalty;
  if (p->cancel != NULL)
    g_cancellable_cancel (p->cancel);
}

/* The fixture has valid rotas; the plan is one, and the last report describes it. */
static void
test_planner_valid_progress (void **state)
{
  g_autoptr (PmRotaProblem) problem
      = problem_read (*state, NULL, "rota-api-leave.csv", "rota-api-prefs.csv");
  g_autoptr (PmRotaPlanner) planner = pm_rota_planner_new (problem);
  g_autoptr (PmRota) rota = NULL;
  g_autoptr (GError) error = NULL;
  Progress progress = { 0 };

  g_signal_connect (planner, "progress", G_CALLBACK (on_progress), &progress);
  rota = pm_rota_planner_plan (planner, NULL, &error);
  assert_null (error);
  assert_true (pm_rota_is_valid (rota));
  assert_true (progress.calls >= 2);
  assert_int_equal (progress.last_penalty, 0);
  assert_int_equal (progress.last_objective, pm_rota_get_objective (rota));
  /* Every shift of "all" can be covered: only the two trim nights a lone trim-skilled
   * person cannot both work (one weekend each) may stay open, and no request matters more. */
  assert_true (pm_rota_get_cost (rota, PM_ROTA_COST_UNDER) <= 2 * 50);
}

static void
test_planner_time_limit (void **state)
{
  g_autoptr (PmRotaProblem) problem = problem_read (*state, NULL, NULL, NULL);
  g_autoptr (PmRotaPlanner) planner = pm_rota_planner_new (problem);
  g_autoptr (PmRota) rota = NULL;
  g_autoptr (GError) error = NULL;

  pm_rota_planner_set_time_limit (planner, 0.2);
  rota = pm_rota_planner_plan (planner, NULL, &error);
  assert_null (error);
  assert_true (pm_rota_is_valid (rota));
}

static void
test_planner_cancelled (void **state)
{
  g_autoptr (PmRotaProblem) problem = problem_read (*state, NULL, NULL, NULL);
  g_autoptr (PmRotaPlanner) planner = pm_rota_planner_new (problem);
  g_autoptr (GCancellable) before = g_cancellable_new ();
  g_autoptr (GCancellable) during = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  Progress progress = { 0 };
  PmRota *rota;

  g_cancellable_cancel (before);
  rota = pm_rota_planner_plan (planner, before, &error);
  assert_null (rota);
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&error);
  progress.cancel = during;
  g_signal_connect (planner, "progress", G_CALLBACK (on_progress), &progress);
  rota = pm_rota_planner_plan (planner, during, &error);
  assert_null (rota);
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  assert_true (progress.calls >= 1);
}

/* ---- reading rotas back */

static PmRota *
read_rota (PmRotaProblem *problem, const char *path, PmDiagnostics *diagnostics)
{
  g_autoptr (GError) error = NULL;
  PmRota *rota = pm_reader_read_rota (problem, path, diagnostics, &error);

  assert_null (error);
  assert_non_null (rota);
  return rota;
}

/* to_data → read → the same rota, hence the same bytes, in both formats. */
static void
test_read_round_trip (void **state)
{
  g_autoptr (PmRotaProblem) problem = problem_read (*state, NULL, "rota-api-leave.csv", NULL);
  g_autoptr (PmRotaPlanner) planner = pm_rota_planner_new (problem);
  g_autoptr (PmRota) rota = pm_rota_planner_plan (planner, NULL, NULL);
  PmFormat formats[] = { PM_FORMAT_JSON, PM_FORMAT_CSV };
  const char *names[] = { "plan.json", "plan.txt" }; /* JSON is told by its content */

  set (rota, 3, 0, "day"); /* on leave: the violation goes through too */
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
      g_autofree char *data = pm_rota_to_data (rota, formats[f], NULL);
      g_autofree char *path = pm_test_write_temp (names[f], data);
      g_autoptr (PmRota) back = read_rota (problem, path, diagnostics);
      g_autofree char *again = pm_rota_to_data (back, formats[f], NULL);

      pm_test_remove_temp (path);
      assert_int_equal (pm_diagnostics_get_n_items (diagnostics), 0);
      assert_string_equal (again, data);
      assert_int_equal (memcmp (pm_rota_get_cells (back), pm_rota_get_cells (rota),
                                N_PEOPLE * N_DAYS * sizeof (int)),
                        0);
      assert_false (pm_rota_is_valid (back));
    }
}

/* A BOM, CRLF, blanks and an extra column (a warning) in CSV; a JSON object whose other
 * members are ignored, with "day" optional. */
static void
test_read_tolerant (void **state)
{
  g_autoptr (PmRotaProblem) problem = problem_read (*state, NULL, NULL, NULL);
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autofree char *csv
      = pm_test_write_temp ("r.csv", "\xEF\xBB\xBF"
                                     "date, shift ,person,note\r\n2026-12-08,night,S2,swap\r\n"
                                     "\r\n 2026-12-20 ,day, S1 ,\r\n");
  g_autofree char *json = pm_test_write_temp (
      "r.json", "\xEF\xBB\xBF  {\"objective\": 5, \"uncovered\": [{\"day\": 99}],\n"
                "\"assignments\": [\n {\"date\": \"2026-12-08\", \"shift\": \"night\", "
                "\"person\": \"S2\", \"day\": 1},\n {\"person\": \"S1\", \"shift\": \"day\", "
                "\"date\": \"2026-12-20\"}], \"people\": []}\n");
  g_autoptr (PmRota) from_csv = read_rota (problem, csv, diagnostics);
  g_autoptr (PmRota) from_json = read_rota (problem, json, NULL);
  g_autofree char *got = pm_test_format_diagnostics (diagnostics);
  g_autofree char *expected = g_strdup_printf ("%s:1: warning: unknown column 'note' ignored "
                                               "[note]\n",
                                               csv);

  pm_test_remove_temp (csv);
  pm_test_remove_temp (json);
  assert_string_equal (got, expected);
  for (PmRota **r = (PmRota *[]){ from_csv, from_json, NULL }; *r != NULL; r++)
    {
      assert_string_equal (pm_rota_get_shift (*r, 1, 1), "night");
      assert_string_equal (pm_rota_get_shift (*r, 0, 13), "day");
      assert_null (pm_rota_get_shift (*r, 0, 12));
      assert_true (pm_rota_is_valid (*r));
    }
}

static void
assert_read_fails (PmRotaProblem *problem, const char *path, const char *golden,
                   const char *message)
{
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  PmRota *rota = pm_reader_read_rota (problem, path, diagnostics, &error);

  assert_null (rota);
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  assert_string_equal (error->message, message);
  pm_test_assert_diagnostics (diagnostics, golden);
}

static void
test_read_errors (void **state)
{
  g_autoptr (PmRotaProblem) problem = problem_read (*state, NULL, NULL, NULL);
  g_autoptr (GError) error = NULL;

  assert_read_fails (problem, "rota-api-bad.csv", "rota-api-bad-csv.diag",
                     "rota-api-bad.csv:2: person: unknown person 'S9' (and 6 more errors)");
  assert_read_fails (problem, "rota-api-bad.json", "rota-api-bad-json.diag",
                     "rota-api-bad.json:3: day: 2 is not the day of 2026-12-08 (day 1) "
                     "(and 6 more errors)");
  assert_read_fails (problem, "rota-api-bad-syntax.json", "rota-api-bad-syntax.diag",
                     "rota-api-bad-syntax.json:2: invalid JSON: unexpected character `}', "
                     "expected character `,'");
  assert_read_fails (problem, "rota-api-no-assignments.json", "rota-api-no-assignments.diag",
                     "rota-api-no-assignments.json:1: assignments: missing (expected an array "
                     "of {date, shift, person})");
  assert_null (pm_reader_read_rota (problem, "rota-api-none.csv", NULL, &error));
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_OPEN));
}

/* A second shift on a day is a broken rule, not bad input; the same line twice a warning. */
static void
test_read_one_per_day (void **state)
{
  g_autoptr (PmRotaProblem) problem = problem_read (*state, NULL, NULL, NULL);
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (PmRota) rota = read_rota (problem, "rota-api-twice.csv", diagnostics);
  const PmRotaViolation *v;

  pm_test_assert_diagnostics (diagnostics, "rota-api-twice.diag");
  assert_string_equal (pm_rota_get_shift (rota, 1, 2), "day");
  assert_int_equal (pm_rota_get_n_violations (rota), 2);
  v = pm_rota_get_violation (rota, 0);
  assert_int_equal (pm_rota_violation_get_rule (v), PM_ROTA_RULE_ONE_PER_DAY);
  assert_string_equal (pm_rota_violation_get_person_id (v), "S2");
  assert_int_equal (pm_rota_violation_get_day (v), 2);
  assert_string_equal (pm_rota_violation_get_message (v),
                       "S2: two shifts on 2026-12-09 (day and night); only day is counted");
  /* In the checker's order: S2's day-2 one_per_day before S2's day-4 succession. */
  v = pm_rota_get_violation (rota, 1);
  assert_int_equal (pm_rota_violation_get_rule (v), PM_ROTA_RULE_SUCCESSION);
  assert_int_equal (pm_rota_violation_get_day (v), 4);
  /* Deciding that day's shift settles it. */
  set (rota, 1, 2, "night");
  assert_int_equal (pm_rota_get_n_violations (rota), 1);
  assert_int_equal (pm_rota_violation_get_rule (pm_rota_get_violation (rota, 0)),
                    PM_ROTA_RULE_SUCCESSION);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_problem_getters),        cmocka_unit_test (test_problem_benchmark),
    cmocka_unit_test (test_problem_errors),         cmocka_unit_test (test_rota_set_get),
    cmocka_unit_test (test_rota_lazy_cost),         cmocka_unit_test (test_rota_violations),
    cmocka_unit_test (test_violation_boxed),        cmocka_unit_test (test_violation_explained),
    cmocka_unit_test (test_planner_defaults),       cmocka_unit_test (test_planner_deterministic),
    cmocka_unit_test (test_planner_valid_progress), cmocka_unit_test (test_planner_time_limit),
    cmocka_unit_test (test_planner_cancelled),      cmocka_unit_test (test_read_round_trip),
    cmocka_unit_test (test_read_tolerant),          cmocka_unit_test (test_read_errors),
    cmocka_unit_test (test_read_one_per_day),
  };

  return cmocka_run_group_tests (tests, setup, teardown);
}
