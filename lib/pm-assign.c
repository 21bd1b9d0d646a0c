/* peermatch: exact maximum-weight assignment of rows to capacitated columns.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Method: successive shortest augmenting paths, one row at a time, on the sparse candidate
 * graph (the Hungarian / Jonker-Volgenant scheme generalised to column capacities).
 *
 * Model. A dummy column D of unlimited capacity and weight 0 is adjacent to every row, so
 * every row is always assigned (D means "unmatched"). The LP is
 *   max sum w(r,c) x(r,c)  s.t.  sum_c x(r,c) = 1 (dual u_r, free),
 *                                sum_r x(r,c) <= cap_c (dual v_c >= 0), x >= 0,
 * whose dual is  min sum u_r + sum cap_c v_c  s.t.  u_r + v_c >= w(r,c), u_r >= 0 (edge to D,
 * v_D = 0). Complementary slackness (CS): a chosen edge is tight (u_r + v_c = w), and
 * v_c > 0 only for a full column.
 *
 * Invariant. After rows r_1..r_k have been inserted, their assignment and the duals (u, v)
 * satisfy dual feasibility on every candidate edge of those rows and CS, so the assignment is
 * optimal for the subproblem on those rows (LP duality; the b-matching polytope of a
 * bipartite graph is integral, so the LP optimum is attained by an integral assignment).
 * Inserting row s is a shortest path from s to any "sink" (a column with a free slot, or D)
 * in the residual graph, whose arcs are r -> c for an unchosen edge (reduced cost
 * u_r + v_c - w >= 0) and c -> r for a chosen edge (reduced cost 0). As the reduced costs are
 * non-negative, Dijkstra applies; it stops as soon as the first sink is settled at distance
 * delta. Then only settled nodes move: v_c += delta - d_c, u_r -= delta - d_r. This keeps
 * every reduced cost >= 0 (capped distances min(d, delta) are a valid potential shift), makes
 * the path tight, and keeps CS: only full columns are settled before the sink, so only they
 * gain v > 0, and a column never loses load. Flipping the path keeps every row assigned and
 * adds one unit of load to the sink only. Induction gives the optimum over all rows.
 *
 * Exactness. All arithmetic is int64 with proven bounds: 0 <= u_r <= W and 0 <= v_c <= W
 * (W the largest weight; v_c > 0 only for a full column, whose tight rows give v_c <= w), a
 * settled distance is <= delta <= u_s <= W, and a tentative one is <= 3W. So W <= INT64_MAX/4
 * is enough; the total is bounded up front by the sum of each row's best weight. Beyond
 * either limit pm_assign_solve() fails with PM_ERROR_LIMIT instead of computing garbage.
 *
 * Cost. One Dijkstra per row over the part of the graph closer than its sink, with a binary
 * heap of columns and the rows of a settled column scanned at once: worst case
 * O(rows * E log C). Rows go heaviest best edge first (a fixed order, for determinism; the
 * order barely changes the cost, measured); a column farther than the nearest sink seen so far is
 * never pushed; the per-column data read for every edge (dual, search stamps, distance) sits in one
 * 32-byte record; work arrays are reset by stamps, not cleared. Memory is O(rows + cols + E). What
 * dominates is saturation: while free slots remain, the count tier makes every row reach one
 * however far it is, so the rows inserted just before the capacity runs out search most of the full
 * columns (measured: 20,000 x 5,000 with 30 edges a row, ~1 s; 5,000 x 1,250 with 300, ~4 s;
 * LEMON's network simplex is 2-13x faster there, see bench/). Once capacity is gone, rows reach D
 * at once.
 *
 * Re-solving (warm start). When edges were only added since the last solve (pm_assign_price()
 * or pm_assign_add_edge(); pm_assign_set_row() forces a cold solve, as it may remove edges),
 * pm_assign_solve() repairs the previous optimum instead of starting over. Only a row with a
 * new edge that is dual infeasible (u_r + v_c < w) can break optimality; every other new edge
 * keeps (u, v) feasible and the old solution optimal. The repair keeps the invariant of the
 * cold solve on the set of "inserted" rows (dual feasibility on their candidate edges, chosen
 * edges tight, v_c > 0 only on full columns), in three steps:
 *   1. Take out every violating row (back to D, no longer inserted). The remaining rows' edges
 *      are unchanged, so they stay feasible and tight; only CS can break: a column c that lost
 *      a row may have room and v_c > 0.
 *   2. Repair each such column c0. With its capacity cut to its load the current state would
 *      be optimal, so raising it by one unit needs one shortest path (successive shortest paths
 *      again). Moving rows into c0 along c0 <- r_1 (from c_1) <- r_2 (from c_2) ... ending at a
 *      row from D, or at a column c_k that keeps the room, gains
 *      v_c0 - sum rc(r_i, c_(i-1)) - v_(c_k) (v_D = 0), with rc = u + v - w >= 0 and the moved
 *      rows tight on their old columns. So a reverse Dijkstra from c0 over the transposed
 *      candidate graph (arc c -> c' through a row r on c' with an edge to c, length rc(r, c))
 *      finds the cheapest end T* = min (v_c0, min over settled c of d_c + v_c, d_D), and c0
 *      itself at v_c0 means "keep the room". Settled columns c (d_c < T*) then move by
 *      Delta_c = T* - d_c: v_c -= Delta_c, u_r += Delta_c for the rows on c. Every reduced cost
 *      stays >= 0 (an edge (r, c) from a settled c has d_(col r) <= d_c + rc, so
 *      Delta_(col r) >= Delta_c - rc; D ends no closer than T*), the path becomes tight, v stays
 *      >= 0 (T* <= d_c + v_c for every settled c) and u stays >= 0 (it only grows). The end
 *      column gets v = 0 exactly (Delta = v_(c_k)), so the room it gets is CS; c0 either gets
 *      v = 0 or one more row. No column gains room with a positive price, so the measure
 *      sum over {c: v_c > 0} of room_c drops at every step: no cycling, at most one search per
 *      removed row. Ties prefer "keep the room" and then the first end found, for determinism.
 *   3. Insert the taken-out rows with insert_row(), exactly as a cold solve would.
 * After step 2 the state is a cold-solve state for the inserted rows, and step 3 is the cold
 * solve's own induction, so the result is optimal, exactly; the final tightness assertion and,
 * in the tests, pm_assign_check_optimality() check it. Bounds: u_r <= W still (a chosen edge is
 * tight, v >= 0), v only drops, reverse distances are <= T* <= W when settled and <= 3W
 * tentative, as in the cold solve. Cost: O(E) to rebuild the CSR (and its transpose when a
 * column needs repair) plus one reverse and one forward search per violating row, instead of
 * one search per row.
 *
 * Pricing, the proof of optimality over the full graph: see pm-assign-price.c. */
