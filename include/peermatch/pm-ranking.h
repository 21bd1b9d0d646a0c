/* peermatch: the eligible supporters for one request, best first.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(PEERMATCH_INSIDE) && !defined(PEERMATCH_COMPILATION)
#error "Only <peermatch/peermatch.h> can be included directly."
#endif

#include <glib-object.h>
#include "pm-version.h"
#include "pm-types.h"
#include "pm-pair.h"

G_BEGIN_DECLS

#define PM_TYPE_RANKING (pm_ranking_get_type ())
PM_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PmRanking, pm_ranking, PM, RANKING, GObject)

PM_AVAILABLE_IN_ALL
const char *
pm_ranking_get_request_id (PmRanking *self);
PM_AVAILABLE_IN_ALL
gboolean
pm_ranking_get_escalated (PmRanking *self);
PM_AVAILABLE_IN_ALL
guint
pm_ranking_get_n_eligible (PmRanking *self);
PM_AVAILABLE_IN_ALL
guint
pm_ranking_get_n_candidates (PmRanking *self);
PM_AVAILABLE_IN_ALL
const PmPair *
pm_ranking_get_candidate (PmRanking *self, guint index);
PM_AVAILABLE_IN_ALL
guint
pm_ranking_get_excluded_count (PmRanking *self, PmReason reason);

G_END_DECLS
