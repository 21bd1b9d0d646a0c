/* peermatch: pricing for the exact assignment (pm-assign.c): proves the last solution
 * optimal over the FULL bipartite graph, or finds the pairs that could improve it.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The LP, its dual and complementary slackness (CS) are those of pm-assign.c's top comment.
 * With the duals (u, v) of the last solve, a non-candidate pair (r, c) can improve the
 * solution only if it is dual infeasible: w(r,c) > u_r + v_c. If no pair of the full graph
 * is, (u, v) is dual feasible for the full LP and the solution meets it with CS, so by LP
 * duality no fractional solution of the full graph, and hence no assignment, is better:
 * returning 0 is a proof of optimality. Columns without capacity never take a row, so
 * their v can be taken as large as needed and they are never priced.
 *
 * As every non-candidate weight of row r is <= bound_r, and of column c <= cbound_c, only
 * pairs with u_r + v_c < min (bound_r, cbound_c) can be violated. The columns are sorted by
 * v once, so each row scans a prefix (v_c < bound_r - u_r) and asks the caller only about
 * the pairs the column bound lets through.
 *
 * Passes after the first need much less. After a complete pass, every non-candidate pair
 * has w <= u'_r + v'_c for the duals (u', v') of that pass: it was asked and found so, or
 * skipped by a bound, or (by induction) skipped by the rule that follows; the violating
 * ones became candidates, and edges are only added since. So in the next pass a pair whose
 * sum did not drop (u_r + v_c >= u'_r + v'_c) cannot be violated, and only pairs with
 * (u_r - u'_r) + (v_c - v'_c) < 0 are asked about: for a row whose u did not drop, only the
 * columns whose v dropped by more than u rose, a short list sorted by that change. A warm
 * re-solve moves few duals, so the proof of optimality costs a fraction of the first pass.
 * The pairs asked about are a subset of the first kind's, the violating ones found are the
 * same, and each row's new edges are added in v order either way, so the solution does not
 * depend on which kind ran. pm_assign_set_row(), pm_assign_set_row_bound() and
 * pm_assign_set_col_bound() may break the induction: the next pass is then a complete one
 * again. */
#include "pm-private.h"
#include "pm-assign-internal.h"

#include <stdlib.h>

void
pm_assign_set_row_bound (PmAssign *self, guint row, gint64 bound)
{
  g_return_if_fail (self != NULL && row < self->n_rows);
  self->bound[row] = bound;
  self->priced = FALSE;
}

void
pm_assign_set_col_bound (PmAssign *self, guint col, gint64 bound)
{
  g_return_if_fail (self != NULL && col < self->n_cols);
  self->cbound[col] = bound;
  self->priced = FALSE;
}

typedef struct
{
  gint64 v;
  guint col;
} ColKey;

static int
col_key_cmp (const void *a, const void *b)
{
  const ColKey *x = a, *y = b;

  if (x->v != y->v)
    return x->v < y->v ? -1 : 1;
  return x->col < y->col ? -1 : x->col > y->col;
}

typedef struct
{
  guint row, col;
  gint64 weight;
  gint64 v; /* the column's v: the order of a row's new edges */
} NewEdge;

static int
new_edge_cmp (const void *a, const void *b)
{
  const NewEdge *x = a, *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->v != y->v)
    return x->v < y->v ? -1 : 1;
  return x->col < y->col ? -1 : x->col > y->col;
}

typedef struct
{
  PmAssign *self;
  PmAssignWeightFunc func;
  gpointer user_data;
  guint *mark;
  GArray *added;
  gboolean warned;
} Pricing;

/* Asks about (r, c) unless the column's bound rules it out; a violating pair is kept. */
static inline void
price_pair (Pricing *p, guint r, guint c)
{
  PmAssign *self = p->self;
  gint64 w, sum = self->u[r] + self->v[c];

  if (p->mark[c] == r + 1 || sum >= self->cbound[c] || !p->func (p->user_data, r, c, &w))
    return;
  if (w > self->bound[r] && !p->warned)
    {
      g_critical ("pm_assign_price: row %u has an edge heavier than its bound", r);
      p->warned = TRUE;
    }
  if (w > 0 && w > sum)
    g_array_append_val (p->added, ((NewEdge){ r, c, w, self->v[c] }));
}

guint
pm_assign_price (PmAssign *self, PmAssignWeightFunc func, gpointer user_data)
{
  g_autofree ColKey *cols = NULL;
  g_autofree ColKey *drops = NULL;
  g_autofree guint *mark = NULL;
  g_autoptr (GArray) added = NULL;
  Pricing p;
  guint n = 0, n_drops = 0, c, r, k, i;
  gboolean incremental;

  g_return_val_if_fail (self != NULL && func != NULL, 0);
  g_return_val_if_fail (self->solved, 0);
  incremental = self->priced;
  cols = g_new (ColKey, MAX (self->n_cols, 1));
  drops = g_new (ColKey, MAX (self->n_cols, 1));
  for (c = 0; c < self->n_cols; c++)
    {
      /* a column whose every other edge is covered by v alone is never asked about */
      if (self->cap[c] == 0 || self->v[c] >= self->cbound[c])
        continue;
      cols[n++] = (ColKey){ self->v[c], c };
      if (incremental && self->v[c] < self->pv[c])
        drops[n_drops++] = (ColKey){ self->v[c] - self->pv[c], c };
    }
  qsort (cols, n, sizeof (ColKey), col_key_cmp);
  qsort (drops, n_drops, sizeof (ColKey), col_key_cmp);
  mark = g_new0 (guint, MAX (self->n_cols, 1));
  added = g_array_new (FALSE, FALSE, sizeof (NewEdge));
  p = (Pricing){ self, func, user_data, mark, added, FALSE };
  for (r = 0; r < self->n_rows; r++)
    {
      const AssignRow *row = &self->rows[r];
      gint64 lim, rise;

      if (self->bound[r] <= 0)
        continue;                        /* no other edge */
      lim = self->bound[r] - self->u[r]; /* both in [0, INT64_MAX]: no overflow */
      for (k = 0; k < row->n; k++)
        mark[row->cols[k]] = r + 1;
      rise = incremental ? self->u[r] - self->pu[r] : G_MININT64;
      if (rise >= 0)
        {
          /* only columns whose v dropped by more than u rose */
          for (i = 0; i < n_drops && drops[i].v < -rise; i++)
            if (self->v[drops[i].col] < lim)
              price_pair (&p, r, drops[i].col);
          continue;
        }
      for (i = 0; i < n && cols[i].v < lim; i++)
        if (!incremental || rise + (cols[i].v - self->pv[cols[i].col]) < 0)
          price_pair (&p, r, cols[i].col);
    }
  /* each row's new edges in v order, whichever kind of pass found them */
  if (incremental)
    g_array_sort (added, new_edge_cmp);
  for (i = 0; i < added->len; i++)
    {
      const NewEdge *e = &g_array_index (added, NewEdge, i);

      pm_assign_add_edge (self, e->row, e->col, e->weight);
    }
  /* this pass's proof: the next one starts from these duals */
  if (self->pu == NULL)
    {
      self->pu = g_new (gint64, MAX (self->n_rows, 1));
      self->pv = g_new (gint64, MAX (self->n_cols, 1));
    }
  /* (an empty instance has no duals at all: memcpy must not see their NULL) */
  if (self->n_rows > 0)
    memcpy (self->pu, self->u, sizeof (gint64) * self->n_rows);
  if (self->n_cols > 0)
    memcpy (self->pv, self->v, sizeof (gint64) * self->n_cols);
  self->priced = TRUE;
  return added->len;
}
