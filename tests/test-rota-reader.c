/* peermatch tests: the rota.ini reader with its limits, leave and request tables.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The network is built through the API so that each supporter exercises one rule: regions
 *   uk ── merseyside ── liverpool, wirral
 *      └─ cheshire
 * and five supporters (the horizon of tests/data/rota-example.ini is Monday 2026-12-07 to Sunday
 * 2027-01-03, days 0 .. 27, day d a Monday when d % 7 == 0):
 *   S1 liverpool, trim,      Mondays 08:00-20:00           → day shift on Mondays only
 *   S2 wirral,               Mon and Sun 20:00-08:00       → night on Mondays and Sundays
 *      paused until 2026-12-09                             → days 0-2 off
 *   S3 cheshire, trim; mhfa, always, trained until 12-20   → days 14-27 off
 *   S4 liverpool, TRIM,      weekdays 08:00-20:00, trained until 2026-12-01 → every day off
 *   S5 uk,                   always
 * Malformed inputs have golden diagnostics (tests/data/rota-*.diag; the tests run inside
 * tests/data); PM_UPDATE_GOLDEN=1 rewrites them. */
#include "pm-test-util.h"
#include "pm-rota-reader-private.h"
#include "pm-rota-search-private.h"

#include <glib/gstdio.h>
#include <string.h>

#define DAY 0
#define NIGHT 1
#define N_DAYS 28

static void
add_supporter (PmNetwork *network, const char *id, const char *region, const char *skills,
               const char *availability, const char *trained, const char *paused)
{
  g_autoptr (PmSupporter) s = pm_supporter_new (id);
  g_auto (GStrv) skill_list = g_strsplit (skills, ";", -1);
  g_autoptr (PmAvailability) a = pm_availability_new_from_string (availability, NULL);
  g_autoptr (GError) error = NULL;
  GDate date;

  assert_non_null (a);
  pm_supporter_set_name (s, id);
  pm_supporter_set_service (s, "police");
  pm_supporter_set_region (s, region);
  pm_supporter_set_skills (s, (const char *const *)skill_list);
  pm_supporter_set_availability (s, a);
  assert_true (pm_date_parse (trained, &date));
  pm_supporter_set_trained_until (s, &date);
  if (paused != NULL)
    {
      assert_true (pm_date_parse (paused, &date));
      pm_supporter_set_paused_until (s, &date);
    }
  assert_true (pm_network_add_supporter (network, s, &error));
}

