/* peermatch: the rota search: per-person construction that breaks no hard rule, then
 * simulated annealing over moves that keep every hard rule.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * State: the rota plus, per person, the counters the hard rules need (shifts per type and in
 * total, minutes, working days per weekend, weekends worked) and, per cover group, the
 * number of people assigned. A move changes one block of at most PM_BLOCK_MAX consecutive
 * days of one or two people. Its feasibility is decided from the counters and from the
 * runs of working days and days off that intersect the block widened by a day on each side:
 * runs further away cannot change, so comparing the violations of that window before and
 * after the move is exact. The objective changes only on the covers of the changed
 * (day, shift) pairs and on the requests of the changed days, so a move costs
 * O(block + runs it touches + shift types), whatever the size of the instance. */
#include <math.h>

#include "pm-private.h"
#include "pm-rota-search-private.h"

#define PM_BLOCK_MAX 5

typedef struct
{
  const PmRotaModel *model;
  int P, D, S;
  int *rota;
  int *len;       /* S: shift minutes */
  int unit;       /* the shortest shift: minutes excess counts in these */
  int *cnt;       /* P * S */
  int *total;     /* P */
  int *minutes;   /* P */
  int *wk_days;   /* P * n_weekends: working days of that weekend */
  int *wk;        /* P: weekends worked */
  int *pen;       /* P: hard penalty (amount of violation) of the person's row */
  gint64 hard;    /* sum of pen */
  int *cov_start; /* D * S + 1: CSR of the cover groups of each (day, shift) */
  int *cov_idx;
  int *cov_n;    /* per cover: people assigned */
  int *on_total; /* P * D: weight of the on-requests of that day */
  int *on;       /* P * D * S */
  int *off;      /* P * D * S */
  gint64 under, over, req;
  int *wk_start; /* the Saturdays of the weekends that lie whole in the horizon */
  int n_wk_start;
  GRand *rand;
} Search;

/* ---- cost */

static void
cover_cost (const PmRotaCover *c, int n, gint64 *under, gint64 *over)
{
  *under = n < c->need ? (gint64)c->under_weight * (c->need - n) : 0;
  *over = n > c->need ? (gint64)c->over_weight * (n - c->need) : 0;
}

static int
request_cost (const Search *s, int p, int d, int v)
{
  int pd = p * s->D + d;

  if (v == PM_ROTA_OFF)
    return s->on_total[pd];
  return s->on_total[pd] - s->on[pd * s->S + v] + s->off[pd * s->S + v];
}

static gint64
objective (const Search *s)
{
  return s->under + s->over + s->req;
}

/* Moves the count of every group of (d, v) that @p belongs to by @step. */
static void
covers_step (Search *s, int p, int d, int v, int step)
{
  int k = d * s->S + v;

  for (int i = s->cov_start[k]; i < s->cov_start[k + 1]; i++)
    {
      int c = s->cov_idx[i];
      const PmRotaCover *cover = PM_ROTA_COVER (s->model, c);
      gint64 u0, o0, u1, o1;

      if (!cover->member[p])
        continue;
      cover_cost (cover, s->cov_n[c], &u0, &o0);
      s->cov_n[c] += step;
      cover_cost (cover, s->cov_n[c], &u1, &o1);
      s->under += u1 - u0;
      s->over += o1 - o0;
    }
}

/* Sets one cell, keeping the counters and the objective (not the penalties) up to date. */
static void
set_cell (Search *s, int p, int d, int v)
{
  const int old = s->rota[p * s->D + d];
  const int w = s->model->weekend_of[d];
  const int nw = s->model->n_weekends;

  if (old == v)
    return;
  s->req += request_cost (s, p, d, v) - request_cost (s, p, d, old);
  if (old != PM_ROTA_OFF)
    {
      covers_step (s, p, d, old, -1);
      s->cnt[p * s->S + old]--;
      s->minutes[p] -= s->len[old];
    }
  if (v != PM_ROTA_OFF)
    {
      covers_step (s, p, d, v, +1);
      s->cnt[p * s->S + v]++;
      s->minutes[p] += s->len[v];
    }
  if ((old == PM_ROTA_OFF) != (v == PM_ROTA_OFF))
    {
      int step = v == PM_ROTA_OFF ? -1 : +1;

      s->total[p] += step;
      if (w >= 0)
        {
          int *days = &s->wk_days[p * nw + w];

          if (*days == 0 && step > 0)
            s->wk[p]++;
          *days += step;
          if (*days == 0)
            s->wk[p]--;
        }
    }
  s->rota[p * s->D + d] = v;
}

