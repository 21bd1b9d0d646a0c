/* peermatch: wall-clock times of a rota as UTC instants.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Rota times are local wall-clock times in the rota's IANA zone (spec/rota.md); calendars and
 * busy times need instants. GLib's GTimeZone reads the system tzdata. The mapping follows
 * RFC 5545 3.3.5 for the two awkward cases, so that what we compute is what every calendar
 * reader computes from the same local time:
 *   - a local time the clocks skip (01:30 on the March change day in London) is taken under
 *     the offset before the change (01:30 GMT = 01:30Z, shown as 02:30 BST);
 *   - a local time that happens twice (01:30 on the October change day) is the first one
 *     (01:30 BST = 00:30Z).
 * The true instant of local time L lies within 14 hours of L read as UTC (no zone is further
 * from UTC), so the candidates are L minus the offset in effect 14 hours either side of it;
 * this assumes at most one change of offset in those 28 hours, which holds for every zone in
 * tzdata. */
#include "pm-rota-time-private.h"

#define MAX_OFFSET_SECONDS (14 * 3600)
#define SECONDS_PER_DAY ((gint64)86400)
/* g_date_get_julian (1970-01-01): GDate counts 0001-01-01 as day 1. */
#define UNIX_EPOCH_JULIAN 719163

GTimeZone *
pm_rota_time_zone (const PmRotaModel *model, GError **error)
{
  const char *name = model->timezone != NULL ? model->timezone : PM_ROTA_DEFAULT_TIMEZONE;
  GTimeZone *tz = g_time_zone_new_identifier (name);

  if (tz == NULL)
    g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                 "timezone: '%s' is not a time zone known to this system (tzdata)", name);
  return tz;
}

gint64
pm_date_to_local_seconds (const GDate *date)
{
  return ((gint64)g_date_get_julian (date) - UNIX_EPOCH_JULIAN) * SECONDS_PER_DAY;
}

static gint32
offset_at (GTimeZone *tz, gint64 utc)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc);

  return g_time_zone_get_offset (tz, interval);
}

gint64
pm_local_seconds_to_utc (GTimeZone *tz, gint64 local, gboolean *exact)
{
  gint32 before = offset_at (tz, local - MAX_OFFSET_SECONDS);
  gint32 after = offset_at (tz, local + MAX_OFFSET_SECONDS);
  gboolean before_ok = offset_at (tz, local - before) == before;
  gboolean after_ok = before != after && offset_at (tz, local - after) == after;

  if (exact != NULL)
    *exact = before_ok != after_ok; /* exactly one reading: neither skipped nor repeated */
  if (before_ok && after_ok)
    return MIN (local - before, local - after); /* repeated: the first occurrence */
  if (after_ok)
    return local - after;
  return local - before; /* before_ok, or skipped: the offset before the change */
}

gint64
pm_local_to_utc (GTimeZone *tz, const GDate *date, int minute)
{
  g_return_val_if_fail (tz != NULL && g_date_valid (date), 0);

  return pm_local_seconds_to_utc (tz, pm_date_to_local_seconds (date) + (gint64)minute * 60, NULL);
}

void
pm_rota_shift_span (const PmRotaModel *model, GTimeZone *tz, int day, int shift, gint64 *start_utc,
                    gint64 *end_utc)
{
  const PmRotaShift *s;
  gint64 local;

  g_return_if_fail (day >= 0 && day < model->n_days);
  g_return_if_fail (shift >= 0 && shift < PM_ROTA_N_SHIFTS (model));

  s = PM_ROTA_SHIFT (model, shift);
  local = pm_date_to_local_seconds (&model->first_day) + (gint64)day * SECONDS_PER_DAY
          + (gint64)s->start_minute * 60;
  *start_utc = pm_local_seconds_to_utc (tz, local, NULL);
  /* the end on the clock face: a 20:00 night of 720 minutes ends at 08:00 local time even
   * when the night is an hour shorter or longer */
  *end_utc = pm_local_seconds_to_utc (tz, local + (gint64)s->minutes * 60, NULL);
}
