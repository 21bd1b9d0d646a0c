/* peermatch: a rota problem: horizon, shift types, people, cover groups and requests.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(PEERMATCH_INSIDE) && !defined(PEERMATCH_COMPILATION)
#error "Only <peermatch/peermatch.h> can be included directly."
#endif

#include <glib-object.h>
#include "pm-version.h"

G_BEGIN_DECLS

#define PM_TYPE_ROTA_PROBLEM (pm_rota_problem_get_type ())

PM_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PmRotaProblem, pm_rota_problem, PM, ROTA_PROBLEM, GObject)

PM_AVAILABLE_IN_ALL
const char *
pm_rota_problem_get_name (PmRotaProblem *self);
PM_AVAILABLE_IN_ALL
const char *
pm_rota_problem_get_timezone (PmRotaProblem *self);
PM_AVAILABLE_IN_ALL
void
pm_rota_problem_get_first_day (PmRotaProblem *self, GDate *date);
PM_AVAILABLE_IN_ALL
guint
pm_rota_problem_get_n_days (PmRotaProblem *self);
PM_AVAILABLE_IN_ALL
guint
pm_rota_problem_get_n_people (PmRotaProblem *self);
PM_AVAILABLE_IN_ALL
const char *
pm_rota_problem_get_person_id (PmRotaProblem *self, guint index);
PM_AVAILABLE_IN_ALL
gint
pm_rota_problem_find_person (PmRotaProblem *self, const char *id);
PM_AVAILABLE_IN_ALL
guint
pm_rota_problem_get_n_shifts (PmRotaProblem *self);
PM_AVAILABLE_IN_ALL
const char *
pm_rota_problem_get_shift_id (PmRotaProblem *self, guint index);
PM_AVAILABLE_IN_ALL
gint
pm_rota_problem_find_shift (PmRotaProblem *self, const char *id);

G_END_DECLS