static PmNetwork *
network_new (void)
{
  g_autoptr (PmRegionTree) tree = pm_region_tree_new ();
  g_autoptr (PmPolicy) policy = pm_policy_new ();
  PmNetwork *network;

  assert_true (pm_region_tree_add (tree, "uk", NULL, "UK", NULL));
  assert_true (pm_region_tree_add (tree, "merseyside", "uk", "Merseyside", NULL));
  assert_true (pm_region_tree_add (tree, "liverpool", "merseyside", "Liverpool", NULL));
  assert_true (pm_region_tree_add (tree, "wirral", "merseyside", "Wirral", NULL));
  assert_true (pm_region_tree_add (tree, "cheshire", "uk", "Cheshire", NULL));
  network = pm_network_new (tree, policy);
  add_supporter (network, "S1", "liverpool", "trim", "mon 08:00-20:00", "2027-12-31", NULL);
  add_supporter (network, "S2", "wirral", "", "mon 20:00-08:00; sun 20:00-08:00", "2027-12-31",
                 "2026-12-09");
  add_supporter (network, "S3", "cheshire", "trim;mhfa", "daily 00:00-24:00", "2026-12-20", NULL);
  add_supporter (network, "S4", "liverpool", "TRIM", "weekdays 08:00-20:00", "2026-12-01", NULL);
  add_supporter (network, "S5", "uk", "", "daily 00:00-24:00", "2027-06-30", NULL);
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

static PmRotaModel *
read_ok (PmNetwork *network, const char *limits, const char *leave, const char *prefs)
{
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  PmRotaModel *model
      = pm_rota_read (network, "rota-example.ini", limits, leave, prefs, diagnostics, &error);

  assert_null (error);
  assert_non_null (model);
  assert_int_equal (pm_diagnostics_get_n_items (diagnostics), 0);
  return model;
}

static void
assert_member (const PmRotaCover *cover, const char *expected)
{
  for (int p = 0; p < 5; p++)
    assert_int_equal (cover->member[p], expected[p] - '0');
}

/* ---- the spec's example */

static void
test_example_shifts (void **state)
{
  g_autoptr (PmRotaModel) model = read_ok (*state, NULL, NULL, NULL);
  char buf[11];

  assert_string_equal (model->name, "Merseyside peer support on-call");
  assert_string_equal (model->timezone, "Europe/London");
  assert_string_equal (pm_date_format (&model->first_day, buf), "2026-12-07");
  assert_int_equal (model->n_days, N_DAYS);
  assert_int_equal (model->n_weekends, 4);
  assert_int_equal (PM_ROTA_N_SHIFTS (model), 2);
  assert_string_equal (PM_ROTA_SHIFT (model, DAY)->id, "day");
  assert_int_equal (PM_ROTA_SHIFT (model, DAY)->start_minute, 8 * 60);
  assert_int_equal (PM_ROTA_SHIFT (model, DAY)->minutes, 720);
  assert_string_equal (PM_ROTA_SHIFT (model, NIGHT)->id, "night");
  assert_int_equal (PM_ROTA_SHIFT (model, NIGHT)->start_minute, 20 * 60);
  assert_int_equal (PM_ROTA_SHIFT (model, NIGHT)->max_per_person, PM_ROTA_UNLIMITED);
  /* Rest with min_rest_minutes=660: day→day 720, day→night 1440, night→night 720, and
   * night→day 0 (the night ends at 08:00 as the day starts): only night→day is forbidden. */
  assert_int_equal (model->min_rest_minutes, 660);
  assert_int_equal (model->forbidden[DAY * 2 + DAY], 0);
  assert_int_equal (model->forbidden[DAY * 2 + NIGHT], 0);
  assert_int_equal (model->forbidden[NIGHT * 2 + DAY], 1);
  assert_int_equal (model->forbidden[NIGHT * 2 + NIGHT], 0);
  assert_int_equal (model->requests->len, 0);
}

static void
test_example_covers (void **state)
{
  g_autoptr (PmRotaModel) model = read_ok (*state, NULL, NULL, NULL);

  /* Per day: (day, merseyside), (night, merseyside), (night, merseyside-trim). */
  assert_int_equal (model->covers->len, 3 * N_DAYS);
  for (int d = 0; d < N_DAYS; d++)
    {
      const PmRotaCover *day = PM_ROTA_COVER (model, 3 * d);
      const PmRotaCover *night = PM_ROTA_COVER (model, 3 * d + 1);
      const PmRotaCover *trim = PM_ROTA_COVER (model, 3 * d + 2);

      assert_string_equal (day->name, "merseyside");
      assert_int_equal (day->day, d);
      assert_int_equal (day->shift, DAY);
      assert_int_equal (day->need, 2);
      assert_int_equal (day->under_weight, 100);
      assert_int_equal (day->over_weight, 1);
      assert_member (day, "11010"); /* the subtree, not cheshire or the root */
      assert_string_equal (night->name, "merseyside");
      assert_int_equal (night->day, d);
      assert_int_equal (night->shift, NIGHT);
      assert_member (night, "11010");
      assert_string_equal (trim->name, "merseyside-trim");
      assert_int_equal (trim->day, d);
      assert_int_equal (trim->shift, NIGHT);
      assert_int_equal (trim->need, 1);
      assert_int_equal (trim->under_weight, 50);
      assert_int_equal (trim->over_weight, 0);
      assert_member (trim, "10010"); /* S3 has trim but lives in cheshire; S4 wrote TRIM */
    }
}

static void
test_example_people (void **state)
{
  g_autoptr (PmRotaModel) model = read_ok (*state, NULL, NULL, NULL);
  static const char *const ids[] = { "S1", "S2", "S3", "S4", "S5" };

  assert_int_equal (PM_ROTA_N_PEOPLE (model), 5);
  for (int p = 0; p < 5; p++)
    {
      const PmRotaPerson *person = PM_ROTA_PERSON (model, p);

      assert_string_equal (person->id, ids[p]);
      assert_string_equal (person->name, ids[p]);
      assert_int_equal (person->max_shifts, 10);
      assert_int_equal (person->max_minutes, 7200);
      assert_int_equal (person->min_minutes, 0);
      assert_int_equal (person->max_consecutive, 3);
      assert_int_equal (person->min_consecutive, 1);
      assert_int_equal (person->min_days_off, 1);
      assert_int_equal (person->max_weekends, 2);
      assert_int_equal (person->max_per_shift[DAY], PM_ROTA_UNLIMITED);
      assert_int_equal (person->max_per_shift[NIGHT], PM_ROTA_UNLIMITED);
    }
  for (int d = 0; d < N_DAYS; d++)
    {
      assert_int_equal (PM_ROTA_PERSON (model, 0)->day_off[d], 0);
      assert_int_equal (PM_ROTA_PERSON (model, 1)->day_off[d], d <= 2);  /* paused to 12-09 */
      assert_int_equal (PM_ROTA_PERSON (model, 2)->day_off[d], d >= 14); /* trained to 12-20 */
      assert_int_equal (PM_ROTA_PERSON (model, 3)->day_off[d], 1);       /* training lapsed */
      assert_int_equal (PM_ROTA_PERSON (model, 4)->day_off[d], 0);
    }
}

/* The weekly wall-clock grid: a night belongs to the day it starts on and needs the next
 * morning too; Sunday's night runs into Monday. */
static void
test_example_allowed (void **state)
{
  g_autoptr (PmRotaModel) model = read_ok (*state, NULL, NULL, NULL);

  for (int d = 0; d < N_DAYS; d++)
    {
      int weekday = d % 7; /* Monday 0 */
      gboolean monday = weekday == 0, sunday = weekday == 6;

      assert_int_equal (PM_ROTA_PERSON (model, 0)->allowed[d * 2 + DAY], monday);
      assert_int_equal (PM_ROTA_PERSON (model, 0)->allowed[d * 2 + NIGHT], 0);
      assert_int_equal (PM_ROTA_PERSON (model, 1)->allowed[d * 2 + DAY], 0);
      assert_int_equal (PM_ROTA_PERSON (model, 1)->allowed[d * 2 + NIGHT], monday || sunday);
      assert_int_equal (PM_ROTA_PERSON (model, 2)->allowed[d * 2 + DAY], 1);
      assert_int_equal (PM_ROTA_PERSON (model, 2)->allowed[d * 2 + NIGHT], 1);
      assert_int_equal (PM_ROTA_PERSON (model, 3)->allowed[d * 2 + DAY], weekday < 5);
      assert_int_equal (PM_ROTA_PERSON (model, 3)->allowed[d * 2 + NIGHT], 0);
      assert_int_equal (PM_ROTA_PERSON (model, 4)->allowed[d * 2 + NIGHT], 1);
    }
}

/* ---- the tables */

static void
check_limits (const PmRotaModel *model)
{
  const PmRotaPerson *s1 = PM_ROTA_PERSON (model, 0);
  const PmRotaPerson *s2 = PM_ROTA_PERSON (model, 1);
  const PmRotaPerson *s3 = PM_ROTA_PERSON (model, 2);

  assert_int_equal (s1->max_shifts, 5);
  assert_int_equal (s1->min_consecutive, 2);
  assert_int_equal (s1->max_minutes, 7200); /* empty cells keep the rules */
  assert_int_equal (s1->max_weekends, 2);
  assert_int_equal (s2->max_shifts, 10);
  assert_int_equal (s2->min_consecutive, 1);
  assert_int_equal (s3->max_shifts, 10);
  assert_int_equal (s3->max_minutes, 3600);
  assert_int_equal (s3->min_minutes, 720);
  assert_int_equal (s3->max_weekends, 0);
  assert_int_equal (s3->max_consecutive, 3);
}

static void
test_limits (void **state)
{
  g_autoptr (PmRotaModel) csv = read_ok (*state, "rota-limits.csv", NULL, NULL);
  g_autoptr (PmRotaModel) json = read_ok (*state, "rota-limits.json", NULL, NULL);

  check_limits (csv);
  check_limits (json);
}

static void
test_leave (void **state)
{
  g_autoptr (PmRotaModel) model = read_ok (*state, NULL, "rota-leave.csv", NULL);

  /* S1: 12-01..12-08 clipped to days 0-1, 01-02..01-20 clipped to days 26-27; S3's leave
   * lies before the rota and changes nothing. */
  for (int d = 0; d < N_DAYS; d++)
    {
      assert_int_equal (PM_ROTA_PERSON (model, 0)->day_off[d], d <= 1 || d >= 26);
      assert_int_equal (PM_ROTA_PERSON (model, 2)->day_off[d], d >= 14);
    }
}

static void
test_prefs (void **state)
{
  g_autoptr (PmRotaModel) model = read_ok (*state, NULL, NULL, "rota-prefs.csv");
  const PmRotaRequest *r;

  assert_int_equal (model->requests->len, 3);
  r = &g_array_index (model->requests, PmRotaRequest, 0);
  assert_int_equal (r->person, 0);
  assert_int_equal (r->day, 0);
  assert_int_equal (r->shift, DAY);
  assert_int_equal (r->kind, PM_ROTA_REQUEST_ON);
  assert_int_equal (r->weight, 5);
  r = &g_array_index (model->requests, PmRotaRequest, 1);
  assert_int_equal (r->person, 1);
  assert_int_equal (r->day, 18); /* 2026-12-25 */
  assert_int_equal (r->shift, NIGHT);
  assert_int_equal (r->kind, PM_ROTA_REQUEST_OFF);
  assert_int_equal (r->weight, 1); /* empty weight: 1 */
  r = &g_array_index (model->requests, PmRotaRequest, 2);
  assert_int_equal (r->person, 2);
  assert_int_equal (r->day, 27);
  assert_int_equal (r->kind, PM_ROTA_REQUEST_OFF);
  assert_int_equal (r->weight, 2);
}

/* ---- defaults and the day specs, from memory */

static void
test_defaults (void **state)
{
  static const char text[] = "[rota]\nstart=2026-12-06\ndays=8\n\n"
                             "[rules]\nignore_availability=true\n\n"
                             "[shift early]\nstart=06:00\nminutes=480\nmax_per_person=3\n\n"
                             "[shift late]\nstart=14:00\nminutes=600\nnot_followed_by=early\n\n"
                             "[cover weekend]\ndays=weekends\nshifts=late\nneed=1\n\n"
                             "[cover midweek]\nskills=MHFA\ndays=mon, wed;fri\nneed=2\n";
  /* day, shift, group, over the horizon Sunday 12-06 .. Sunday 12-13 */
  static const struct
  {
    int day, shift;
    const char *name, *members;
  } covers[] = {
    { 0, 1, "weekend", "11111" }, { 1, 0, "midweek", "00100" }, { 1, 1, "midweek", "00100" },
    { 3, 0, "midweek", "00100" }, { 3, 1, "midweek", "00100" }, { 5, 0, "midweek", "00100" },
    { 5, 1, "midweek", "00100" }, { 6, 1, "weekend", "11111" }, { 7, 1, "weekend", "11111" },
  };
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRotaModel) model
      = pm_rota_parse_ini (*state, text, sizeof text - 1, "dir/t.ini", diagnostics, &error);

  assert_non_null (model);
  assert_int_equal (pm_diagnostics_get_n_items (diagnostics), 0);
  assert_string_equal (model->name, "t.ini");
  assert_string_equal (model->timezone, "Europe/London");
  assert_int_equal (model->min_rest_minutes, 0);
  /* Only the listed succession: late ends at midnight, 6 hours before early. */
  assert_int_equal (model->forbidden[0 * 2 + 0], 0);
  assert_int_equal (model->forbidden[0 * 2 + 1], 0);
  assert_int_equal (model->forbidden[1 * 2 + 0], 1);
  assert_int_equal (model->forbidden[1 * 2 + 1], 0);
  assert_int_equal (model->covers->len, G_N_ELEMENTS (covers));
  for (guint c = 0; c < G_N_ELEMENTS (covers); c++)
    {
      const PmRotaCover *cover = PM_ROTA_COVER (model, c);

      assert_int_equal (cover->day, covers[c].day);
      assert_int_equal (cover->shift, covers[c].shift);
      assert_string_equal (cover->name, covers[c].name);
      assert_int_equal (cover->under_weight, 100);
      assert_int_equal (cover->over_weight, 0);
      assert_member (cover, covers[c].members);
    }
  for (int p = 0; p < 5; p++)
    {
      const PmRotaPerson *person = PM_ROTA_PERSON (model, p);

      assert_int_equal (person->max_per_shift[0], 3);
      assert_int_equal (person->max_per_shift[1], PM_ROTA_UNLIMITED);
      assert_int_equal (person->max_shifts, PM_ROTA_UNLIMITED);
      assert_int_equal (person->max_weekends, PM_ROTA_UNLIMITED);
      assert_int_equal (person->min_consecutive, 1);
      assert_int_equal (person->min_days_off, 1);
      for (int i = 0; i < 8 * 2; i++) /* ignore_availability */
        assert_int_equal (person->allowed[i], 1);
    }
}

