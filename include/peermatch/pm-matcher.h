/* peermatch: the matching engine (eligibility, score, rank, exact batch assignment).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(PEERMATCH_INSIDE) && !defined(PEERMATCH_COMPILATION)
#error "Only <peermatch/peermatch.h> can be included directly."
#endif

#include <gio/gio.h>
#include "pm-version.h"
#include "pm-network.h"
#include "pm-ranking.h"
#include "pm-matching.h"

G_BEGIN_DECLS

#define PM_TYPE_MATCHER (pm_matcher_get_type ())
PM_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PmMatcher, pm_matcher, PM, MATCHER, GObject)

PM_AVAILABLE_IN_ALL
PmMatcher *
pm_matcher_new (PmNetwork *network, const GDate *on);
PM_AVAILABLE_IN_ALL
PmNetwork *
pm_matcher_get_network (PmMatcher *self);
PM_AVAILABLE_IN_ALL
const GDate *
pm_matcher_get_date (PmMatcher *self);
PM_AVAILABLE_IN_ALL
PmRanking *
pm_matcher_rank (PmMatcher *self, const char *request_id, guint top, GError **error);
PM_AVAILABLE_IN_ALL
PmMatching *
pm_matcher_solve (PmMatcher *self, GCancellable *cancellable, GError **error);

G_END_DECLS
