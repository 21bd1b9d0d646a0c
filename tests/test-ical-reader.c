/* peermatch tests: busy times from iCalendar files (spec/calendar.md "Import of busy times").
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * tests/data/busy-rota.ini: Monday 2026-10-19 (day 0) to Sunday 2026-11-01 (day 13), shifts
 * "day" 08:00-20:00 (D) and "night" 20:00-08:00 (N), Europe/London. British Summer Time ends
 * on Sunday 2026-10-25 (day 6) at 02:00 BST, so in UTC:
 *   day D, days 0-5: 07:00Z-19:00Z          days 6-13: 08:00Z-20:00Z
 *   night N, days 0-4: 19:00Z-07:00Z (next)  day 5: 19:00Z-08:00Z (13 h)  days 6-13: 20:00Z-08:00Z
 * Each directory tests/data/busy-NAME holds one calendar per person (S1.ics ...), and each
 * person is given the cells (day, D/N) the calendar must block, worked out by hand in the
 * comments below. The supporters are available at all times, so every other cell stays
 * allowed. The tests run inside tests/data; PM_UPDATE_GOLDEN=1 rewrites busy-bad.diag. */
#include "pm-test-network.h"
#include "pm-rota-problem-private.h"

#include <glib/gstdio.h>
#include <string.h>

static PmRotaProblem *
problem_new (const char *ini, const char *const *ids)
{
  g_autoptr (PmNetwork) network = pm_test_network_new (NULL);
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  PmRotaProblem *problem;

  for (guint i = 0; ids[i] != NULL; i++)
    pm_test_add_rota_supporter (network, "police", ids[i], NULL);
  problem = pm_reader_read_rota_problem (network, ini, NULL, NULL, NULL, diagnostics, &error);
  assert_null (error);
  assert_non_null (problem);
  assert_int_equal (pm_diagnostics_get_n_items (diagnostics), 0);
  return problem;
}

/* The cells person @p may not take, as "0D 3N ...". */
static char *
blocked (PmRotaProblem *problem, int p)
{
  const PmRotaModel *model = pm_rota_problem_get_model (problem);
  const PmRotaPerson *person = PM_ROTA_PERSON (model, p);
  GString *out = g_string_new (NULL);

  for (int d = 0; d < model->n_days; d++)
    for (int s = 0; s < PM_ROTA_N_SHIFTS (model); s++)
      if (!person->allowed[d * PM_ROTA_N_SHIFTS (model) + s])
        g_string_append_printf (out, "%s%d%c", out->len > 0 ? " " : "", d, "DN"[s]);
  return g_string_free (out, FALSE);
}

/* Reads busy-@name for people S1 .. Sn of @ini and checks each person's blocked cells. */
static void
check_dir (const char *ini, const char *name, const char *const *expected)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (PmRotaProblem) problem = NULL;
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_strconcat ("busy-", name, NULL);

  for (guint i = 0; expected[i] != NULL; i++)
    g_ptr_array_add (ids, g_strdup_printf ("S%u", i + 1));
  g_ptr_array_add (ids, NULL);
  problem = problem_new (ini, (const char *const *)ids->pdata);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_autofree char *before = blocked (problem, (int)i);

      assert_string_equal (before, "");
    }
  assert_true (pm_reader_read_busy (problem, dir, diagnostics, &error));
  assert_null (error);
  assert_int_equal (pm_diagnostics_get_n_items (diagnostics), 0);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_autofree char *got = blocked (problem, (int)i);

      if (strcmp (got, expected[i]) != 0)
        fail_msg ("%s/S%u.ics blocks '%s', expected '%s'", dir, i + 1, got, expected[i]);
    }
}

