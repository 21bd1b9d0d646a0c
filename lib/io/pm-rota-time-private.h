/* peermatch: wall-clock times of a rota as UTC instants, for the iCalendar writer and the
 * busy-time reader. Private, never installed.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "pm-private.h"
#include "pm-rota-private.h"

G_BEGIN_DECLS

/* The zone of a rota when rota.ini names none, and of a benchmark problem (spec/calendar.md). */
#define PM_ROTA_DEFAULT_TIMEZONE "Europe/London"

/* The rota's zone (model->timezone, or Europe/London); NULL and PM_ERROR_INVALID_DATA naming
 * it when the system has no such zone.
 * Returns: (transfer full) (nullable) */
GTimeZone *
pm_rota_time_zone (const PmRotaModel *model, GError **error);

/* The UTC instant (Unix seconds) of local @date at @minute of the day in @tz (@minute may pass
 * 1439: it then counts on into the next days on the clock face). A local time the clocks skip
 * is taken under the offset before the change; a repeated local time means its first
 * occurrence (RFC 5545 3.3.5). */
gint64
pm_local_to_utc (GTimeZone *tz, const GDate *date, int minute);

/* The same for @local, the local date and time written as Unix seconds as if it were UTC;
 * @exact (nullable) is set to FALSE when that local time is skipped or repeated in @tz, i.e.
 * when another reader might map it to another instant. */
gint64
pm_local_seconds_to_utc (GTimeZone *tz, gint64 local, gboolean *exact);

/* @date's midnight as Unix seconds as if the local clock were UTC. */
gint64
pm_date_to_local_seconds (const GDate *date);

/* The UTC instants (Unix seconds) of @shift on @day: from its local start time to its
 * wall-clock end (start + minutes on the clock face, next day past midnight), with the rules
 * of pm_local_to_utc(). */
void
pm_rota_shift_span (const PmRotaModel *model, GTimeZone *tz, int day, int shift, gint64 *start_utc,
                    gint64 *end_utc);

G_END_DECLS