/* ---- hard rules */

static int
excess (gint64 value, gint64 limit)
{
  return value > limit ? (int)MIN (value - limit, G_MAXINT / 8) : 0;
}

/* Violations of the rules on a person's totals (rules 3 and 5). */
static int
counter_pen (const Search *s, int p)
{
  const PmRotaPerson *person = PM_ROTA_PERSON (s->model, p);
  int pen = 0;

  for (int v = 0; v < s->S; v++)
    pen += excess (s->cnt[p * s->S + v], person->max_per_shift[v]);
  pen += excess (s->total[p], person->max_shifts);
  pen += (excess (s->minutes[p], person->max_minutes) + s->unit - 1) / s->unit;
  pen += (excess (person->min_minutes, s->minutes[p]) + s->unit - 1) / s->unit;
  pen += excess (s->wk[p], person->max_weekends);
  return pen;
}

/* Violations of a run [r, t] of working days (@work) or days off (rule 4). */
static int
run_pen (const PmRotaPerson *person, gboolean work, int r, int t, int D)
{
  const int len = t - r + 1;
  const gboolean edge = r == 0 || t == D - 1;

  if (work)
    return excess (len, person->max_consecutive)
           + (edge ? 0 : excess (person->min_consecutive, len));
  return edge ? 0 : excess (person->min_days_off, len);
}

/* Violations of the rules that depend on days [lo, hi] of @row: days off and availability
 * on those days, successions touching them, and every run meeting [lo - 1, hi + 1]. */
static int
window_pen (const PmRotaModel *model, const PmRotaPerson *person, const int *row, int D, int lo,
            int hi)
{
  const int S = PM_ROTA_N_SHIFTS (model);
  int pen = 0, a, e;

  for (int d = lo; d <= hi; d++)
    if (row[d] != PM_ROTA_OFF && (person->day_off[d] || !person->allowed[d * S + row[d]]))
      pen++;
  for (int d = MAX (lo - 1, 0); d <= MIN (hi, D - 2); d++)
    if (row[d] != PM_ROTA_OFF && row[d + 1] != PM_ROTA_OFF
        && model->forbidden[row[d] * S + row[d + 1]])
      pen++;
#define WORKS(d) (row[(d)] != PM_ROTA_OFF)
  a = MAX (lo - 1, 0);
  while (a > 0 && WORKS (a - 1) == WORKS (a))
    a--;
  e = MIN (hi + 1, D - 1);
  while (e < D - 1 && WORKS (e + 1) == WORKS (e))
    e++;
  for (int r = a; r <= e;)
    {
      int t = r;

      while (t < D - 1 && WORKS (t + 1) == WORKS (r))
        t++;
      pen += run_pen (person, WORKS (r), r, t, D);
      r = t + 1;
    }
#undef WORKS
  return pen;
}

static int
person_pen (const Search *s, int p, int lo, int hi)
{
  return counter_pen (s, p)
         + window_pen (s->model, PM_ROTA_PERSON (s->model, p), &s->rota[p * s->D], s->D, lo, hi);
}

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
  GRand *rand;
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
      int j = g_rand_int_range (b->rand, 0, i + 1), t = order[i];

      order[i] = order[j];
      order[j] = t;
    }
  if (tight || g_rand_double (b->rand) < b->p_work)
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
static gboolean
build_person (Search *s, int p)
{
  const PmRotaPerson *person = PM_ROTA_PERSON (s->model, p);
  g_autofree int *row = g_new (int, s->D);
  g_autofree int *run = g_new0 (int, s->D);
  g_autofree int *order = g_new (int, (gsize)s->D *(s->S + 1));
  g_autofree int *cnt = g_new0 (int, s->S);
  g_autofree int *wk_days = g_new0 (int, MAX (s->model->n_weekends, 1));
  Reach reach;
  g_autofree int *by_length = g_new (int, MAX (s->S, 1));
  Build b = { s,   person, row,       run, order, cnt,    wk_days, 0, 0, 0, 0, person->min_minutes,
              0.5, &reach, by_length, 0,   0,     s->rand };
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
    set_cell (s, p, d, found || fallback ? row[d] : PM_ROTA_OFF);
  s->pen[p] = person_pen (s, p, 0, s->D - 1);
  s->hard += s->pen[p];
  return found;
}