#include "pm-private.h"
#include "pm-assign-internal.h"

#include <stdlib.h>

#define DIST_INF G_MAXINT64

/* What the search reads for every edge, in one cache line access. */
struct _ColHot
{
  gint64 v;    /* the column's dual during a solve */
  gint64 dist; /* tentative distance in the current search, when seen == stamp */
  guint done;  /* == stamp: settled in the current search */
  guint seen;  /* == stamp: reached in the current search */
  guint room;  /* capacity left */
  guint pred;  /* the row it was reached from */
};

PmAssign *
pm_assign_new (guint n_rows, guint n_cols, const guint *capacity)
{
  PmAssign *self;
  guint i;

  g_return_val_if_fail (n_cols < G_MAXUINT - 1 && n_rows < G_MAXUINT - 1, NULL);
  g_return_val_if_fail (n_cols == 0 || capacity != NULL, NULL);
  self = g_new0 (PmAssign, 1);
  self->n_rows = n_rows;
  self->n_cols = n_cols;
  self->cap = g_memdup2 (capacity, sizeof (guint) * n_cols);
  self->rows = g_new0 (AssignRow, n_rows);
  self->bound = g_new (gint64, n_rows);
  for (i = 0; i < n_rows; i++)
    self->bound[i] = G_MAXINT64;
  self->cbound = g_new (gint64, MAX (n_cols, 1));
  for (i = 0; i < n_cols; i++)
    self->cbound[i] = G_MAXINT64;
  self->row_col = g_new (guint, n_rows);
  self->u = g_new0 (gint64, n_rows);
  self->v = g_new0 (gint64, n_cols);
  return self;
}