/* ---- malformed inputs */

static char *
check_bad (PmNetwork *network, const char *ini, const char *limits, const char *leave,
           const char *prefs, const char *golden, const char *first_error, guint n_errors)
{
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRotaModel) model
      = pm_rota_read (network, ini, limits, leave, prefs, diagnostics, &error);
  g_autofree char *message = g_strdup_printf ("%s (and %u more errors)", first_error, n_errors - 1);
  g_autofree char *got = pm_test_format_diagnostics (diagnostics);
  g_autofree char *expected = NULL;

  if (g_getenv ("PM_UPDATE_GOLDEN") != NULL)
    assert_true (g_file_set_contents (golden, got, -1, NULL));
  expected = pm_test_read_file (golden, NULL);
  assert_string_equal (got, expected);
  assert_null (model);
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  assert_string_equal (error->message, message);
  assert_int_equal (pm_diagnostics_get_n_errors (diagnostics), n_errors);
  return g_steal_pointer (&got);
}

static void
test_bad_ini (void **state)
{
  g_autofree char *got = check_bad (*state, "rota-bad.ini", NULL, NULL, NULL, "rota-bad.diag",
                                    "rota-bad.ini:5: timezone: 'Europe/Lon don' is not a time "
                                    "zone name such as Europe/London",
                                    14);
  (void)got;
}