/* ---- annealing */

#define PM_MOVE_CELLS (4 * PM_BLOCK_MAX)

/* A move: new values for some cells of at most two people. Each person's cells lie in the
 * span [lo, hi] whose window the feasibility check looks at. */
typedef struct
{
  int n_people, p[2], lo[2], hi[2];
  int n;
  struct
  {
    int who, d, val, old;
  } cell[PM_MOVE_CELLS];
} Move;

typedef struct
{
  int *rota;
  gint64 hard, obj;
  gboolean unsaved; /* the best is the current state, not yet copied */
} Best;

static void
move_add (Move *m, int who, int d, int val)
{
  m->cell[m->n].who = who;
  m->cell[m->n].d = d;
  m->cell[m->n].val = val;
  m->n++;
  m->lo[who] = MIN (m->lo[who], d);
  m->hi[who] = MAX (m->hi[who], d);
}

static void
move_start (Move *m, int n_people, int p, int q)
{
  m->n_people = n_people;
  m->n = 0;
  m->p[0] = p;
  m->p[1] = q;
  m->lo[0] = m->lo[1] = G_MAXINT;
  m->hi[0] = m->hi[1] = -1;
}

static void
move_set (Search *s, const Move *m, gboolean undo)
{
  if (!undo)
    for (int i = 0; i < m->n; i++)
      set_cell (s, m->p[m->cell[i].who], m->cell[i].d, m->cell[i].val);
  else
    for (int i = m->n - 1; i >= 0; i--)
      set_cell (s, m->p[m->cell[i].who], m->cell[i].d, m->cell[i].old);
}

static void
best_update (Search *s, Best *best, const Move *m)
{
  gint64 obj = objective (s);

  if (s->hard < best->hard || (s->hard == best->hard && obj < best->obj))
    {
      best->hard = s->hard;
      best->obj = obj;
      best->unsaved = TRUE;
    }
  else if (best->unsaved && (s->hard > best->hard || obj > best->obj))
    {
      /* leaving the best: keep the state before this move */
      memcpy (best->rota, s->rota, sizeof (int) * s->P * s->D);
      for (int i = m->n - 1; i >= 0; i--)
        best->rota[m->p[m->cell[i].who] * s->D + m->cell[i].d] = m->cell[i].old;
      best->unsaved = FALSE;
    }
}

/* Makes @m when it breaks no new rule for either person and the annealing accepts its
 * change of the objective at @temp; a move that removes violations is always taken. */
static gboolean
move_try (Search *s, Move *m, double temp, Best *best)
{
  /* temp < 0: repair, any move that adds no violation is taken, whatever its cost */
  const gint64 obj0 = objective (s);
  int before[2], after[2], hard_delta = 0;
  gboolean change = FALSE;
  gint64 delta;

  for (int i = 0; i < m->n; i++)
    {
      m->cell[i].old = s->rota[m->p[m->cell[i].who] * s->D + m->cell[i].d];
      change |= m->cell[i].old != m->cell[i].val;
    }
  if (!change)
    return FALSE;
  for (int i = 0; i < m->n_people; i++)
    before[i] = person_pen (s, m->p[i], m->lo[i], m->hi[i]);
  move_set (s, m, FALSE);
  for (int i = 0; i < m->n_people; i++)
    {
      after[i] = person_pen (s, m->p[i], m->lo[i], m->hi[i]);
      hard_delta += after[i] - before[i];
      if (after[i] > before[i])
        {
          move_set (s, m, TRUE);
          return FALSE;
        }
    }
  delta = objective (s) - obj0;
  if (hard_delta == 0 && delta > 0 && temp >= 0
      && g_rand_double (s->rand) >= exp (-(double)delta / temp))
    {
      move_set (s, m, TRUE);
      return FALSE;
    }
  for (int i = 0; i < m->n_people; i++)
    s->pen[m->p[i]] += after[i] - before[i];
  s->hard += hard_delta;
  best_update (s, best, m);
  return TRUE;
}

