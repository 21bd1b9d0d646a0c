/* peermatch: the rota planner: the public face of the rota search.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-rota-api-private.h"
#include "pm-rota-search-private.h"

/**
 * PmRotaPlanner:
 *
 * Plans a rota for a #PmRotaProblem (spec/rota.md): a seeded search that first builds every
 * person's row within the hard rules, then lowers the objective.
 *
 * Without a time limit (the default) the search does a fixed amount of work, so the same
 * problem and seed always give the same rota, on any machine. With a time limit it stops
 * at the limit and returns the best rota found: the result then depends on the machine's
 * speed.
 *
 * Since: 0.1
 */

struct _PmRotaPlanner
{
  GObject parent_instance;
  PmRotaProblem *problem;
  guint64 seed;
  double time_limit; /* seconds; 0 = none */
};

G_DEFINE_FINAL_TYPE (PmRotaPlanner, pm_rota_planner, G_TYPE_OBJECT)

enum
{
  SIGNAL_PROGRESS,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void
pm_rota_planner_finalize (GObject *object)
{
  PmRotaPlanner *self = PM_ROTA_PLANNER (object);

  g_clear_object (&self->problem);
  G_OBJECT_CLASS (pm_rota_planner_parent_class)->finalize (object);
}

static void
pm_rota_planner_class_init (PmRotaPlannerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_rota_planner_finalize;

  /**
   * PmRotaPlanner::progress:
   * @self: the planner
   * @best_objective: the objective of the best rota found so far
   * @hard_penalty: how far that rota is from breaking no hard rule (0: it is valid)
   *
   * Emitted during pm_rota_planner_plan(), in the thread that called it: about four times
   * a second with a time limit, else eight times over the run, and once at the end.
   *
   * Since: 0.1
   */
  signals[SIGNAL_PROGRESS]
      = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                      G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
}

static void
pm_rota_planner_init (PmRotaPlanner *self)
{
  self->seed = 1;
}

/**
 * pm_rota_planner_new:
 * @problem: a #PmRotaProblem
 *
 * Returns: (transfer full): a planner for @problem with seed 1 and no time limit
 *
 * Since: 0.1
 */
PmRotaPlanner *
pm_rota_planner_new (PmRotaProblem *problem)
{
  PmRotaPlanner *self;

  g_return_val_if_fail (PM_IS_ROTA_PROBLEM (problem), NULL);
  self = g_object_new (PM_TYPE_ROTA_PLANNER, NULL);
  self->problem = g_object_ref (problem);
  return self;
}

/**
 * pm_rota_planner_get_problem:
 * @self: a #PmRotaPlanner
 *
 * Returns: (transfer none): the problem @self plans for
 *
 * Since: 0.1
 */
PmRotaProblem *
pm_rota_planner_get_problem (PmRotaPlanner *self)
{
  g_return_val_if_fail (PM_IS_ROTA_PLANNER (self), NULL);
  return self->problem;
}

/**
 * pm_rota_planner_set_seed:
 * @self: a #PmRotaPlanner
 * @seed: the seed of the search's random choices (1 by default)
 *
 * Different seeds may give different rotas of similar quality.
 *
 * Since: 0.1
 */
void
pm_rota_planner_set_seed (PmRotaPlanner *self, guint64 seed)
{
  g_return_if_fail (PM_IS_ROTA_PLANNER (self));
  self->seed = seed;
}

/**
 * pm_rota_planner_get_seed:
 * @self: a #PmRotaPlanner
 *
 * Returns: the seed
 *
 * Since: 0.1
 */
guint64
pm_rota_planner_get_seed (PmRotaPlanner *self)
{
  g_return_val_if_fail (PM_IS_ROTA_PLANNER (self), 0);
  return self->seed;
}

/**
 * pm_rota_planner_set_time_limit:
 * @self: a #PmRotaPlanner
 * @seconds: the time the search may take, in seconds; 0 (the default) for none
 *
 * With no time limit the search does a fixed amount of work and its result depends only on
 * the problem and the seed. With one it stops after @seconds and returns the best rota found.
 *
 * Since: 0.1
 */
void
pm_rota_planner_set_time_limit (PmRotaPlanner *self, double seconds)
{
  g_return_if_fail (PM_IS_ROTA_PLANNER (self));
  g_return_if_fail (seconds >= 0);
  self->time_limit = seconds;
}

/**
 * pm_rota_planner_get_time_limit:
 * @self: a #PmRotaPlanner
 *
 * Returns: the time limit in seconds, 0 for none
 *
 * Since: 0.1
 */
double
pm_rota_planner_get_time_limit (PmRotaPlanner *self)
{
  g_return_val_if_fail (PM_IS_ROTA_PLANNER (self), 0);
  return self->time_limit;
}

static void
on_progress (gint64 best_objective, gint64 hard_penalty, gpointer user_data)
{
  g_signal_emit (user_data, signals[SIGNAL_PROGRESS], 0, best_objective, hard_penalty);
}

/**
 * pm_rota_planner_plan:
 * @self: a #PmRotaPlanner
 * @cancellable: (nullable): a #GCancellable to stop the search
 * @error: return location for a #GError
 *
 * Searches a rota, emitting #PmRotaPlanner::progress on the way. The result may break hard
 * rules when the problem allows no valid rota (for example a person whose minimum minutes
 * cannot be reached): it is then the least-violating rota found; check it with
 * pm_rota_is_valid() and list what is broken, with why when known, with
 * pm_rota_get_violation().
 *
 * This is the only place the library reads the clock (g_get_monotonic_time()), and only
 * when a time limit is set.
 *
 * Returns: (transfer full): the rota; %NULL with %G_IO_ERROR_CANCELLED when @cancellable was
 *   cancelled
 *
 * Since: 0.1
 */
PmRota *
pm_rota_planner_plan (PmRotaPlanner *self, GCancellable *cancellable, GError **error)
{
  const PmRotaModel *model;
  PmRotaSearchOptions options = { 0 };
  g_autofree int *cells = NULL;

  g_return_val_if_fail (PM_IS_ROTA_PLANNER (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  model = pm_rota_problem_get_model (self->problem);
  options.seed = self->seed;
  options.time_limit_seconds = self->time_limit;
  options.clock = self->time_limit > 0 ? g_get_monotonic_time : NULL;
  options.progress = on_progress;
  options.progress_data = self;
  cells = g_new (int, MAX ((gsize)PM_ROTA_N_PEOPLE (model) * (gsize)model->n_days, 1));
  if (!pm_rota_search (model, &options, cells, NULL, cancellable, error))
    return NULL;
  return pm_rota_new_take_cells (self->problem, g_steal_pointer (&cells));
}
