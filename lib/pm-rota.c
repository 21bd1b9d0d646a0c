/* peermatch: a rota: one shift or none per person and day, with its lazily computed
 * objective and hard violations.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-rota-api-private.h"
#include "pm-rota-explain-private.h"

#include <string.h>

/**
 * PmRota:
 *
 * Who works which shift on which day of a #PmRotaProblem: at most one shift per person and
 * day. Plan one with pm_rota_planner_plan(), read one with pm_reader_read_rota(), or build
 * one with pm_rota_new() and pm_rota_set_shift().
 *
 * The objective, its parts and the hard violations (spec/rota.md) are computed when first
 * asked for and kept until the rota changes; a rota is not thread-safe.
 *
 * Since: 0.1
 */

struct _PmRota
{
  GObject parent_instance;
  PmRotaProblem *problem;
  const PmRotaModel *model; /* the problem's */
  int *cells;               /* n_people * n_days, person-major */
  GPtrArray *extra;         /* PmRotaViolation*: one_per_day, recorded by the reader */
  gboolean checked;         /* cost and violations are up to date */
  PmRotaCost cost;
  GPtrArray *violations; /* PmRotaViolation*, when checked */
};

G_DEFINE_FINAL_TYPE (PmRota, pm_rota, G_TYPE_OBJECT)

static void
pm_rota_finalize (GObject *object)
{
  PmRota *self = PM_ROTA (object);

  g_free (self->cells);
  g_ptr_array_unref (self->extra);
  g_clear_pointer (&self->violations, g_ptr_array_unref);
  g_clear_object (&self->problem);
  G_OBJECT_CLASS (pm_rota_parent_class)->finalize (object);
}

static void
pm_rota_class_init (PmRotaClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_rota_finalize;
}

static void
pm_rota_init (PmRota *self)
{
  self->extra = g_ptr_array_new_with_free_func ((GDestroyNotify)pm_rota_violation_free);
}

PmRota *
pm_rota_new_take_cells (PmRotaProblem *problem, int *cells)
{
  PmRota *self;

  g_return_val_if_fail (PM_IS_ROTA_PROBLEM (problem), NULL);
  g_return_val_if_fail (cells != NULL, NULL);
  self = g_object_new (PM_TYPE_ROTA, NULL);
  self->problem = g_object_ref (problem);
  self->model = pm_rota_problem_get_model (problem);
  self->cells = cells;
  return self;
}

/**
 * pm_rota_new:
 * @problem: a #PmRotaProblem
 *
 * Returns: (transfer full): an empty rota of @problem: everybody off every day
 *
 * Since: 0.1
 */