static int
random_value (Search *s)
{
  return g_rand_int_range (s->rand, -1, s->S);
}

/* One person: a block of 1-5 days to one value, or to random values. */
static void
move_block (Search *s, Move *m, int p, gboolean mixed)
{
  const int len = g_rand_int_range (s->rand, 1, PM_BLOCK_MAX + 1);
  const int k = MIN (len, s->D); /* MIN evaluates its arguments twice */
  const int lo = g_rand_int_range (s->rand, 0, s->D - k + 1);
  int v = random_value (s);

  move_start (m, 1, p, -1);
  if (k == 1 && s->S > 1 && s->rota[p * s->D + lo] != PM_ROTA_OFF && g_rand_boolean (s->rand))
    v = g_rand_int_range (s->rand, 0, s->S); /* a change of type keeps the runs */
  for (int d = lo; d < lo + k; d++)
    {
      move_add (m, 0, d, v);
      if (mixed)
        v = random_value (s);
    }
}

/* One person: a block of 1-3 days moved (the values exchanged) with another block of the
 * same length elsewhere in the row: keeps the person's totals. */
static void
move_shift (Search *s, Move *m, int p)
{
  const int len = g_rand_int_range (s->rand, 1, 4);
  int k = MAX (MIN (len, s->D / 2), 1);
  int a = g_rand_int_range (s->rand, 0, s->D - k + 1);
  int b = g_rand_int_range (s->rand, 0, s->D - k + 1);
  const int *row = &s->rota[p * s->D];

  /* half the time two whole weekends, which keeps the weekends worked */
  if (s->n_wk_start >= 2 && g_rand_boolean (s->rand))
    {
      a = s->wk_start[g_rand_int_range (s->rand, 0, s->n_wk_start)];
      b = s->wk_start[g_rand_int_range (s->rand, 0, s->n_wk_start)];
      k = 2;
    }

  move_start (m, 1, p, -1);
  if (ABS (a - b) < k)
    return;
  for (int i = 0; i < k; i++)
    {
      move_add (m, 0, a + i, row[b + i]);
      move_add (m, 0, b + i, row[a + i]);
    }
}

/* Two people: a block of 1-5 days exchanged; with @twice, a second block too (so that
 * both keep their totals when the blocks carry the same work). */
static void
move_swap (Search *s, Move *m, int p, int q, gboolean twice)
{
  move_start (m, 2, p, q);
  for (int round = 0; round < (twice ? 2 : 1); round++)
    {
      const int len = g_rand_int_range (s->rand, 1, PM_BLOCK_MAX + 1);
      const int k = MIN (len, s->D);
      const int lo = g_rand_int_range (s->rand, 0, s->D - k + 1);

      for (int d = lo; d < lo + k; d++)
        {
          gboolean seen = FALSE;

          for (int i = 0; i < m->n; i++)
            seen |= m->cell[i].d == d;
          if (seen)
            continue;
          move_add (m, 0, d, s->rota[q * s->D + d]);
          move_add (m, 1, d, s->rota[p * s->D + d]);
        }
    }
}

/* A move aimed at a group short of people: a member who does not work that shift that day
 * takes it, alone, with the days next to it (a block keeps the minimum runs), or giving
 * up a working day elsewhere (keeps the totals). FALSE when no short group was drawn. */
