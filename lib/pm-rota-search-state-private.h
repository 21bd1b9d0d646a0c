/* peermatch: the rota search's shared state and moves (pm-rota-search*.c). Private to them.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The search is split by stage: pm-rota-search-state.c keeps the state (the rota, the
 * counters of the hard rules, the objective) and makes a move only when it breaks no new
 * rule; pm-rota-search-build.c constructs each person's row; pm-rota-search-moves.c draws
 * the small random moves; pm-rota-search-row.c re-optimises a window of one person's row
 * exactly; pm-rota-search-ruin.c ruins and recreates several rows;
 * pm-rota-search-colgen.c chooses a row per person by column generation; pm-rota-search.c
 * drives them. */
#pragma once

#include "pm-rota-search-private.h"

G_BEGIN_DECLS

#define PM_BLOCK_MAX 5
/* the longest window the row re-optimisation rewrites in one move */
#define PM_ROW_WINDOW_MAX 28
#define PM_MOVE_CELLS MAX (4 * PM_BLOCK_MAX, PM_ROW_WINDOW_MAX)
G_STATIC_ASSERT (PM_ROW_WINDOW_MAX <= PM_MOVE_CELLS);

typedef struct _PmRowWork PmRowWork;

/* New values for a window [lo, hi] of the rows of k distinct people, made on a copy of the
 * state (pm-rota-search.c's helper thread) and tried on the state by pm_rs_rows_try(). */
#define PM_RS_ROWS_MAX 6
typedef struct
{
  int k, lo, hi;
  int p[PM_RS_ROWS_MAX];
  int vals[PM_RS_ROWS_MAX][PM_ROW_WINDOW_MAX];
} PmRsRows;

/* The search's random numbers: xoshiro256** (Blackman and Vigna), seeded by splitmix64.
 * The annealing draws two or three numbers a move, tens of millions a minute; GRand's
 * Mersenne twister, behind a function call, took a fifth of the annealing thread's time on
 * the benchmark's instance 13, this a few per cent. */
typedef struct
{
  guint64 s[4];
} PmRsRand;

static inline guint64
pm_rs_rand_rotl (guint64 x, int k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
pm_rs_rand_u64 (PmRsRand *r)
{
  const guint64 result = pm_rs_rand_rotl (r->s[1] * 5, 7) * 9, t = r->s[1] << 17;

  r->s[2] ^= r->s[0];
  r->s[3] ^= r->s[1];
  r->s[1] ^= r->s[2];
  r->s[0] ^= r->s[3];
  r->s[2] ^= t;
  r->s[3] = pm_rs_rand_rotl (r->s[3], 45);
  return result;
}

/* A uniform integer in [@begin, @end) (@begin when the range is empty), as
 * g_rand_int_range(): Lemire's multiply-and-shift, with its rejection of the few values
 * that would bias it. */
static inline int
pm_rs_rand_range (PmRsRand *r, int begin, int end)
{
  const guint32 n = (guint32)end - (guint32)begin;
  guint64 m;

  if (end <= begin)
    return begin;
  m = (pm_rs_rand_u64 (r) >> 32) * n;
  if ((guint32)m < n)
    {
      const guint32 least = -n % n; /* 2^32 mod n */

      while ((guint32)m < least)
        m = (pm_rs_rand_u64 (r) >> 32) * n;
    }
  /* in unsigned arithmetic: the range may be wider than G_MAXINT */
  return (int)((guint32)begin + (guint32)(m >> 32));
}

/* A uniform double in [0, 1). */
static inline double
pm_rs_rand_double (PmRsRand *r)
{
  return (double)(pm_rs_rand_u64 (r) >> 11) * (1.0 / 9007199254740992.0);
}

static inline gboolean
pm_rs_rand_boolean (PmRsRand *r)
{
  return pm_rs_rand_u64 (r) >> 63;
}

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
  PmRsRand rand;
  int gcd;              /* the greatest common divisor of the shift lengths (>= 1) */
  int below;            /* people below their maximum of minutes */
  double below_weight;  /* the annealing's extra cost per person below it (pm_rota_search) */
  guint8 *wk_whole;     /* n_weekends: both days of the weekend lie in the horizon */
  int singles;          /* weekends of which a person works one day of the two */
  double single_weight; /* the annealing's extra cost per such weekend (pm_rota_search) */
  PmRowWork *row_work;  /* the row re-optimisation's tables, made on first use */
  const gint *reserved; /* P, nullable: the people no move may touch (pm-rota-search.c) */
} Search;

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

