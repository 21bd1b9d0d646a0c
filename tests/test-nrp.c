/* peermatch tests: the reader of the shift scheduling benchmark format.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The 24 instances are read from ../shared/data/nrp beside the source tree (skipped when it
 * is absent) and compared with counts taken by a separate, deliberately naive scan of each
 * file. Malformed inputs have golden diagnostics (tests/data/nrp-*.diag, the tests run inside
 * tests/data); PM_UPDATE_GOLDEN=1 rewrites them. */
#include "pm-test-util.h"
#include "pm-nrp-private.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

/* Days of instances 1 to 24, from the table of ../shared/data/nrp/README.md. */
static const int instance_days[24] = {
  14, 14, 14, 28, 28, 28, 28, 28,  28,  28,  28,  28,
  28, 42, 42, 56, 56, 84, 84, 182, 182, 364, 364, 364,
};

static char *
nrp_dir (void)
{
  const char *root = g_getenv ("PM_SOURCE_ROOT");
  g_autofree char *dir = NULL;

  if (root == NULL)
    return NULL;
  dir = g_build_filename (root, "..", "shared", "data", "nrp", NULL);
  return g_file_test (dir, G_FILE_TEST_IS_DIR) ? g_steal_pointer (&dir) : NULL;
}

/* ---- an independent count of what each section holds */

typedef struct
{
  int days;
  int shifts;
  int forbidden; /* items of the not-followed-by lists */
  int staff;
  int days_off; /* day indexes */
  int on;
  int off;
  int cover;
} Counts;

static void
count_line (Counts *c, const char *section, const char *line)
{
  g_auto (GStrv) fields = g_strsplit (line, ",", -1);

  if (strcmp (section, "SECTION_HORIZON") == 0)
    c->days = atoi (line);
  else if (strcmp (section, "SECTION_SHIFTS") == 0)
    {
      c->shifts++;
      if (fields[1] != NULL && fields[2] != NULL && fields[2][0] != '\0')
        {
          g_auto (GStrv) items = g_strsplit (fields[2], "|", -1);

          c->forbidden += (int)g_strv_length (items);
        }
    }
  else if (strcmp (section, "SECTION_STAFF") == 0)
    c->staff++;
  else if (strcmp (section, "SECTION_DAYS_OFF") == 0)
    c->days_off += (int)g_strv_length (fields) - 1;
  else if (strcmp (section, "SECTION_SHIFT_ON_REQUESTS") == 0)
    c->on++;
  else if (strcmp (section, "SECTION_SHIFT_OFF_REQUESTS") == 0)
    c->off++;
  else if (strcmp (section, "SECTION_COVER") == 0)
    c->cover++;
}

/* Whole-line comments and blank lines only, as the instances are written. */
static Counts
count_sections (const char *data)
{
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  g_autofree char *section = g_strdup ("");
  Counts c = { 0 };

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (lines[i]);

      if (line[0] == '\0' || line[0] == '#')
        continue;
      if (g_str_has_prefix (line, "SECTION_"))
        {
          g_free (section);
          section = g_strdup (line);
        }
      else
        count_line (&c, section, line);
    }
  return c;
}

static int
count_requests (const PmRotaModel *model, PmRotaRequestKind kind)
{
  int n = 0;

  for (guint i = 0; i < model->requests->len; i++)
    n += g_array_index (model->requests, PmRotaRequest, i).kind == kind;
  return n;
}

static int
count_bytes (const guint8 *bytes, int n)
{
  int total = 0;

  for (int i = 0; i < n; i++)
    total += bytes[i];
  return total;
}