static gboolean
move_target (Search *s, Move *m)
{
  const int n_covers = (int)s->model->covers->len;
  const PmRotaCover *cover = NULL;
  int p = -1, kind;

  for (int i = 0; i < 4 && cover == NULL && n_covers > 0; i++)
    {
      const int c = g_rand_int_range (s->rand, 0, n_covers);

      if (s->cov_n[c] < PM_ROTA_COVER (s->model, c)->need)
        cover = PM_ROTA_COVER (s->model, c);
    }
  /* prefer a member on another shift that day: changing the type keeps every run */
  for (int i = 0; i < 8 && cover != NULL; i++)
    {
      const int q = g_rand_int_range (s->rand, 0, s->P);
      const int v = s->rota[q * s->D + cover->day];

      if (!cover->member[q] || v == cover->shift)
        continue;
      if (p < 0 || v != PM_ROTA_OFF)
        p = q;
      if (v != PM_ROTA_OFF)
        break;
    }
  if (p < 0)
    return FALSE;
  move_start (m, 1, p, -1);
  move_add (m, 0, cover->day, cover->shift);
  kind = g_rand_int_range (s->rand, 0, 3);
  if (kind == 1)
    {
      const int k = g_rand_int_range (s->rand, 1, 3), dir = g_rand_boolean (s->rand) ? 1 : -1;

      for (int i = 1, d = cover->day + dir; i <= k && d >= 0 && d < s->D; i++, d += dir)
        if (s->rota[p * s->D + d] == PM_ROTA_OFF)
          move_add (m, 0, d, cover->shift);
    }
  else if (kind == 2)
    {
      const int b = g_rand_int_range (s->rand, 0, s->D);

      if (b != cover->day && s->rota[p * s->D + b] != PM_ROTA_OFF)
        move_add (m, 0, b, PM_ROTA_OFF);
    }
  return TRUE;
}

/* What @p taking @v on day @d adds to the objective, the others fixed (cover groups and
 * requests; @v may be PM_ROTA_OFF). */
static gint64
cell_gain (const Search *s, int p, int d, int v)
{
  const int cur = s->rota[p * s->D + d];
  gint64 gain = request_cost (s, p, d, v);

  if (v == PM_ROTA_OFF)
    return gain;
  for (int i = s->cov_start[d * s->S + v]; i < s->cov_start[d * s->S + v + 1]; i++)
    {
      const int c = s->cov_idx[i];
      const PmRotaCover *cover = PM_ROTA_COVER (s->model, c);
      const int n = s->cov_n[c] - (cur == v);
      gint64 u0, o0, u1, o1;

      if (!cover->member[p])
        continue;
      cover_cost (cover, n, &u0, &o0);
      cover_cost (cover, n + 1, &u1, &o1);
      gain += u1 + o1 - u0 - o0;
    }
  return gain;
}

/* Ruin and recreate 2-7 days of one person: each day in turn takes the value that helps
 * the objective most (with noise of the order of @temp) among those the runs, successions
 * and days off allow after the days before it; move_try() then checks everything. */
static void
move_rebuild (Search *s, Move *m, int p, double temp)
{
  const PmRotaPerson *person = PM_ROTA_PERSON (s->model, p);
  const int *row = &s->rota[p * s->D];
  const int len = g_rand_int_range (s->rand, 2, 13);
  const int k = MIN (len, s->D);
  const int lo = g_rand_int_range (s->rand, 0, s->D - k + 1);
  int prev = lo > 0 ? row[lo - 1] : PM_ROTA_OFF, run = 0;
  gboolean edge = TRUE;

  /* the run that ends on the day before the window */
  for (int d = lo - 1; d >= 0 && (row[d] != PM_ROTA_OFF) == (prev != PM_ROTA_OFF); d--)
    run++;
  edge = run == lo;
  move_start (m, 1, p, -1);
  for (int d = lo; d < lo + k; d++)
    {
      int best = PM_ROTA_OFF;
      double best_score = G_MAXDOUBLE;

      for (int v = -1; v < s->S; v++)
        {
          const gboolean works = v != PM_ROTA_OFF, worked = d > 0 && prev != PM_ROTA_OFF;
          double score;

          if (works
              && (person->day_off[d] || !person->allowed[d * s->S + v]
                  || person->max_per_shift[v] == 0
                  || (worked && s->model->forbidden[prev * s->S + v])))
            continue;
          if (d > 0 && works == worked && run >= (works ? person->max_consecutive : G_MAXINT))
            continue;
          if (d > 0 && works != worked && !edge
              && run < (worked ? person->min_consecutive : person->min_days_off))
            continue;
          score = cell_gain (s, p, d, v) + temp * g_rand_double (s->rand);
          if (score < best_score)
            {
              best_score = score;
              best = v;
            }
        }
      move_add (m, 0, d, best);
      if (d > 0 && (best != PM_ROTA_OFF) == (prev != PM_ROTA_OFF))
        run++;
      else
        {
          run = 1;
          edge = d == 0;
        }
      prev = best;
    }
}

