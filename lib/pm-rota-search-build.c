/* peermatch: the rota search: construction of each person's row.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every hard rule is per person, so each row is built on its own, before the annealing, by
 * a depth-first search that breaks no rule; see below for its pruning and budget. */

#include "pm-private.h"
#include "pm-rota-search-state-private.h"

/* ---- construction: one person's row by depth-first search
 *
 * Days are decided in order; a value is tried only when the prefix stays valid (the
 * maxima, successions, days off and the minima of every run already closed), and a branch
 * is cut when the minutes still reachable cannot meet the minimum. The order of the values
 * is random with a bias towards working that aims at the middle of the person's minutes
 * range. A node budget bounds the search; when it runs out on every attempt the row stays
 * all off, the least a coordinator has to undo, and the annealing reduces its violations. */

typedef struct
{
  int R, K; /* run lengths 1..R (capped), weekends 0..K-1 */
  int *reach;
} Reach;

typedef struct
{
  const Search *s;
  const PmRotaPerson *person;
  int *row, *run; /* run[d]: length of the run (working or off) ending at day d */
  int *order;     /* D * (S + 1): the values tried on each day, in order */
  int *cnt, *wk_days;
  int total, minutes, wk, max_len;
  int min_minutes; /* the person's, or 0 for the fallback: as many minutes as it can */
  double p_work;
  const Reach *reach;
  int *by_length; /* S: shift indices, longest first */
  gint64 nodes, budget;
  PmRsRand *rand;
} Build;

static gboolean
build_step_ok (const Build *b, int d, int v)
{
  const PmRotaPerson *person = b->person;
  const Search *s = b->s;
  const int prev = d > 0 ? b->row[d - 1] : PM_ROTA_OFF;
  const int prev_run = d > 0 ? b->run[d - 1] : 0;
  const gboolean prev_edge = d > 0 && prev_run == d; /* the run so far started on day 0 */
  const int w = s->model->weekend_of[d];

  if (v == PM_ROTA_OFF)
    return d == 0 || prev == PM_ROTA_OFF || prev_edge || prev_run >= person->min_consecutive;
  if (person->day_off[d] || !person->allowed[d * s->S + v])
    return FALSE;
  if (prev != PM_ROTA_OFF && s->model->forbidden[prev * s->S + v])
    return FALSE;
  if (b->cnt[v] >= person->max_per_shift[v] || b->total >= person->max_shifts
      || b->minutes > person->max_minutes - s->len[v])
    return FALSE;
  if (w >= 0 && b->wk_days[w] == 0 && b->wk >= person->max_weekends)
    return FALSE;
  if (prev != PM_ROTA_OFF)
    return prev_run < person->max_consecutive;
  return d == 0 || prev_edge || prev_run >= person->min_days_off;
}

/* The reach table: reach[state at day d] = the most working days that days [d, D) can
 * still hold in a valid completion of the row, or -1 when none exists, by dynamic
 * programming backwards over (working yesterday, run length, run started on day 0,
 * weekends worked). It keeps the run rules, the days off and the weekends exact and ignores
 * the rest (successions, per-type maxima), so the depth-first search rarely meets a dead end
 * late: it never enters a state without a completion, nor one that cannot reach the
 * minimum minutes. O(D * R * W) per person, R the longest run that matters and W the
 * weekends allowed. */
static gsize
reach_index (const Reach *t, int d, int w, int r, int e, int k)
{
  return ((((gsize)d * 2 + w) * (t->R + 1) + r) * 2 + e) * t->K + k;
}

static gboolean
day_workable (const Search *s, const PmRotaPerson *person, int d)
{
  if (person->day_off[d])
    return FALSE;
  for (int v = 0; v < s->S; v++)
    if (person->allowed[d * s->S + v] && person->max_per_shift[v] > 0)
      return TRUE;
  return FALSE;
}

/* The best of the two values of day @d from state (w, r, e, k); -1: no completion. */
static int
reach_step (const Search *s, const PmRotaPerson *person, const Reach *t, int d, int w, int r, int e,
            int k)
{
  const int wd = s->model->weekend_of[d];
  int best = -1;

  /* off */
  if (!w || e || r >= person->min_consecutive)
    best = t->reach[reach_index (t, d + 1, 0, w ? 1 : MIN (r + 1, t->R), w ? 0 : (d == 0 || e), k)];
  /* working */
  if (day_workable (s, person, d)
      && (w ? r < person->max_consecutive : (d == 0 || e || r >= person->min_days_off)))
    {
      gboolean counted = w && d > 0 && wd >= 0 && s->model->weekend_of[d - 1] == wd;
      int k2 = k + (wd >= 0 && !counted && t->K > 1);

      if (k2 < t->K)
        {
          int next = t->reach[reach_index (t, d + 1, 1, w ? MIN (r + 1, t->R) : 1, w ? e : (d == 0),
                                           k2)];

          if (next >= 0)
            best = MAX (best, next + 1);
        }
    }
  return best;
}

