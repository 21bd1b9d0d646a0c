/* peermatch: the rota search: per-person construction that breaks no hard rule, on
 * horizons of at most four weeks column generation and branch and bound over valid rows
 * (pm-rota-search-colgen.c), then simulated annealing over moves that keep every hard rule.
 * This file drives it; the state, the construction and the moves live in
 * pm-rota-search-*.c (see pm-rota-search-state-private.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * State: the rota plus, per person, the counters the hard rules need (shifts per type and in
 * total, minutes, working days per weekend, weekends worked) and, per cover group, the
 * number of people assigned. Two kinds of moves:
 *   - small ones (pm-rota-search-moves.c): a block of at most PM_BLOCK_MAX consecutive days
 *     of one or two people, a short rebuild of one row, an exchange between two people
 *     aimed at a request not granted. Their feasibility is decided from the counters and
 *     from the runs of working days and days off that intersect the changed span widened
 *     by a day on each side: runs further away cannot change, so comparing the violations
 *     of that window before and after the move is exact. The objective changes only on the
 *     covers of the changed (day, shift) pairs and on the requests of the changed days, so
 *     a move costs O(span + runs it touches + shift types), whatever the size of the
 *     instance (drawing the exchange aimed at a request looks once over the people and the
 *     days);
 *   - a large one (pm-rota-search-row.c): the best rewrite of 7-28 days of one person's row
 *     with everybody else fixed, by dynamic programming; it gets about a third of the work,
 *     half of which goes to
 *   - ruin and recreate (pm-rota-search-ruin.c): 7-14 days of 2-6 related people cleared and
 *     put back one by one by that programme, which moves work and granted requests between
 *     people (the one-person programme cannot: the others are fixed).
 * With a time limit and a second processor, the large moves run in a helper thread on a
 * copy of the state and are tried on the state by pm_rs_rows_try() (see below).
 * A day off or a shift outside the availability is never made, even to reduce another
 * violation: those are absolute (pm_rs_cell_allowed).
 * Invariant: every move goes through pm_rs_move_try() (pm_rs_rows_try() for the helper's),
 * which undoes it when it adds a violation to anybody, so a valid row stays valid; without a
 * time limit the run does a fixed number of moves and depends only on the model and the
 * seed. */
#include <math.h>

#include "pm-private.h"
#include "pm-rota-search-state-private.h"

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

/* When the cover asks for (nearly) every minute the people may work, each minute someone
 * is left below their maximum is a minute of cover lost, and the rotas that lose none are
 * rows that fill each person's maximum exactly: a packing that moves of one or two people
 * rarely find, as the minutes a person is short (a shift's length apart: 120 on the
 * benchmark) cannot take a shift. So on such models the annealing also weighs BELOW_WEIGHT
 * times the mean weight of a missing person per person below their maximum, fading to 0
 * as it cools (the best rota is still the one of least objective): it gathers the
 * shortfalls onto fewer people, who can then take whole shifts. On instance 13 of the
 * benchmark (60 s) the objective was 1888, 1954 and 2045 without it (seeds 1-3), 1632 to
 * 1856 with it (seeds 1-5, eight runs); at 0.08 and 0.25 it did less well. TIGHT_SHARE: the
 * cover's minutes (of the largest need of each day and shift) against everybody's
 * maximum. */
#define BELOW_WEIGHT 0.15
#define TIGHT_SHARE 0.99

/* The largest need of each day and shift (D * S, to be freed) and the mean weight of a
 * missing person over the cover groups (0 when there are none): what below_weight() and
 * single_weight() weigh the cover by. */
static int *
largest_needs (const Search *s, double *mean_under)
{
  const PmRotaModel *model = s->model;
  int *need = g_new0 (int, MAX ((gsize)s->D * s->S, 1));
  double under = 0;

  for (guint c = 0; c < model->covers->len; c++)
    {
      const PmRotaCover *cover = PM_ROTA_COVER (model, c);
      int *n = &need[cover->day * s->S + cover->shift];

      *n = MAX (*n, cover->need);
      under += cover->under_weight;
    }
  *mean_under = model->covers->len > 0 ? under / model->covers->len : 0;
  return need;
}

