/* peermatch: a rota: who works which shift on which day of a rota problem.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(PEERMATCH_INSIDE) && !defined(PEERMATCH_COMPILATION)
#error "Only <peermatch/peermatch.h> can be included directly."
#endif

#include <glib-object.h>
#include "pm-version.h"
#include "pm-rota-problem.h"
#include "pm-rota-violation.h"

G_BEGIN_DECLS

#define PM_TYPE_ROTA (pm_rota_get_type ())

PM_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PmRota, pm_rota, PM, ROTA, GObject)

PM_AVAILABLE_IN_ALL
PmRota *
pm_rota_new (PmRotaProblem *problem);
PM_AVAILABLE_IN_ALL
PmRotaProblem *
pm_rota_get_problem (PmRota *self);
PM_AVAILABLE_IN_ALL
const char *
pm_rota_get_shift (PmRota *self, guint person, guint day);
PM_AVAILABLE_IN_ALL
gboolean
pm_rota_set_shift (PmRota *self, guint person, guint day, const char *shift, GError **error);
PM_AVAILABLE_IN_ALL
gint64
pm_rota_get_objective (PmRota *self);
PM_AVAILABLE_IN_ALL
gint64
pm_rota_get_cost (PmRota *self, PmRotaCostPart part);
PM_AVAILABLE_IN_ALL
guint
pm_rota_get_n_violations (PmRota *self);
PM_AVAILABLE_IN_ALL
const PmRotaViolation *
pm_rota_get_violation (PmRota *self, guint index);
PM_AVAILABLE_IN_ALL
gboolean
pm_rota_is_valid (PmRota *self);

G_END_DECLS
