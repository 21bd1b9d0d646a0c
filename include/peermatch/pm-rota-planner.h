/* peermatch: the rota planner (spec/rota.md): a seeded, anytime search for a rota.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(PEERMATCH_INSIDE) && !defined(PEERMATCH_COMPILATION)
#error "Only <peermatch/peermatch.h> can be included directly."
#endif

#include <gio/gio.h>
#include "pm-version.h"
#include "pm-rota-problem.h"
#include "pm-rota.h"

G_BEGIN_DECLS

#define PM_TYPE_ROTA_PLANNER (pm_rota_planner_get_type ())

PM_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PmRotaPlanner, pm_rota_planner, PM, ROTA_PLANNER, GObject)

PM_AVAILABLE_IN_ALL
PmRotaPlanner *
pm_rota_planner_new (PmRotaProblem *problem);
PM_AVAILABLE_IN_ALL
PmRotaProblem *
pm_rota_planner_get_problem (PmRotaPlanner *self);
PM_AVAILABLE_IN_ALL
void
pm_rota_planner_set_seed (PmRotaPlanner *self, guint64 seed);
PM_AVAILABLE_IN_ALL
guint64
pm_rota_planner_get_seed (PmRotaPlanner *self);
PM_AVAILABLE_IN_ALL
void
pm_rota_planner_set_time_limit (PmRotaPlanner *self, double seconds);
PM_AVAILABLE_IN_ALL
double
pm_rota_planner_get_time_limit (PmRotaPlanner *self);
PM_AVAILABLE_IN_ALL
PmRota *
pm_rota_planner_plan (PmRotaPlanner *self, GCancellable *cancellable, GError **error);

G_END_DECLS
