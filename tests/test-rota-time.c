/* peermatch tests: rota wall-clock times as UTC instants (spec/calendar.md "Times").
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Europe/London changes on the last Sundays of March (01:00Z, GMT -> BST) and October
 * (01:00Z, BST -> GMT): 2026-03-29 and 2026-10-25. Asia/Tokyo has had no DST since 1951. The
 * expected instants are written out as Unix seconds computed by hand from the UTC times. */
#include "pm-test-util.h"

#include "pm-rota-time-private.h"

#include <string.h>

/* Unix seconds of a UTC date and time */
static gint64
utc (int year, int month, int day, int hour, int minute)
{
  g_autoptr (GDateTime) t = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (t);
}

static GTimeZone *
zone (const char *name)
{
  GTimeZone *tz = g_time_zone_new_identifier (name);

  assert_non_null (tz);
  return tz;
}

/* A rota from @y-@m-@d of @n_days with shifts night (20:00, 720), early (00:30, 120) and
 * long (06:00, 1440: a whole day on the clock face). */
static PmRotaModel *
model_new (const char *timezone, int y, int m, int d, int n_days)
{
  GDate first;
  PmRotaModel *model;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
  model = pm_rota_model_new ("test", &first, n_days);
  model->timezone = g_strdup (timezone);
  assert_int_equal (pm_rota_model_add_shift (model, "night", 20 * 60, 720, NULL), 0);
  assert_int_equal (pm_rota_model_add_shift (model, "early", 30, 120, NULL), 1);
  assert_int_equal (pm_rota_model_add_shift (model, "long", 6 * 60, 1440, NULL), 2);
  pm_rota_model_finish (model, 0);
  return model;
}

static void
assert_span (const PmRotaModel *model, GTimeZone *tz, int day, int shift, gint64 start, gint64 end)
{
  gint64 s = 0, e = 0;

  pm_rota_shift_span (model, tz, day, shift, &s, &e);
  assert_int_equal (s, start);
  assert_int_equal (e, end);
}

static void
test_london_spring (void **state)
{
  g_autoptr (GTimeZone) tz = zone ("Europe/London");
  g_autoptr (PmRotaModel) model = model_new ("Europe/London", 2026, 3, 28, 3);

  (void)state;
  /* Saturday night 20:00 GMT to Sunday 08:00 BST = 07:00Z: 11 hours on the clock face */
  assert_span (model, tz, 0, 0, utc (2026, 3, 28, 20, 0), utc (2026, 3, 29, 7, 0));
  /* Sunday night: both ends in BST */
  assert_span (model, tz, 1, 0, utc (2026, 3, 29, 19, 0), utc (2026, 3, 30, 7, 0));
  /* Sunday 00:30 GMT to 02:30 BST, just past the skipped hour: 2 hours on the clock face */
  assert_span (model, tz, 1, 1, utc (2026, 3, 29, 0, 30), utc (2026, 3, 29, 1, 30));
  /* a whole day from Saturday 06:00 GMT to Sunday 06:00 BST: 23 hours */
  assert_span (model, tz, 0, 2, utc (2026, 3, 28, 6, 0), utc (2026, 3, 29, 5, 0));
}

static void
test_london_autumn (void **state)
{
  g_autoptr (GTimeZone) tz = zone ("Europe/London");
  g_autoptr (PmRotaModel) model = model_new ("Europe/London", 2026, 10, 24, 3);

  (void)state;
  /* Saturday night 20:00 BST = 19:00Z to Sunday 08:00 GMT: 13 hours */
  assert_span (model, tz, 0, 0, utc (2026, 10, 24, 19, 0), utc (2026, 10, 25, 8, 0));
  /* Sunday 00:30 BST = 23:30Z Saturday to 02:30 GMT */
  assert_span (model, tz, 1, 1, utc (2026, 10, 24, 23, 30), utc (2026, 10, 25, 2, 30));
  /* Sunday night, all GMT */
  assert_span (model, tz, 1, 0, utc (2026, 10, 25, 20, 0), utc (2026, 10, 26, 8, 0));
}