static void
test_bad_tables (void **state)
{
  g_autofree char *got = check_bad (
      *state, "rota-example.ini", "rota-bad-limits.csv", "rota-bad-leave.csv", "rota-bad-prefs.csv",
      "rota-bad-tables.diag", "rota-bad-limits.csv:2: person: unknown supporter 'S9'", 19);

  /* Requests are personal: nothing typed in the prefs file but ids, dates and shift names
   * reaches a message. */
  assert_null (strstr (got, "tomorrow"));
  assert_null (strstr (got, "maybe"));
  assert_null (strstr (got, "-3"));
  assert_null (strstr (got, "heavy"));
}

static void
test_bad_prefs_json (void **state)
{
  g_autofree char *got
      = check_bad (*state, "rota-example.ini", NULL, NULL, "rota-bad-prefs.json",
                   "rota-bad-prefs-json.diag", "rota-bad-prefs.json:2: kind: must be on or off", 4);

  assert_null (strstr (got, "sometimes"));
  assert_null (strstr (got, "2.5"));
  assert_null (strstr (got, "see notes"));
  assert_null (strstr (got, "lots"));
}

/* Parses @text as `t.ini` and compares the diagnostics, one per line, with @expected. */
static void
check_parse (PmNetwork *network, const char *text, const char *expected)
{
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRotaModel) model
      = pm_rota_parse_ini (network, text, strlen (text), "t.ini", diagnostics, &error);
  g_autofree char *got = pm_test_format_diagnostics (diagnostics);

  assert_string_equal (got, expected);
  assert_null (model);
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
}

