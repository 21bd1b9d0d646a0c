/* peermatch: the rota search: exact re-optimisation of a window of one person's row.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A large-neighbourhood move: the days [lo, hi] of person p get the values that minimise the
 * objective with everybody else fixed, among the rows that keep p's hard rules, by dynamic
 * programming over the days. A day's cost is pm_rs_cell_gain() (the cover groups and
 * requests it touches), so the sum over the window is the change of the objective up to a
 * constant. The state after a day is (its value, the length of the run it ends, the
 * weekends newly worked in the window, the window's minutes in units of the shifts' common
 * divisor): enough to decide the successions, the run rules inside the window and where it
 * meets the fixed days on either side (with whether a run started on day 0, which frees it
 * from its minimum), the weekends and the minutes exactly. Of the per-type maxima the window
 * could exceed, the tightest is in the state; the others and the total maximum are left to
 * pm_rs_move_try(), which checks every rule again. So the move never breaks a rule, and is
 * exact when the person is within every limit and at most one per-type maximum binds.
 * Cost: O(window * states * values); the states are bounded by PM_ROW_STATES_MAX. */
#include "pm-private.h"
#include "pm-rota-search-state-private.h"

#define PM_ROW_STATES_MAX 65536
#define PM_ROW_INF G_MAXINT64
#define ROW_SCALE (4 * PM_ROW_WINDOW_MAX)

/* The tables of the dynamic programme, kept from one move to the next. Only the states
 * reached are visited (most are not: the minutes of a window take few values), so a day
 * costs O(reached states * values), not O(all states). */
struct _PmRowWork
{
  gint64 *cost[2]; /* per state, the best cost (the day before, this day) */
  int *list[2];    /* the states reached, in the order reached */
  int n[2];
  guint *stamp; /* the day (a counter over all moves) the state was last reached */
  guint day;
  int *from;   /* PM_ROW_WINDOW_MAX * PM_ROW_STATES_MAX: the predecessor state and the value
                * taken, packed (state << 6 | value + 1) */
  int cls[64]; /* value + 1 -> its class: values that forbid the same successors */
  int rep[64]; /* class -> a value of it (+ 1) */
  int n_cls;
  int grp[64]; /* value + 1 -> its group: values that lead from any state to the same one */
  int n_grp;
  guint64 ops; /* transitions looked at so far: the work done */
};

/* The shape of the state space of one window. */
typedef struct
{
  const Search *s;
  const PmRotaPerson *person;
  int p, lo, hi, L;
  const int *cls, *rep;  /* the classes of values (PmRowWork) */
  int NC;                /* classes of values: the state keeps the class of the last value */
  int V, R, E, K, M;     /* values (off first), run lengths 1..R, the run touches day 0 (E = 2)
                          * or cannot (E = 1), weekends 0..K-1, minutes */
  int C, t;              /* the type t (-1: none) whose maximum is tracked: 0..C-1 taken */
  gboolean count_wk;     /* the person has a maximum of weekends (K may be 1: none more) */
  gboolean m_saturate;   /* no upper limit: minutes count only up to the minimum */
  int m_low;             /* the window's minutes must reach m_low units */
  int m_full;            /* the units that take the person to their maximum (-1: none) */
  gint64 below_cost;     /* the cost of ending below it (the annealing's below_weight) */
  gint64 single_cost;    /* per weekend worked on one day only (the annealing's single_weight) */
  gboolean fixed_wk[64]; /* the weekend is worked outside the window anyway */
  int win_min, win_total, win_cnt[64]; /* minutes, shifts, shifts per type in the window */
  gint64 gain[PM_ROW_WINDOW_MAX][64];  /* [day - lo][v + 1]; PM_ROW_INF: not allowed */
  /* per day, the values worth trying: the cheapest allowed one of each group (row_choices) */
  int n_choice[PM_ROW_WINDOW_MAX];
  signed char choice[PM_ROW_WINDOW_MAX][64];
} Row;

/* A state after a day: its value (a representative of its class: the successions, the only
 * use of the value the day after, are the same for the whole class), the run it ends (length,
 * started on day 0), weekends newly worked, minutes units, shifts of the tracked type. */
typedef struct
{
  int v, run, e, k, m, c;
} RowState;