static inline void
cover_cost (const PmRotaCover *c, int n, gint64 *under, gint64 *over)
{
  *under = n < c->need ? (gint64)c->under_weight * (c->need - n) : 0;
  *over = n > c->need ? (gint64)c->over_weight * (n - c->need) : 0;
}

static inline int
request_cost (const Search *s, int p, int d, int v)
{
  int pd = p * s->D + d;

  if (v == PM_ROTA_OFF)
    return s->on_total[pd];
  return s->on_total[pd] - s->on[pd * s->S + v] + s->off[pd * s->S + v];
}

static inline gint64
objective (const Search *s)
{
  return s->under + s->over + s->req;
}

/* What the annealing's guidance (pm_rota_search()) counts of the state. */
typedef struct
{
  int below, singles;
} PmRsGuide;

static inline PmRsGuide
pm_rs_guide (const Search *s)
{
  return (PmRsGuide){ s->below, s->singles };
}

/* The change of the objective the annealing weighs, @delta, plus below_weight per person
 * newly below their maximum of minutes and single_weight per weekend newly worked on one
 * day only (from @g0); see pm_rota_search(). */
static inline double
pm_rs_guided_delta (const Search *s, gint64 delta, PmRsGuide g0)
{
  return (double)delta + s->below_weight * (s->below - g0.below)
         + s->single_weight * (s->singles - g0.singles);
}

static inline void
move_add (Move *m, int who, int d, int val)
{
  m->cell[m->n].who = who;
  m->cell[m->n].d = d;
  m->cell[m->n].val = val;
  m->n++;
  m->lo[who] = MIN (m->lo[who], d);
  m->hi[who] = MAX (m->hi[who], d);
}

static inline void
move_start (Move *m, int n_people, int p, int q)
{
  m->n_people = n_people;
  m->n = 0;
  m->p[0] = p;
  m->p[1] = q;
  m->lo[0] = m->lo[1] = G_MAXINT;
  m->hi[0] = m->hi[1] = -1;
}

/* pm-rota-search-state.c */
void
pm_rs_init (Search *s, const PmRotaModel *model, guint64 seed);
void
pm_rs_clear (Search *s);
void
pm_rs_set_cell (Search *s, int p, int d, int v);
int
pm_rs_person_pen (const Search *s, int p, int lo, int hi);
gint64
pm_rs_cell_gain (const Search *s, int p, int d, int v);
gboolean
pm_rs_cell_allowed (const Search *s, int p, int d, int v);
gboolean
pm_rs_move_try (Search *s, Move *m, double temp, Best *best);
void
pm_rs_cost (const Search *s, const int *rota, PmRotaCost *cost);
gboolean
pm_rs_rows_try (Search *s, const PmRsRows *rows, double temp, Best *best);
void
pm_rs_copy_state (Search *dst, const Search *src);

/* pm-rota-search-build.c */
gboolean
pm_rs_build_person (Search *s, int p);

/* pm-rota-search-row.c */
gboolean
pm_rs_row_best (Search *s, int p, int lo, int hi, double noise, int *vals);
gboolean
pm_rs_move_row (Search *s, Move *m, int p, int lo, int hi, double noise);
gboolean
pm_rs_row_price (Search *s, int p, const gint64 *cost, int *vals, gint64 *total);
void
pm_rs_row_free (PmRowWork *work);
guint64
pm_rs_row_ops (const Search *s);

/* pm-rota-search-ruin.c */
gboolean
pm_rs_ruin (Search *s, double temp, double noise, Best *best);
gboolean
pm_rs_ruin_pick (Search *s, PmRsRows *rows);
gboolean
pm_rs_ruin_make (Search *s, double noise, PmRsRows *rows);

/* pm-rota-search-colgen.c: the budget of the column generation's rounds (0: none) and of
 * the branch and bound's nodes; with a @clock (nullable), a deadline for the relaxation
 * and durations for the dives and the branch and bound from their start; a @cancellable
 * (nullable) that stops it (the state then keeps its rota, or the dive's if better);
 * @n_dives (nullable) gets the number of dives made. */
typedef struct
{
  guint max_rounds;
  guint64 max_nodes;
  PmRotaClockFunc clock;
  gint64 relax_deadline, dive_us, branch_us;
  GCancellable *cancellable;
  guint *n_dives;
} PmRsColgenLimits;

gboolean
pm_rs_colgen (Search *s, const PmRsColgenLimits *limits, Best *best, double *relaxation);

/* pm-rota-search-moves.c */
void
pm_rs_move_random (Search *s, Move *m, double temp);
gboolean
pm_rs_move_request (Search *s, Move *m);
void
pm_rs_repair_person (Search *s, int p, Best *best);

G_END_DECLS