static double
below_weight (const Search *s, const int *need, double mean_under)
{
  double demand = 0, capacity = 0;

  for (int k = 0; k < s->D * s->S; k++)
    demand += (double)need[k] * s->len[k % s->S];
  for (int p = 0; p < s->P; p++)
    capacity += PM_ROTA_PERSON (s->model, p)->max_minutes;
  if (s->model->covers->len == 0 || demand < TIGHT_SHARE * capacity)
    return 0;
  return BELOW_WEIGHT * mean_under;
}

/* When the cover of the weekends asks for (nearly) every weekend day the people's maxima of
 * weekends allow, a weekend worked on one day only spends a weekend of that maximum on one
 * day of cover: the uncovered weekend days are the weekends so worked, less the spare ones.
 * When the minutes are tight as well (below_weight() > 0), people cannot add the other day
 * of such a weekend; turning it into a whole weekend moves work from a weekday to it, a
 * move that leaves the objective as it was (a weekday group left short for the weekend's)
 * and that the annealing rarely makes, though a weekday group is much easier to fill than a
 * weekend one. So on such models the annealing also weighs SINGLE_WEIGHT times the mean
 * weight of a missing person per weekend worked on one day, fading as below_weight (and in
 * the row re-optimisation). On instance 13 of the benchmark (60 s, seeds 1-10) the objective
 * went from 1511-1704 (median 1599, under-cover 1200-1300) to 1479-1600 (median 1505.5,
 * mostly 1100). Where the minutes are not tight, people add the other day by themselves and
 * the weight only got in the way: instance 19 (84 days), seeds 1-4, went from 3429-3553 to
 * 3545-3775. WEEKEND_SHARE: the weekend cover's person-days (of the largest need of each day
 * and shift) against two days of each person's maximum of weekends. */
#define SINGLE_WEIGHT 0.3
#define WEEKEND_SHARE 0.9

static double
single_weight (const Search *s, const int *need, double mean_under)
{
  const PmRotaModel *model = s->model;
  double demand = 0, capacity = 0;

  for (int k = 0; k < s->D * s->S; k++)
    {
      const int w = model->weekend_of[k / s->S];

      if (w >= 0 && s->wk_whole[w])
        demand += need[k];
    }
  for (int p = 0; p < s->P; p++)
    capacity += 2.0 * MIN (PM_ROTA_PERSON (model, p)->max_weekends, s->n_wk_start);
  if (model->covers->len == 0 || demand < WEEKEND_SHARE * capacity)
    return 0;
  return SINGLE_WEIGHT * mean_under;
}

/* The start temperature (a share of the usual one) of an annealing that polishes the rota
 * of the column generation rather than searching from scratch. */
#define POLISH_T0 0.1
#define POLISH_GAP 1.05

/* ---- the search */

/* The row re-optimisation gets ROW_SHARE of the time with a clock; without one (where the
 * run must not depend on the machine) its work, counted in transitions of its programme, is
 * kept below ROW_OPS_PER_MOVE per move of the annealing, which is about a third of the time
 * on the benchmark. It is tried at most every ROW_EVERY moves, so that on tiny models, where
 * it costs next to nothing, the annealing still does most of the moves. Its costs are
 * perturbed by up to ROW_NOISE times the temperature, so that it explores while the
 * annealing is hot. On the benchmark (instances 6, 8, 13, 15 and 19, a few seeds), a share
 * of 0.3-0.5 helped the 4-week instances a lot and did not change the large ones. */
#define ROW_SHARE 0.4
#define ROW_OPS_PER_MOVE 256
#define ROW_EVERY 32
#define ROW_NOISE 4.0
/* Of the row re-optimisation's turns, the share that goes to ruin and recreate over several
 * people (pm-rota-search-ruin.c), with its own noise. */