static int
row_state (const Row *r, const RowState *x)
{
  return (((((r->cls[x->v + 1]) * r->R + x->run - 1) * r->E + x->e) * r->K + x->k) * r->M + x->m)
             * r->C
         + x->c;
}

static void
row_unstate (const Row *r, int i, RowState *x)
{
  x->c = i % r->C;
  i /= r->C;
  x->m = i % r->M;
  i /= r->M;
  x->k = i % r->K;
  i /= r->K;
  x->e = i % r->E;
  i /= r->E;
  x->run = i % r->R + 1;
  x->v = r->rep[i / r->R] - 1;
}

/* The length of the run (working or off, as day @d) that ends at @d, going left. */
static int
run_left (const int *row, int d)
{
  int n = 1;

  while (d - n >= 0 && (row[d - n] != PM_ROTA_OFF) == (row[d] != PM_ROTA_OFF))
    n++;
  return n;
}

static int
run_right (const int *row, int D, int d)
{
  int n = 1;

  while (d + n < D && (row[d + n] != PM_ROTA_OFF) == (row[d] != PM_ROTA_OFF))
    n++;
  return n;
}

/* The weekends: those worked by a day outside the window count already. FALSE when the
 * person is over the maximum outside the window. */
static gboolean
row_setup_weekends (Row *r)
{
  const Search *s = r->s;
  const int *row = &s->rota[r->p * s->D];
  const int nw = s->model->n_weekends;
  int wk_fixed = 0;

  for (int w = 0; w < nw; w++)
    {
      int inside = 0;

      for (int d = r->lo; d <= r->hi; d++)
        inside += s->model->weekend_of[d] == w && row[d] != PM_ROTA_OFF;
      r->fixed_wk[w] = s->wk_days[r->p * nw + w] - inside > 0;
      wk_fixed += r->fixed_wk[w];
    }
  r->count_wk = r->person->max_weekends < nw;
  r->K = r->count_wk ? r->person->max_weekends - wk_fixed + 1 : 1;
  r->K = MIN (r->K, 5); /* a window of 28 days holds at most 4 more */
  return r->K >= 1;
}

/* The minutes the window may hold, in units of the shifts' common divisor; when the
 * maximum cannot bind, they count only up to the minimum. */
static gboolean
row_setup_minutes (Row *r)
{
  const Search *s = r->s;
  const PmRotaPerson *person = r->person;
  const gint64 out = s->minutes[r->p] - r->win_min;
  const gint64 up = (gint64)person->max_minutes - out;
  int max_len = 0;

  for (int v = 0; v < s->S; v++)
    max_len = MAX (max_len, s->len[v]);
  r->m_low = (int)MAX (((gint64)person->min_minutes - out + s->gcd - 1) / s->gcd, 0);
  r->m_saturate = up > (gint64)r->L * max_len; /* the maximum is out of reach */
  r->M = r->m_saturate ? r->m_low + 1 : (int)(up / s->gcd) + 1;
  r->m_full = !r->m_saturate && up % s->gcd == 0 ? (int)(up / s->gcd) : -1;
  r->below_cost = 0;
  r->single_cost = 0;
  return r->M >= 1;
}

/* The runs (lengths that matter) and the tightest per-type maximum the window could exceed,
 * which is kept exact in the state. */
static void
row_setup_runs_types (Row *r)
{
  const Search *s = r->s;
  const PmRotaPerson *person = r->person;
  const int *row = &s->rota[r->p * s->D];

  r->R = MAX (MAX (person->min_consecutive, person->min_days_off), 1);
  if (person->max_consecutive < s->D)
    r->R = MAX (r->R, person->max_consecutive);
  r->R = MIN (r->R, s->D);
  /* the run before the window touches day 0 (or the window starts there) */
  r->E = r->lo == 0 || run_left (row, r->lo - 1) == r->lo ? 2 : 1;
  r->t = -1;
  r->C = 1;
  for (int v = 0; v < s->S; v++)
    {
      const int rem = person->max_per_shift[v] - (s->cnt[r->p * s->S + v] - r->win_cnt[v]);

      if (rem > 0 && rem < r->L && (r->t < 0 || rem + 1 < r->C))
        {
          r->t = v;
          r->C = rem + 1;
        }
    }
}