static void
test_london_edges (void **state)
{
  g_autoptr (GTimeZone) tz = zone ("Europe/London");
  GDate march, october;
  gboolean exact = TRUE;

  (void)state;
  g_date_clear (&march, 1);
  g_date_clear (&october, 1);
  g_date_set_dmy (&march, 29, G_DATE_MARCH, 2026);
  g_date_set_dmy (&october, 25, G_DATE_OCTOBER, 2026);
  /* skipped: the offset before the change */
  assert_int_equal (pm_local_to_utc (tz, &march, 90), utc (2026, 3, 29, 1, 30));
  /* the hour before and after the gap */
  assert_int_equal (pm_local_to_utc (tz, &march, 59), utc (2026, 3, 29, 0, 59));
  assert_int_equal (pm_local_to_utc (tz, &march, 120), utc (2026, 3, 29, 1, 0));
  /* repeated: the first occurrence, in BST */
  assert_int_equal (pm_local_to_utc (tz, &october, 90), utc (2026, 10, 25, 0, 30));
  assert_int_equal (pm_local_to_utc (tz, &october, 60), utc (2026, 10, 25, 0, 0));
  assert_int_equal (pm_local_to_utc (tz, &october, 120), utc (2026, 10, 25, 2, 0));
  /* the day's minute may run on into the next day */
  assert_int_equal (pm_local_to_utc (tz, &october, 24 * 60 + 8 * 60), utc (2026, 10, 26, 8, 0));

  /* which local times are ambiguous */
  pm_local_seconds_to_utc (tz, pm_date_to_local_seconds (&march) + 90 * 60, &exact);
  assert_false (exact);
  pm_local_seconds_to_utc (tz, pm_date_to_local_seconds (&october) + 90 * 60, &exact);
  assert_false (exact);
  pm_local_seconds_to_utc (tz, pm_date_to_local_seconds (&october) + 60 * 60, &exact);
  assert_false (exact);
  pm_local_seconds_to_utc (tz, pm_date_to_local_seconds (&october) + 120 * 60, &exact);
  assert_true (exact);
  pm_local_seconds_to_utc (tz, pm_date_to_local_seconds (&march) + 120 * 60, &exact);
  assert_true (exact);
  pm_local_seconds_to_utc (tz, pm_date_to_local_seconds (&march) + 59 * 60, &exact);
  assert_true (exact);
}

static void
test_no_dst (void **state)
{
  g_autoptr (GTimeZone) tz = zone ("Asia/Tokyo");
  g_autoptr (PmRotaModel) model = model_new ("Asia/Tokyo", 2026, 3, 28, 2);
  gboolean exact = FALSE;

  (void)state;
  assert_span (model, tz, 0, 0, utc (2026, 3, 28, 11, 0), utc (2026, 3, 28, 23, 0));
  assert_span (model, tz, 1, 1, utc (2026, 3, 28, 15, 30), utc (2026, 3, 28, 17, 30));
  pm_local_seconds_to_utc (tz, pm_date_to_local_seconds (&model->first_day) + 90 * 60, &exact);
  assert_true (exact);
}

static void
test_zone_of_model (void **state)
{
  g_autoptr (PmRotaModel) model = model_new ("Europe/London", 2026, 3, 28, 1);
  g_autoptr (GTimeZone) london = NULL;
  g_autoptr (GTimeZone) fallback = NULL;
  g_autoptr (GTimeZone) bad = NULL;
  g_autoptr (GError) error = NULL;

  (void)state;
  london = pm_rota_time_zone (model, &error);
  assert_non_null (london);
  assert_string_equal (g_time_zone_get_identifier (london), "Europe/London");

  /* a benchmark problem has no zone: Europe/London */
  g_clear_pointer (&model->timezone, g_free);
  fallback = pm_rota_time_zone (model, &error);
  assert_non_null (fallback);
  assert_null (error);
  assert_string_equal (g_time_zone_get_identifier (fallback), "Europe/London");

  model->timezone = g_strdup ("Europe/Atlantis");
  bad = pm_rota_time_zone (model, &error);
  assert_null (bad);
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  assert_non_null (strstr (error->message, "Europe/Atlantis"));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_london_spring), cmocka_unit_test (test_london_autumn),
    cmocka_unit_test (test_london_edges),  cmocka_unit_test (test_no_dst),
    cmocka_unit_test (test_zone_of_model),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