static void
check_instance (const char *dir, int number)
{
  g_autofree char *base = g_strdup_printf ("Instance%d.txt", number);
  g_autofree char *path = g_build_filename (dir, base, NULL);
  g_autofree char *data = pm_test_read_file (path, NULL);
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRotaModel) model = pm_nrp_read (path, diagnostics, &error);
  Counts c = count_sections (data);
  int n_shifts, days_off = 0;

  if (model == NULL)
    fail_msg ("%s: %s", base, error->message);
  assert_int_equal (pm_diagnostics_get_n_items (diagnostics), 0);
  assert_string_equal (model->name, base);
  assert_int_equal (g_date_get_weekday (&model->first_day), G_DATE_MONDAY);
  assert_int_equal (model->n_days, instance_days[number - 1]);
  assert_int_equal (model->n_days, c.days);
  n_shifts = PM_ROTA_N_SHIFTS (model);
  assert_int_equal (n_shifts, c.shifts);
  assert_int_equal (count_bytes (model->forbidden, n_shifts * n_shifts), c.forbidden);
  assert_int_equal (PM_ROTA_N_PEOPLE (model), c.staff);
  for (int p = 0; p < PM_ROTA_N_PEOPLE (model); p++)
    days_off += count_bytes (PM_ROTA_PERSON (model, p)->day_off, model->n_days);
  assert_int_equal (days_off, c.days_off);
  assert_int_equal (count_requests (model, PM_ROTA_REQUEST_ON), c.on);
  assert_int_equal (count_requests (model, PM_ROTA_REQUEST_OFF), c.off);
  assert_int_equal ((int)model->covers->len, c.cover);
}

static void
test_instances (void **state)
{
  g_autofree char *dir = nrp_dir ();

  (void)state;
  if (dir == NULL)
    skip ();
  for (int i = 1; i <= 24; i++)
    check_instance (dir, i);
}

/* ---- Instance1 and Instance3 in detail */

static PmRotaModel *
read_instance (const char *base)
{
  g_autofree char *dir = nrp_dir ();
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  PmRotaModel *model;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, base, NULL);
  model = pm_nrp_read (path, NULL, &error);
  if (model == NULL)
    fail_msg ("%s: %s", base, error->message);
  return model;
}

static void
check_instance1_staff_a (const PmRotaModel *model)
{
  int d = pm_rota_model_find_shift (model, "D");
  const PmRotaPerson *a = PM_ROTA_PERSON (model, pm_rota_model_find_person (model, "A"));

  /* A,D=14,4320,3360,5,2,2,1 and the day off A,0 */
  assert_int_equal (d, 0);
  assert_string_equal (a->id, "A");
  assert_null (a->name);
  assert_int_equal (a->max_per_shift[d], 14);
  assert_int_equal (a->max_shifts, PM_ROTA_UNLIMITED);
  assert_int_equal (a->max_minutes, 4320);
  assert_int_equal (a->min_minutes, 3360);
  assert_int_equal (a->max_consecutive, 5);
  assert_int_equal (a->min_consecutive, 2);
  assert_int_equal (a->min_days_off, 2);
  assert_int_equal (a->max_weekends, 1);
  assert_int_equal (a->day_off[0], 1);
  assert_int_equal (count_bytes (a->day_off, model->n_days), 1);
  assert_int_equal (count_bytes (a->allowed, model->n_days), model->n_days);
}

static void
test_instance1 (void **state)
{
  g_autoptr (PmRotaModel) model = read_instance ("Instance1.txt");
  const PmRotaShift *shift;
  const PmRotaRequest *request;
  const PmRotaCover *cover;
  char buf[11];

  (void)state;
  if (model == NULL)
    skip ();
  assert_string_equal (pm_date_format (&model->first_day, buf), "2024-01-01");
  assert_int_equal (model->n_weekends, 2);
  assert_int_equal (model->weekend_of[4], -1);
  assert_int_equal (model->weekend_of[5], 0);
  assert_int_equal (model->weekend_of[6], 0);
  assert_int_equal (model->weekend_of[13], 1);
  assert_int_equal (model->min_rest_minutes, 0);
  assert_int_equal (PM_ROTA_N_SHIFTS (model), 1);
  shift = PM_ROTA_SHIFT (model, 0);
  assert_string_equal (shift->id, "D");
  assert_int_equal (shift->start_minute, 0);
  assert_int_equal (shift->minutes, 480);
  assert_int_equal (shift->max_per_person, PM_ROTA_UNLIMITED);
  assert_int_equal (model->forbidden[0], 0);
  check_instance1_staff_a (model);
  assert_int_equal (PM_ROTA_PERSON (model, 7)->day_off[7], 1); /* H,7 */

  /* The first on-request A,2,D,2 and the first off-request C,12,D,1 (the 22nd request). */
  request = &g_array_index (model->requests, PmRotaRequest, 0);
  assert_int_equal (request->kind, PM_ROTA_REQUEST_ON);
  assert_int_equal (request->person, pm_rota_model_find_person (model, "A"));
  assert_int_equal (request->day, 2);
  assert_int_equal (request->shift, 0);
  assert_int_equal (request->weight, 2);
  request = &g_array_index (model->requests, PmRotaRequest, 21);
  assert_int_equal (request->kind, PM_ROTA_REQUEST_OFF);
  assert_int_equal (request->person, pm_rota_model_find_person (model, "C"));
  assert_int_equal (request->day, 12);
  assert_int_equal (request->weight, 1);

  /* 1,D,7,100,1: every member of staff counts. */
  cover = PM_ROTA_COVER (model, 1);
  assert_string_equal (cover->name, "D");
  assert_int_equal (cover->day, 1);
  assert_int_equal (cover->shift, 0);
  assert_int_equal (cover->need, 7);
  assert_int_equal (cover->under_weight, 100);
  assert_int_equal (cover->over_weight, 1);
  assert_int_equal (count_bytes (cover->member, PM_ROTA_N_PEOPLE (model)), 8);
}