static void
free_work (PmAssign *self)
{
  g_clear_pointer (&self->off, g_free);
  g_clear_pointer (&self->ecol, g_free);
  g_clear_pointer (&self->ew, g_free);
  g_clear_pointer (&self->hot, g_free);
  g_clear_pointer (&self->head, g_free);
  g_clear_pointer (&self->next, g_free);
  g_clear_pointer (&self->prev, g_free);
  g_clear_pointer (&self->heap, g_free);
  g_clear_pointer (&self->pos, g_free);
  g_clear_pointer (&self->settled, g_free);
  g_clear_pointer (&self->pcol, g_free);
  g_clear_pointer (&self->toff, g_free);
  g_clear_pointer (&self->trow, g_free);
  g_clear_pointer (&self->tw, g_free);
  g_clear_pointer (&self->out, g_free);
}

void
pm_assign_free (PmAssign *self)
{
  guint i;

  if (self == NULL)
    return;
  for (i = 0; i < self->n_rows; i++)
    {
      g_free (self->rows[i].cols);
      g_free (self->rows[i].weights);
    }
  free_work (self);
  g_free (self->rows);
  g_free (self->bound);
  g_free (self->cbound);
  g_free (self->pu);
  g_free (self->pv);
  g_free (self->cap);
  g_free (self->row_col);
  g_free (self->u);
  g_free (self->v);
  g_free (self);
}

static void
row_reserve (AssignRow *row, guint n)
{
  if (n <= row->alloc)
    return;
  row->alloc = MAX (n, MAX (4, row->alloc * 2));
  row->cols = g_renew (guint, row->cols, row->alloc);
  row->weights = g_renew (gint64, row->weights, row->alloc);
}

void
pm_assign_set_row (PmAssign *self, guint row, guint n_edges, const guint *cols,
                   const gint64 *weights)
{
  AssignRow *r;
  gint64 min_w = G_MAXINT64;
  guint i;

  g_return_if_fail (self != NULL && row < self->n_rows);
  g_return_if_fail (n_edges == 0 || (cols != NULL && weights != NULL));
  for (i = 0; i < n_edges; i++)
    {
      g_return_if_fail (cols[i] < self->n_cols && weights[i] > 0);
      min_w = MIN (min_w, weights[i]);
    }
  r = &self->rows[row];
  r->n = 0;
  row_reserve (r, n_edges);
  if (n_edges > 0)
    {
      memcpy (r->cols, cols, sizeof (guint) * n_edges);
      memcpy (r->weights, weights, sizeof (gint64) * n_edges);
    }
  r->n = n_edges;
  self->bound[row] = min_w;
  self->cold = TRUE;    /* edges may be gone: the last optimum cannot be repaired */
  self->priced = FALSE; /* nor the last pricing's proof */
}

void
pm_assign_add_edge (PmAssign *self, guint row, guint col, gint64 weight)
{
  AssignRow *r;
  guint i;

  g_return_if_fail (self != NULL && row < self->n_rows && col < self->n_cols && weight > 0);
  r = &self->rows[row];
  for (i = 0; i < r->n; i++)
    if (r->cols[i] == col)
      return;
  row_reserve (r, r->n + 1);
  r->cols[r->n] = col;
  r->weights[r->n] = weight;
  r->n++;
}

/* ---- limits and set-up */