/* The values allowed on each day, with their cost. */
static void
row_setup_gains (Row *r)
{
  const Search *s = r->s;
  const PmRotaPerson *person = r->person;
  const int p = r->p;

  for (int d = r->lo; d <= r->hi; d++)
    for (int v = -1; v < s->S; v++)
      {
        gboolean ok = v == PM_ROTA_OFF
                      || (!person->day_off[d] && person->allowed[d * s->S + v]
                          && person->max_per_shift[v] - (s->cnt[p * s->S + v] - r->win_cnt[v]) > 0
                          && person->max_shifts - (s->total[p] - r->win_total) > 0);

        r->gain[d - r->lo][v + 1] = ok ? pm_rs_cell_gain (s, p, d, v) : PM_ROW_INF;
      }
}

/* Sets the counts outside the window, the shape of the state space and the costs. FALSE
 * when the person's row is outside a limit already or the state space is too large. */
static gboolean
row_setup (Row *r, Search *s, int p, int lo, int hi)
{
  const int *row = &s->rota[p * s->D];
  const gboolean whole = lo == 0 && hi == s->D - 1; /* nothing outside: any row will do */

  if ((s->pen[p] > 0 && !whole) || s->S + 1 > 64 || s->model->n_weekends > 64)
    return FALSE;
  memset (r->win_cnt, 0, sizeof r->win_cnt);
  r->s = s;
  r->person = PM_ROTA_PERSON (s->model, p);
  r->p = p;
  r->lo = lo;
  r->hi = hi;
  r->L = hi - lo + 1;
  r->V = s->S + 1;
  r->NC = s->row_work->n_cls;
  r->cls = s->row_work->cls;
  r->rep = s->row_work->rep;
  r->win_min = r->win_total = 0;
  for (int d = lo; d <= hi; d++)
    if (row[d] != PM_ROTA_OFF)
      {
        r->win_min += s->len[row[d]];
        r->win_cnt[row[d]]++;
        r->win_total++;
      }
  if (!row_setup_weekends (r) || !row_setup_minutes (r))
    return FALSE;
  row_setup_runs_types (r);
  /* too many states with the per-type maximum in them: leave it to pm_rs_move_try() */
  if ((gint64)r->NC * r->R * r->E * r->K * r->M * r->C > PM_ROW_STATES_MAX)
    {
      r->t = -1;
      r->C = 1;
    }
  if ((gint64)r->NC * r->R * r->E * r->K * r->M > PM_ROW_STATES_MAX)
    return FALSE;
  row_setup_gains (r);
  return TRUE;
}

/* The shortest run allowed: of work after work, of days off after days off. */
static int
run_min (const PmRotaPerson *person, gboolean works)
{
  return works ? person->min_consecutive : person->min_days_off;
}

/* Whether the window may end in state @x against the fixed days after it. */
static gboolean
row_exit_ok (const Row *r, const RowState *x)
{
  const Search *s = r->s;
  const PmRotaPerson *person = r->person;
  const int *row = &s->rota[r->p * s->D];
  const gboolean works = x->v != PM_ROTA_OFF;
  const int v = x->v, run = x->run;
  int next, ext;
  gboolean end;

  if (x->m < r->m_low)
    return FALSE;
  if (r->hi == s->D - 1)
    return TRUE; /* the last run touches the end: only its maximum counts, checked already */
  next = row[r->hi + 1];
  ext = run_right (row, s->D, r->hi + 1);
  end = r->hi + ext == s->D - 1;
  if (works == (next != PM_ROTA_OFF))
    {
      /* the window's last run goes on after it */
      if (works && (s->model->forbidden[v * s->S + next] || run + ext > person->max_consecutive))
        return FALSE;
      return end || x->e || run + ext >= run_min (person, works);
    }
  /* the window's last run ends at hi; the fixed run after it starts at hi + 1 */
  if (!x->e && run < run_min (person, works))
    return FALSE;
  return end || ext >= run_min (person, !works);
}

