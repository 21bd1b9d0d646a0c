/* peermatch: the rota search: column generation and price-and-branch (horizons of at most
 * PM_ROW_WINDOW_MAX days).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every hard rule is per person, so a rota is a choice of one valid row ("column") per
 * person, and the objective is the requests of the rows chosen plus the cover groups' under-
 * and overcover. The linear relaxation of that choice over all valid rows (the master) is
 * very tight on rostering problems, and it is solved over the rows that matter only: a
 * restricted master, solved by the simplex method of GLPK, gives a price to each cover group
 * (its dual value); for each person, the row re-optimisation's dynamic programme
 * (pm_rs_row_price) finds the valid row of least cost at those prices, which joins the
 * master when it would lower its objective; and so on until no row would (the relaxation
 * is then optimal, up to the rows the programme does not see exactly: see
 * pm-rota-search-row.c) or the budget is spent. GLPK's branch and bound then chooses one
 * row per person: first dives (fix the person closest to one row, generate again, and so
 * on; again from the relaxation while the time allows), then GLPK's branch and bound among
 * the rows generated, from the best rota so far as its first incumbent; the result goes
 * back to the annealing, which polishes it.
 *
 * Master: rows 1..P, sum of a person's columns = 1; rows P+1..P+C, per cover group, people
 * of the group on its day and shift + under - over = need. Columns: the rows generated
 * (cost: their requests), and per group an under (cost under_weight) and an over (cost
 * over_weight) slack. */
#include <glpk.h>
#include <math.h>

#include "pm-private.h"
#include "pm-rota-search-state-private.h"

/* The prices are scaled to integers for the programme: an error of at most half a unit per
 * day, far below the least cost that matters (1). */
#define PRICE_SCALE 4096.0
/* A row joins when its reduced cost is below -EPSILON. */
#define RC_EPSILON 1e-3

typedef struct
{
  Search *s;
  const PmRsColgenLimits *limits;
  glp_prob *lp;
  int n_covers;
  GArray *col_person; /* per generated column (from column 2 * n_covers + 1): its person */
  GArray *col_rows;   /* D ints per generated column: the row */
  GHashTable *seen;   /* the rows generated (row_key) */
  int *state_col;     /* P: the column of each person's row in the state (0: none) */
  int *fixed;         /* P: the column a dive fixed for the person (0: none yet) */
  gint64 *cost;       /* D * (S + 1): the pricing costs */
  int *ind;           /* 1-based scratch for GLPK */
  double *val;
  gboolean timed_out;
  gboolean bounds_changed; /* since the last simplex (a dive fixed people) */
  gboolean incumbent_given;
  gint64 branch_deadline;
  gint64 end; /* with a clock, when the phase must be over (relaxation, dive, branch) */
  guint rounds;
  guint64 nodes;
  gint64 simplex_us, price_us; /* the time spent (with a clock), for the debug messages */
} Colgen;

static gint64
colgen_now (const Colgen *g)
{
  return g->limits->clock != NULL ? g->limits->clock () : 0;
}

static gboolean
colgen_cancelled (const Colgen *g)
{
  return g_cancellable_is_cancelled (g->limits->cancellable);
}

static gboolean
colgen_deadline (Colgen *g, gint64 deadline)
{
  if (g->limits->clock == NULL || deadline <= 0)
    return FALSE;
  return g->limits->clock () >= deadline;
}

/* The key of @p's @row in the set of rows generated. */
static GBytes *
row_key (int p, const int *row, int D)
{
  int key[PM_ROW_WINDOW_MAX + 1];

  key[0] = p;
  memcpy (&key[1], row, sizeof (int) * D);
  return g_bytes_new (key, sizeof (int) * (D + 1));
}

/* The requests of @p's @row. */
static gint64
row_cost (const Search *s, int p, const int *row)
{
  gint64 c = 0;

  for (int d = 0; d < s->D; d++)
    c += request_cost (s, p, d, row[d]);
  return c;
}

/* Whether @row keeps @p's rules: the programme leaves the total and all but one per-type
 * maximum to its caller, and a current row may break anything. */