#define SHIFT "[shift a]\nstart=00:00\nminutes=60\n"

static void
test_bad_structure (void **state)
{
  check_parse (*state, "[rota]\nstart=2026-12-07\ndays=7\n[shift a\n",
               "t.ini:4: Key file contains line “[shift a” which is not a key-value pair, group, "
               "or comment [-]\n");
  check_parse (*state, SHIFT, "t.ini: missing group [rota] (with start and days) [-]\n");
  check_parse (*state, "[rota]\nstart=2026-12-07\ndays=7\n",
               "t.ini: no [shift ID] group: a rota needs at least one shift type [-]\n");
  check_parse (*state, "[rota]\nname=x\n" SHIFT,
               "t.ini:1: start: a value is required in [rota] [start]\n"
               "t.ini:1: days: a value is required in [rota] [days]\n");
  check_parse (*state, "[rota]\nstart=2026-02-30\ndays=0\n" SHIFT,
               "t.ini:2: start: '2026-02-30' is not a date (YYYY-MM-DD) [start]\n"
               "t.ini:3: days: '0' is out of range (1 to 3660) [days]\n");
  check_parse (*state,
               "[rota]\nstart=2026-12-07\ndays=7\ntimezone=/etc/localtime\n" SHIFT
               "[cover c]\ndays=someday\nneed=1\nshifts=a;b\n[cover  ]\nneed=1\n",
               "t.ini:4: timezone: '/etc/localtime' is not a time zone name such as "
               "Europe/London [timezone]\n"
               "t.ini:9: days: 'someday' is not a list of days (unknown day 'someday') [days]\n"
               "t.ini:11: shifts: unknown shift 'b' [shifts]\n"
               "t.ini:12: [cover  ]: a cover group needs a name [-]\n");
}