static void
test_instance3_successions (void **state)
{
  g_autoptr (PmRotaModel) model = read_instance ("Instance3.txt");
  int e, d, l, n;
  const PmRotaPerson *staff_a;

  (void)state;
  if (model == NULL)
    skip ();
  /* E,480,  D,480,E  L,480,E|D */
  e = pm_rota_model_find_shift (model, "E");
  d = pm_rota_model_find_shift (model, "D");
  l = pm_rota_model_find_shift (model, "L");
  n = PM_ROTA_N_SHIFTS (model);
  assert_int_equal (n, 3);
  for (int a = 0; a < n; a++)
    for (int b = 0; b < n; b++)
      {
        gboolean expected = (a == d && b == e) || (a == l && (b == e || b == d));

        assert_int_equal (model->forbidden[a * n + b], expected);
      }
  /* A,E=14|D=14|L=0,... */
  staff_a = PM_ROTA_PERSON (model, 0);
  assert_int_equal (staff_a->max_per_shift[e], 14);
  assert_int_equal (staff_a->max_per_shift[d], 14);
  assert_int_equal (staff_a->max_per_shift[l], 0);
}

/* ---- malformed inputs */

static void
check_bad_file (const char *file, const char *golden, const char *first_error, guint n_errors)
{
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRotaModel) model = pm_nrp_read (file, diagnostics, &error);
  g_autofree char *message = g_strdup_printf ("%s (and %u more errors)", first_error, n_errors - 1);

  pm_test_assert_diagnostics (diagnostics, golden);
  assert_null (model);
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  assert_string_equal (error->message, message);
  assert_int_equal (pm_diagnostics_get_n_errors (diagnostics), n_errors);
  assert_int_equal (pm_diagnostics_get_n_items (diagnostics), n_errors);
}

static void
test_bad_values (void **state)
{
  (void)state;
  check_bad_file ("nrp-bad-values.txt", "nrp-bad-values.diag",
                  "nrp-bad-values.txt:5: NotFollowedBy: unknown shift 'X'", 29);
}

static void
test_bad_sections (void **state)
{
  (void)state;
  check_bad_file ("nrp-bad-sections.txt", "nrp-bad-sections.diag",
                  "nrp-bad-sections.txt:2: 'stray' comes before the first section", 7);
}

/* Parses @text as `t.txt` and compares the diagnostics, one per line, with @expected. */
static void
check_parse (const char *text, const char *expected)
{
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRotaModel) model = pm_nrp_parse (text, strlen (text), "t.txt", diagnostics, &error);
  g_autofree char *got = pm_test_format_diagnostics (diagnostics);

  assert_string_equal (got, expected);
  assert_null (model);
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
}

#define TAIL                                                                                       \
  "SECTION_STAFF\nSECTION_DAYS_OFF\nSECTION_SHIFT_ON_REQUESTS\nSECTION_SHIFT_OFF_REQUESTS\n"       \
  "SECTION_COVER\n"