PmRota *
pm_rota_new (PmRotaProblem *problem)
{
  const PmRotaModel *model;
  gsize n;
  int *cells;

  g_return_val_if_fail (PM_IS_ROTA_PROBLEM (problem), NULL);
  model = pm_rota_problem_get_model (problem);
  n = (gsize)PM_ROTA_N_PEOPLE (model) * (gsize)model->n_days;
  cells = g_new (int, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    cells[i] = PM_ROTA_OFF;
  return pm_rota_new_take_cells (problem, cells);
}

const int *
pm_rota_get_cells (PmRota *self)
{
  g_return_val_if_fail (PM_IS_ROTA (self), NULL);
  return self->cells;
}

static void
invalidate (PmRota *self)
{
  self->checked = FALSE;
  g_clear_pointer (&self->violations, g_ptr_array_unref);
}

void
pm_rota_set_cell (PmRota *self, int person, int day, int shift)
{
  g_return_if_fail (PM_IS_ROTA (self));
  g_return_if_fail (person >= 0 && person < PM_ROTA_N_PEOPLE (self->model));
  g_return_if_fail (day >= 0 && day < self->model->n_days);
  g_return_if_fail (shift == PM_ROTA_OFF || (shift >= 0 && shift < PM_ROTA_N_SHIFTS (self->model)));
  /* A second shift the reader saw that day no longer stands once the cell is decided. */
  for (guint i = self->extra->len; i-- > 0;)
    {
      const PmRotaViolation *v = g_ptr_array_index (self->extra, i);

      if (v->person == person && v->day == day)
        g_ptr_array_remove_index (self->extra, i);
    }
  self->cells[(gsize)person * (gsize)self->model->n_days + (gsize)day] = shift;
  invalidate (self);
}

void
pm_rota_take_extra_violation (PmRota *self, PmRotaViolation *violation)
{
  g_return_if_fail (PM_IS_ROTA (self));
  g_return_if_fail (violation != NULL);
  g_ptr_array_add (self->extra, violation);
  invalidate (self);
}

/**
 * pm_rota_get_problem:
 * @self: a #PmRota
 *
 * Returns: (transfer none): the problem @self is a rota of
 *
 * Since: 0.1
 */
PmRotaProblem *
pm_rota_get_problem (PmRota *self)
{
  g_return_val_if_fail (PM_IS_ROTA (self), NULL);
  return self->problem;
}

static gboolean
in_range (PmRota *self, guint person, guint day)
{
  return person < (guint)PM_ROTA_N_PEOPLE (self->model) && day < (guint)self->model->n_days;
}

/**
 * pm_rota_get_shift:
 * @self: a #PmRota
 * @person: a person of the problem, below pm_rota_problem_get_n_people()
 * @day: a day of the horizon, below pm_rota_problem_get_n_days()
 *
 * Returns: (transfer none) (nullable): the id of the shift @person works on @day, or %NULL
 *   when the day is off
 *
 * Since: 0.1
 */
const char *
pm_rota_get_shift (PmRota *self, guint person, guint day)
{
  int shift;

  g_return_val_if_fail (PM_IS_ROTA (self), NULL);
  g_return_val_if_fail (in_range (self, person, day), NULL);
  shift = self->cells[(gsize)person * (gsize)self->model->n_days + day];
  return shift == PM_ROTA_OFF ? NULL : PM_ROTA_SHIFT (self->model, shift)->id;
}

/**
 * pm_rota_set_shift:
 * @self: a #PmRota
 * @person: a person of the problem, below pm_rota_problem_get_n_people()
 * @day: a day of the horizon, below pm_rota_problem_get_n_days()
 * @shift: (nullable): a shift type id, or %NULL for a day off
 * @error: return location for a #GError
 *
 * Gives @person the shift @shift on @day (replacing any shift they had that day), whether
 * or not that breaks a hard rule: the violations say what it breaks.
 *
 * Returns: %TRUE on success; %FALSE with %PM_ERROR_NOT_FOUND when @shift is not a shift
 *   type of the problem (the rota is then unchanged)
 *
 * Since: 0.1
 */
gboolean
pm_rota_set_shift (PmRota *self, guint person, guint day, const char *shift, GError **error)
{
  int index = PM_ROTA_OFF;

  g_return_val_if_fail (PM_IS_ROTA (self), FALSE);
  g_return_val_if_fail (in_range (self, person, day), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (shift != NULL)
    {
      index = pm_rota_model_find_shift (self->model, shift);
      if (index < 0)
        {
          g_set_error (error, PM_ERROR, PM_ERROR_NOT_FOUND, "no shift type '%s' in rota '%s'",
                       shift, self->model->name);
          return FALSE;
        }
    }
  pm_rota_set_cell (self, (int)person, (int)day, index);
  return TRUE;
}

/* ---- checking, on demand */

/* Appends the static cause of a broken rule (pm_rota_explain), looked up once per person
 * and rule: a person whose limits cannot all be met may break one rule many times. */
static void
add_explanations (const PmRotaModel *model, GPtrArray *violations)
{
  g_autoptr (GHashTable) causes = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < violations->len; i++)
    {
      PmRotaViolation *v = g_ptr_array_index (violations, i);
      gpointer key = GINT_TO_POINTER (v->person * PM_ROTA_RULE_N + (int)v->rule + 1);
      gpointer cause;
      char *message;

      if (!g_hash_table_lookup_extended (causes, key, NULL, &cause))
        {
          cause = pm_rota_explain (model, v->person, v->rule);
          g_hash_table_insert (causes, key, cause);
        }
      if (cause == NULL)
        continue;
      message = g_strdup_printf ("%s: %s", v->message, (const char *)cause);
      g_free (v->message);
      v->message = message;
    }
}

/* By person, then day (-1, the whole horizon, first), then rule: the checker's order. */
static gint
violation_compare (gconstpointer a, gconstpointer b)
{
  const PmRotaViolation *va = *(PmRotaViolation *const *)a;
  const PmRotaViolation *vb = *(PmRotaViolation *const *)b;

  if (va->person != vb->person)
    return va->person < vb->person ? -1 : 1;
  if (va->day != vb->day)
    return va->day < vb->day ? -1 : 1;
  return (int)va->rule - (int)vb->rule;
}

static void
ensure_checked (PmRota *self)
{
  GPtrArray *violations = NULL;

  if (self->checked)
    return;
  pm_rota_check (self->model, self->cells, &self->cost, &violations);
  add_explanations (self->model, violations);
  if (self->extra->len > 0)
    {
      for (guint i = 0; i < self->extra->len; i++)
        g_ptr_array_add (violations, pm_rota_violation_copy (g_ptr_array_index (self->extra, i)));
      /* Stable (GLib's sort is a merge sort): the checker's own order is kept. */
      g_ptr_array_sort (violations, violation_compare);
    }
  self->violations = violations;
  self->checked = TRUE;
}

/**
 * pm_rota_get_objective:
 * @self: a #PmRota
 *
 * The objective of spec/rota.md "Objective" (lower is better): the sum of the parts given
 * by pm_rota_get_cost(). Hard violations are not part of it: see pm_rota_is_valid().
 *
 * Returns: the objective
 *
 * Since: 0.1
 */
gint64
pm_rota_get_objective (PmRota *self)
{
  g_return_val_if_fail (PM_IS_ROTA (self), 0);
  ensure_checked (self);
  return self->cost.objective;
}

/**
 * pm_rota_get_cost:
 * @self: a #PmRota
 * @part: a part of the objective
 *
 * Returns: that part of the objective
 *
 * Since: 0.1
 */
gint64
pm_rota_get_cost (PmRota *self, PmRotaCostPart part)
{
  g_return_val_if_fail (PM_IS_ROTA (self), 0);
  ensure_checked (self);
  switch (part)
    {
      case PM_ROTA_COST_UNDER:
        return self->cost.under;
      case PM_ROTA_COST_OVER:
        return self->cost.over;
      case PM_ROTA_COST_REQUESTS:
        return self->cost.requests;
      default:
        g_return_val_if_reached (0);
    }
}

/**
 * pm_rota_get_n_violations:
 * @self: a #PmRota
 *
 * Each broken limit counts once, however far it is exceeded (a run of 5 working days where
 * 3 are allowed is one violation), so the count reads as the number of things to fix.
 *
 * Returns: the number of hard-rule violations
 *
 * Since: 0.1
 */
guint
pm_rota_get_n_violations (PmRota *self)
{
  g_return_val_if_fail (PM_IS_ROTA (self), 0);
  ensure_checked (self);
  return self->violations->len;
}

/**
 * pm_rota_get_violation:
 * @self: a #PmRota
 * @index: below pm_rota_get_n_violations()
 *
 * Violations are in order of person (problem order), then day (those about the whole
 * horizon first), then rule (#PmRotaRule order).
 *
 * Returns: (transfer none): the violation, valid until @self changes or is freed
 *
 * Since: 0.1
 */
const PmRotaViolation *
pm_rota_get_violation (PmRota *self, guint index)
{
  g_return_val_if_fail (PM_IS_ROTA (self), NULL);
  ensure_checked (self);
  g_return_val_if_fail (index < self->violations->len, NULL);
  return g_ptr_array_index (self->violations, index);
}

/**
 * pm_rota_is_valid:
 * @self: a #PmRota
 *
 * Returns: %TRUE when @self breaks no hard rule
 *
 * Since: 0.1
 */
gboolean
pm_rota_is_valid (PmRota *self)
{
  return pm_rota_get_n_violations (self) == 0;
}