static gboolean
check_limits (PmAssign *self, GError **error)
{
  guint64 total = 0;
  gint64 max_w = 0;
  guint r, k;

  for (r = 0; r < self->n_rows; r++)
    {
      const AssignRow *row = &self->rows[r];
      gint64 best = 0;

      for (k = 0; k < row->n; k++)
        if (self->cap[row->cols[k]] > 0)
          best = MAX (best, row->weights[k]);
      max_w = MAX (max_w, best);
      if (!g_uint64_checked_add (&total, total, (guint64)best) || total > G_MAXINT64)
        break;
    }
  /* see the top comment: potentials and distances stay below 3W + W */
  if (max_w > G_MAXINT64 / 4 || total > G_MAXINT64 || r < self->n_rows)
    {
      g_set_error (
          error, PM_ERROR, PM_ERROR_LIMIT,
          "Assignment weights too large for exact 64-bit arithmetic (largest %" G_GINT64_FORMAT ")",
          max_w);
      return FALSE;
    }
  return TRUE;
}

static void
build_work (PmAssign *self)
{
  guint n = self->n_rows, m = self->n_cols, r, c, k, e = 0;

  free_work (self);
  self->off = g_new (guint, n + 1);
  for (r = 0; r < n; r++)
    {
      self->off[r] = e;
      for (k = 0; k < self->rows[r].n; k++)
        e += self->cap[self->rows[r].cols[k]] > 0;
    }
  self->off[n] = e;
  self->ecol = g_new (guint, MAX (e, 1));
  self->ew = g_new (gint64, MAX (e, 1));
  for (r = 0, e = 0; r < n; r++)
    for (k = 0; k < self->rows[r].n; k++)
      if (self->cap[self->rows[r].cols[k]] > 0)
        {
          self->ecol[e] = self->rows[r].cols[k];
          self->ew[e++] = self->rows[r].weights[k];
        }
  self->hot = g_new (ColHot, MAX (m, 1));
  self->head = g_new (guint, m);
  for (c = 0; c < m; c++)
    {
      self->head[c] = PM_ASSIGN_NONE;
      self->hot[c] = (ColHot){ 0, 0, 0, 0, self->cap[c], 0 };
    }
  self->next = g_new (guint, n);
  self->prev = g_new (guint, n);
  self->heap = g_new (guint, MAX (m, 1));
  self->pos = g_new (guint, m);
  self->settled = g_new (guint, MAX (m, 1));
  self->stamp = 0;
}

/* ---- the indexed binary heap of tentative columns, keyed by (dist, col) for determinism */

static inline gboolean
heap_less (const PmAssign *self, guint a, guint b)
{
  return self->hot[a].dist < self->hot[b].dist || (self->hot[a].dist == self->hot[b].dist && a < b);
}

static void
heap_up (PmAssign *self, guint i)
{
  guint c = self->heap[i];

  while (i > 0)
    {
      guint parent = (i - 1) / 2;

      if (!heap_less (self, c, self->heap[parent]))
        break;
      self->heap[i] = self->heap[parent];
      self->pos[self->heap[i]] = i;
      i = parent;
    }
  self->heap[i] = c;
  self->pos[c] = i;
}

static guint
heap_pop (PmAssign *self)
{
  guint top = self->heap[0], c, i = 0;

  c = self->heap[--self->heap_n];
  for (;;)
    {
      guint child = 2 * i + 1;

      if (child >= self->heap_n)
        break;
      if (child + 1 < self->heap_n && heap_less (self, self->heap[child + 1], self->heap[child]))
        child++;
      if (!heap_less (self, self->heap[child], c))
        break;
      self->heap[i] = self->heap[child];
      self->pos[self->heap[i]] = i;
      i = child;
    }
  if (self->heap_n > 0)
    {
      self->heap[i] = c;
      self->pos[c] = i;
    }
  return top;
}

/* ---- one row insertion */

typedef struct
{
  gint64 dummy_dist; /* tentative distance of D */
  gint64 limit;      /* tentative distance of the nearest sink, D or a column with room */
  guint dummy_pred;
} Search;

/* Relaxes the arcs out of row @r, reached at distance @dr. A column farther than the nearest
 * sink seen so far (D, or a column with room, both tentative) cannot lie on a shorter path,
 * so it is not pushed: near saturation this keeps most of the graph out of the heap. */
