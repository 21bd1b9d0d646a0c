/* peermatch: the private side of PmRota, for the rota readers, writers and the planner.
 * Never installed.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "pm-private.h"
#include "pm-rota-private.h"
#include "pm-rota-problem-private.h"

G_BEGIN_DECLS

/* A rota of @problem with @cells (n_people * n_days shift indices, person-major,
 * PM_ROTA_OFF for none), which it takes.
 * Returns: (transfer full) */
PmRota *
pm_rota_new_take_cells (PmRotaProblem *problem, int *cells);

/* Returns: (transfer none): the n_people * n_days shift indices, person-major */
const int *
pm_rota_get_cells (PmRota *self);

/* Sets one cell (a shift index or PM_ROTA_OFF) without any check beyond the ranges. */
void
pm_rota_set_cell (PmRota *self, int person, int day, int shift);

/* Records a one_per_day violation (a second shift for a person on a day, which a rota read
 * from a file may hold but a PmRota cannot); takes @violation. Listed with the checker's
 * violations in their order, until the person's shift that day is set again. */
void
pm_rota_take_extra_violation (PmRota *self, PmRotaViolation *violation);

G_END_DECLS
