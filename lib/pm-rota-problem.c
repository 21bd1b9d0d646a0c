/* peermatch: a rota problem (spec/rota.md "Model"), a read-only view of a finished model.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-rota-problem-private.h"

/**
 * PmRotaProblem:
 *
 * What a rota is planned for (spec/rota.md "Model"): a horizon of days, the shift types,
 * the people with their limits and days off, the cover groups and the requests. Read one
 * with pm_reader_read_rota_problem() (a rota.ini and the network's supporters) or
 * pm_reader_read_benchmark() (the "Shift Scheduling Benchmark" text format). A problem
 * never changes once read, so it may be shared by rotas and planners, and read from
 * several threads.
 *
 * People and shift types are numbered from 0 in the order of the source (network order
 * for a rota.ini, file order for a benchmark); days are numbered from 0, the first day.
 *
 * Since: 0.1
 */

struct _PmRotaProblem
{
  GObject parent_instance;
  PmRotaModel *model;
};

G_DEFINE_FINAL_TYPE (PmRotaProblem, pm_rota_problem, G_TYPE_OBJECT)

static void
pm_rota_problem_finalize (GObject *object)
{
  PmRotaProblem *self = PM_ROTA_PROBLEM (object);

  g_clear_pointer (&self->model, pm_rota_model_free);
  G_OBJECT_CLASS (pm_rota_problem_parent_class)->finalize (object);
}

static void
pm_rota_problem_class_init (PmRotaProblemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_rota_problem_finalize;
}

static void
pm_rota_problem_init (PmRotaProblem *self)
{
  (void)self;
}

PmRotaProblem *
pm_rota_problem_new_take (PmRotaModel *model)
{
  PmRotaProblem *self;

  g_return_val_if_fail (model != NULL, NULL);
  self = g_object_new (PM_TYPE_ROTA_PROBLEM, NULL);
  self->model = model;
  return self;
}

const PmRotaModel *
pm_rota_problem_get_model (PmRotaProblem *self)
{
  g_return_val_if_fail (PM_IS_ROTA_PROBLEM (self), NULL);
  return self->model;
}

PmRotaModel *
pm_rota_problem_get_model_mutable (PmRotaProblem *self)
{
  g_return_val_if_fail (PM_IS_ROTA_PROBLEM (self), NULL);
  return self->model;
}

/**
 * pm_rota_problem_get_name:
 * @self: a #PmRotaProblem
 *
 * Returns: (transfer none): the rota's name: `[rota] name` of a rota.ini (by default the
 *   file's base name), or the base name of a benchmark file
 *
 * Since: 0.1
 */
const char *
pm_rota_problem_get_name (PmRotaProblem *self)
{
  g_return_val_if_fail (PM_IS_ROTA_PROBLEM (self), NULL);
  return self->model->name;
}

/**
 * pm_rota_problem_get_timezone:
 * @self: a #PmRotaProblem
 *
 * Returns: (transfer none) (nullable): the IANA time zone of the shift times (a rota.ini's
 *   `timezone`, `Europe/London` by default), or %NULL for a benchmark problem, which has
 *   none
 *
 * Since: 0.1
 */
const char *
pm_rota_problem_get_timezone (PmRotaProblem *self)
{
  g_return_val_if_fail (PM_IS_ROTA_PROBLEM (self), NULL);
  return self->model->timezone;
}

/**
 * pm_rota_problem_get_first_day:
 * @self: a #PmRotaProblem
 * @date: (out caller-allocates): receives the first day of the horizon (day 0)
 *
 * A benchmark problem has no dates: its day 0 is Monday 2024-01-01.
 *
 * Since: 0.1
 */
void
pm_rota_problem_get_first_day (PmRotaProblem *self, GDate *date)
{
  g_return_if_fail (PM_IS_ROTA_PROBLEM (self));
  g_return_if_fail (date != NULL);
  *date = self->model->first_day;
}

/**
 * pm_rota_problem_get_n_days:
 * @self: a #PmRotaProblem
 *
 * Returns: the number of days of the horizon
 *
 * Since: 0.1
 */
guint
pm_rota_problem_get_n_days (PmRotaProblem *self)
{
  g_return_val_if_fail (PM_IS_ROTA_PROBLEM (self), 0);
  return (guint)self->model->n_days;
}

/**
 * pm_rota_problem_get_n_people:
 * @self: a #PmRotaProblem
 *
 * Returns: the number of people who may be given shifts
 *
 * Since: 0.1
 */
guint
pm_rota_problem_get_n_people (PmRotaProblem *self)
{
  g_return_val_if_fail (PM_IS_ROTA_PROBLEM (self), 0);
  return (guint)PM_ROTA_N_PEOPLE (self->model);
}

/**
 * pm_rota_problem_get_person_id:
 * @self: a #PmRotaProblem
 * @index: a person, below pm_rota_problem_get_n_people()
 *
 * Returns: (transfer none): the person's id (a supporter id, or a benchmark staff id)
 *
 * Since: 0.1
 */
const char *
pm_rota_problem_get_person_id (PmRotaProblem *self, guint index)
{
  g_return_val_if_fail (PM_IS_ROTA_PROBLEM (self), NULL);
  g_return_val_if_fail (index < self->model->people->len, NULL);
  return PM_ROTA_PERSON (self->model, index)->id;
}

/**
 * pm_rota_problem_find_person:
 * @self: a #PmRotaProblem
 * @id: a person id (exact, case-sensitive)
 *
 * Returns: the index of the person, or -1 when there is no such person
 *
 * Since: 0.1
 */
gint
pm_rota_problem_find_person (PmRotaProblem *self, const char *id)
{
  g_return_val_if_fail (PM_IS_ROTA_PROBLEM (self), -1);
  g_return_val_if_fail (id != NULL, -1);
  return pm_rota_model_find_person (self->model, id);
}

/**
 * pm_rota_problem_get_n_shifts:
 * @self: a #PmRotaProblem
 *
 * Returns: the number of shift types
 *
 * Since: 0.1
 */
guint
pm_rota_problem_get_n_shifts (PmRotaProblem *self)
{
  g_return_val_if_fail (PM_IS_ROTA_PROBLEM (self), 0);
  return (guint)PM_ROTA_N_SHIFTS (self->model);
}

/**
 * pm_rota_problem_get_shift_id:
 * @self: a #PmRotaProblem
 * @index: a shift type, below pm_rota_problem_get_n_shifts()
 *
 * Returns: (transfer none): the shift type's id, such as `night`
 *
 * Since: 0.1
 */
const char *
pm_rota_problem_get_shift_id (PmRotaProblem *self, guint index)
{
  g_return_val_if_fail (PM_IS_ROTA_PROBLEM (self), NULL);
  g_return_val_if_fail (index < self->model->shifts->len, NULL);
  return PM_ROTA_SHIFT (self->model, index)->id;
}

/**
 * pm_rota_problem_find_shift:
 * @self: a #PmRotaProblem
 * @id: a shift type id (exact, case-sensitive)
 *
 * Returns: the index of the shift type, or -1 when there is no such shift type
 *
 * Since: 0.1
 */
gint
pm_rota_problem_find_shift (PmRotaProblem *self, const char *id)
{
  g_return_val_if_fail (PM_IS_ROTA_PROBLEM (self), -1);
  g_return_val_if_fail (id != NULL, -1);
  return pm_rota_model_find_shift (self->model, id);
}