static void
test_single_events (void **state)
{
  static const char *const expected[] = {
    /* S1: 10:00Z-11:00Z on Tue 20 (DTEND folded) */
    "1D",
    /* S2: the file's VTIMEZONEs: Fictional/Zone -05:00, 15:00 = 20:00Z Wed 21; its own
     * Europe/Paris at +05:00 (not the system's +01:00) 10:00 = 05:00Z Thu 29 */
    "2N 9N",
    /* S3: /freeassociation.sourceforge.net/America/New_York, no VTIMEZONE: 02:00-04:00 EDT =
     * 06:00Z-08:00Z Thu 22 */
    "2N 3D",
    /* S4: Asia/Tokyo, no VTIMEZONE, LF line ends: 10:00 JST + PT1H = 01:00Z-02:00Z Fri 23 */
    "3N",
    /* S5: floating, in the rota's zone: 20:00-20:30 BST Mon 19; 06:00-08:00 BST Tue 20 ends
     * when the day shift starts (touching is not overlapping) */
    "0N",
    /* S6: all day Wed 21, a DATE lasting one day: 00:00 BST Wed to 00:00 BST Thu */
    "1N 2D 2N",
    /* S7: all day Sat 24 to Mon 26 (DTEND Tue 27 exclusive), across the clock change */
    "4N 5D 5N 6D 6N 7D 7N",
    /* S8: no file, no busy time */
    "",
    /* S9: as calendar clients write them: lower-case names, a quoted TZID, ATTENDEE, VALARM,
     * escaped text, an unknown property (ignored); 10:00-11:00 on Tuesdays */
    "1D 8D",
    NULL,
  };

  check_dir ("busy-rota.ini", "events", expected);
}

static void
test_recurrences (void **state)
{
  static const char *const expected[] = {
    /* S1: 12:00 daily, every 3rd day, COUNT=3: Mon 19, Thu 22, Sun 25 */
    "0D 3D 6D",
    /* S2: 21:00 Mon, Wed, Fri until 20:00Z Wed 21 = 21:00 BST, inclusive */
    "0N 2N",
    /* S3: 09:00 daily from Tue 20, COUNT=5, less EXDATE Thu 22; RDATE Thu 29 09:00 GMT and a
     * PERIOD RDATE 21:00Z-22:00Z Fri 30 */
    "1D 2D 4D 5D 10D 11N",
    /* S4: 10:00 daily, COUNT=3; Tue 20 moved to 23:00 BST by a RECURRENCE-ID, Wed 21
     * cancelled by one */
    "0D 1N",
    /* S5: TRANSP:TRANSPARENT, STATUS:CANCELLED and a zero-length event block nothing; an
     * OPAQUE, CONFIRMED one does (12:00Z Thu 22) */
    "3D",
    /* S6: VFREEBUSY: BUSY 10:00Z Mon 19; FREE ignored; no FBTYPE (BUSY) 20:00Z Wed 21;
     * BUSY-TENTATIVE 10:00Z Thu 22 and Fri 23 */
    "0D 2N 3D 4D",
    NULL,
  };

  check_dir ("busy-rota.ini", "recur", expected);
}

static void
test_clock_change (void **state)
{
  static const char *const expected[] = {
    /* S1: 07:00-08:00 GMT Sun 25 = 07:00Z-08:00Z: inside the 13-hour night of Sat 24 (it
     * ends at 08:00 local = 08:00Z), touching Sunday's day shift */
    "5N",
    /* S2: 08:00-09:00 GMT Sun 25: the day shift only; the night ended at 08:00Z */
    "6D",
    /* S3: 08:00-08:30 local weekly, COUNT=2: 07:00Z Mon 19 (BST) and 08:00Z Mon 26 (GMT), so
     * Monday 26's day shift, not the night before it */
    "0D 7D",
    NULL,
  };

  check_dir ("busy-rota.ini", "clock", expected);
}

/* busy-rota-march.ini: Monday 2027-03-22 to Sunday 2027-04-04; BST starts on Sunday 28 (day 6)
 * at 01:00 GMT. Days 0-5: D 08:00Z-20:00Z, N 20:00Z-08:00Z, but the night of Saturday 27 ends
 * at 08:00 BST = 07:00Z (11 hours); from day 6: D 07:00Z-19:00Z, N 19:00Z-07:00Z. */