#define RUIN_SHARE 0.5
#define RUIN_NOISE 1.0

/* A group short of people, drawn at random (a few tries); NULL when none was found. */
static const PmRotaCover *
short_cover (Search *s)
{
  const int n_covers = (int)s->model->covers->len;

  for (int i = 0; i < 4 && n_covers > 0; i++)
    {
      const int c = pm_rs_rand_range (&s->rand, 0, n_covers);

      if (s->cov_n[c] < PM_ROTA_COVER (s->model, c)->need)
        return PM_ROTA_COVER (s->model, c);
    }
  return NULL;
}

/* A row re-optimisation's person and window of 7-28 days (at most the horizon: on the
 * 4-week instances often the whole row). Half the time it is aimed at a group short of
 * people: a member of it, on a window around its day, who may take the shift by giving up
 * another one the others can spare. */
static void
row_window (Search *s, int *p_out, int *lo_out, int *hi_out)
{
  const int len = pm_rs_rand_range (&s->rand, 7, PM_ROW_WINDOW_MAX + 1);
  const int k = MIN (len, s->D); /* MIN evaluates its arguments twice */
  const PmRotaCover *cover = pm_rs_rand_boolean (&s->rand) ? short_cover (s) : NULL;
  int p = pm_rs_rand_range (&s->rand, 0, s->P);
  int lo = pm_rs_rand_range (&s->rand, 0, s->D - k + 1);
  const int back = pm_rs_rand_range (&s->rand, 0, k); /* CLAMP evaluates its arguments often */

  if (cover != NULL)
    {
      for (int i = 0; i < 8 && !cover->member[p]; i++)
        p = pm_rs_rand_range (&s->rand, 0, s->P);
      lo = CLAMP (cover->day - back, 0, s->D - k);
    }
  *p_out = p;
  *lo_out = lo;
  *hi_out = lo + k - 1;
}

static gboolean
move_row_random (Search *s, Move *m, double temp)
{
  int p, lo, hi;

  row_window (s, &p, &lo, &hi);
  return pm_rs_move_row (s, m, p, lo, hi, temp * ROW_NOISE);
}

/* ---- the helper thread
 *
 * With a time limit and a second processor, the row re-optimisation and the ruin and
 * recreate (the large moves, which cost milliseconds) run in a helper thread while the
 * annealing's thread does the small moves. The helper works on its own copy of the state,
 * which the annealing refreshes (a copy of the rota and its counters) when the helper asks,
 * at its next check (every 256 moves). For each large move the helper draws its people on
 * its copy, reserves them (the annealing's small moves leave them alone), asks for a copy
 * and waits for it (so it is made after the reservation), computes their new windows on it
 * and queues them; the annealing tries them on the state as it then is (pm_rs_rows_try),
 * which may differ only in the other people's rows: the change of the objective is
 * computed on the state, and the people are released. The small moves
 * also get faster (about 3 times as many a second on the benchmark's instance 13: the large
 * moves' tables no longer evict theirs from the cache). Instance 13 at 60 s, seeds 1-5: 1634
 * to 1731 with the helper, against 1632 to 1856 (eight runs) without; the large moves in
 * both threads did worse (1845-1879, seeds 1-3). */
#define HELPER_QUEUE_MAX 4

typedef struct
{
  GMutex lock;
  GCond synced;
  Search snap;        /* the annealing's latest state (under lock) */
  guint64 version;    /* of snap (under lock) */
  double temp;        /* the annealing's temperature (under lock) */
  Search own;         /* the helper's copy */
  guint64 seen;       /* the version of snap in own */
  gint *reserved;     /* P: the people of the large moves under way or queued */
  GAsyncQueue *queue; /* of PmRsRows, to the annealing */
  gint waiting;       /* the helper waits for a copy */
  gint stop;
  GThread *thread;
  guint64 made, taken;
} Helper;