/* A random move: 10% aimed at a short group (a block exchange within a row when no group
 * is short), 20% one person's block (one value, random values), 45% two people's swaps
 * (one block 30%, two blocks 15%: these keep the cover) and 25% ruin and recreate. The
 * mix was set on the benchmark instances 5, 8 and 12. */
static void
move_random (Search *s, Move *m, double temp)
{
  const int kind = g_rand_int_range (s->rand, 0, 100);
  const int p = g_rand_int_range (s->rand, 0, s->P);
  int q;

  if (kind < 10 && move_target (s, m))
    return;
  if (kind >= 75)
    {
      move_rebuild (s, m, p, temp);
      return;
    }
  if (kind < 30 || s->P < 2)
    {
      if (kind < 10)
        move_shift (s, m, p);
      else
        move_block (s, m, p, kind >= 20);
      return;
    }
  q = g_rand_int_range (s->rand, 0, s->P - 1);
  if (q >= p)
    q++;
  move_swap (s, m, p, q, kind >= 60);
}

/* A person whose row the construction could not make valid: a walk over that row alone
 * that takes every move adding no violation (so it crosses plateaus) until the row is
 * valid or a fixed budget, proportional to the horizon, is spent. */
static void
repair_person (Search *s, int p, Best *best)
{
  const gint64 budget = (gint64)20000 * s->D;
  Move m;

  for (gint64 i = 0; i < budget && s->pen[p] > 0; i++)
    {
      const int kind = g_rand_int_range (s->rand, 0, 4);

      if (kind == 0)
        move_shift (s, &m, p);
      else if (kind == 3)
        move_rebuild (s, &m, p, 1.0);
      else
        move_block (s, &m, p, kind == 2);
      move_try (s, &m, -1.0, best);
    }
}

/* ---- set-up */

static void
search_init_covers (Search *s)
{
  const PmRotaModel *model = s->model;
  const int n = (int)model->covers->len;
  int *fill;

  s->cov_start = g_new0 (int, (gsize)s->D * s->S + 1);
  s->cov_idx = g_new (int, MAX (n, 1));
  s->cov_n = g_new0 (int, MAX (n, 1));
  for (int c = 0; c < n; c++)
    {
      const PmRotaCover *cover = PM_ROTA_COVER (model, c);

      s->cov_start[cover->day * s->S + cover->shift + 1]++;
    }
  for (int k = 0; k < s->D * s->S; k++)
    s->cov_start[k + 1] += s->cov_start[k];
  fill = g_memdup2 (s->cov_start, sizeof (int) * ((gsize)s->D * s->S + 1));
  for (int c = 0; c < n; c++)
    {
      const PmRotaCover *cover = PM_ROTA_COVER (model, c);
      gint64 u, o;

      s->cov_idx[fill[cover->day * s->S + cover->shift]++] = c;
      cover_cost (cover, 0, &u, &o);
      s->under += u;
      s->over += o;
    }
  g_free (fill);
}

