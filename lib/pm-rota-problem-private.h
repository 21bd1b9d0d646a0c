/* peermatch: the private side of PmRotaProblem: the model it wraps. Never installed.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "pm-private.h"
#include "pm-rota-private.h"

G_BEGIN_DECLS

/* A problem owning @model, which must be finished (pm_rota_model_finish) and is never
 * changed afterwards: rotas, planners and writers share it without copies.
 * Returns: (transfer full) */
PmRotaProblem *
pm_rota_problem_new_take (PmRotaModel *model);

/* Returns: (transfer none): the model, valid as long as @self */
const PmRotaModel *
pm_rota_problem_get_model (PmRotaProblem *self);

/* Returns: (transfer none): the model, for pm_reader_read_busy() alone, which adds busy times
 * to it before the problem is shared (the one exception to "never changed") */
PmRotaModel *
pm_rota_problem_get_model_mutable (PmRotaProblem *self);

G_END_DECLS