static void
scan_row (PmAssign *self, Search *s, guint r, gint64 dr)
{
  guint k, own = self->row_col[r];
  gint64 base = dr + self->u[r];
  ColHot *hot = self->hot;

  if (base < s->dummy_dist)
    {
      s->dummy_dist = base;
      s->limit = MIN (s->limit, base);
      s->dummy_pred = r;
    }
  for (k = self->off[r]; k < self->off[r + 1]; k++)
    {
      guint c = self->ecol[k];
      gint64 nd;

      if (c == own || hot[c].done == self->stamp)
        continue;
      nd = base + hot[c].v - self->ew[k];
      if (nd > s->limit)
        continue;
      if (hot[c].room > 0)
        s->limit = nd;
      if (self->hot[c].seen != self->stamp)
        {
          self->hot[c].seen = self->stamp;
          self->hot[c].dist = nd;
          self->hot[c].pred = r;
          self->heap[self->heap_n] = c;
          heap_up (self, self->heap_n++);
        }
      else if (nd < self->hot[c].dist)
        {
          self->hot[c].dist = nd;
          self->hot[c].pred = r;
          heap_up (self, self->pos[c]);
        }
    }
}

static void
move_row (PmAssign *self, guint r, guint to)
{
  guint from = self->row_col[r];

  if (from < self->n_cols)
    {
      if (self->prev[r] != PM_ASSIGN_NONE)
        self->next[self->prev[r]] = self->next[r];
      else
        self->head[from] = self->next[r];
      if (self->next[r] != PM_ASSIGN_NONE)
        self->prev[self->next[r]] = self->prev[r];
    }
  self->row_col[r] = to;
  if (to < self->n_cols)
    {
      self->prev[r] = PM_ASSIGN_NONE;
      self->next[r] = self->head[to];
      if (self->head[to] != PM_ASSIGN_NONE)
        self->prev[self->head[to]] = r;
      self->head[to] = r;
    }
}

/* Moves the settled nodes' potentials (see the top comment), then flips the path that ends
 * in @sink (a column, or n_cols for D) and came from @dummy_pred when it is D. */
static void
update_and_augment (PmAssign *self, guint s, guint sink, gint64 delta, guint dummy_pred)
{
  guint i, r, t;

  self->u[s] -= delta;
  for (i = 0; i < self->n_settled; i++)
    {
      guint c = self->settled[i];
      gint64 shift = delta - self->hot[c].dist;

      self->hot[c].v += shift;
      for (r = self->head[c]; r != PM_ASSIGN_NONE; r = self->next[r])
        self->u[r] -= shift;
    }
  t = sink;
  r = sink == self->n_cols ? dummy_pred : self->hot[sink].pred;
  for (;;)
    {
      guint old = self->row_col[r];

      move_row (self, r, t);
      if (r == s)
        break;
      t = old;
      r = self->hot[t].pred;
    }
  if (sink < self->n_cols)
    self->hot[sink].room--;
}

static void
insert_row (PmAssign *self, guint s)
{
  Search search;
  gint64 us = 0;
  guint k, sink = self->n_cols;
  gint64 delta;

  /* the smallest u_s that keeps every edge of s dual feasible */
  for (k = self->off[s]; k < self->off[s + 1]; k++)
    us = MAX (us, self->ew[k] - self->hot[self->ecol[k]].v);
  self->u[s] = us;
  self->stamp++;
  self->heap_n = 0;
  self->n_settled = 0;
  search.dummy_dist = DIST_INF;
  search.limit = DIST_INF;
  search.dummy_pred = s;
  scan_row (self, &search, s, 0);
  delta = search.dummy_dist;
  while (self->heap_n > 0 && self->hot[self->heap[0]].dist <= search.dummy_dist)
    {
      guint c = heap_pop (self), r;

      if (self->hot[c].room > 0)
        {
          sink = c;
          delta = self->hot[c].dist;
          break;
        }
      self->hot[c].done = self->stamp;
      self->settled[self->n_settled++] = c;
      for (r = self->head[c]; r != PM_ASSIGN_NONE; r = self->next[r])
        scan_row (self, &search, r, self->hot[c].dist);
      delta = search.dummy_dist;
    }
  update_and_augment (self, s, sink, delta, search.dummy_pred);
}