/* The state after taking @v2 on day @d from state @x; -1: not allowed. */
static int
row_next (const Row *r, int d, RowState x, int v2)
{
  const Search *s = r->s;
  const PmRotaPerson *person = r->person;
  const gboolean worked = x.v != PM_ROTA_OFF, works = v2 != PM_ROTA_OFF;
  const int w = s->model->weekend_of[d];

  if (works == worked)
    {
      if (works && (s->model->forbidden[x.v * s->S + v2] || x.run + 1 > person->max_consecutive))
        return -1;
      x.run = MIN (x.run + 1, r->R);
    }
  else
    {
      /* a run ends at d - 1: its minimum counts unless it started on day 0 */
      if (!x.e && x.run < run_min (person, worked))
        return -1;
      x.run = 1;
      x.e = d == 0;
    }
  x.v = v2;
  if (!works)
    return row_state (r, &x);
  if (r->count_wk && w >= 0 && !r->fixed_wk[w]
      && !(d > 0 && s->model->weekend_of[d - 1] == w && worked) && ++x.k >= r->K)
    return -1;
  x.m += s->len[v2] / s->gcd;
  if (x.m >= r->M)
    {
      if (!r->m_saturate)
        return -1;
      x.m = r->M - 1;
    }
  if (v2 == r->t && ++x.c >= r->C)
    return -1;
  return row_state (r, &x);
}

/* Whether shifts @a and @b are forbidden after the same shifts. */
static gboolean
same_predecessors (const Search *s, int a, int b)
{
  for (int u = 0; u < s->S; u++)
    if (s->model->forbidden[u * s->S + a] != s->model->forbidden[u * s->S + b])
      return FALSE;
  return TRUE;
}

/* The classes of values: off alone, then the shifts that forbid the same successors (on the
 * benchmark's larger instances, 18 shift types fall into 7 classes). And the groups: off
 * alone, then the shifts of one class, of one length and forbidden after the same shifts.
 * From any state, the values of a group lead to the same state (unless one is the per-type
 * maximum the state tracks), so a day needs only the cheapest of each (on instance 13 of
 * the benchmark, 12 of 19 values). */
static void
row_classes (const Search *s, PmRowWork *w)
{
  int grp_rep[64] = { 0 };

  w->cls[0] = w->grp[0] = 0;
  w->rep[0] = 0;
  w->n_cls = w->n_grp = 1;
  for (int v = 0; v < s->S && v < 63; v++)
    {
      int c = 1, g = 1;

      for (; c < w->n_cls; c++)
        if (memcmp (&s->model->forbidden[(w->rep[c] - 1) * s->S], &s->model->forbidden[v * s->S],
                    sizeof (s->model->forbidden[0]) * s->S)
            == 0)
          break;
      if (c == w->n_cls)
        w->rep[w->n_cls++] = v + 1;
      w->cls[v + 1] = c;
      for (; g < w->n_grp; g++)
        {
          const int u = grp_rep[g] - 1;

          if (w->cls[u + 1] == c && s->len[u] == s->len[v] && same_predecessors (s, u, v))
            break;
        }
      if (g == w->n_grp)
        grp_rep[w->n_grp++] = v + 1;
      w->grp[v + 1] = g;
    }
}

/* The values each day tries: of each group the cheapest allowed (the first among equals);
 * the tracked type alone, as its state differs. */
static void
row_choices (Row *r, const PmRowWork *w)
{
  for (int d = 0; d < r->L; d++)
    {
      int best[65];

      for (int g = 0; g <= w->n_grp; g++)
        best[g] = -2;
      for (int v = -1; v < r->s->S; v++)
        {
          const int g = v == r->t ? w->n_grp : w->grp[v + 1];

          if (r->gain[d][v + 1] != PM_ROW_INF
              && (best[g] == -2 || r->gain[d][v + 1] < r->gain[d][best[g] + 1]))
            best[g] = v;
        }
      r->n_choice[d] = 0;
      for (int g = 0; g <= w->n_grp; g++)
        if (best[g] != -2)
          r->choice[d][r->n_choice[d]++] = (signed char)best[g];
    }
}

static PmRowWork *
row_work (Search *s)
{
  if (s->row_work == NULL)
    {
      s->row_work = g_new0 (PmRowWork, 1);
      for (int i = 0; i < 2; i++)
        {
          s->row_work->cost[i] = g_new (gint64, PM_ROW_STATES_MAX);
          s->row_work->list[i] = g_new (int, PM_ROW_STATES_MAX);
        }
      s->row_work->stamp = g_new0 (guint, PM_ROW_STATES_MAX);
      s->row_work->from = g_new (int, (gsize)PM_ROW_WINDOW_MAX *PM_ROW_STATES_MAX);
      row_classes (s, s->row_work);
    }
  return s->row_work;
}