static void
test_bad_horizon (void **state)
{
  (void)state;
  check_parse ("SECTION_HORIZON\nabc\nSECTION_SHIFTS\nD,480,\n" TAIL "99,D,1,1,1\n",
               "t.txt:2: Horizon: 'abc' is not a whole number [Horizon]\n");
  check_parse ("SECTION_HORIZON\n0\nSECTION_SHIFTS\n" TAIL,
               "t.txt:2: Horizon: '0' must be at least 1 [Horizon]\n");
  check_parse ("SECTION_HORIZON\n5000\nSECTION_SHIFTS\n" TAIL,
               "t.txt:2: Horizon: '5000' is more than 3660 days [Horizon]\n");
  check_parse ("SECTION_HORIZON\n# none\nSECTION_SHIFTS\n" TAIL,
               "t.txt:1: SECTION_HORIZON: no number of days [SECTION_HORIZON]\n");
  check_parse ("", "t.txt: SECTION_HORIZON: missing (expected by the end of the file) "
                   "[SECTION_HORIZON]\n"
                   "t.txt: SECTION_SHIFTS: missing (expected by the end of the file) "
                   "[SECTION_SHIFTS]\n"
                   "t.txt: SECTION_STAFF: missing (expected by the end of the file) "
                   "[SECTION_STAFF]\n"
                   "t.txt: SECTION_DAYS_OFF: missing (expected by the end of the file) "
                   "[SECTION_DAYS_OFF]\n"
                   "t.txt: SECTION_SHIFT_ON_REQUESTS: missing (expected by the end of the "
                   "file) [SECTION_SHIFT_ON_REQUESTS]\n"
                   "t.txt: SECTION_SHIFT_OFF_REQUESTS: missing (expected by the end of the "
                   "file) [SECTION_SHIFT_OFF_REQUESTS]\n"
                   "t.txt: SECTION_COVER: missing (expected by the end of the file) "
                   "[SECTION_COVER]\n");
}

/* LF or CRLF, blanks, trailing spaces and comments at the end of lines are all fine; the
 * data need not end in a NUL. */
static void
test_tolerant (void **state)
{
  static const char text[] = "\xEF\xBB\xBFSECTION_HORIZON  \n\n 7 # a week\r\n"
                             "SECTION_SHIFTS\r\nE, 480 ,\nL,480,E| \t\r\n\n"
                             "SECTION_STAFF # people\n"
                             "A , E=3 | L=2 ,2400,0,5,1,1,1  \r\n"
                             "B,,2400,0,5,1,1,1\n"
                             "SECTION_DAYS_OFF\nA,6,\nB\n"
                             "SECTION_SHIFT_ON_REQUESTS\nA,0,E,2\n"
                             "SECTION_SHIFT_OFF_REQUESTS\nB,6,L,1\n"
                             "SECTION_COVER\n0,E,1,100,1\n6,L,2,50,0\r\n"
                             "#end";
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *copy = g_memdup2 (text, sizeof text - 1); /* no NUL at the end */
  g_autoptr (PmRotaModel) model
      = pm_nrp_parse (copy, sizeof text - 1, "dir/week.txt", diagnostics, &error);
  const PmRotaPerson *a, *b;

  (void)state;
  if (model == NULL)
    fail_msg ("%s", error->message);
  assert_int_equal (pm_diagnostics_get_n_items (diagnostics), 0);
  assert_string_equal (model->name, "week.txt");
  assert_int_equal (model->n_days, 7);
  assert_int_equal (PM_ROTA_N_SHIFTS (model), 2);
  assert_int_equal (model->forbidden[1 * 2 + 0], 1);
  assert_int_equal (count_bytes (model->forbidden, 4), 1);
  a = PM_ROTA_PERSON (model, 0);
  b = PM_ROTA_PERSON (model, 1);
  assert_string_equal (a->id, "A");
  assert_int_equal (a->max_per_shift[0], 3);
  assert_int_equal (a->max_per_shift[1], 2);
  assert_int_equal (b->max_per_shift[0], PM_ROTA_UNLIMITED);
  assert_int_equal (b->max_per_shift[1], PM_ROTA_UNLIMITED);
  assert_int_equal (a->day_off[6], 1);
  assert_int_equal (count_bytes (b->day_off, 7), 0);
  assert_int_equal (model->requests->len, 2);
  assert_int_equal (model->covers->len, 2);
  assert_int_equal (PM_ROTA_COVER (model, 1)->under_weight, 50);
  assert_int_equal (PM_ROTA_COVER (model, 1)->over_weight, 0);
}

