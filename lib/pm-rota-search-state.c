/* peermatch: the rota search: its state, and making or refusing a move.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The state keeps, besides the rota, the counters every hard rule needs and the objective's
 * three parts, updated cell by cell (pm_rs_set_cell), so that a move is judged in time
 * proportional to what it changes. pm_rs_move_try() is the one door to the state during the
 * annealing: it compares the violations of each person the move touches before and after
 * (pm_rs_person_pen: the counters plus the runs around the changed span, which is exact) and
 * undoes any move that adds one, so no move ever breaks a rule that held. */
#include <math.h>

#include "pm-private.h"
#include "pm-rota-search-state-private.h"

/* ---- cost */

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
void
pm_rs_set_cell (Search *s, int p, int d, int v)
{
  const int old = s->rota[p * s->D + d];
  const int w = s->model->weekend_of[d];
  const int nw = s->model->n_weekends;

  if (old == v)
    return;
  s->below -= s->minutes[p] < PM_ROTA_PERSON (s->model, p)->max_minutes;
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
  s->below += s->minutes[p] < PM_ROTA_PERSON (s->model, p)->max_minutes;
  if ((old == PM_ROTA_OFF) != (v == PM_ROTA_OFF))
    {
      int step = v == PM_ROTA_OFF ? -1 : +1;

      s->total[p] += step;
      if (w >= 0)
        {
          int *days = &s->wk_days[p * nw + w];

          s->singles -= *days == 1 && s->wk_whole[w];
          if (*days == 0 && step > 0)
            s->wk[p]++;
          *days += step;
          if (*days == 0)
            s->wk[p]--;
          s->singles += *days == 1 && s->wk_whole[w];
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

int
pm_rs_person_pen (const Search *s, int p, int lo, int hi)
{
  return counter_pen (s, p)
         + window_pen (s->model, PM_ROTA_PERSON (s->model, p), &s->rota[p * s->D], s->D, lo, hi);
}

/* What @p taking @v on day @d adds to the objective, the others fixed (cover groups and
 * requests; @v may be PM_ROTA_OFF). */
gint64
pm_rs_cell_gain (const Search *s, int p, int d, int v)
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

static void
move_set (Search *s, const Move *m, gboolean undo)
{
  if (!undo)
    for (int i = 0; i < m->n; i++)
      pm_rs_set_cell (s, m->p[m->cell[i].who], m->cell[i].d, m->cell[i].val);
  else
    for (int i = m->n - 1; i >= 0; i--)
      pm_rs_set_cell (s, m->p[m->cell[i].who], m->cell[i].d, m->cell[i].old);
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

/* Whether @p may work @v on day @d at all: a day off (leave, paused, training lapsed) or a
 * shift outside the availability is absolute, never traded against another rule (e.g. a
 * minimum of minutes that the leave makes unreachable), whatever the penalties say. */
gboolean
pm_rs_cell_allowed (const Search *s, int p, int d, int v)
{
  const PmRotaPerson *person = PM_ROTA_PERSON (s->model, p);

  return v == PM_ROTA_OFF || (!person->day_off[d] && person->allowed[d * s->S + v]);
}

/* Makes @m when it breaks no new rule for either person and the annealing accepts its
 * change of the objective at @temp; a move that removes violations is always taken, unless
 * it puts someone on a day off or outside their availability (never). A move of someone the
 * helper thread reserved (s->reserved) is refused. */
gboolean
pm_rs_move_try (Search *s, Move *m, double temp, Best *best)
{
  /* temp < 0: repair, any move that adds no violation is taken, whatever its cost */
  const gint64 obj0 = objective (s);
  const PmRsGuide g0 = pm_rs_guide (s);
  int before[2], after[2], hard_delta = 0;
  gboolean change = FALSE, valid = TRUE;
  double delta;

  for (int i = 0; s->reserved != NULL && i < m->n_people; i++)
    if (g_atomic_int_get (&s->reserved[m->p[i]]))
      return FALSE;
  for (int i = 0; i < m->n; i++)
    {
      m->cell[i].old = s->rota[m->p[m->cell[i].who] * s->D + m->cell[i].d];
      change |= m->cell[i].old != m->cell[i].val;
      if (!pm_rs_cell_allowed (s, m->p[m->cell[i].who], m->cell[i].d, m->cell[i].val))
        return FALSE;
    }
  if (!change)
    return FALSE;
  for (int i = 0; i < m->n_people; i++)
    valid &= s->pen[m->p[i]] == 0;
  if (valid && temp >= 0)
    {
      /* the usual case, made cheaper: a valid person's window has no violation before the
       * move, and the move is taken only when it adds none; the change of the objective,
       * which rejects most moves once the annealing has cooled, is known before the rules
       * are checked */
      move_set (s, m, FALSE);
      delta = pm_rs_guided_delta (s, objective (s) - obj0, g0);
      if (delta > 0 && pm_rs_rand_double (&s->rand) >= exp (-delta / temp))
        {
          move_set (s, m, TRUE);
          return FALSE;
        }
      for (int i = 0; i < m->n_people; i++)
        if (pm_rs_person_pen (s, m->p[i], m->lo[i], m->hi[i]) > 0)
          {
            move_set (s, m, TRUE);
            return FALSE;
          }
      best_update (s, best, m);
      return TRUE;
    }
  for (int i = 0; i < m->n_people; i++)
    before[i] = pm_rs_person_pen (s, m->p[i], m->lo[i], m->hi[i]);
  move_set (s, m, FALSE);
  for (int i = 0; i < m->n_people; i++)
    {
      after[i] = pm_rs_person_pen (s, m->p[i], m->lo[i], m->hi[i]);
      hard_delta += after[i] - before[i];
      if (after[i] > before[i])
        {
          move_set (s, m, TRUE);
          return FALSE;
        }
    }
  delta = pm_rs_guided_delta (s, objective (s) - obj0, g0);
  if (hard_delta == 0 && delta > 0 && temp >= 0
      && pm_rs_rand_double (&s->rand) >= exp (-delta / temp))
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

/* Makes @rows (computed on a copy of the state, which may have changed since) when they
 * break no new rule for any of their people and the annealing accepts their change of the
 * objective at @temp, as pm_rs_move_try() does for a move. */
gboolean
pm_rs_rows_try (Search *s, const PmRsRows *rows, double temp, Best *best)
{
  const gint64 obj0 = objective (s);
  const PmRsGuide g0 = pm_rs_guide (s);
  const int L = rows->hi - rows->lo + 1;
  int old[PM_RS_ROWS_MAX][PM_ROW_WINDOW_MAX], before[PM_RS_ROWS_MAX], after[PM_RS_ROWS_MAX];
  gboolean change = FALSE, ok = TRUE;
  int hard_delta = 0;
  gint64 obj;

  g_return_val_if_fail (rows->k <= PM_RS_ROWS_MAX && L <= PM_ROW_WINDOW_MAX, FALSE);
  for (int i = 0; i < rows->k; i++)
    for (int d = rows->lo; d <= rows->hi; d++)
      {
        const int v = rows->vals[i][d - rows->lo];

        old[i][d - rows->lo] = s->rota[rows->p[i] * s->D + d];
        change |= v != old[i][d - rows->lo];
        if (!pm_rs_cell_allowed (s, rows->p[i], d, v))
          return FALSE;
      }
  if (!change)
    return FALSE;
  for (int i = 0; i < rows->k; i++)
    before[i] = pm_rs_person_pen (s, rows->p[i], rows->lo, rows->hi);
  /* the best is the current state: save it before leaving it */
  if (best->unsaved)
    {
      memcpy (best->rota, s->rota, sizeof (int) * s->P * s->D);
      best->unsaved = FALSE;
    }
  for (int i = 0; i < rows->k; i++)
    for (int d = rows->lo; d <= rows->hi; d++)
      pm_rs_set_cell (s, rows->p[i], d, rows->vals[i][d - rows->lo]);
  for (int i = 0; i < rows->k && ok; i++)
    {
      after[i] = pm_rs_person_pen (s, rows->p[i], rows->lo, rows->hi);
      hard_delta += after[i] - before[i];
      ok = after[i] <= before[i];
    }
  obj = objective (s);
  if (ok && hard_delta == 0)
    {
      const double delta = pm_rs_guided_delta (s, obj - obj0, g0);

      ok = delta <= 0 || pm_rs_rand_double (&s->rand) < exp (-delta / temp);
    }
  if (!ok)
    {
      for (int i = rows->k - 1; i >= 0; i--)
        for (int d = rows->lo; d <= rows->hi; d++)
          pm_rs_set_cell (s, rows->p[i], d, old[i][d - rows->lo]);
      return FALSE;
    }
  for (int i = 0; i < rows->k; i++)
    s->pen[rows->p[i]] += after[i] - before[i];
  s->hard += hard_delta;
  if (s->hard < best->hard || (s->hard == best->hard && obj < best->obj))
    {
      best->hard = s->hard;
      best->obj = obj;
      best->unsaved = TRUE;
    }
  return TRUE;
}

/* Makes @dst (set up for the same model) the same state as @src: the rota, the counters
 * and the objective. */
void
pm_rs_copy_state (Search *dst, const Search *src)
{
  const gsize P = src->P, nw = src->model->n_weekends;

  g_return_if_fail (dst->model == src->model);
  memcpy (dst->rota, src->rota, sizeof (int) * P * src->D);
  memcpy (dst->cnt, src->cnt, sizeof (int) * P * src->S);
  memcpy (dst->total, src->total, sizeof (int) * P);
  memcpy (dst->minutes, src->minutes, sizeof (int) * P);
  memcpy (dst->wk_days, src->wk_days, sizeof (int) * P * nw);
  memcpy (dst->wk, src->wk, sizeof (int) * P);
  memcpy (dst->pen, src->pen, sizeof (int) * P);
  memcpy (dst->cov_n, src->cov_n, sizeof (int) * src->model->covers->len);
  dst->hard = src->hard;
  dst->under = src->under;
  dst->over = src->over;
  dst->req = src->req;
  dst->below = src->below;
  dst->below_weight = src->below_weight;
  dst->singles = src->singles;
  dst->single_weight = src->single_weight;
}

/* ---- set-up */

/* The greatest common divisor of the shift lengths (at least 1): the row re-optimisation
 * counts minutes in these units. */
static int
lengths_gcd (const int *len, int n)
{
  int g = 0;

  for (int v = 0; v < n; v++)
    {
      int a = MAX (len[v], 1);

      while (a != 0)
        {
          int t = g % a;

          g = a;
          a = t;
        }
    }
  return MAX (g, 1);
}

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

/* The generator's state from @seed by splitmix64 (Steele, Lea and Flood), as its authors
 * advise: never all zero, and nearby seeds give unrelated streams. */
static void
rand_seed (PmRsRand *r, guint64 seed)
{
  for (int i = 0; i < 4; i++)
    {
      guint64 z = (seed += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

      z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
      z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
      r->s[i] = z ^ (z >> 31);
    }
}

void
pm_rs_init (Search *s, const PmRotaModel *model, guint64 seed)
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
  s->gcd = lengths_gcd (s->len, s->S);
  s->cnt = g_new0 (int, MAX ((gsize)s->P * s->S, 1));
  s->total = g_new0 (int, MAX (s->P, 1));
  s->minutes = g_new0 (int, MAX (s->P, 1));
  for (int p = 0; p < s->P; p++) /* everyone starts off: 0 minutes */
    s->below += PM_ROTA_PERSON (model, p)->max_minutes > 0;
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
  s->wk_whole = g_new0 (guint8, MAX (model->n_weekends, 1));
  for (int d = 0; d + 1 < s->D; d++)
    if (model->weekend_of[d] >= 0 && model->weekend_of[d + 1] == model->weekend_of[d])
      {
        s->wk_start[s->n_wk_start++] = d;
        s->wk_whole[model->weekend_of[d]] = 1;
      }
  rand_seed (&s->rand, seed);
}

void
pm_rs_clear (Search *s)
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
  g_free (s->wk_whole);
  pm_rs_row_free (s->row_work);
}

void
pm_rs_cost (const Search *s, const int *rota, PmRotaCost *cost)
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
