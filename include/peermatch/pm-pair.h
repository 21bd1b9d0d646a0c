/* peermatch: a scored (request, supporter) pair.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(PEERMATCH_INSIDE) && !defined(PEERMATCH_COMPILATION)
#error "Only <peermatch/peermatch.h> can be included directly."
#endif

#include <glib-object.h>
#include "pm-version.h"
#include "pm-types.h"

G_BEGIN_DECLS

#define PM_TYPE_PAIR (pm_pair_get_type ())

/**
 * PmPair:
 *
 * An eligible (request, supporter) pair with its score, the weighted components that add
 * up to the score, the weekly overlap and the region hops between the two.
 *
 * Since: 0.1
 */
typedef struct _PmPair PmPair;

PM_AVAILABLE_IN_ALL
GType
pm_pair_get_type (void) G_GNUC_CONST;
PM_AVAILABLE_IN_ALL
PmPair *
pm_pair_copy (const PmPair *self);
PM_AVAILABLE_IN_ALL
void
pm_pair_free (PmPair *self);
PM_AVAILABLE_IN_ALL
const char *
pm_pair_get_request_id (const PmPair *self);
PM_AVAILABLE_IN_ALL
const char *
pm_pair_get_supporter_id (const PmPair *self);
PM_AVAILABLE_IN_ALL
double
pm_pair_get_score (const PmPair *self);
PM_AVAILABLE_IN_ALL
double
pm_pair_get_component (const PmPair *self, PmComponent component);
PM_AVAILABLE_IN_ALL
guint
pm_pair_get_overlap_minutes (const PmPair *self);
PM_AVAILABLE_IN_ALL
gint
pm_pair_get_hops (const PmPair *self);
PM_AVAILABLE_IN_ALL
char *
pm_pair_to_explanation (const PmPair *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmPair, pm_pair_free)

G_END_DECLS