static void
reach_init (Reach *t, const Search *s, const PmRotaPerson *person)
{
  const int D = s->D;

  t->R = MAX (MAX (person->min_consecutive, person->min_days_off), 1);
  if (person->max_consecutive < D)
    t->R = MAX (t->R, person->max_consecutive);
  t->K = person->max_weekends < s->model->n_weekends ? MAX (person->max_weekends, 0) + 1 : 1;
  t->reach = g_new (int, reach_index (t, D + 1, 0, 0, 0, 0));
  for (int w = 0; w < 2; w++)
    for (int r = 0; r <= t->R; r++)
      for (int e = 0; e < 2; e++)
        for (int k = 0; k < t->K; k++)
          t->reach[reach_index (t, D, w, r, e, k)] = 0; /* the last run touches the end */
  for (int d = D - 1; d >= 0; d--)
    for (int w = 0; w < 2; w++)
      for (int r = 0; r <= t->R; r++)
        for (int e = 0; e < 2; e++)
          for (int k = 0; k < t->K; k++)
            t->reach[reach_index (t, d, w, r, e, k)] = reach_step (s, person, t, d, w, r, e, k);
}

/* The shifts the person may still take by the maximum in total. */
static int
person_room (const Build *b)
{
  return b->person->max_shifts - b->total;
}

/* An upper bound on the minutes days [d, D) can still add; -1: no valid completion. */
static gint64
build_reachable (const Build *b, int d)
{
  const Reach *t = b->reach;
  const int w = d > 0 && b->row[d - 1] != PM_ROTA_OFF;
  const int r = d > 0 ? MIN (b->run[d - 1], t->R) : 0;
  const int e = d > 0 && b->run[d - 1] == d;
  const int k = t->K > 1 ? b->wk : 0;
  gint64 minutes = 0;
  int days;

  if (k >= t->K)
    return -1;
  days = t->reach[reach_index (t, d, w, r, e, k)];
  if (days < 0)
    return -1;
  days = MIN (days, person_room (b));
  /* the longest shifts first, as far as their maxima allow */
  for (int i = 0; i < b->s->S && days > 0; i++)
    {
      const int v = b->by_length[i];
      const int n = MIN (days, MAX (b->person->max_per_shift[v] - b->cnt[v], 0));

      minutes += (gint64)n * b->s->len[v];
      days -= n;
    }
  return minutes;
}

static void
build_set (Build *b, int d, int v, int step)
{
  const int w = b->s->model->weekend_of[d];

  if (step > 0)
    {
      b->row[d] = v;
      b->run[d]
          = d > 0 && (b->row[d - 1] != PM_ROTA_OFF) == (v != PM_ROTA_OFF) ? b->run[d - 1] + 1 : 1;
    }
  if (v == PM_ROTA_OFF)
    return;
  b->cnt[v] += step;
  b->total += step;
  b->minutes += step * b->s->len[v];
  if (w >= 0)
    {
      if (b->wk_days[w] == 0 && step > 0)
        b->wk++;
      b->wk_days[w] += step;
      if (b->wk_days[w] == 0 && step < 0)
        b->wk--;
    }
}

static gboolean
build_dfs (Build *b, int d)
{
  const int S = b->s->S;
  int *order = &b->order[d * (S + 1)], n = 0;
  gint64 reachable;
  gboolean tight;

  if (++b->nodes > b->budget)
    return FALSE;
  if (d == b->s->D)
    return b->minutes >= b->min_minutes;
  reachable = build_reachable (b, d);
  if (reachable < 0 || b->minutes + reachable < b->min_minutes)
    return FALSE;
  /* working values in random order, off first or last by the bias; when the minimum
   * minutes bind (little slack left), the longest shifts first and work before off */
  tight = b->min_minutes < b->person->min_minutes
          || (b->person->min_minutes - b->minutes) * 10 > reachable * 9;
  for (int v = 0; v < S; v++)
    order[n++] = tight ? b->by_length[v] : v;
  for (int i = n - 1; i > 0 && !tight; i--)
    {
      int j = pm_rs_rand_range (b->rand, 0, i + 1), t = order[i];

      order[i] = order[j];
      order[j] = t;
    }
  if (tight || pm_rs_rand_double (b->rand) < b->p_work)
    order[n++] = PM_ROTA_OFF;
  else
    {
      memmove (order + 1, order, sizeof (int) * n++);
      order[0] = PM_ROTA_OFF;
    }
  for (int i = 0; i < n; i++)
    {
      if (!build_step_ok (b, d, order[i]))
        continue;
      build_set (b, d, order[i], +1);
      if (build_dfs (b, d + 1))
        return TRUE;
      build_set (b, d, order[i], -1);
    }
  return FALSE;
}