static void
search_init (Search *s, const PmRotaModel *model, guint64 seed)
{
  const gsize pds = (gsize)PM_ROTA_N_PEOPLE (model) * model->n_days * PM_ROTA_N_SHIFTS (model);

  memset (s, 0, sizeof *s);
  s->model = model;
  s->P = PM_ROTA_N_PEOPLE (model);
  s->D = model->n_days;
  s->S = PM_ROTA_N_SHIFTS (model);
  s->rota = g_new (int, MAX ((gsize)s->P * s->D, 1));
  for (int i = 0; i < s->P * s->D; i++)
    s->rota[i] = PM_ROTA_OFF;
  s->len = g_new (int, MAX (s->S, 1));
  s->unit = G_MAXINT;
  for (int v = 0; v < s->S; v++)
    {
      s->len[v] = PM_ROTA_SHIFT (model, v)->minutes;
      s->unit = MIN (s->unit, CLAMP (s->len[v], 1, 60));
    }
  if (s->S == 0)
    s->unit = 1;
  s->cnt = g_new0 (int, MAX ((gsize)s->P * s->S, 1));
  s->total = g_new0 (int, MAX (s->P, 1));
  s->minutes = g_new0 (int, MAX (s->P, 1));
  s->wk_days = g_new0 (int, MAX ((gsize)s->P * model->n_weekends, 1));
  s->wk = g_new0 (int, MAX (s->P, 1));
  s->pen = g_new0 (int, MAX (s->P, 1));
  s->on_total = g_new0 (int, MAX ((gsize)s->P * s->D, 1));
  s->on = g_new0 (int, MAX (pds, 1));
  s->off = g_new0 (int, MAX (pds, 1));
  for (guint i = 0; i < model->requests->len; i++)
    {
      const PmRotaRequest *r = &g_array_index (model->requests, PmRotaRequest, i);
      const gsize pd = (gsize)r->person * s->D + r->day;

      if (r->kind == PM_ROTA_REQUEST_ON)
        {
          s->on_total[pd] += r->weight;
          s->on[pd * s->S + r->shift] += r->weight;
          s->req += r->weight; /* everyone starts off */
        }
      else
        s->off[pd * s->S + r->shift] += r->weight;
    }
  search_init_covers (s);
  s->wk_start = g_new (int, MAX (s->D, 1));
  for (int d = 0; d + 1 < s->D; d++)
    if (model->weekend_of[d] >= 0 && model->weekend_of[d + 1] == model->weekend_of[d])
      s->wk_start[s->n_wk_start++] = d;
  s->rand
      = g_rand_new_with_seed_array ((const guint32[]){ (guint32)seed, (guint32)(seed >> 32) }, 2);
}

static void
search_clear (Search *s)
{
  g_free (s->rota);
  g_free (s->len);
  g_free (s->cnt);
  g_free (s->total);
  g_free (s->minutes);
  g_free (s->wk_days);
  g_free (s->wk);
  g_free (s->pen);
  g_free (s->cov_start);
  g_free (s->cov_idx);
  g_free (s->cov_n);
  g_free (s->on_total);
  g_free (s->on);
  g_free (s->off);
  g_free (s->wk_start);
  g_rand_free (s->rand);
}

/* The annealing cools geometrically from 30 to 0.1 times the typical soft weight (requests
 * and overcover): hot enough at first to trade a missing person of the benchmark's covers
 * (weight 100) for a better arrangement, cold enough at the end to polish the requests. */
static void
search_temperatures (const Search *s, double *t0, double *t1)
{
  double sum = 0;
  int n = 0;

  for (guint i = 0; i < s->model->requests->len; i++, n++)
    sum += g_array_index (s->model->requests, PmRotaRequest, i).weight;
  for (guint c = 0; c < s->model->covers->len; c++)
    if (PM_ROTA_COVER (s->model, c)->over_weight > 0)
      {
        sum += PM_ROTA_COVER (s->model, c)->over_weight;
        n++;
      }
  sum = n > 0 ? MAX (sum / n, 0.01) : 1.0;
  *t0 = 30.0 * sum;
  *t1 = 0.1 * sum;
}

/* ---- the search */

typedef struct
{
  const PmRotaSearchOptions *options;
  gint64 start, limit_us, last_report;
  guint64 iterations;
  int reports;
} Clock;