static void
helper_reserve (Helper *h, const PmRsRows *rows, gint on)
{
  for (int i = 0; i < rows->k; i++)
    g_atomic_int_set (&h->reserved[rows->p[i]], on);
}

/* Brings the helper's copy up to date; with @fresh, waits for a copy the annealing makes
 * after the call (so after the people were reserved). FALSE when told to stop. */
static gboolean
helper_update (Helper *h, gboolean fresh, double *temp)
{
  g_mutex_lock (&h->lock);
  if (fresh)
    {
      const guint64 v = h->version;

      g_atomic_int_set (&h->waiting, 1);
      while (h->version == v && !g_atomic_int_get (&h->stop))
        g_cond_wait (&h->synced, &h->lock);
    }
  if (h->seen != h->version)
    {
      pm_rs_copy_state (&h->own, &h->snap);
      h->seen = h->version;
    }
  *temp = h->temp;
  g_mutex_unlock (&h->lock);
  return !g_atomic_int_get (&h->stop);
}

static gpointer
helper_run (gpointer data)
{
  Helper *h = data;
  Search *s = &h->own;

  while (!g_atomic_int_get (&h->stop))
    {
      PmRsRows *rows;
      gboolean ruin, found;
      double temp;

      if (g_async_queue_length (h->queue) >= HELPER_QUEUE_MAX)
        {
          g_usleep (50);
          continue;
        }
      if (!helper_update (h, FALSE, &temp))
        break;
      rows = g_new (PmRsRows, 1);
      ruin = pm_rs_rand_double (&s->rand) < RUIN_SHARE;
      if (ruin)
        found = pm_rs_ruin_pick (s, rows);
      else
        {
          row_window (s, &rows->p[0], &rows->lo, &rows->hi);
          rows->k = 1;
          found = TRUE;
        }
      if (!found)
        {
          g_free (rows);
          continue;
        }
      helper_reserve (h, rows, 1);
      if (!helper_update (h, TRUE, &temp))
        {
          g_free (rows);
          break;
        }
      if (ruin)
        found = pm_rs_ruin_make (s, temp * RUIN_NOISE, rows);
      else
        found = pm_rs_row_best (s, rows->p[0], rows->lo, rows->hi, temp * ROW_NOISE, rows->vals[0]);
      if (!found)
        {
          helper_reserve (h, rows, 0);
          g_free (rows);
          continue;
        }
      h->made++;
      g_async_queue_push (h->queue, rows);
    }
  return NULL;
}

/* Refreshes the helper's copy of @s (and the temperature). */
static void
helper_sync (Helper *h, const Search *s, double temp)
{
  g_mutex_lock (&h->lock);
  pm_rs_copy_state (&h->snap, s);
  h->temp = temp;
  h->version++;
  g_atomic_int_set (&h->waiting, 0);
  g_cond_signal (&h->synced);
  g_mutex_unlock (&h->lock);
}

/* Tries on @s the large moves the helper queued. */
static void
helper_take (Helper *h, Search *s, double temp, Best *best)
{
  for (PmRsRows *rows; (rows = g_async_queue_try_pop (h->queue)) != NULL; g_free (rows))
    {
      h->taken += pm_rs_rows_try (s, rows, temp, best);
      helper_reserve (h, rows, 0);
    }
}

static Helper *
helper_start (const Search *s, guint64 seed, double temp)
{
  Helper *h = g_new0 (Helper, 1);

  g_mutex_init (&h->lock);
  g_cond_init (&h->synced);
  h->reserved = g_new0 (gint, MAX (s->P, 1));
  pm_rs_init (&h->snap, s->model, seed);
  pm_rs_init (&h->own, s->model, seed ^ G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));
  h->queue = g_async_queue_new_full (g_free);
  helper_sync (h, s, temp);
  h->thread = g_thread_new ("peermatch-rota", helper_run, h);
  return h;
}

