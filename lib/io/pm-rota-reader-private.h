/* peermatch: the reader of a rota.ini (GKeyFile) with the network's supporters, and of the
 * optional per-person limits, leave and request tables, into a rota model. Never installed.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * How the files map onto the model (spec/rota.md "rota.ini"):
 *   - [rota] name (default: the file's base name), start (YYYY-MM-DD, required), days (1 to
 *     PM_ROTA_MAX_DAYS, required), timezone (default Europe/London; checked only for the
 *     shape of an IANA name, Area/Location);
 *   - [rules] the limits every person starts from, min_rest_minutes (folded into the
 *     forbidden successions) and ignore_availability (true/false/1/0);
 *   - [shift ID] start (HH:MM, required), minutes (1 to 1440, required), not_followed_by and
 *     max_per_person; shift ids keep their case; at least one shift is required;
 *   - [cover NAME] region (a region and its subtree; default every supporter, with or
 *     without a region), skills (all required), shifts (default: every shift type), days
 *     (`daily` by default, or the day specs of the availability grammar separated by `,` or
 *     `;`), need (required), under_weight (100) and over_weight (0). Each group gives one
 *     cover per (day of the horizon on a listed weekday, listed shift); covers are added
 *     day by day, then by shift index, then in the order of the groups in the file;
 *   - people: every supporter of the network in network order, with the rules' limits and
 *     each shift's max_per_person; hard days off on or before paused_until, after
 *     trained_until (every day without one) and in leave; (day, shift) allowed when the
 *     shift lies wholly inside the weekly availability, its start on the day's weekday and
 *     running past midnight (and Sunday into Monday), unless ignore_availability;
 *   - limits table `person,max_shifts,max_minutes,min_minutes,max_consecutive,
 *     min_consecutive,min_days_off,max_weekends`: an empty cell keeps the rules' value; a
 *     person given twice is an error;
 *   - leave table `person,from,to` (inclusive): clipped to the horizon (a leave file usually
 *     spans more than one rota, so leave outside it is no error); to before from is;
 *   - prefs table `person,date,shift,kind,weight`: kind `on` or `off`, weight a whole number
 *     ≥ 0 (default 1), the date within the horizon. Requests are personal: messages about
 *     this file quote only ids, dates and shift names, never a kind or weight value.
 * Tables are CSV, or JSON when the file name ends in `.json` (the shared table layer).
 * Numbers are whole numbers ≥ 0 up to G_MAXINT; a minimum above its maximum (minutes,
 * consecutive days) is an error. Unknown groups, keys and columns are warnings. */
#pragma once

#include "pm-private.h"
#include "pm-rota-private.h"
#include "pm-table-private.h"

G_BEGIN_DECLS

/* The largest horizon accepted, in days (ten years, as for the benchmark reader). */
#define PM_ROTA_MAX_DAYS 3660

/* Reads @rota_ini and the optional @limits, @leave and @prefs tables (nullable) against the
 * supporters of @network. Every problem goes to @diagnostics (nullable) as `FILE:LINE` with
 * the key or column; on any error returns NULL with %PM_ERROR_INVALID_DATA naming the first
 * one and how many more there are; %PM_ERROR_OPEN when a file cannot be read.
 * Returns: (transfer full): the finished model. */
PmRotaModel *
pm_rota_read (PmNetwork *network, const char *rota_ini, const char *limits, const char *leave,
              const char *prefs, PmDiagnostics *diagnostics, GError **error);

/* Like pm_rota_read() on the @length bytes of a rota.ini in @data, without the tables;
 * @file names the data in messages and, without a [rota] name, names the rota. */
PmRotaModel *
pm_rota_parse_ini (PmNetwork *network, const char *data, gsize length, const char *file,
                   PmDiagnostics *diagnostics, GError **error);

/* ---- between the two halves of the reader: pm-rota-reader.c (the key file) and
 * pm-rota-people-reader.c (the people and their limits, leave and request tables) */

#define PM_ROTA_MINUTES_PER_DAY 1440

/* The per-person limits: [rules] and the limits table name them in this order. */
#define PM_ROTA_N_LIMITS 7

enum
{
  PM_ROTA_LIMIT_MAX_MINUTES = 1,
  PM_ROTA_LIMIT_MIN_MINUTES = 2,
  PM_ROTA_LIMIT_MAX_CONSECUTIVE = 3,
  PM_ROTA_LIMIT_MIN_CONSECUTIVE = 4,
  PM_ROTA_LIMIT_MIN_DAYS_OFF = 5,
};

extern const char *const pm_rota_limit_names[PM_ROTA_N_LIMITS];

/* A whole number ≥ 0 up to G_MAXINT; FALSE (nothing reported) otherwise. */
gboolean
pm_rota_parse_int (const char *text, int *value);

/* Reports a minimum above its maximum in @limits (PM_ROTA_N_LIMITS values) at those lines. */
void
pm_rota_check_min_max (PmTableCtx *ctx, const int *limits, guint line_min_minutes,
                       guint line_min_consecutive);

/* Adds every supporter of @network to @model, in network order, with @limits
 * (PM_ROTA_N_LIMITS values), the days off and, unless @ignore_availability, the allowed
 * (day, shift) pairs; the model's days and shifts must be set. */
void
pm_rota_add_people (PmTableCtx *ctx, PmRotaModel *model, PmNetwork *network, const int *limits,
                    gboolean ignore_availability);

/* Read the @length bytes of a table in @data (from @path, which @ctx then names) onto the
 * people of @model. Leave and requests are checked but not added unless @horizon_ok (the
 * model's days are the rota's, not placeholders). */
void
pm_rota_read_limits (PmTableCtx *ctx, PmRotaModel *model, const char *path, const char *data,
                     gsize length);
void
pm_rota_read_leave (PmTableCtx *ctx, PmRotaModel *model, gboolean horizon_ok, const char *path,
                    const char *data, gsize length);
void
pm_rota_read_prefs (PmTableCtx *ctx, PmRotaModel *model, gboolean horizon_ok, const char *path,
                    const char *data, gsize length);

G_END_DECLS