typedef struct
{
  gint64 best;
  guint row;
} RowKey;

static int
row_key_cmp (const void *a, const void *b)
{
  const RowKey *x = a, *y = b;

  if (x->best != y->best)
    return x->best > y->best ? -1 : 1;
  return x->row < y->row ? -1 : x->row > y->row;
}

/* Heaviest best edge first: see the top comment. */
static RowKey *
row_order (PmAssign *self)
{
  RowKey *keys = g_new (RowKey, MAX (self->n_rows, 1));
  guint r, k;

  for (r = 0; r < self->n_rows; r++)
    {
      keys[r].row = r;
      keys[r].best = 0;
      for (k = self->off[r]; k < self->off[r + 1]; k++)
        keys[r].best = MAX (keys[r].best, self->ew[k]);
    }
  qsort (keys, self->n_rows, sizeof (RowKey), row_key_cmp);
  return keys;
}

/* ---- warm start: see the top comment */

/* The candidate edges by column, for the reverse search. */
static void
build_transpose (PmAssign *self)
{
  guint n = self->n_rows, m = self->n_cols, e = self->off[n], r, k, c;

  if (self->toff != NULL)
    return;
  self->toff = g_new0 (guint, m + 1);
  self->trow = g_new (guint, MAX (e, 1));
  self->tw = g_new (gint64, MAX (e, 1));
  for (k = 0; k < e; k++)
    self->toff[self->ecol[k] + 1]++;
  for (c = 0; c < m; c++)
    self->toff[c + 1] += self->toff[c];
  /* toff[c] serves as column c's cursor, then is shifted back to its start */
  for (r = 0; r < n; r++)
    for (k = self->off[r]; k < self->off[r + 1]; k++)
      {
        guint at = self->toff[self->ecol[k]]++;

        self->trow[at] = r;
        self->tw[at] = self->ew[k];
      }
  for (c = m; c > 0; c--)
    self->toff[c] = self->toff[c - 1];
  self->toff[0] = 0;
}

/* c0 has room and v_c0 > 0: one reverse shortest path either drops v_c0 to 0 or moves one
 * row into c0 (the end column, if any, gets v = 0). Step 2 of the top comment. */
static void
repair_column (PmAssign *self, guint c0)
{
  guint m = self->n_cols, term = c0, dpred = PM_ASSIGN_NONE, dpcol = PM_ASSIGN_NONE, i, r, to;
  gint64 best = self->hot[c0].v;

  self->stamp++;
  self->heap_n = 0;
  self->n_settled = 0;
  self->hot[c0].seen = self->stamp;
  self->hot[c0].dist = 0;
  self->heap[self->heap_n] = c0;
  heap_up (self, self->heap_n++);
  while (self->heap_n > 0 && self->hot[self->heap[0]].dist < best)
    {
      guint c = heap_pop (self), k;
      gint64 dc = self->hot[c].dist, vc = self->hot[c].v;

      self->hot[c].done = self->stamp;
      self->settled[self->n_settled++] = c;
      /* ending here: a row leaves c, which keeps the room at price 0 */
      if (c != c0 && dc + vc < best)
        {
          best = dc + vc;
          term = c;
        }
      for (k = self->toff[c]; k < self->toff[c + 1]; k++)
        {
          guint t;
          gint64 nd;

          r = self->trow[k];
          t = self->row_col[r];
          if (t == c || self->out[r])
            continue;
          nd = dc + self->u[r] + vc - self->tw[k];
          if (nd >= best)
            continue;
          if (t == m)
            {
              /* a row from D moves in: the end, at its distance (D is never shifted) */
              best = nd;
              term = m;
              dpred = r;
              dpcol = c;
              continue;
            }
          if (self->hot[t].done == self->stamp)
            continue;
          if (self->hot[t].seen != self->stamp)
            {
              self->hot[t].seen = self->stamp;
              self->hot[t].dist = nd;
              self->hot[t].pred = r;
              self->pcol[t] = c;
              self->heap[self->heap_n] = t;
              heap_up (self, self->heap_n++);
            }
          else if (nd < self->hot[t].dist)
            {
              self->hot[t].dist = nd;
              self->hot[t].pred = r;
              self->pcol[t] = c;
              heap_up (self, self->pos[t]);
            }
        }
    }
  /* the settled columns move by T* - d_c (>= 0: Dijkstra settles in order, T* >= d_c) */
  for (i = 0; i < self->n_settled; i++)
    {
      guint c = self->settled[i];
      gint64 shift = best - self->hot[c].dist;

      self->hot[c].v -= shift;
      for (r = self->head[c]; r != PM_ASSIGN_NONE; r = self->next[r])
        self->u[r] += shift;
    }
  if (term == c0)
    return; /* v_c0 is 0 now: the room is CS */
  if (term == m)
    {
      r = dpred;
      to = dpcol;
    }
  else
    {
      r = self->hot[term].pred;
      to = self->pcol[term];
      self->hot[term].room++;
    }
  for (;;)
    {
      move_row (self, r, to);
      if (to == c0)
        break;
      r = self->hot[to].pred;
      to = self->pcol[to];
    }
  self->hot[c0].room--;
}