guint64
pm_rs_row_ops (const Search *s)
{
  return s->row_work != NULL ? s->row_work->ops : 0;
}

void
pm_rs_row_free (PmRowWork *work)
{
  if (work == NULL)
    return;
  for (int i = 0; i < 2; i++)
    {
      g_free (work->cost[i]);
      g_free (work->list[i]);
    }
  g_free (work->stamp);
  g_free (work->from);
  g_free (work);
}

/* Reaches state @j at cost @c from state @i on the current day. */
static inline void
row_reach (PmRowWork *w, int *from, int i, int j, gint64 c)
{
  if (w->stamp[j] != w->day)
    {
      w->stamp[j] = w->day;
      w->list[1][w->n[1]++] = j;
    }
  else if (c >= w->cost[1][j])
    return;
  w->cost[1][j] = c;
  from[j] = i;
}

/* Opens a new day: the states reached become the previous day's. */
static void
row_turn (PmRowWork *w)
{
  gint64 *c = w->cost[0];
  int *l = w->list[0];

  w->cost[0] = w->cost[1];
  w->cost[1] = c;
  w->list[0] = w->list[1];
  w->list[1] = l;
  w->n[0] = w->n[1];
  w->n[1] = 0;
  if (++w->day == 0) /* the counter wrapped: forget every stamp */
    {
      memset (w->stamp, 0, sizeof (guint) * PM_ROW_STATES_MAX);
      w->day = 1;
    }
}

/* Whether days @d and @d + 1 are the two days of one weekend. */
static inline gboolean
row_weekend_pair (const Search *s, int d)
{
  return d >= 0 && d + 1 < s->D && s->model->weekend_of[d] >= 0
         && s->model->weekend_of[d + 1] == s->model->weekend_of[d];
}

/* One day of the dynamic programme: from the states reached the day before. */
static void
row_day (const Row *r, PmRowWork *w, int d)
{
  const gint64 *gain = r->gain[d - r->lo];
  const signed char *choice = r->choice[d - r->lo];
  const int n_choice = r->n_choice[d - r->lo];
  int *from = &w->from[(gsize)(d - r->lo) * PM_ROW_STATES_MAX];
  /* the second day of a weekend: working one day of it only costs single_cost */
  const gint64 single = row_weekend_pair (r->s, d - 1) ? r->single_cost : 0;

  row_turn (w);
  for (int a = 0; a < w->n[0]; a++)
    {
      const int i = w->list[0][a];
      RowState x;

      row_unstate (r, i, &x);
      for (int k = 0; k < n_choice; k++)
        {
          const int v2 = choice[k];
          int j = row_next (r, d, x, v2);

          if (j >= 0)
            row_reach (w, from, i << 6 | (v2 + 1), j,
                       w->cost[0][i] + gain[v2 + 1]
                           + ((x.v != PM_ROTA_OFF) != (v2 != PM_ROTA_OFF) ? single : 0));
        }
    }
  w->ops += (guint64)w->n[0] * n_choice + 1;
}

/* Fills @vals with the best window and @cost_out (nullable) with its cost; FALSE when no
 * window keeps the rules. */
static gboolean
row_solve (Row *r, PmRowWork *w, int *vals, gint64 *cost_out)
{
  const int *row = &r->s->rota[r->p * r->s->D];
  RowState x = { PM_ROTA_OFF, r->R, 1, 0, 0, 0 };
  gint64 best = PM_ROW_INF;
  int at = -1;

  /* before the window: its last fixed day, or a rest before day 0 that constrains nothing */
  if (r->lo > 0)
    {
      x.v = row[r->lo - 1];
      x.run = MIN (run_left (row, r->lo - 1), r->R);
      x.e = r->E == 2;
    }
  row_choices (r, w);
  row_turn (w);
  w->n[1] = 1;
  w->list[1][0] = row_state (r, &x);
  w->cost[1][w->list[1][0]] = 0;
  for (int d = r->lo; d <= r->hi; d++)
    row_day (r, w, d);
  for (int a = 0; a < w->n[1]; a++)
    {
      const int i = w->list[1][a];

      gint64 c = w->cost[1][i];

      if (c >= best)
        continue;
      row_unstate (r, i, &x);
      if (x.m != r->m_full && !r->m_saturate)
        c += r->below_cost;
      if (row_weekend_pair (r->s, r->hi) && (x.v != PM_ROTA_OFF) != (row[r->hi + 1] != PM_ROTA_OFF))
        c += r->single_cost;
      if (c < best && row_exit_ok (r, &x))
        {
          best = c;
          at = i;
        }
    }
  if (at < 0)
    return FALSE;
  if (cost_out != NULL)
    *cost_out = best;
  for (int d = r->hi; d >= r->lo; d--)
    {
      const int packed = w->from[(gsize)(d - r->lo) * PM_ROW_STATES_MAX + at];

      vals[d - r->lo] = (packed & 63) - 1;
      at = packed >> 6;
    }
  return TRUE;
}

