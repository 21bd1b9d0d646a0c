/* peermatch: the matching policy (weights, rules, vocabulary).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(PEERMATCH_INSIDE) && !defined(PEERMATCH_COMPILATION)
#error "Only <peermatch/peermatch.h> can be included directly."
#endif

#include <glib-object.h>
#include "pm-version.h"
#include "pm-types.h"

G_BEGIN_DECLS

#define PM_TYPE_POLICY (pm_policy_get_type ())
PM_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PmPolicy, pm_policy, PM, POLICY, GObject)

PM_AVAILABLE_IN_ALL
PmPolicy *
pm_policy_new (void);
PM_AVAILABLE_IN_ALL
PmPolicy *
pm_policy_new_default (void);
PM_AVAILABLE_IN_ALL
double
pm_policy_get_weight (PmPolicy *self, PmComponent component);
PM_AVAILABLE_IN_ALL
void
pm_policy_set_weight (PmPolicy *self, PmComponent component, double weight);
PM_AVAILABLE_IN_ALL
guint
pm_policy_get_min_overlap_minutes (PmPolicy *self);
PM_AVAILABLE_IN_ALL
void
pm_policy_set_min_overlap_minutes (PmPolicy *self, guint minutes);
PM_AVAILABLE_IN_ALL
guint
pm_policy_get_full_overlap_minutes (PmPolicy *self);
PM_AVAILABLE_IN_ALL
void
pm_policy_set_full_overlap_minutes (PmPolicy *self, guint minutes);
PM_AVAILABLE_IN_ALL
guint
pm_policy_get_max_in_person_hops (PmPolicy *self);
PM_AVAILABLE_IN_ALL
void
pm_policy_set_max_in_person_hops (PmPolicy *self, guint hops);
PM_AVAILABLE_IN_ALL
gboolean
pm_policy_get_avoid_same_team (PmPolicy *self);
PM_AVAILABLE_IN_ALL
void
pm_policy_set_avoid_same_team (PmPolicy *self, gboolean avoid);
PM_AVAILABLE_IN_ALL
void
pm_policy_set_vocabulary (PmPolicy *self, const char *const *tags);
PM_AVAILABLE_IN_ALL
guint
pm_policy_get_n_vocabulary (PmPolicy *self);
PM_AVAILABLE_IN_ALL
const char *
pm_policy_get_vocabulary_item (PmPolicy *self, guint index);
PM_AVAILABLE_IN_ALL
gboolean
pm_policy_has_tag (PmPolicy *self, const char *tag);

G_END_DECLS