static gboolean
cancelled (PmAssign *self, guint i, GCancellable *cancellable, GError **error)
{
  guint r;

  if (i % 256 != 0 || !g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  for (r = 0; r < self->n_rows; r++)
    self->row_col[r] = self->n_cols;
  free_work (self);
  return TRUE;
}

/* Repairs the last optimum after edges were added. FALSE only when cancelled. */
static gboolean
solve_warm (PmAssign *self, GCancellable *cancellable, GError **error)
{
  g_autofree RowKey *keys = NULL;
  guint n = self->n_rows, m = self->n_cols, r, k, c, i, j;

  build_work (self);
  self->out = g_new0 (guint8, MAX (n, 1));
  self->pcol = g_new (guint, MAX (m, 1));
  for (c = 0; c < m; c++)
    self->hot[c].v = self->v[c];
  for (r = 0; r < n; r++)
    {
      c = self->row_col[r];
      self->row_col[r] = m;
      if (c < m)
        {
          move_row (self, r, c);
          self->hot[c].room--;
        }
    }
  /* step 1: take out the rows with a dual infeasible edge (only new edges can be) */
  for (r = 0; r < n; r++)
    for (k = self->off[r]; k < self->off[r + 1]; k++)
      if (self->u[r] + self->hot[self->ecol[k]].v < self->ew[k])
        {
          c = self->row_col[r];
          move_row (self, r, m);
          if (c < m)
            self->hot[c].room++;
          self->u[r] = 0;
          self->out[r] = 1;
          break;
        }
  /* step 2: no column keeps room at a positive price */
  for (c = 0, i = 0; c < m; c++)
    while (self->hot[c].room > 0 && self->hot[c].v > 0)
      {
        if (cancelled (self, i++, cancellable, error))
          return FALSE;
        build_transpose (self);
        repair_column (self, c);
      }
  /* step 3: insert the taken-out rows, in the cold solve's order */
  keys = row_order (self);
  for (i = 0, j = 0; i < n; i++)
    {
      if (!self->out[keys[i].row])
        continue;
      if (cancelled (self, j++, cancellable, error))
        return FALSE;
      self->out[keys[i].row] = 0;
      if (keys[i].best > 0)
        insert_row (self, keys[i].row);
    }
  self->n_warm++;
  return TRUE;
}

static gboolean
solve_cold (PmAssign *self, GCancellable *cancellable, GError **error)
{
  g_autofree RowKey *keys = NULL;
  guint i, r;

  build_work (self);
  for (r = 0; r < self->n_rows; r++)
    {
      self->u[r] = 0;
      self->row_col[r] = self->n_cols;
    }
  keys = row_order (self);
  for (i = 0; i < self->n_rows; i++)
    {
      if (cancelled (self, i, cancellable, error))
        return FALSE;
      if (keys[i].best > 0)
        insert_row (self, keys[i].row);
    }
  return TRUE;
}

gboolean
pm_assign_solve (PmAssign *self, GCancellable *cancellable, GError **error)
{
  gboolean warm;
  guint i, r, k;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  warm = self->solved && !self->cold;
  self->solved = FALSE;
  self->total = 0;
  if (!check_limits (self, error))
    return FALSE;
  if (!(warm ? solve_warm : solve_cold) (self, cancellable, error))
    return FALSE;
  self->cold = FALSE;
  /* The LP certificate, whichever path ran (O(E), next to nothing beside a solve): dual
   * feasibility on every candidate edge, CS (chosen edges tight, u = 0 on D, v > 0 only on
   * full columns). A failure is a solver bug; it must not pass as an optimum. */
  for (i = 0; i < self->n_cols; i++)
    {
      self->v[i] = self->hot[i].v;
      g_assert (self->v[i] >= 0 && (self->v[i] == 0 || self->hot[i].room == 0));
    }
  for (r = 0; r < self->n_rows; r++)
    {
      g_assert (self->row_col[r] < self->n_cols ? self->u[r] >= 0 : self->u[r] == 0);
      for (k = self->off[r]; k < self->off[r + 1]; k++)
        if (self->ecol[k] == self->row_col[r])
          {
            g_assert (self->u[r] + self->v[self->ecol[k]] == self->ew[k]);
            self->total += self->ew[k];
          }
        else
          g_assert (self->u[r] + self->v[self->ecol[k]] >= self->ew[k]);
    }
  free_work (self);
  self->solved = TRUE;
  return TRUE;
}

guint
pm_assign_get_n_warm (PmAssign *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_warm;
}

gboolean
pm_assign_check_optimality (PmAssign *self, char **why)
{
  g_autofree guint *load = NULL;
  guint r, k, c;

  g_return_val_if_fail (self != NULL && why != NULL, FALSE);
  *why = NULL;
  if (!self->solved)
    {
      *why = g_strdup ("not solved");
      return FALSE;
    }
  load = g_new0 (guint, MAX (self->n_cols, 1));
  for (r = 0; r < self->n_rows; r++)
    {
      const AssignRow *row = &self->rows[r];
      guint own = self->row_col[r];
      gboolean found = own >= self->n_cols;

      if (self->u[r] < 0 || (own >= self->n_cols && self->u[r] != 0))
        *why
            = g_strdup_printf ("row %u: u = %" G_GINT64_FORMAT " on column %u", r, self->u[r], own);
      for (k = 0; k < row->n && *why == NULL; k++)
        {
          gint64 slack;

          c = row->cols[k];
          if (self->cap[c] == 0)
            continue; /* never chosen; v_c may be taken as large as needed */
          slack = self->u[r] + self->v[c] - row->weights[k];
          if (slack < 0)
            *why = g_strdup_printf ("edge (%u, %u) dual infeasible by %" G_GINT64_FORMAT, r, c,
                                    -slack);
          else if (c == own && slack != 0)
            *why = g_strdup_printf ("chosen edge (%u, %u) not tight", r, c);
          found |= c == own;
        }
      if (*why == NULL && !found)
        *why = g_strdup_printf ("row %u on non-candidate column %u", r, own);
      if (*why != NULL)
        return FALSE;
      if (own < self->n_cols)
        load[own]++;
    }
  for (c = 0; c < self->n_cols; c++)
    {
      if (self->v[c] < 0 || load[c] > self->cap[c])
        *why = g_strdup_printf ("column %u: v = %" G_GINT64_FORMAT ", load %u of %u", c, self->v[c],
                                load[c], self->cap[c]);
      else if (self->v[c] > 0 && load[c] < self->cap[c])
        *why = g_strdup_printf ("column %u has room at price %" G_GINT64_FORMAT, c, self->v[c]);
      if (*why != NULL)
        return FALSE;
    }
  return TRUE;
}

guint
pm_assign_get_col (PmAssign *self, guint row)
{
  g_return_val_if_fail (self != NULL && row < self->n_rows, PM_ASSIGN_NONE);
  if (!self->solved || self->row_col[row] >= self->n_cols)
    return PM_ASSIGN_NONE;
  return self->row_col[row];
}

gint64
pm_assign_get_total_weight (PmAssign *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->total;
}