static void
test_open_error (void **state)
{
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRotaModel) model = pm_nrp_read ("nrp-absent.txt", diagnostics, &error);

  (void)state;
  assert_null (model);
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_OPEN));
  assert_non_null (strstr (error->message, "nrp-absent.txt"));
  assert_int_equal (pm_diagnostics_get_n_items (diagnostics), 0);
}

/* ---- the benchmark's rules and objective on a small hand-made instance */

/* 14 days from a Monday: weekends are days 5-6 and 12-13. E (480 minutes) may be followed by
 * anything; L (600) not by E. A: at most 10 E and 3 L, 2880 to 4800 minutes, 2 to 3 working
 * days in a row, 2 days off in a row, 1 weekend, day 6 off. B: loose but 1 weekend, days 0
 * and 13 off. */
static const char small_instance[]
    = "SECTION_HORIZON\n14\n\n"
      "SECTION_SHIFTS\nE,480,\nL,600,E\n\n"
      "SECTION_STAFF\nA,E=10|L=3,4800,2880,3,2,2,1\nB,E=14|L=14,6000,0,14,1,1,1\n\n"
      "SECTION_DAYS_OFF\nA,6\nB,0,13\n\n"
      "SECTION_SHIFT_ON_REQUESTS\nA,1,E,3\nB,2,L,4\n\n"
      "SECTION_SHIFT_OFF_REQUESTS\nA,8,L,2\nB,9,E,5\n\n"
      "SECTION_COVER\n0,E,2,100,1\n1,E,1,100,1\n1,L,1,50,10\n";

/* Rows of 'E', 'L' and '.', one per member of staff. */
static int *
small_rota (const PmRotaModel *model, const char *a, const char *b)
{
  const char *rows[] = { a, b };
  int *rota = g_new (int, 2 * 14);

  for (int p = 0; p < 2; p++)
    for (int d = 0; d < 14; d++)
      rota[p * 14 + d] = rows[p][d] == '.'
                             ? PM_ROTA_OFF
                             : pm_rota_model_find_shift (model, (char[]){ rows[p][d], 0 });
  return rota;
}

/* The violations as "rule@person:day" in the checker's order. */
static char *
small_violations (const PmRotaModel *model, const char *a, const char *b)
{
  g_autofree int *rota = small_rota (model, a, b);
  g_autoptr (GPtrArray) v = NULL;
  GString *out = g_string_new (NULL);

  pm_rota_check (model, rota, NULL, &v);
  for (guint i = 0; i < v->len; i++)
    {
      const PmRotaViolation *x = g_ptr_array_index (v, i);

      g_string_append_printf (out, "%s%s@%s:%d", i > 0 ? " " : "", pm_rota_rule_to_string (x->rule),
                              x->person_id, x->day);
    }
  return g_string_free (out, FALSE);
}

#define ASSERT_SMALL(model, a, b, expected)                                                        \
  do                                                                                               \
    {                                                                                              \
      g_autofree char *got_ = small_violations (model, a, b);                                      \
      assert_string_equal (got_, expected);                                                        \
    }                                                                                              \
  while (0)