/* Fills @vals with the best rewrite of days [lo, hi] of @p (see the top of the file), its
 * costs perturbed by up to @noise each; FALSE when there is none. The costs are scaled by
 * 4 * PM_ROW_WINDOW_MAX and a random 0-3 added to each day, which breaks ties at random
 * (rather than always the same way) without ever preferring a worse row. A window that
 * leaves @p below their maximum of minutes costs the annealing's below_weight more, and each
 * weekend it leaves worked on one day only its single_weight (pm-rota-search.c), as they do
 * in pm_rs_move_try(). */
gboolean
pm_rs_row_best (Search *s, int p, int lo, int hi, double noise, int *vals)
{
  Row r;

  g_return_val_if_fail (hi - lo + 1 <= PM_ROW_WINDOW_MAX && lo >= 0 && hi < s->D, FALSE);
  row_work (s); /* the classes of values, for the set-up */
  if (!row_setup (&r, s, p, lo, hi))
    return FALSE;
  for (int d = 0; d < r.L; d++)
    for (int v = 0; v < r.V; v++)
      if (r.gain[d][v] != PM_ROW_INF)
        r.gain[d][v] = ROW_SCALE * r.gain[d][v]
                       + (gint64)(ROW_SCALE * noise * pm_rs_rand_double (&s->rand))
                       + pm_rs_rand_range (&s->rand, 0, 4);
  r.below_cost = (gint64)(ROW_SCALE * s->below_weight);
  r.single_cost = (gint64)(ROW_SCALE * s->single_weight);
  return row_solve (&r, row_work (s), vals, NULL);
}

/* The pricing of the column generation (pm-rota-search-colgen.c): fills @vals with the
 * whole row of @p (the horizon is at most PM_ROW_WINDOW_MAX days) of least total of @cost
 * (@cost[d * (S + 1) + v + 1]: the cost of @p taking @v on day @d) among the rows that keep
 * @p's rules, and @total with that total. As for the row re-optimisation, of the per-type
 * maxima only the tightest is kept exactly: the caller checks the others and the total
 * maximum. Whatever @p's current row is. FALSE when there is no such row, or the state
 * space is too large. */
gboolean
pm_rs_row_price (Search *s, int p, const gint64 *cost, int *vals, gint64 *total)
{
  Row r;

  g_return_val_if_fail (s->D <= PM_ROW_WINDOW_MAX, FALSE);
  row_work (s);
  if (!row_setup (&r, s, p, 0, s->D - 1))
    return FALSE;
  for (int d = 0; d < r.L; d++)
    for (int v = 0; v < r.V; v++)
      if (r.gain[d][v] != PM_ROW_INF)
        r.gain[d][v] = cost[d * r.V + v];
  return row_solve (&r, row_work (s), vals, total);
}

/* Makes @m the best rewrite of days [lo, hi] of @p (pm_rs_row_best); FALSE when there is
 * none or it is the current row. */
gboolean
pm_rs_move_row (Search *s, Move *m, int p, int lo, int hi, double noise)
{
  int vals[PM_ROW_WINDOW_MAX];
  gboolean change = FALSE;

  if (!pm_rs_row_best (s, p, lo, hi, noise, vals))
    return FALSE;
  move_start (m, 1, p, -1);
  for (int d = lo; d <= hi; d++)
    {
      change |= vals[d - lo] != s->rota[p * s->D + d];
      move_add (m, 0, d, vals[d - lo]);
    }
  return change;
}
