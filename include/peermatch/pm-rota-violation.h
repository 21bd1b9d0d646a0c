/* peermatch: a broken hard rule of a rota.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(PEERMATCH_INSIDE) && !defined(PEERMATCH_COMPILATION)
#error "Only <peermatch/peermatch.h> can be included directly."
#endif

#include <glib-object.h>
#include "pm-version.h"
#include "pm-types.h"

G_BEGIN_DECLS

#define PM_TYPE_ROTA_VIOLATION (pm_rota_violation_get_type ())

/**
 * PmRotaViolation:
 *
 * One broken hard rule of a rota (spec/rota.md "Hard rules"): which rule, for whom, from
 * which day, and a sentence for a coordinator that says why when the cause is known (for
 * example the minimum minutes being unreachable given leave).
 *
 * Since: 0.1
 */
typedef struct _PmRotaViolation PmRotaViolation;

PM_AVAILABLE_IN_ALL
GType
pm_rota_violation_get_type (void) G_GNUC_CONST;
PM_AVAILABLE_IN_ALL
PmRotaViolation *
pm_rota_violation_copy (const PmRotaViolation *self);
PM_AVAILABLE_IN_ALL
void
pm_rota_violation_free (PmRotaViolation *self);
PM_AVAILABLE_IN_ALL
PmRotaRule
pm_rota_violation_get_rule (const PmRotaViolation *self);
PM_AVAILABLE_IN_ALL
const char *
pm_rota_violation_get_person_id (const PmRotaViolation *self);
PM_AVAILABLE_IN_ALL
gint
pm_rota_violation_get_day (const PmRotaViolation *self);
PM_AVAILABLE_IN_ALL
const char *
pm_rota_violation_get_message (const PmRotaViolation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmRotaViolation, pm_rota_violation_free)

G_END_DECLS