static void
test_warnings_only (void **state)
{
  static const char text[] = "[rota]\nstart=2026-12-07\ndays=7\nowner=me\n" SHIFT "[notes]\n"
                             "x=1\n";
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRotaModel) model
      = pm_rota_parse_ini (*state, text, sizeof text - 1, "t.ini", diagnostics, &error);
  g_autofree char *got = pm_test_format_diagnostics (diagnostics);

  assert_non_null (model);
  assert_string_equal (got, "t.ini:4: warning: unknown key 'owner' in [rota] ignored [owner]\n"
                            "t.ini:8: warning: unknown group [notes] ignored [-]\n");
  assert_int_equal (pm_diagnostics_get_n_errors (diagnostics), 0);
}

static void
test_bom (void **state)
{
  static const char text[] = "\xEF\xBB\xBF[rota]\nstart=2026-12-07\ndays=7\nx=1\n" SHIFT;
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRotaModel) model
      = pm_rota_parse_ini (*state, text, sizeof text - 1, "t.ini", diagnostics, &error);
  g_autofree char *got = pm_test_format_diagnostics (diagnostics);

  assert_non_null (model);
  assert_int_equal (model->n_days, 7);
  assert_string_equal (got, "t.ini:4: warning: unknown key 'x' in [rota] ignored [x]\n");
}

static void
test_open_error (void **state)
{
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRotaModel) model = pm_rota_read (*state, "rota-example.ini", NULL, "rota-absent.csv",
                                                NULL, diagnostics, &error);

  assert_null (model);
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_OPEN));
  assert_non_null (strstr (error->message, "rota-absent.csv"));
  assert_int_equal (pm_diagnostics_get_n_items (diagnostics), 0);
}

/* ---- availability and days off at their edges, on a week from Monday 2026-12-07 */