static int
by_length_cmp (gconstpointer a, gconstpointer b, gpointer data)
{
  const Search *s = data;
  const int va = *(const int *)a, vb = *(const int *)b;

  return s->len[va] != s->len[vb] ? s->len[vb] - s->len[va] : va - vb;
}

/* Fills row @p of the state; returns whether it breaks no rule. */
gboolean
pm_rs_build_person (Search *s, int p)
{
  const PmRotaPerson *person = PM_ROTA_PERSON (s->model, p);
  g_autofree int *row = g_new (int, s->D);
  g_autofree int *run = g_new0 (int, s->D);
  g_autofree int *order = g_new (int, (gsize)s->D *(s->S + 1));
  g_autofree int *cnt = g_new0 (int, s->S);
  g_autofree int *wk_days = g_new0 (int, MAX (s->model->n_weekends, 1));
  Reach reach;
  g_autofree int *by_length = g_new (int, MAX (s->S, 1));
  Build b = { s,   person, row,       run, order, cnt,     wk_days, 0, 0, 0, 0, person->min_minutes,
              0.5, &reach, by_length, 0,   0,     &s->rand };
  gint64 sum = 0, hi;
  gboolean found = FALSE, fallback = FALSE;
  double base;

  for (int v = 0; v < s->S; v++)
    {
      if (person->max_per_shift[v] > 0)
        b.max_len = MAX (b.max_len, s->len[v]);
      sum += s->len[v];
    }
  /* aim between the minimum and the maximum minutes */
  hi = MIN ((gint64)person->max_minutes, (gint64)s->D * sum / MAX (s->S, 1));
  if (s->S > 0 && sum > 0)
    b.p_work = CLAMP ((person->min_minutes + hi) / 2.0 / ((double)s->D * sum / s->S), 0.05, 0.95);
  reach_init (&reach, s, person);
  for (int v = 0; v < s->S; v++)
    by_length[v] = v;
  g_qsort_with_data (by_length, s->S, sizeof (int), by_length_cmp, (gpointer)s);
  base = b.p_work;
  /* many short attempts: restarts beat long chronological backtracking when the trouble
   * (a minimum missed) shows only at the end of the row */
  for (int attempt = 0; attempt < 60 && !found; attempt++)
    {
      memset (cnt, 0, sizeof (int) * s->S);
      memset (wk_days, 0, sizeof (int) * MAX (s->model->n_weekends, 1));
      b.total = b.minutes = b.wk = 0;
      b.nodes = 0;
      b.budget = (gint64)(20 + s->D) * 4;
      b.p_work = CLAMP (base + 0.05 * (attempt % 5) - 0.05, 0.05, 1.0);
      if (attempt == 59) /* last resort: work whenever possible, longer */
        {
          b.p_work = 1.0;
          b.budget *= 100;
        }
      found = build_dfs (&b, 0);
    }
  if (!found && person->min_minutes > 0)
    {
      /* no valid row found: the row with the most minutes that breaks no other rule, so
       * the annealing starts from a small violation of the minimum */
      b.min_minutes = 0;
      b.nodes = b.total = b.minutes = b.wk = 0;
      memset (cnt, 0, sizeof (int) * s->S);
      memset (wk_days, 0, sizeof (int) * MAX (s->model->n_weekends, 1));
      fallback = build_dfs (&b, 0);
    }
  g_free (reach.reach);
  for (int d = 0; d < s->D; d++)
    pm_rs_set_cell (s, p, d, found || fallback ? row[d] : PM_ROTA_OFF);
  s->pen[p] = pm_rs_person_pen (s, p, 0, s->D - 1);
  s->hard += s->pen[p];
  return found;
}