/* The progress of the run in [0, 1] (>= 1: stop), and the progress reports. */
static double
clock_progress (Clock *c, guint64 iter, const Best *best)
{
  const PmRotaSearchOptions *o = c->options;
  double progress;

  if (c->limit_us > 0)
    {
      gint64 now = o->clock ();

      progress = (double)(now - c->start) / c->limit_us;
      if (o->progress && now - c->last_report >= G_USEC_PER_SEC / 4)
        {
          c->last_report = now;
          o->progress (best->obj, best->hard, o->progress_data);
        }
      return progress;
    }
  progress = (double)iter / c->iterations;
  if (o->progress && progress * 8 >= c->reports + 1)
    {
      c->reports++;
      o->progress (best->obj, best->hard, o->progress_data);
    }
  return progress;
}

static void
search_cost (const Search *s, const int *rota, PmRotaCost *cost)
{
  const PmRotaModel *model = s->model;

  memset (cost, 0, sizeof *cost);
  for (guint c = 0; c < model->covers->len; c++)
    {
      const PmRotaCover *cover = PM_ROTA_COVER (model, c);
      gint64 u, o;
      int n = 0;

      for (int p = 0; p < s->P; p++)
        n += cover->member[p] && rota[p * s->D + cover->day] == cover->shift;
      cover_cost (cover, n, &u, &o);
      cost->under += u;
      cost->over += o;
    }
  for (int p = 0; p < s->P; p++)
    for (int d = 0; d < s->D; d++)
      cost->requests += request_cost (s, p, d, rota[p * s->D + d]);
  cost->objective = cost->under + cost->over + cost->requests;
}

gboolean
pm_rota_search (const PmRotaModel *model, const PmRotaSearchOptions *options, int *rota_out,
                PmRotaCost *cost_out, GCancellable *cancellable, GError **error)
{
  Search s;
  Best best = { 0 };
  Clock clock = { options, 0, 0, 0, 0, 0 };
  double t0, t1, temp, progress = 0;
  gboolean ok = TRUE;
  Move move;

  g_return_val_if_fail (model != NULL && options != NULL && rota_out != NULL, FALSE);
  g_return_val_if_fail (options->time_limit_seconds <= 0 || options->clock != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* the limit counts from here: construction and repair are inside it (they are bounded
   * by node and move budgets, not by the clock, so a huge model may overrun it) */
  if (options->time_limit_seconds > 0)
    {
      clock.start = clock.last_report = options->clock ();
      clock.limit_us = MAX ((gint64)(options->time_limit_seconds * G_USEC_PER_SEC), 1);
    }
  search_init (&s, model, options->seed);
  for (int p = 0; p < s.P; p++)
    build_person (&s, p);
  best.rota = g_memdup2 (s.rota, sizeof (int) * MAX ((gsize)s.P * s.D, 1));
  best.hard = s.hard;
  best.obj = objective (&s);
  for (int p = 0; p < s.P; p++)
    if (s.pen[p] > 0)
      repair_person (&s, p, &best);
  search_temperatures (&s, &t0, &t1);
  temp = t0;
  clock.iterations
      = options->iterations > 0 ? options->iterations : MAX ((guint64)4000 * s.P * s.D, 200000);
  for (guint64 iter = 0; s.P > 0 && s.D > 0; iter++)
    {
      if (clock.limit_us == 0 && iter >= clock.iterations)
        break;
      if ((iter & 255) == 0)
        {
          progress = clock_progress (&clock, iter, &best);
          if (progress >= 1.0)
            break;
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              break;
            }
          temp = t0 * pow (t1 / t0, progress);
        }
      move_random (&s, &move, temp);
      move_try (&s, &move, temp, &best);
    }
  if (best.unsaved)
    memcpy (best.rota, s.rota, sizeof (int) * s.P * s.D);
  memcpy (rota_out, best.rota, sizeof (int) * s.P * s.D);
  if (cost_out)
    search_cost (&s, best.rota, cost_out);
  if (options->progress)
    options->progress (best.obj, best.hard, options->progress_data);
  g_free (best.rota);
  search_clear (&s);
  return ok;
}