static void
test_edges (void **state)
{
  static const char ini[] = "[rota]\nstart=2026-12-07\ndays=7\n"
                            "[shift day]\nstart=08:00\nminutes=720\n"
                            "[shift night]\nstart=20:00\nminutes=720\n";
  g_autoptr (PmRegionTree) tree = pm_region_tree_new ();
  g_autoptr (PmPolicy) policy = pm_policy_new ();
  g_autoptr (PmNetwork) network = NULL;
  g_autoptr (PmRotaModel) model = NULL;
  g_autoptr (GError) error = NULL;
  /* Per person, the days (Monday first) each shift is allowed, or day off. */
  static const struct
  {
    const char *availability, *trained, *paused, *day, *night, *off;
  } people[] = {
    /* Monday's night needs Monday 20:00 to Tuesday 08:00; a minute short is not enough. */
    { "mon 20:00-08:00", "2027-12-31", NULL, "0000000", "1000000", "0000000" },
    { "mon 20:00-07:59", "2027-12-31", NULL, "0000000", "0000000", "0000000" },
    { "mon 20:00-24:00", "2027-12-31", NULL, "0000000", "0000000", "0000000" },
    /* Two windows that meet at midnight make one, and Sunday night runs into Monday. */
    { "mon 20:00-24:00;tue 00:00-08:00", "2027-12-31", NULL, "0000000", "1000000", "0000000" },
    { "sun 20:00-24:00;mon 00:00-08:00", "2027-12-31", NULL, "0000000", "0000001", "0000000" },
    /* A day shift fits 08:00-20:00 exactly, not 08:01-20:00. */
    { "sat 08:00-20:00", "2027-12-31", NULL, "0000010", "0000000", "0000000" },
    { "sat 08:01-20:00", "2027-12-31", NULL, "0000000", "0000000", "0000000" },
    /* Paused until Wednesday: off on or before it. Trained until Wednesday: off after it. */
    { "daily 00:00-24:00", "2027-12-31", "2026-12-09", "1111111", "1111111", "1110000" },
    { "daily 00:00-24:00", "2026-12-09", NULL, "1111111", "1111111", "0001111" },
  };

  assert_true (pm_region_tree_add (tree, "uk", NULL, "UK", NULL));
  network = pm_network_new (tree, policy);
  for (gsize i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *id = g_strdup_printf ("T%zu", i + 1);

      add_supporter (network, id, "uk", "", people[i].availability, people[i].trained,
                     people[i].paused);
    }
  model = pm_rota_parse_ini (network, ini, sizeof ini - 1, "t.ini", NULL, &error);
  assert_non_null (model);
  for (gsize i = 0; i < G_N_ELEMENTS (people); i++)
    for (int d = 0; d < 7; d++)
      {
        const PmRotaPerson *person = PM_ROTA_PERSON (model, (int)i);

        if (person->allowed[d * 2 + DAY] != people[i].day[d] - '0'
            || person->allowed[d * 2 + NIGHT] != people[i].night[d] - '0'
            || person->day_off[d] != people[i].off[d] - '0')
          fail_msg ("%s ('%s') on day %d: day %d, night %d, off %d", person->id,
                    people[i].availability, d, person->allowed[d * 2 + DAY],
                    person->allowed[d * 2 + NIGHT], person->day_off[d]);
      }
}

/* ---- examples/data/rota.ini on the example network (examples/data/README.md) */

#define EXAMPLES PM_TEST_DATA "/../../examples/data/"

static PmRotaModel *
read_example (void)
{
  g_autoptr (PmRegionTree) tree = pm_region_tree_new_default ();
  g_autoptr (PmPolicy) policy = pm_policy_new_default ();
  g_autoptr (PmNetwork) network = pm_network_new (tree, policy);
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  PmRotaModel *model;

  assert_true (pm_reader_read_supporters (network, EXAMPLES "supporters.csv", NULL, &error));
  model = pm_rota_read (network, EXAMPLES "rota.ini", EXAMPLES "limits.csv", EXAMPLES "leave.csv",
                        EXAMPLES "prefs.csv", diagnostics, &error);
  assert_null (error);
  assert_non_null (model);
  if (pm_diagnostics_get_n_items (diagnostics) != 0)
    {
      g_autofree char *got = pm_test_format_diagnostics (diagnostics);

      fail_msg ("the example does not read clean:\n%s", got);
    }
  return model;
}