static void
helper_stop (Helper *h)
{
  g_mutex_lock (&h->lock);
  g_atomic_int_set (&h->stop, 1);
  g_cond_signal (&h->synced);
  g_mutex_unlock (&h->lock);
  g_thread_join (h->thread);
  g_debug ("rota search: the helper found %" G_GUINT64_FORMAT " large moves, %" G_GUINT64_FORMAT
           " taken",
           h->made, h->taken);
  g_async_queue_unref (h->queue);
  pm_rs_clear (&h->snap);
  pm_rs_clear (&h->own);
  g_free (h->reserved);
  g_cond_clear (&h->synced);
  g_mutex_clear (&h->lock);
  g_free (h);
}

typedef struct
{
  const PmRotaSearchOptions *options;
  gint64 start, limit_us, last_report;
  guint64 iterations;
  int reports;
  gint64 row_us;    /* time spent in the row re-optimisation */
  guint64 row_ops0; /* the row programme's work before the annealing (the column generation's) */
  gboolean polish;  /* the rota comes from the column generation: start cooler */
} Clock;

/* Whether the row re-optimisation is due: it gets a fixed share of the time (with a clock)
 * or of the work (without, where its work is counted in transitions of its programme). */
static gboolean
row_due (const Clock *c, const Search *s, guint64 iter)
{
  if (c->limit_us > 0)
    return c->row_us < ROW_SHARE * (c->options->clock () - c->start);
  return pm_rs_row_ops (s) - c->row_ops0 < iter * ROW_OPS_PER_MOVE;
}

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

/* The annealing: the temperature falls geometrically with the progress (time or moves);
 * FALSE when cancelled. */
static gboolean
anneal (Search *s, Clock *clock, Best *best, GCancellable *cancellable, GError **error)
{
  const PmRotaSearchOptions *options = clock->options;
  double mean_under;
  g_autofree int *need = largest_needs (s, &mean_under);
  /* a rota from the column generation is packed already */
  const double below0 = clock->polish ? 0 : below_weight (s, need, mean_under);
  const double single0 = below0 > 0 ? single_weight (s, need, mean_under) : 0;
  double t0, t1, temp, progress = 0;
  Helper *helper = NULL;
  gboolean ok = TRUE;
  guint64 iter = 0;
  Move move;

  search_temperatures (s, &t0, &t1);
  clock->row_ops0 = pm_rs_row_ops (s);
  if (clock->polish)
    t0 *= POLISH_T0;
  temp = t0;
  if (clock->limit_us > 0 && s->P > 0 && s->D > 0
      && (options->threads > 1 || (options->threads == 0 && g_get_num_processors () > 1)))
    {
      helper = helper_start (s, options->seed, temp);
      s->reserved = helper->reserved;
    }
  for (; s->P > 0 && s->D > 0; iter++)
    {
      if (clock->limit_us == 0 && iter >= clock->iterations)
        break;
      if ((iter & 255) == 0)
        {
          progress = clock_progress (clock, iter, best);
          /* every cost is at least 0: a valid rota of objective 0 cannot be beaten */
          if (progress >= 1.0 || (best->hard == 0 && best->obj == 0))
            break;
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              break;
            }
          temp = t0 * pow (t1 / t0, progress);
          s->below_weight = below0 * MAX (1.0 - progress, 0.0);
          s->single_weight = single0 * MAX (1.0 - progress, 0.0);
          if (helper != NULL)
            {
              helper_take (helper, s, temp, best);
              if (g_atomic_int_get (&helper->waiting))
                helper_sync (helper, s, temp);
            }
        }
      if (helper == NULL && iter % ROW_EVERY == ROW_EVERY - 1 && row_due (clock, s, iter))
        {
          gint64 t = clock->limit_us > 0 ? options->clock () : 0;

          if (pm_rs_rand_double (&s->rand) < RUIN_SHARE)
            pm_rs_ruin (s, temp, temp * RUIN_NOISE, best);
          else if (move_row_random (s, &move, temp))
            pm_rs_move_try (s, &move, temp, best);
          if (clock->limit_us > 0)
            clock->row_us += options->clock () - t;
          continue;
        }
      pm_rs_move_random (s, &move, temp);
      pm_rs_move_try (s, &move, temp, best);
    }
  g_debug ("rota search: the annealing made %" G_GUINT64_FORMAT " moves", iter);
  if (helper != NULL)
    {
      helper_stop (helper);
      s->reserved = NULL;
    }
  return ok;
}

