/* peermatch: JSON, CSV and text renderings of rankings, matchings and rotas, and the
 * iCalendar export of rotas.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(PEERMATCH_INSIDE) && !defined(PEERMATCH_COMPILATION)
#error "Only <peermatch/peermatch.h> can be included directly."
#endif

#include <glib-object.h>
#include "pm-version.h"
#include "pm-ranking.h"
#include "pm-matching.h"
#include "pm-rota.h"

G_BEGIN_DECLS

/**
 * PmFormat:
 * @PM_FORMAT_JSON: JSON, as in the specification
 * @PM_FORMAT_CSV: CSV (RFC 4180, LF line ends), one row per request
 * @PM_FORMAT_TEXT: plain text a coordinator reads at a glance
 *
 * An output format.
 *
 * Since: 0.1
 */
typedef enum
{
  PM_FORMAT_JSON,
  PM_FORMAT_CSV,
  PM_FORMAT_TEXT,
} PmFormat;

PM_AVAILABLE_IN_ALL
gboolean
pm_format_from_string (const char *text, PmFormat *format);
PM_AVAILABLE_IN_ALL
char *
pm_matching_to_data (PmMatching *matching, PmFormat format, gsize *length);
PM_AVAILABLE_IN_ALL
char *
pm_ranking_to_data (PmRanking *ranking, PmFormat format, gsize *length);
PM_AVAILABLE_IN_ALL
char *
pm_rota_to_data (PmRota *rota, PmFormat format, gsize *length);
PM_AVAILABLE_IN_ALL
char *
pm_rota_to_ical (PmRota *rota, const char *person_id, gint64 dtstamp, gsize *length,
                 GError **error);
PM_AVAILABLE_IN_ALL
gboolean
pm_rota_write_ical (PmRota *rota, const char *dir, gint64 dtstamp, GError **error);

G_END_DECLS