static void
test_clock_change_march (void **state)
{
  static const char *const expected[] = {
    /* S1: 07:00-08:00 BST Sun 28 = 06:00Z-07:00Z: the short night, touching the day shift */
    "5N",
    /* S2: 07:00Z-07:30Z Sun 28: the day shift; the night ended at 07:00Z */
    "6D",
    /* S3: 19:30Z-20:00Z Sat 27: the day shift, touching the night */
    "5D",
    NULL,
  };

  check_dir ("busy-rota-march.ini", "march", expected);
}

/* Malformed calendars: every file is read, every problem listed with its line, no text of
 * the calendar quoted, and nothing applied (S5's file alone is fine). */
static void
test_malformed (void **state)
{
  static const char *const ids[] = { "S1", "S2", "S3", "S4", "S5", "S6", NULL };
  g_autoptr (PmRotaProblem) problem = problem_new ("busy-rota.ini", ids);
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  assert_false (pm_reader_read_busy (problem, "busy-bad", diagnostics, &error));
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  assert_string_equal (error->message, "busy-bad/S1.ics:8: not an iCalendar content line "
                                       "(NAME;PARAM=VALUE:VALUE) (and 4 more errors)");
  pm_test_assert_diagnostics (diagnostics, "busy-bad.diag");
  text = pm_test_format_diagnostics (diagnostics);
  assert_null (strstr (text, "Secret"));
  assert_null (strstr (text, "Private"));
  assert_null (strstr (text, "SOMETIMES"));
  for (int p = 0; ids[p] != NULL; p++)
    {
      g_autofree char *cells = blocked (problem, p);

      assert_string_equal (cells, "");
    }
}

/* A person id is never used to build a path unless it is a safe file name (the export's
 * rules: pm_ical_file_name_problem). */
#define DOT ": it starts with '.' or '-' [person]\n"
#define CONTROL ": it holds a control character or one of / \\ : * ? \" < > | [person]\n"

static void
test_unsafe_id (void **state)
{
  static const char *const ids[] = { "S1", "..", "../busy-events/S1", "S\t2", ".", NULL };
  g_autoptr (PmRotaProblem) problem = problem_new ("busy-rota.ini", ids);
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *cells = NULL;

  assert_false (pm_reader_read_busy (problem, "busy-events", diagnostics, &error));
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  text = pm_test_format_diagnostics (diagnostics);
  assert_string_equal (text, "busy-events: person: the id '..' cannot name a calendar file" DOT
                             "busy-events: person: the id '../busy-events/S1' cannot name "
                             "a calendar file" CONTROL "busy-events: person: the id 'S\\t2' "
                             "cannot name a calendar file" CONTROL "busy-events: person: the id "
                             "'.' cannot name a calendar file" DOT);
  cells = blocked (problem, 0); /* S1's own file is fine, but nothing is half applied */
  assert_string_equal (cells, "");
}

static void
test_missing_dir (void **state)
{
  static const char *const ids[] = { "S1", NULL };
  g_autoptr (PmRotaProblem) problem = problem_new ("busy-rota.ini", ids);
  g_autoptr (GError) error = NULL;

  assert_false (pm_reader_read_busy (problem, "busy-no-such-dir", NULL, &error));
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_OPEN));
  assert_string_equal (error->message, "busy-no-such-dir: No such file or directory");
  g_clear_error (&error);
  assert_false (pm_reader_read_busy (problem, "busy-rota.ini", NULL, &error));
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_OPEN));
  assert_string_equal (error->message, "busy-rota.ini: not a directory");
}

static int
setup (void **state)
{
  return g_chdir (PM_TEST_DATA);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_single_events), cmocka_unit_test (test_recurrences),
    cmocka_unit_test (test_clock_change),  cmocka_unit_test (test_clock_change_march),
    cmocka_unit_test (test_malformed),     cmocka_unit_test (test_unsafe_id),
    cmocka_unit_test (test_missing_dir),
  };

  return cmocka_run_group_tests (tests, setup, NULL);
}
