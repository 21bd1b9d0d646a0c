/* peermatch: weekly availability windows.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(PEERMATCH_INSIDE) && !defined(PEERMATCH_COMPILATION)
#error "Only <peermatch/peermatch.h> can be included directly."
#endif

#include <glib-object.h>
#include "pm-version.h"

G_BEGIN_DECLS

/**
 * PM_MINUTES_PER_WEEK:
 *
 * The length of the availability week: minute 0 is Monday 00:00.
 *
 * Since: 0.1
 */
#define PM_MINUTES_PER_WEEK 10080

#define PM_TYPE_AVAILABILITY (pm_availability_get_type ())

/**
 * PmAvailability:
 *
 * A set of weekly wall-clock windows, held as disjoint half-open minute intervals of the
 * week (minute 0 is Monday 00:00, the week has %PM_MINUTES_PER_WEEK minutes). A window that
 * crosses Sunday midnight wraps into Monday.
 *
 * Since: 0.1
 */
typedef struct _PmAvailability PmAvailability;

PM_AVAILABLE_IN_ALL
GType
pm_availability_get_type (void) G_GNUC_CONST;
PM_AVAILABLE_IN_ALL
PmAvailability *
pm_availability_new (void);
PM_AVAILABLE_IN_ALL
PmAvailability *
pm_availability_new_from_string (const char *text, GError **error);
PM_AVAILABLE_IN_ALL
PmAvailability *
pm_availability_copy (const PmAvailability *self);
PM_AVAILABLE_IN_ALL
void
pm_availability_free (PmAvailability *self);
PM_AVAILABLE_IN_ALL
void
pm_availability_add_interval (PmAvailability *self, guint start, guint end);
PM_AVAILABLE_IN_ALL
guint
pm_availability_get_n_intervals (const PmAvailability *self);
PM_AVAILABLE_IN_ALL
void
pm_availability_get_interval (const PmAvailability *self, guint index, guint *start, guint *end);
PM_AVAILABLE_IN_ALL
guint
pm_availability_get_minutes (const PmAvailability *self);
PM_AVAILABLE_IN_ALL
guint
pm_availability_overlap (const PmAvailability *a, const PmAvailability *b);
PM_AVAILABLE_IN_ALL
gboolean
pm_availability_contains (const PmAvailability *self, guint start, guint minutes);
PM_AVAILABLE_IN_ALL
gboolean
pm_availability_equal (const PmAvailability *a, const PmAvailability *b);
PM_AVAILABLE_IN_ALL
char *
pm_availability_to_string (const PmAvailability *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmAvailability, pm_availability_free)

G_END_DECLS