static gboolean
off_from_to (const PmRotaModel *model, const char *id, int first, int last)
{
  const PmRotaPerson *person = PM_ROTA_PERSON (model, pm_rota_model_find_person (model, id));

  for (int d = 0; d < model->n_days; d++)
    if (person->day_off[d] != (d >= first && d <= last))
      return FALSE;
  return TRUE;
}

/* Every group's members who may take its shift on its day: the shortfall no rota can avoid. */
static int
unavoidable_shortfall (const PmRotaModel *model)
{
  int shortfall = 0;

  for (guint c = 0; c < model->covers->len; c++)
    {
      const PmRotaCover *cover = PM_ROTA_COVER (model, c);
      int can = 0;

      for (int p = 0; p < PM_ROTA_N_PEOPLE (model); p++)
        can += cover->member[p] && !PM_ROTA_PERSON (model, p)->day_off[cover->day]
               && PM_ROTA_PERSON (model, p)
                      ->allowed[cover->day * PM_ROTA_N_SHIFTS (model) + cover->shift];
      shortfall += MAX (0, cover->need - can);
    }
  return shortfall;
}

static void
test_network_example (void **state)
{
  g_autoptr (PmRotaModel) model = read_example ();
  g_autofree int *rota = NULL;
  PmRotaSearchOptions options = { .seed = 1, .iterations = 200000 };
  PmRotaCost cost;

  assert_int_equal (model->n_days, 28);
  assert_string_equal (model->timezone, "Europe/London");
  assert_int_equal (PM_ROTA_N_SHIFTS (model), 2);
  assert_int_equal (PM_ROTA_N_PEOPLE (model), 60);
  /* Six area groups on both shifts and the TRiM group on nights, every day. */
  assert_int_equal (model->covers->len, (6 * 2 + 1) * 28);
  assert_int_equal (model->requests->len, 9);
  /* Leave across the start (S05 from 1 Dec to 9 Dec: days 0-2) and the end (S59 from 30 Dec:
   * days 23-27); paused until 31 Dec (S34: days 0-24); training lapsed (S44: every day). */
  assert_true (off_from_to (model, "S05", 0, 2));
  assert_true (off_from_to (model, "S59", 23, 27));
  assert_true (off_from_to (model, "S34", 0, 24));
  assert_true (off_from_to (model, "S44", 0, 27));
  assert_int_equal (unavoidable_shortfall (model), 0);

  rota = g_new (int, PM_ROTA_N_PEOPLE (model) * model->n_days);
  assert_true (pm_rota_search (model, &options, rota, &cost, NULL, NULL));
  assert_int_equal (pm_rota_check (model, rota, NULL, NULL), 0);
  /* Every cover met (README: full cover is possible and found with seed 1), and at most one
   * of the nine requests (weight 10 at most) not met. */
  assert_int_equal (cost.under, 0);
  assert_true (cost.requests <= 10);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_example_shifts),  cmocka_unit_test (test_example_covers),
    cmocka_unit_test (test_example_people),  cmocka_unit_test (test_example_allowed),
    cmocka_unit_test (test_limits),          cmocka_unit_test (test_leave),
    cmocka_unit_test (test_prefs),           cmocka_unit_test (test_defaults),
    cmocka_unit_test (test_bad_ini),         cmocka_unit_test (test_bad_tables),
    cmocka_unit_test (test_bad_prefs_json),  cmocka_unit_test (test_bad_structure),
    cmocka_unit_test (test_warnings_only),   cmocka_unit_test (test_bom),
    cmocka_unit_test (test_open_error),      cmocka_unit_test (test_edges),
    cmocka_unit_test (test_network_example),
  };

  return cmocka_run_group_tests (tests, setup, teardown);
}
