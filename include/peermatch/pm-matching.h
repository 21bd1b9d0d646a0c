/* peermatch: the result of a batch matching.
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

#define PM_TYPE_MATCHING (pm_matching_get_type ())
PM_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PmMatching, pm_matching, PM, MATCHING, GObject)

PM_AVAILABLE_IN_ALL
const GDate *
pm_matching_get_date (PmMatching *self);
PM_AVAILABLE_IN_ALL
guint
pm_matching_get_n_requests (PmMatching *self);
PM_AVAILABLE_IN_ALL
double
pm_matching_get_total_score (PmMatching *self);
PM_AVAILABLE_IN_ALL
guint
pm_matching_get_n_matched_priority (PmMatching *self);
PM_AVAILABLE_IN_ALL
guint
pm_matching_get_n_pairs (PmMatching *self);
PM_AVAILABLE_IN_ALL
const PmPair *
pm_matching_get_pair (PmMatching *self, guint index);
PM_AVAILABLE_IN_ALL
guint
pm_matching_get_n_unmatched (PmMatching *self);
PM_AVAILABLE_IN_ALL
const char *
pm_matching_get_unmatched_request_id (PmMatching *self, guint index);
PM_AVAILABLE_IN_ALL
PmUnmatchedReason
pm_matching_get_unmatched_reason (PmMatching *self, guint index);
PM_AVAILABLE_IN_ALL
guint
pm_matching_get_unmatched_eligible (PmMatching *self, guint index);
PM_AVAILABLE_IN_ALL
guint
pm_matching_get_unmatched_excluded_count (PmMatching *self, guint index, PmReason reason);
PM_AVAILABLE_IN_ALL
guint
pm_matching_get_n_escalated (PmMatching *self);
PM_AVAILABLE_IN_ALL
const char *
pm_matching_get_escalated_request_id (PmMatching *self, guint index);

G_END_DECLS
