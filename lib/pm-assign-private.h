/* peermatch: exact maximum-weight assignment of rows (requests) to capacitated columns
 * (supporters). Private: the matcher is its only user.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The problem: each row takes at most one column, column c takes at most capacity[c] rows,
 * and the sum of the weights of the chosen (row, column) edges is maximal. Weights are
 * positive 64-bit integers; the caller folds its lexicographic tiers into them. The caller
 * hands over a sparse set of candidate edges per row; pm_assign_price() then proves (or
 * restores) optimality over the FULL bipartite graph through the LP dual, asking the caller
 * only for the pairs that could break it. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PM_ASSIGN_NONE G_MAXUINT

typedef struct _PmAssign PmAssign;

/* The weight of (row, col) in the full graph; FALSE when the pair is not an edge. */
typedef gboolean (*PmAssignWeightFunc) (gpointer user_data, guint row, guint col, gint64 *weight);

PmAssign *
pm_assign_new (guint n_rows, guint n_cols, const guint *capacity);
void
pm_assign_free (PmAssign *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmAssign, pm_assign_free)

/* The candidate edges of @row (copied); replaces earlier ones. Columns must be distinct. */
void
pm_assign_set_row (PmAssign *self, guint row, guint n_edges, const guint *cols,
                   const gint64 *weights);
/* What pm_assign_price() may assume about the edges of @row that are NOT candidates: none
 * weighs more than @bound (0 or less: the row has no other edge). pm_assign_set_row() sets
 * it to the smallest weight it was given, i.e. it assumes it received the row's best edges
 * (its top K); with no edges given the bound is unknown and pricing asks about every
 * column. Call this after pm_assign_set_row() when that assumption is wrong or too weak. */
void
pm_assign_set_row_bound (PmAssign *self, guint row, gint64 bound);
/* The same for the edges of column @col that are not candidates: none weighs more than
 * @bound (default: unknown). */
void
pm_assign_set_col_bound (PmAssign *self, guint col, gint64 bound);
/* Adds one candidate edge to @row (no effect if already present). */
void
pm_assign_add_edge (PmAssign *self, guint row, guint col, gint64 weight);

/* Solves exactly over the candidate edges. Fails only when cancelled or when the weights
 * could overflow 64-bit arithmetic (PM_ERROR_LIMIT). When the last call succeeded and edges
 * were only added since (pm_assign_price(), pm_assign_add_edge()), it repairs that optimum
 * instead of solving from scratch. */
gboolean
pm_assign_solve (PmAssign *self, GCancellable *cancellable, GError **error);

/* After a solve: checks every (row, col) pair that is not a candidate edge and could violate
 * dual feasibility, asking @func for its weight; violating pairs become candidate edges.
 * Returns the number of edges added: 0 proves the last solution optimal over the full
 * graph (call pm_assign_solve() again otherwise). A pass after another asks only about
 * pairs whose dual sum dropped since. */
guint
pm_assign_price (PmAssign *self, PmAssignWeightFunc func, gpointer user_data);

/* The column of @row in the last solution, or PM_ASSIGN_NONE. */
guint
pm_assign_get_col (PmAssign *self, guint row);
gint64
pm_assign_get_total_weight (PmAssign *self);

/* For the tests: how many solves took the warm path, and a check of the LP optimality
 * certificate of the last solve (dual feasibility on every candidate edge, chosen edges
 * tight, u_r = 0 on D, v_c > 0 only on full columns); FALSE with the first failure in @why. */
guint
pm_assign_get_n_warm (PmAssign *self);
gboolean
pm_assign_check_optimality (PmAssign *self, char **why);

G_END_DECLS