static gboolean
row_valid (Search *s, int p, const int *row)
{
  int saved[PM_ROW_WINDOW_MAX];
  int pen;

  memcpy (saved, &s->rota[p * s->D], sizeof (int) * s->D);
  for (int d = 0; d < s->D; d++)
    pm_rs_set_cell (s, p, d, row[d]);
  pen = pm_rs_person_pen (s, p, 0, s->D - 1);
  for (int d = 0; d < s->D; d++)
    pm_rs_set_cell (s, p, d, saved[d]);
  return pen == 0;
}

/* Adds @row of @p as a column, unless it was generated already; its index, or 0. */
static int
colgen_add (Colgen *g, int p, const int *row)
{
  Search *s = g->s;
  GBytes *key = row_key (p, row, s->D);
  int n = 0, j;

  if (g_hash_table_contains (g->seen, key))
    {
      g_bytes_unref (key);
      return 0;
    }
  g_hash_table_add (g->seen, key);
  g->ind[++n] = p + 1;
  g->val[n] = 1.0;
  for (int d = 0; d < s->D; d++)
    {
      const int v = row[d], k = d * s->S + v;

      if (v == PM_ROTA_OFF)
        continue;
      for (int i = s->cov_start[k]; i < s->cov_start[k + 1]; i++)
        if (PM_ROTA_COVER (s->model, s->cov_idx[i])->member[p])
          {
            g->ind[++n] = s->P + s->cov_idx[i] + 1;
            g->val[n] = 1.0;
          }
    }
  j = glp_add_cols (g->lp, 1);
  glp_set_col_bnds (g->lp, j, GLP_LO, 0.0, 0.0);
  glp_set_obj_coef (g->lp, j, (double)row_cost (s, p, row));
  glp_set_mat_col (g->lp, j, n, g->ind, g->val);
  g_array_append_val (g->col_person, p);
  g_array_append_vals (g->col_rows, row, s->D);
  return j;
}

/* The master's rows and slack columns. */
static void
colgen_master (Colgen *g)
{
  Search *s = g->s;

  g->lp = glp_create_prob ();
  glp_set_obj_dir (g->lp, GLP_MIN);
  glp_add_rows (g->lp, s->P + g->n_covers);
  for (int p = 0; p < s->P; p++)
    glp_set_row_bnds (g->lp, p + 1, GLP_FX, 1.0, 1.0);
  for (int c = 0; c < g->n_covers; c++)
    {
      const PmRotaCover *cover = PM_ROTA_COVER (s->model, c);
      const int row = s->P + c + 1;
      int j = glp_add_cols (g->lp, 2);

      glp_set_row_bnds (g->lp, row, GLP_FX, cover->need, cover->need);
      for (int k = 0; k < 2; k++, j++)
        {
          const int ind[2] = { 0, row };
          const double val[2] = { 0, k == 0 ? 1.0 : -1.0 };

          glp_set_col_bnds (g->lp, j, GLP_LO, 0.0, 0.0);
          glp_set_obj_coef (g->lp, j, k == 0 ? cover->under_weight : cover->over_weight);
          glp_set_mat_col (g->lp, j, 1, ind, val);
        }
    }
}

/* The pricing of @p at the master's current duals: TRUE when a row of negative reduced cost
 * was found and added. */
static gboolean
colgen_price (Colgen *g, int p)
{
  Search *s = g->s;
  const int V = s->S + 1;
  int vals[PM_ROW_WINDOW_MAX];
  gint64 total;
  double rc;

  for (int d = 0; d < s->D; d++)
    for (int v = -1; v < s->S; v++)
      {
        double c = request_cost (s, p, d, v);

        if (v != PM_ROTA_OFF)
          {
            const int k = d * s->S + v;

            for (int i = s->cov_start[k]; i < s->cov_start[k + 1]; i++)
              if (PM_ROTA_COVER (s->model, s->cov_idx[i])->member[p])
                c -= glp_get_row_dual (g->lp, s->P + s->cov_idx[i] + 1);
          }
        g->cost[d * V + v + 1] = (gint64)llround (c * PRICE_SCALE);
      }
  if (!pm_rs_row_price (s, p, g->cost, vals, &total))
    return FALSE;
  rc = (double)total / PRICE_SCALE - glp_get_row_dual (g->lp, p + 1);
  if (rc >= -RC_EPSILON || !row_valid (s, p, vals))
    return FALSE;
  return colgen_add (g, p, vals) > 0;
}