static void
test_benchmark_rules (void **state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRotaModel) model
      = pm_nrp_parse (small_instance, sizeof small_instance - 1, "small.txt", NULL, &error);

  (void)state;
  assert_non_null (model);
  /* A: runs 0-1, 4-5, 9-11 between off runs of 2, 3 and 2 (the last at the end); E, L in
   * that order (L may follow E); 5 E + 2 L = 3600 minutes; one weekend (day 5).
   * B: days 1-4 and 10-12, one weekend (day 12), 7 x 480 = 3360. */
  ASSERT_SMALL (model, "EE..EL...EEL..", ".EEEE.....EEE.", "");
  /* A: L then E on days 0-1 (listed); 5 L (at most 3); 4 x 480 + 5 x 600 = 4920 (at most
   * 4800); runs of 4 from days 0 and 8 (at most 3); 1 day off on day 4 and 1 working day on
   * day 5 (at least 2 each, neither touching an end). B: shifts on its days off 0 and 13. */
  ASSERT_SMALL (model, "LEEE.E..LLLL..", "E............E",
                "max_per_shift@A:-1 max_minutes@A:-1 succession@A:0 max_consecutive@A:0 "
                "min_days_off@A:4 min_consecutive@A:5 max_consecutive@A:8 day_off@B:0 "
                "day_off@B:13");
  /* Runs touching day 0 or day 13 are exempt from the minima: a single E on day 0, a single
   * day off on day 13 (A); but 480 + 2 x 600 = 1680 minutes (at least 2880). */
  ASSERT_SMALL (model, "E..........LL.", "..............", "min_minutes@A:-1");
  ASSERT_SMALL (model, ".E..........LL", "..............", "min_minutes@A:-1 min_consecutive@A:1");
  /* Weekends: a Saturday and the Sunday after it are one (A works days 5 and 6, B too: at
   * most 1 each, met), though day 6 is A's day off; Saturdays of two weeks are two (B). */
  ASSERT_SMALL (model, "EE..EEE..EE...", ".....EE.......", "day_off@A:6");
  ASSERT_SMALL (model, "EE..EE...EEE..", ".....E......E.", "max_weekends@B:-1");
  /* E then L, L then L, E then E: only the listed pair is forbidden (3 L, 3240 minutes). */
  ASSERT_SMALL (model, "EL..LL...EE...", "..............", "");
}

static void
test_benchmark_objective (void **state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRotaModel) model
      = pm_nrp_parse (small_instance, sizeof small_instance - 1, "small.txt", NULL, &error);
  g_autofree int *rota = NULL;
  PmRotaCost cost;

  (void)state;
  assert_non_null (model);
  /* Day 0 E: A only, 1 of 2 (100). Day 1 E: A and B, 1 over (1). Day 1 L: nobody (50).
   * Requests: A's E on day 1 granted; B's L on day 2 not (4); A is off on day 8 (honoured);
   * B is off on day 9 (honoured). */
  rota = small_rota (model, "EE..EL...EEL..", ".EEEE.....EEE.");
  cost = pm_rota_cost (model, rota);
  assert_int_equal (cost.under, 150);
  assert_int_equal (cost.over, 1);
  assert_int_equal (cost.requests, 4);
  assert_int_equal (cost.objective, 155);
  g_clear_pointer (&rota, g_free);
  /* Both on L on days 0 and 1: day 0 E 0 of 2 (200), day 1 E 0 of 1 (100), day 1 L 2 of 1 (10).
   * A's on-request not granted (3), B's not (4); A's off-request on day 8 honoured; B works L on
   * day 9, not the E it wanted off (honoured). */
  rota = small_rota (model, "LL............", "LL.......L....");
  cost = pm_rota_cost (model, rota);
  assert_int_equal (cost.under, 300);
  assert_int_equal (cost.over, 10);
  assert_int_equal (cost.requests, 7);
  assert_int_equal (cost.objective, 317);
  g_clear_pointer (&rota, g_free);
  /* A on L on day 8 (off-request not honoured, 2), B on E on day 9 (5). */
  rota = small_rota (model, "........L.....", ".........E....");
  cost = pm_rota_cost (model, rota);
  assert_int_equal (cost.requests, 3 + 4 + 2 + 5);
}

static int
setup_dir (void **state)
{
  (void)state;
  return g_chdir (PM_TEST_DATA);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_instances),
    cmocka_unit_test (test_instance1),
    cmocka_unit_test (test_instance3_successions),
    cmocka_unit_test (test_bad_values),
    cmocka_unit_test (test_bad_sections),
    cmocka_unit_test (test_bad_horizon),
    cmocka_unit_test (test_tolerant),
    cmocka_unit_test (test_open_error),
    cmocka_unit_test (test_benchmark_rules),
    cmocka_unit_test (test_benchmark_objective),
  };

  return cmocka_run_group_tests (tests, setup_dir, NULL);
}
