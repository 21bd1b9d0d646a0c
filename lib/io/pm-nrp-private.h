/* peermatch: the reader of the "Shift Scheduling Benchmark" text format (Curtois and Qu,
 * schedulingbenchmarks.org) into a rota model. Never installed.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The format has seven sections in a fixed order (SECTION_HORIZON, SECTION_SHIFTS,
 * SECTION_STAFF, SECTION_DAYS_OFF, SECTION_SHIFT_ON_REQUESTS, SECTION_SHIFT_OFF_REQUESTS,
 * SECTION_COVER) of comma-separated lines; `#` starts a comment anywhere on a line; CRLF or LF.
 * How it maps onto the model:
 *   - day 0 is a Monday; the format has no dates, so the first day is Monday 2024-01-01;
 *   - shift types have a length but no start time: every start is 00:00, and the model is
 *     finished with a minimum rest of 0, so the only forbidden successions are the listed
 *     ones (a length of at most 1440 minutes never makes two shifts overlap);
 *   - a staff line sets the per-type maxima (`ID=N|ID=N`; a type not listed is unlimited),
 *     the total minutes, the consecutive working days and days off, and the weekends; the
 *     format has no maximum of shifts in total, so that stays unlimited;
 *   - days off are hard days off; on/off requests are soft requests;
 *   - each cover line becomes one cover group named after the shift, with every member of
 *     staff in it;
 *   - the model is named after the file's base name;
 *   - numbers are whole numbers; a sign is accepted because Instance15 writes a requirement
 *     of `-0`, but a negative value is an error. */
#pragma once

#include "pm-private.h"
#include "pm-rota-private.h"

G_BEGIN_DECLS

/* The largest horizon accepted, in days (the benchmark's largest is 364). */
#define PM_NRP_MAX_DAYS 3660

/* Reads the benchmark file @path. Every problem goes to @diagnostics (nullable) as
 * `FILE:LINE` with the field; on any error returns NULL with %PM_ERROR_INVALID_DATA naming
 * the first one and how many more there are, or %PM_ERROR_OPEN when @path cannot be read.
 * Returns: (transfer full): the finished model. */
PmRotaModel *
pm_nrp_read (const char *path, PmDiagnostics *diagnostics, GError **error);

/* Like pm_nrp_read() on @length bytes of @data (need not be NUL-terminated); @file_name
 * names the data in messages and gives the model its name. */
PmRotaModel *
pm_nrp_parse (const char *data, gsize length, const char *file_name, PmDiagnostics *diagnostics,
              GError **error);

G_END_DECLS