/* The column generation, dives and branch and bound (pm-rota-search-colgen.c) on horizons
 * that the row programme covers whole: with a clock, the relaxation until
 * COLGEN_RELAX_SHARE of the time, then at most COLGEN_DIVE_SHARE of it for the dives (on
 * the benchmark's instance 8 at 60 s, 24 s: four or five dives of about 5 s) and
 * COLGEN_BRANCH_SHARE for the branch and bound; without, a fixed number of rounds and
 * nodes and one dive. TRUE when the annealing should polish (start cooler). */
#define COLGEN_RELAX_SHARE 0.35
#define COLGEN_DIVE_SHARE 0.4
#define COLGEN_BRANCH_SHARE 0.1
#define COLGEN_ROUNDS 60
#define COLGEN_NODES 25

static gboolean
colgen_phase (Search *s, const Clock *clock, Best *best, GCancellable *cancellable)
{
  PmRsColgenLimits lim = { COLGEN_ROUNDS, COLGEN_NODES, NULL, 0, 0, 0, cancellable, NULL };
  double bound;

  if (clock->limit_us > 0)
    {
      lim.max_rounds = 0;
      lim.max_nodes = 0;
      lim.clock = clock->options->clock;
      lim.relax_deadline = clock->start + (gint64)(COLGEN_RELAX_SHARE * clock->limit_us);
      lim.dive_us = (gint64)(COLGEN_DIVE_SHARE * clock->limit_us);
      lim.branch_us = (gint64)(COLGEN_BRANCH_SHARE * clock->limit_us);
    }
  /* polish only a rota close to the relaxation: a worse one (a dive cut short) is better
   * searched from scratch */
  return pm_rs_colgen (s, &lim, best, &bound) && best->hard == 0
         && best->obj <= POLISH_GAP * bound + 1.0;
}

gboolean
pm_rota_search (const PmRotaModel *model, const PmRotaSearchOptions *options, int *rota_out,
                PmRotaCost *cost_out, GCancellable *cancellable, GError **error)
{
  Search s;
  Best best = { 0 };
  Clock clock = { options, 0, 0, 0, 0, 0, 0, 0, FALSE };
  gboolean ok;

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
  pm_rs_init (&s, model, options->seed);
  for (int p = 0; p < s.P; p++)
    pm_rs_build_person (&s, p);
  best.rota = g_memdup2 (s.rota, sizeof (int) * MAX ((gsize)s.P * s.D, 1));
  best.hard = s.hard;
  best.obj = objective (&s);
  for (int p = 0; p < s.P; p++)
    if (s.pen[p] > 0)
      pm_rs_repair_person (&s, p, &best);
  clock.polish = colgen_phase (&s, &clock, &best, cancellable);
  clock.iterations
      = options->iterations > 0 ? options->iterations : MAX ((guint64)4000 * s.P * s.D, 200000);
  ok = anneal (&s, &clock, &best, cancellable, error);
  if (best.unsaved)
    memcpy (best.rota, s.rota, sizeof (int) * s.P * s.D);
  memcpy (rota_out, best.rota, sizeof (int) * s.P * s.D);
  if (cost_out)
    pm_rs_cost (&s, best.rota, cost_out);
  if (options->progress)
    options->progress (best.obj, best.hard, options->progress_data);
  g_free (best.rota);
  pm_rs_clear (&s);
  return ok;
}