/* Solves the master; FALSE when it could not be solved, nor (on this degenerate programme
 * GLPK's primal simplex has been seen to stall for minutes after a dive's bounds) within
 * SIMPLEX_ITERATIONS per row of the master or by the end of the phase. */
#define SIMPLEX_ITERATIONS 50

static gboolean
colgen_simplex (Colgen *g)
{
  const gint64 t0 = colgen_now (g);
  glp_smcp parm;
  gboolean ok;

  glp_init_smcp (&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.it_lim = SIMPLEX_ITERATIONS * glp_get_num_rows (g->lp);
  /* after new bounds the basis stays dual feasible: the dual simplex's case */
  if (g->bounds_changed)
    parm.meth = GLP_DUALP;
  g->bounds_changed = FALSE;
  if (g->end > 0)
    parm.tm_lim = (int)CLAMP ((g->end - t0) / 1000, 1, G_MAXINT);
  ok = glp_simplex (g->lp, &parm) == 0 && glp_get_status (g->lp) == GLP_OPT;
  g->simplex_us += colgen_now (g) - t0;
  return ok;
}

/* The first columns: each person's current row when it is valid, else the valid row of
 * least requests, else (there is none, or the programme cannot find it) the current row,
 * which the person then keeps. */
static void
colgen_start (Colgen *g)
{
  Search *s = g->s;
  const int V = s->S + 1;
  int vals[PM_ROW_WINDOW_MAX];
  gint64 total;

  for (int p = 0; p < s->P; p++)
    {
      if (s->pen[p] == 0)
        {
          g->state_col[p] = colgen_add (g, p, &s->rota[p * s->D]);
          continue;
        }
      for (int d = 0; d < s->D; d++)
        for (int v = -1; v < s->S; v++)
          g->cost[d * V + v + 1] = request_cost (s, p, d, v);
      if (pm_rs_row_price (s, p, g->cost, vals, &total) && row_valid (s, p, vals))
        colgen_add (g, p, vals);
      else /* nobody can find this person a valid row: theirs stays as it is */
        g->state_col[p] = colgen_add (g, p, &s->rota[p * s->D]);
    }
}

/* Column generation over the people not fixed until no row would lower the relaxation,
 * @max_rounds rounds (0: no limit) or @deadline; FALSE when the master could not be solved
 * or the generation was cancelled.
 * @converged (nullable): whether no row would. */
static gboolean
colgen_relax (Colgen *g, guint max_rounds, gint64 deadline, gboolean *converged)
{
  Search *s = g->s;

  if (converged != NULL)
    *converged = FALSE;
  for (guint round = 0; max_rounds == 0 || round < max_rounds; round++)
    {
      int added = 0;
      gint64 t0;

      if (colgen_cancelled (g) || !colgen_simplex (g))
        return FALSE;
      if (g->timed_out)
        return TRUE;
      t0 = colgen_now (g);
      for (int p = 0; p < s->P; p++)
        if (g->fixed[p] == 0)
          added += colgen_price (g, p);
      g->price_us += colgen_now (g) - t0;
      g->rounds++;
      if (added == 0)
        {
          if (converged != NULL)
            *converged = TRUE;
          return TRUE;
        }
      g->timed_out = colgen_deadline (g, deadline);
    }
  return colgen_simplex (g);
}

/* Writes the rows of @cols (one column per person) into the state when that lowers the
 * objective (the hard penalty first); TRUE when it did. */
static gboolean
colgen_install (Colgen *g, const int *cols, Best *best)
{
  Search *s = g->s;
  const int first = 2 * g->n_covers + 1;
  int *old = g_memdup2 (s->rota, sizeof (int) * s->P * s->D);
  const gint64 obj0 = objective (s), hard0 = s->hard;
  gint64 obj;

  for (int p = 0; p < s->P; p++)
    {
      const int *row = &g_array_index (g->col_rows, int, (gsize)(cols[p] - first) * s->D);

      for (int d = 0; d < s->D; d++)
        pm_rs_set_cell (s, p, d, row[d]);
    }
  s->hard = 0;
  for (int p = 0; p < s->P; p++)
    s->hard += s->pen[p] = pm_rs_person_pen (s, p, 0, s->D - 1);
  obj = objective (s);
  g_debug ("colgen: %" G_GINT64_FORMAT " (was %" G_GINT64_FORMAT ")", obj, obj0);
  if (s->hard > hard0 || (s->hard == hard0 && obj >= obj0))
    {
      for (int p = 0; p < s->P; p++)
        {
          for (int d = 0; d < s->D; d++)
            pm_rs_set_cell (s, p, d, old[p * s->D + d]);
          s->pen[p] = pm_rs_person_pen (s, p, 0, s->D - 1);
        }
      s->hard = hard0;
      g_free (old);
      return FALSE;
    }
  g_free (old);
  memcpy (g->state_col, cols, sizeof (int) * s->P);
  if (s->hard < best->hard || (s->hard == best->hard && obj < best->obj))
    {
      best->hard = s->hard;
      best->obj = obj;
      best->unsaved = TRUE;
    }
  return TRUE;
}

/* The dive: fixes the people whose relaxation is (nearly) one row, and the one closest to
 * it, generates rows for the others again (at most DIVE_ROUNDS rounds), and so on until
 * everybody is fixed; then writes the result into the state when it is better. Past
 * @deadline (or DIVE_ROUNDS_TOTAL) nobody gets new rows: the others are fixed as the
 * relaxation stands. (Fixing
 * several fractional people a step was faster and much worse on the benchmark.) With
 * @jitter > 0 (the dives after the first), the one fixed is the closest to one row after
 * adding up to @jitter at random to each person's value: another path down. */
#define DIVE_ROUNDS 20
/* without a clock, the whole generation (relaxation and dive) stops after this many times
 * the relaxation's rounds: past that, the dive fixes everybody as the relaxation stands */
#define DIVE_ROUNDS_TOTAL 3
#define DIVE_INTEGRAL 0.99

static gboolean
colgen_dive (Colgen *g, gint64 deadline, double jitter, Best *best)
{
  Search *s = g->s;
  const int first = 2 * g->n_covers + 1;
  double *top = g_new (double, s->P);
  int *top_col = g_new (int, s->P);
  gboolean changed;
  int left = s->P, pick;
  double best_x;

  while (left > 0)
    {
      const int n = glp_get_num_cols (g->lp);

      for (int p = 0; p < s->P; p++)
        {
          top[p] = -1.0;
          top_col[p] = 0;
        }
      for (int j = first; j <= n; j++)
        {
          const int p = g_array_index (g->col_person, int, j - first);
          const double x = glp_get_col_prim (g->lp, j);

          if (g->fixed[p] == 0 && x > top[p])
            {
              top[p] = x;
              top_col[p] = j;
            }
        }
      pick = -1;
      best_x = 0;
      for (int p = 0; p < s->P; p++)
        {
          double x;

          if (g->fixed[p] != 0)
            continue;
          x = top[p] + (jitter > 0 ? jitter * pm_rs_rand_double (&s->rand) : 0);
          if (pick < 0 || x > best_x)
            {
              pick = p;
              best_x = x;
            }
        }
      top[pick] = 1.0;
      for (int p = 0; p < s->P; p++)
        if (g->fixed[p] == 0 && (top[p] >= DIVE_INTEGRAL || g->timed_out))
          {
            g->fixed[p] = top_col[p];
            glp_set_col_bnds (g->lp, top_col[p], GLP_FX, 1.0, 1.0);
            g->bounds_changed = TRUE;
            left--;
          }
      /* a master not solved in time (or stalled), or cancelled: the others are fixed as it
       * stands */
      if (left > 0 && !colgen_relax (g, DIVE_ROUNDS, deadline, NULL))
        g->timed_out = TRUE;
      else if (left > 0)
        g->timed_out |= colgen_deadline (g, deadline)
                        || (g->limits->max_rounds > 0
                            && g->rounds >= DIVE_ROUNDS_TOTAL * g->limits->max_rounds);
    }
  changed = left == 0 && colgen_install (g, g->fixed, best);
  for (int p = 0; p < s->P; p++)
    if (g->fixed[p] > 0)
      glp_set_col_bnds (g->lp, g->fixed[p], GLP_LO, 0.0, 0.0);
  g->bounds_changed = TRUE;
  memset (g->fixed, 0, sizeof (int) * s->P);
  g_free (top);
  g_free (top_col);
  return changed;
}

/* The dives: with a clock, while the dives' time allows another as long as the last one
 * and the rota is not proven optimal (its objective is not at the relaxation), a dive after
 * the first with DIVE_JITTER; one dive without a clock. On the benchmark's instance 8 a
 * dive takes about 5 s, and ends one missing person from the best known (1306-1310 against
 * 1300) or two (1407-1411), depending on the seed; the annealing that follows keeps the
 * first (it polishes) but rarely reaches it from the second. With a jitter of 0.3 the later
 * dives mostly retraced the first (seed 2: five dives, all 1404); with 0.6 every one of
 * seeds 1-8 had a dive at 1302-1310 within five dives (two of them only at the fourth).
 * TRUE when a dive changed the state. */
#define DIVE_JITTER 0.6

static gboolean
colgen_dives (Colgen *g, Best *best, double relaxation)
{
  const PmRsColgenLimits *lim = g->limits;
  const gint64 end = lim->clock != NULL ? lim->clock () + lim->dive_us : 0;
  gboolean changed = FALSE;

  for (int n = 0;; n++)
    {
      const gint64 t0 = colgen_now (g);
      gint64 now;

      g->timed_out = FALSE;
      /* the master as the last dive left it has everybody at one row: solve it again */
      if (n > 0 && !colgen_simplex (g))
        return changed;
      changed |= colgen_dive (g, end, n > 0 ? DIVE_JITTER : 0, best);
      g_debug ("colgen: dive %d done after %u rounds, %u rows (simplex %.2f s, pricing %.2f s), "
               "best %" G_GINT64_FORMAT,
               n + 1, g->rounds, g->col_person->len, g->simplex_us / 1e6, g->price_us / 1e6,
               best->obj);
      if (lim->n_dives != NULL)
        *lim->n_dives = n + 1;
      now = colgen_now (g);
      if (lim->clock == NULL || colgen_cancelled (g) || best->hard > 0
          || best->obj <= ceil (relaxation - 1e-6) || now + (now - t0) > end)
        return changed;
    }
}

/* GLPK's branch and bound calls this: the state's rota as the first incumbent, and the
 * budget (nodes, or the clock). */
static void
colgen_branch_cb (glp_tree *tree, void *data)
{
  Colgen *g = data;
  Search *s = g->s;

  switch (glp_ios_reason (tree))
    {
      case GLP_IHEUR:
        if (!g->incumbent_given)
          {
            const int n = glp_get_num_cols (g->lp);
            double *x = g_new0 (double, n + 1);
            gboolean all = TRUE;

            for (int p = 0; p < s->P; p++)
              {
                all &= g->state_col[p] > 0;
                x[MAX (g->state_col[p], 0)] = 1.0;
              }
            for (int c = 0; c < g->n_covers; c++)
              {
                const PmRotaCover *cover = PM_ROTA_COVER (s->model, c);

                x[2 * c + 1] = MAX (cover->need - s->cov_n[c], 0);
                x[2 * c + 2] = MAX (s->cov_n[c] - cover->need, 0);
              }
            if (all)
              glp_ios_heur_sol (tree, x);
            g_free (x);
            g->incumbent_given = TRUE;
          }
        break;
      case GLP_ISELECT:
        if (++g->nodes > g->limits->max_nodes && g->limits->max_nodes > 0)
          glp_ios_terminate (tree);
        break;
      default:
        break;
    }
  if (colgen_deadline (g, g->branch_deadline) || colgen_cancelled (g))
    glp_ios_terminate (tree);
}

/* Chooses one generated row per person by branch and bound; writes them into the state
 * when that lowers the objective. */
static gboolean
colgen_branch (Colgen *g, Best *best)
{
  Search *s = g->s;
  const int first = 2 * g->n_covers + 1, n = glp_get_num_cols (g->lp);
  int *cols = g_new0 (int, s->P);
  glp_iocp parm;
  gboolean changed = FALSE;
  int status;

  g->branch_deadline = g->limits->clock != NULL ? g->limits->clock () + g->limits->branch_us : 0;
  if (!colgen_simplex (g))
    return FALSE;
  for (int j = first; j <= n; j++)
    glp_set_col_kind (g->lp, j, GLP_BV);
  glp_init_iocp (&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.cb_func = colgen_branch_cb;
  parm.cb_info = g;
  glp_intopt (g->lp, &parm);
  status = glp_mip_status (g->lp);
  g_debug ("colgen: branch and bound %s after %" G_GUINT64_FORMAT " nodes",
           status == GLP_OPT ? "optimal" : "stopped", g->nodes);
  if (status == GLP_OPT || status == GLP_FEAS)
    {
      for (int j = first; j <= n; j++)
        if (glp_mip_col_val (g->lp, j) > 0.5)
          cols[g_array_index (g->col_person, int, j - first)] = j;
      changed = colgen_install (g, cols, best);
    }
  g_free (cols);
  return changed;
}

/* Whether the generation may converge within its budget: its first round (every person
 * priced once) is timed (with a clock) or its work counted (the transitions of the
 * programme), and the generation needs some COLGEN_ROUNDS_TYPICAL rounds, and as many again
 * for the dive. When it may not, the annealing is better off with the whole time. */
#define COLGEN_ROUNDS_TYPICAL 40
#define COLGEN_ROUND_OPS_MAX 40000000

static gboolean
colgen_affordable (Colgen *g)
{
  const PmRsColgenLimits *lim = g->limits;
  const guint64 ops0 = pm_rs_row_ops (g->s);
  const gint64 t0 = lim->clock != NULL ? lim->clock () : 0;
  gboolean converged;

  if (!colgen_relax (g, 1, 0, &converged))
    return FALSE;
  if (lim->clock != NULL && lim->relax_deadline > 0)
    {
      const gint64 t1 = lim->clock ();

      g_debug ("colgen: first round %.3f s, %" G_GUINT64_FORMAT " transitions", (t1 - t0) / 1e6,
               pm_rs_row_ops (g->s) - ops0);
      return converged || (t1 - t0) * COLGEN_ROUNDS_TYPICAL < lim->relax_deadline - t1;
    }
  return converged || pm_rs_row_ops (g->s) - ops0 < COLGEN_ROUND_OPS_MAX;
}

gboolean
pm_rs_colgen (Search *s, const PmRsColgenLimits *limits, Best *best, double *relaxation)
{
  Colgen g = { 0 };
  gboolean changed = FALSE, converged;

  *relaxation = 0;
  if (s->D > PM_ROW_WINDOW_MAX || s->P == 0 || s->model->covers->len == 0)
    return FALSE;
  g.s = s;
  g.limits = limits;
  if (limits->clock != NULL && limits->relax_deadline > 0)
    g.end = limits->relax_deadline + limits->dive_us + limits->branch_us;
  g.n_covers = (int)s->model->covers->len;
  g.col_person = g_array_new (FALSE, FALSE, sizeof (int));
  g.col_rows = g_array_new (FALSE, FALSE, sizeof (int));
  g.seen = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref, NULL);
  g.state_col = g_new0 (int, s->P);
  g.fixed = g_new0 (int, s->P);
  g.cost = g_new (gint64, (gsize)s->D * (s->S + 1));
  g.ind = g_new (int, (gsize)s->D *MAX (g.n_covers, 1) + 2);
  g.val = g_new (double, (gsize)s->D *MAX (g.n_covers, 1) + 2);
  colgen_master (&g);
  colgen_start (&g);
  if (!colgen_cancelled (&g) && colgen_affordable (&g)
      && colgen_relax (&g, limits->max_rounds, limits->relax_deadline, &converged))
    {
      g_debug ("colgen: relaxation %.2f (%s) after %u rounds, %u rows (simplex %.2f s, "
               "pricing %.2f s)",
               glp_get_obj_val (g.lp), converged ? "optimal" : "stopped", g.rounds,
               g.col_person->len, g.simplex_us / 1e6, g.price_us / 1e6);
      *relaxation = glp_get_obj_val (g.lp);
      changed |= colgen_dives (&g, best, *relaxation);
      g.timed_out = FALSE;
      if (!colgen_cancelled (&g))
        changed |= colgen_branch (&g, best);
    }
  glp_delete_prob (g.lp);
  g_array_free (g.col_person, TRUE);
  g_array_free (g.col_rows, TRUE);
  g_hash_table_destroy (g.seen);
  g_free (g.state_col);
  g_free (g.fixed);
  g_free (g.cost);
  g_free (g.ind);
  g_free (g.val);
  return changed;
}
