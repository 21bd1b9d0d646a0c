/* peermatch tests: the rota search (pm-rota-search.c) against an exact brute-force oracle on
 * tiny random models, with the checker (pm_rota_check) as the judge of the hard rules.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <math.h>
#include <stdio.h>

#include "pm-test-util.h"
#include "pm-rota-search-private.h"
#include "pm-rota-search-state-private.h"

#define N_RANDOM 150
#define MAX_COMBOS 60000

/* A model of 2-3 people, 4-6 days from a Thursday (so a weekend falls inside), 1-2 shifts,
 * with random limits, days off, availability, successions, covers and requests. */
static PmRotaModel *
random_model_shaped (GRand *r, gboolean paired)
{
  GDate first;
  const int n_days = g_rand_int_range (r, 4, 7);
  const int n_shifts = paired ? 4 : g_rand_int_range (r, 1, 3);
  const int n_people = g_rand_int_range (r, 2, 4);
  PmRotaModel *model;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 3, G_DATE_DECEMBER, 2026); /* a Thursday */
  model = pm_rota_model_new ("random", &first, n_days);
  for (int s = 0; s < n_shifts; s++)
    {
      g_autofree char *id = g_strdup_printf ("S%d", s);

      assert_int_equal (pm_rota_model_add_shift (
                            model, id, (paired ? 360 : 480) * s,
                            paired ? 240 * (1 + s / 2) : 240 * g_rand_int_range (r, 1, 3), NULL),
                        s);
      if (g_rand_int_range (r, 0, 4) == 0 || (paired && s == 0))
        PM_ROTA_SHIFT (model, s)->max_per_person = g_rand_int_range (r, 1, 4);
    }
  /* paired: the two shifts of a pair forbid the same successors; half the time they are
   * forbidden after the same ones too */
  for (int b = 0, same_column = FALSE; b < n_shifts; b++)
    {
      if (paired && b % 2 == 1)
        same_column = g_rand_boolean (r);
      for (int a = 0; a < n_shifts; a += paired ? 2 : 1)
        if (same_column ? model->forbidden[a * n_shifts + b - 1] : g_rand_int_range (r, 0, 3) == 0)
          for (int a2 = a; a2 <= (paired ? a + 1 : a); a2++)
            pm_rota_model_forbid (model, a2, b);
    }
  for (int p = 0; p < n_people; p++)
    {
      g_autofree char *id = g_strdup_printf ("P%d", p);
      PmRotaPerson *person;

      assert_int_equal (pm_rota_model_add_person (model, id, NULL, NULL), p);
      person = PM_ROTA_PERSON (model, p);
      if (g_rand_boolean (r))
        person->max_shifts = g_rand_int_range (r, 1, n_days + 1);
      if (g_rand_boolean (r))
        person->max_minutes = 240 * g_rand_int_range (r, 1, 2 * n_days);
      if (g_rand_int_range (r, 0, 3) == 0)
        person->min_minutes = 240 * g_rand_int_range (r, 1, n_days);
      if (g_rand_boolean (r))
        person->max_consecutive = g_rand_int_range (r, 1, 4);
      person->min_consecutive = g_rand_int_range (r, 1, 3);
      person->min_days_off = g_rand_int_range (r, 1, 3);
      if (g_rand_boolean (r))
        person->max_weekends = g_rand_int_range (r, 0, 2);
      for (int d = 0; d < n_days; d++)
        {
          person->day_off[d] = g_rand_int_range (r, 0, 6) == 0;
          for (int s = 0; s < n_shifts; s++)
            person->allowed[d * n_shifts + s] = g_rand_int_range (r, 0, 8) != 0;
        }
    }
  for (int d = 0; d < n_days; d++)
    for (int s = 0; s < n_shifts; s++)
      {
        int c = pm_rota_model_add_cover (model, "c", d, s, g_rand_int_range (r, 0, 3),
                                         g_rand_int_range (r, 1, 101), g_rand_int_range (r, 0, 4),
                                         NULL);

        for (int p = 0; p < n_people; p++)
          PM_ROTA_COVER (model, c)->member[p] = g_rand_int_range (r, 0, 5) != 0;
      }
  for (int i = g_rand_int_range (r, 0, 2 * n_people); i > 0; i--)
    pm_rota_model_add_request (model, g_rand_int_range (r, 0, n_people),
                               g_rand_int_range (r, 0, n_days), g_rand_int_range (r, 0, n_shifts),
                               g_rand_boolean (r) ? PM_ROTA_REQUEST_ON : PM_ROTA_REQUEST_OFF,
                               g_rand_int_range (r, 1, 10), NULL);
  pm_rota_model_finish (model, 0);
  return model;
}

/* A random tiny model: 1-2 shift types, or with @paired 4 in two pairs of one length and
 * the same successions (whose values the row programme treats as one when neither is the
 * per-type maximum it tracks). */
static PmRotaModel *
random_model (GRand *r)
{
  return random_model_shaped (r, FALSE);
}

/* The rows of @p (D values each) that break none of @p's rules, by the checker. */
static GArray *
feasible_rows (const PmRotaModel *model, int p)
{
  const int P = PM_ROTA_N_PEOPLE (model), D = model->n_days, S = PM_ROTA_N_SHIFTS (model);
  g_autofree int *rota = g_new (int, P *D);
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (int));
  int n = 1;

  for (int d = 0; d < D; d++)
    n *= S + 1;
  for (int code = 0; code < n; code++)
    {
      g_autoptr (GPtrArray) violations = NULL;
      gboolean ok = TRUE;

      for (int i = 0; i < P * D; i++)
        rota[i] = PM_ROTA_OFF;
      for (int d = 0, c = code; d < D; d++, c /= S + 1)
        rota[p * D + d] = c % (S + 1) - 1;
      pm_rota_check (model, rota, NULL, &violations);
      for (guint i = 0; i < violations->len; i++)
        ok &= ((PmRotaViolation *)g_ptr_array_index (violations, i))->person != p;
      if (ok)
        g_array_append_vals (rows, &rota[p * D], D);
    }
  return rows;
}

/* The least objective of a valid rota, or -1 when there is none (or, -2, too many). */
static gint64
brute_force (const PmRotaModel *model)
{
  const int P = PM_ROTA_N_PEOPLE (model), D = model->n_days;
  GArray *rows[3];
  g_autofree int *rota = g_new (int, P *D);
  gint64 combos = 1, best = -1;

  for (int p = 0; p < P; p++)
    {
      rows[p] = feasible_rows (model, p);
      combos *= rows[p]->len / D;
    }
  if (combos > MAX_COMBOS)
    best = -2;
  for (gint64 k = 0; best != -2 && k < combos; k++)
    {
      gint64 c = k;
      PmRotaCost cost;

      for (int p = 0; p < P; p++)
        {
          guint n = rows[p]->len / D;

          memcpy (&rota[p * D], &g_array_index (rows[p], int, (c % n) * D), sizeof (int) * D);
          c /= n;
        }
      cost = pm_rota_cost (model, rota);
      if (best < 0 || cost.objective < best)
        best = cost.objective;
    }
  for (int p = 0; p < P; p++)
    g_array_unref (rows[p]);
  return best;
}

static guint
solve (const PmRotaModel *model, guint64 seed, int *rota, PmRotaCost *cost)
{
  PmRotaSearchOptions options = { 0 };
  g_autoptr (GError) error = NULL;
  PmRotaCost checked;
  guint n_hard;

  options.seed = seed;
  options.iterations = 50000;
  assert_true (pm_rota_search (model, &options, rota, cost, NULL, &error));
  assert_null (error);
  n_hard = pm_rota_check (model, rota, &checked, NULL);
  /* the checker agrees with the solver's figures */
  assert_int_equal (checked.objective, cost->objective);
  assert_int_equal (checked.under, cost->under);
  assert_int_equal (checked.over, cost->over);
  assert_int_equal (checked.requests, cost->requests);
  return n_hard;
}

static void
test_brute_force (void **state)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (20261207);
  int n_compared = 0, n_optimal = 0, n_infeasible = 0;

  (void)state;
  while (n_compared < N_RANDOM)
    {
      g_autoptr (PmRotaModel) model = random_model (r);
      const int PD = PM_ROTA_N_PEOPLE (model) * model->n_days;
      g_autofree int *rota = g_new (int, PD);
      g_autofree int *again = g_new (int, PD);
      gint64 optimum = brute_force (model);
      PmRotaCost cost, cost2;
      guint n_hard;

      if (optimum == -2)
        continue;
      n_hard = solve (model, 7, rota, &cost);
      /* same seed, same rota */
      solve (model, 7, again, &cost2);
      assert_memory_equal (rota, again, sizeof (int) * PD);
      if (optimum == -1)
        {
          n_infeasible++;
          assert_true (n_hard > 0);
          continue;
        }
      n_compared++;
      assert_int_equal (n_hard, 0);
      assert_true (cost.objective >= optimum);
      n_optimal += cost.objective == optimum;
      if (cost.objective != optimum)
        print_message ("# not optimal: %" G_GINT64_FORMAT " vs %" G_GINT64_FORMAT "\n",
                       cost.objective, optimum);
    }
  print_message ("# %d/%d optimal (and %d without a valid rota)\n", n_optimal, n_compared,
                 n_infeasible);
  /* a heuristic with a fixed budget: optimal on at least 95% */
  assert_true (n_optimal * 100 >= n_compared * 95);
}

/* A week from Monday 7 December 2026 with one shift "day" of @length minutes at 08:00 and
 * @n_people people P0.. who may all cover it, one needed a day (under 100, over 1); not
 * finished, so that the caller may set limits first. */
static PmRotaModel *
week_model (const char *id, int n_people, int length)
{
  PmRotaModel *model;
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 7, G_DATE_DECEMBER, 2026);
  model = pm_rota_model_new (id, &first, 7);
  assert_int_equal (pm_rota_model_add_shift (model, "day", 480, length, NULL), 0);
  for (int p = 0; p < n_people; p++)
    {
      g_autofree char *person = g_strdup_printf ("P%d", p);

      assert_int_equal (pm_rota_model_add_person (model, person, NULL, NULL), p);
    }
  for (int d = 0; d < 7; d++)
    {
      const int c = pm_rota_model_add_cover (model, "day", d, 0, 1, 100, 1, NULL);

      for (int p = 0; p < n_people; p++)
        PM_ROTA_COVER (model, c)->member[p] = TRUE;
    }
  return model;
}

/* Two people, 7 days; P1 needs more minutes than its rules allow: the search still returns
 * TRUE, P0's row is valid and the checker finds P1's single violation. */
static void
test_infeasible_person (void **state)
{
  g_autoptr (PmRotaModel) model = week_model ("infeasible", 2, 720);
  g_autoptr (GPtrArray) violations = NULL;
  PmRotaSearchOptions options = { 0 };
  PmRotaCost cost;
  int rota[14];

  (void)state;
  PM_ROTA_PERSON (model, 0)->max_consecutive = 3;
  PM_ROTA_PERSON (model, 1)->max_consecutive = 3;
  PM_ROTA_PERSON (model, 1)->min_minutes = 7 * 720;
  pm_rota_model_finish (model, 0);
  options.seed = 3;
  options.iterations = 20000;
  assert_true (pm_rota_search (model, &options, rota, &cost, NULL, NULL));
  assert_true (pm_rota_check (model, rota, NULL, &violations) > 0);
  for (guint i = 0; i < violations->len; i++)
    {
      const PmRotaViolation *v = g_ptr_array_index (violations, i);

      assert_int_equal (v->person, 1);
    }
  /* the least violating breaks one rule once: either P1 works 7 days in a row (4 days
   * too many) or stops short of the minimum (a shift, 12 hours, short); the search counts
   * excess days against hours short, so it prefers the former */
  assert_int_equal (violations->len, 1);
  assert_int_equal (((PmRotaViolation *)g_ptr_array_index (violations, 0))->rule,
                    PM_ROTA_RULE_MAX_CONSECUTIVE);
}

/* A fake clock: 1 ms per call. */
static gint64 fake_now;
static gint64
fake_clock (void)
{
  fake_now += 1000;
  return fake_now;
}

static int n_progress;
static void
count_progress (gint64 best, gint64 hard, gpointer data)
{
  (void)best;
  (void)hard;
  (void)data;
  n_progress++;
}

/* The time limit is read from the injected clock only, and progress is reported. */
static void
test_time_limit (void **state)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (5);
  g_autoptr (PmRotaModel) model = random_model (r);
  g_autofree int *rota = g_new (int, PM_ROTA_N_PEOPLE (model) * model->n_days);
  PmRotaSearchOptions options = { 0 };
  PmRotaCost cost, checked;

  (void)state;
  options.seed = 1;
  options.time_limit_seconds = 2.0; /* 2000 fake calls of the clock */
  options.clock = fake_clock;
  options.progress = count_progress;
  fake_now = 0;
  n_progress = 0;
  assert_true (pm_rota_search (model, &options, rota, &cost, NULL, NULL));
  assert_true (fake_now >= 2 * G_USEC_PER_SEC);
  assert_true (fake_now < 3 * G_USEC_PER_SEC);
  assert_true (n_progress >= 1);
  pm_rota_check (model, rota, &checked, NULL);
  assert_int_equal (checked.objective, cost.objective);
}

/* A valid rota of objective 0 cannot be beaten (no cost is negative): the search stops at
 * once when it has one, whatever time it was given. */
static void
test_stops_at_zero (void **state)
{
  g_autoptr (PmRotaModel) model = week_model ("zero", 3, 480);
  g_autofree int *rota = g_new (int, 3 * 7);
  PmRotaSearchOptions options = { 0 };
  PmRotaCost cost;

  (void)state;
  pm_rota_model_finish (model, 0);
  options.seed = 1;
  options.time_limit_seconds = 3600.0; /* an hour of fake clock calls of 1 ms each */
  options.clock = fake_clock;
  fake_now = 0;
  assert_true (pm_rota_search (model, &options, rota, &cost, NULL, NULL));
  assert_int_equal (cost.objective, 0);
  assert_int_equal (pm_rota_check (model, rota, NULL, NULL), 0);
  assert_true (fake_now < 60 * G_USEC_PER_SEC);
  /* without a clock, too: the fixed amount of work is not done */
  options.time_limit_seconds = 0;
  options.clock = NULL;
  options.iterations = G_MAXUINT64 / 2;
  assert_true (pm_rota_search (model, &options, rota, &cost, NULL, NULL));
  assert_int_equal (cost.objective, 0);
}

static void
test_cancel (void **state)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (6);
  g_autoptr (PmRotaModel) model = random_model (r);
  g_autofree int *rota = g_new (int, PM_ROTA_N_PEOPLE (model) * model->n_days);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  PmRotaSearchOptions options = { 0 };

  (void)state;
  g_cancellable_cancel (cancellable);
  assert_false (pm_rota_search (model, &options, rota, NULL, cancellable, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  for (int i = 0; i < PM_ROTA_N_PEOPLE (model) * model->n_days; i++)
    assert_true (rota[i] >= PM_ROTA_OFF && rota[i] < PM_ROTA_N_SHIFTS (model));
}

/* Four weeks from Monday 7 December 2026, 12 people on an early and a late shift (3 each a
 * day), the usual limits (20-14 shifts' minutes, runs of 2-5, 2 weekends), a day off each
 * and 40 requests, drawn from @r. */
static PmRotaModel *
larger_model (GRand *r)
{
  PmRotaModel *model;
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 7, G_DATE_DECEMBER, 2026);
  model = pm_rota_model_new ("larger", &first, 28);
  pm_rota_model_add_shift (model, "E", 420, 480, NULL);
  pm_rota_model_add_shift (model, "L", 900, 480, NULL);
  pm_rota_model_forbid (model, 1, 0);
  for (int p = 0; p < 12; p++)
    {
      g_autofree char *id = g_strdup_printf ("P%d", p);
      PmRotaPerson *person;

      pm_rota_model_add_person (model, id, NULL, NULL);
      person = PM_ROTA_PERSON (model, p);
      person->max_minutes = 480 * 20;
      person->min_minutes = 480 * 14;
      person->max_consecutive = 5;
      person->min_consecutive = 2;
      person->min_days_off = 2;
      person->max_weekends = 2;
      person->day_off[g_rand_int_range (r, 0, 28)] = 1;
    }
  for (int d = 0; d < 28; d++)
    for (int s = 0; s < 2; s++)
      {
        int c = pm_rota_model_add_cover (model, s ? "L" : "E", d, s, 3, 100, 1, NULL);

        memset (PM_ROTA_COVER (model, c)->member, 1, 12);
      }
  for (int i = 0; i < 40; i++)
    pm_rota_model_add_request (model, g_rand_int_range (r, 0, 12), g_rand_int_range (r, 0, 28),
                               g_rand_int_range (r, 0, 2), i % 2, g_rand_int_range (r, 1, 4), NULL);
  pm_rota_model_finish (model, 0);
  return model;
}

/* Different seeds may differ; the same seed never does, also on a larger model. */
static void
test_determinism_larger (void **state)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (11);
  g_autoptr (PmRotaModel) model = larger_model (r);
  int *a, *b;
  PmRotaSearchOptions options = { 0 };
  PmRotaCost ca, cb;

  (void)state;
  a = g_new (int, 12 * 28);
  b = g_new (int, 12 * 28);
  options.seed = 42;
  options.iterations = 300000;
  assert_true (pm_rota_search (model, &options, a, &ca, NULL, NULL));
  assert_true (pm_rota_search (model, &options, b, &cb, NULL, NULL));
  assert_memory_equal (a, b, sizeof (int) * 12 * 28);
  assert_int_equal (ca.objective, cb.objective);
  assert_int_equal (pm_rota_check (model, a, NULL, NULL), 0);
  g_free (a);
  g_free (b);
}

/* @below_weight if @p's row in @rota leaves them below their maximum of minutes, else 0. */
static gint64
below_cost (const PmRotaModel *model, const int *rota, int p, gint64 below_weight)
{
  gint64 minutes = 0;

  for (int d = 0; d < model->n_days; d++)
    if (rota[p * model->n_days + d] != PM_ROTA_OFF)
      minutes += PM_ROTA_SHIFT (model, rota[p * model->n_days + d])->minutes;
  return minutes < PM_ROTA_PERSON (model, p)->max_minutes ? below_weight : 0;
}

/* The weekends (both days in the horizon) of which someone works one day of the two in
 * @rota: what Search.singles counts. */
static int
count_singles (const PmRotaModel *model, const int *rota)
{
  const int D = model->n_days;
  int n = 0;

  for (int p = 0; p < PM_ROTA_N_PEOPLE (model); p++)
    for (int d = 0; d + 1 < D; d++)
      if (model->weekend_of[d] >= 0 && model->weekend_of[d + 1] == model->weekend_of[d])
        n += (rota[p * D + d] != PM_ROTA_OFF) != (rota[p * D + d + 1] != PM_ROTA_OFF);
  return n;
}

/* Lifts the limits the row programme leaves to pm_rs_move_try() (the total maximum, the
 * per-type maxima but that of shift 0), where the programme is exact. */
static void
exact_limits (PmRotaModel *model)
{
  for (int q = 0; q < PM_ROTA_N_PEOPLE (model); q++)
    {
      PM_ROTA_PERSON (model, q)->max_shifts = PM_ROTA_UNLIMITED;
      for (int v = 1; v < PM_ROTA_N_SHIFTS (model); v++)
        PM_ROTA_PERSON (model, q)->max_per_shift[v] = PM_ROTA_UNLIMITED;
    }
}

/* Every assignment of days [lo, hi] of @p's row in @rota (the rest fixed) that keeps @p's
 * rules: the least objective among them, by the checker, plus below_cost() and
 * @single_weight per weekend worked on one day. */
static gint64
best_window (const PmRotaModel *model, const int *rota, int p, int lo, int hi, gint64 below_weight,
             gint64 single_weight)
{
  const int P = PM_ROTA_N_PEOPLE (model), D = model->n_days, S = PM_ROTA_N_SHIFTS (model);
  g_autofree int *copy = g_memdup2 (rota, sizeof (int) * P * D);
  const guint base = pm_rota_check (model, rota, NULL, NULL);
  gint64 best = -1;
  int n = 1;

  for (int d = lo; d <= hi; d++)
    n *= S + 1;
  for (int code = 0; code < n; code++)
    {
      PmRotaCost cost;

      for (int d = lo, c = code; d <= hi; d++, c /= S + 1)
        copy[p * D + d] = c % (S + 1) - 1;
      /* @p's row is valid in @rota and the others do not change */
      if (pm_rota_check (model, copy, &cost, NULL) == base)
        {
          const gint64 c = cost.objective + below_cost (model, copy, p, below_weight)
                           + single_weight * count_singles (model, copy);

          best = best < 0 ? c : MIN (best, c);
        }
    }
  return best;
}

/* The row re-optimisation against brute force on tiny rows. Where it is exact (at most one
 * per-type maximum, no total maximum), the window it returns keeps every rule and has the
 * least objective of all the windows that do; when it returns none, the current window is
 * such a least one. Models of random_model_shaped (@paired), @trials of them; every other
 * trial with the annealing's cost per person below their maximum of minutes
 * (Search.below_weight), every third with its cost per weekend worked on one day
 * (Search.single_weight). */
static void
row_exact_trials (guint32 seed, gboolean paired, int trials)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (seed);
  int n_checked = 0, n_moved = 0;

  for (int trial = 0; trial < trials; trial++)
    {
      g_autoptr (PmRotaModel) model = random_model_shaped (r, paired);
      const int P = PM_ROTA_N_PEOPLE (model), D = model->n_days;
      const int p = g_rand_int_range (r, 0, P);
      const int lo = g_rand_int_range (r, 0, D), hi = g_rand_int_range (r, lo, D);
      g_autofree int *after = NULL;
      Search s;
      Move m;
      PmRotaCost cost;
      gint64 best;
      int n_below;

      exact_limits (model);
      pm_rs_init (&s, model, trial);
      for (int q = 0; q < P; q++)
        pm_rs_build_person (&s, q);
      if (s.pen[p] > 0)
        {
          pm_rs_clear (&s);
          continue;
        }
      s.below_weight = trial % 2 ? 7 : 0;
      s.single_weight = trial % 3 ? 0 : 5;
      best
          = best_window (model, s.rota, p, lo, hi, (gint64)s.below_weight, (gint64)s.single_weight);
      after = g_memdup2 (s.rota, sizeof (int) * P * D);
      if (pm_rs_move_row (&s, &m, p, lo, hi, 0.0))
        {
          for (int i = 0; i < m.n; i++)
            after[p * D + m.cell[i].d] = m.cell[i].val;
          n_moved++;
        }
      /* no new violation (@p's row was valid, the others do not change) */
      assert_int_equal (pm_rota_check (model, after, &cost, NULL),
                        pm_rota_check (model, s.rota, NULL, NULL));
      assert_int_equal (cost.objective + below_cost (model, after, p, (gint64)s.below_weight)
                            + (gint64)s.single_weight * count_singles (model, after),
                        best);
      /* the state's count of the people below their maximum */
      n_below = 0;
      for (int q = 0; q < P; q++)
        n_below += (int)below_cost (model, s.rota, q, 1);
      assert_int_equal (s.below, n_below);
      n_checked++;
      pm_rs_clear (&s);
    }
  print_message ("# %d windows checked, %d rewritten\n", n_checked, n_moved);
  assert_true (n_checked >= trials / 2 && n_moved >= trials / 20);
}

static void
test_row_exact (void **state)
{
  (void)state;
  row_exact_trials (20261121, FALSE, 400);
}

/* The same with shift types in pairs that the programme merges (the cheapest of a pair
 * each day), one of them under the per-type maximum it tracks. */
static void
test_row_exact_pairs (void **state)
{
  (void)state;
  row_exact_trials (20261123, TRUE, 300);
}

/* The column generation (pm-rota-search-colgen.c) against brute force on tiny models where
 * its pricing is exact (no total maximum, at most one per-type maximum): run to the end
 * from the construction's rota, its relaxation is at most the optimum, the rota it leaves
 * keeps every rule whenever one exists, the state agrees with the checker, and with an
 * unlimited branch and bound it finds the optimum on nearly every model. */
static void
test_colgen_exact (void **state)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (20261122);
  const PmRsColgenLimits limits = { 0, 0, NULL, 0, 0, 0, NULL, NULL };
  int n_checked = 0, n_optimal = 0;

  (void)state;
  while (n_checked < 120)
    {
      g_autoptr (PmRotaModel) model = random_model (r);
      const int P = PM_ROTA_N_PEOPLE (model);
      Best best = { 0 };
      PmRotaCost cost;
      gint64 optimum;
      double relaxation;
      Search s;

      exact_limits (model);
      optimum = brute_force (model);
      if (optimum < 0)
        continue;
      pm_rs_init (&s, model, 1);
      for (int q = 0; q < P; q++)
        pm_rs_build_person (&s, q);
      best.hard = s.hard;
      best.obj = objective (&s);
      pm_rs_colgen (&s, &limits, &best, &relaxation);
      if (relaxation > optimum + 0.05)
        print_message ("# relaxation %g optimum %" G_GINT64_FORMAT " P %d D %d S %d\n", relaxation,
                       optimum, P, model->n_days, PM_ROTA_N_SHIFTS (model));
      assert_true (relaxation <= optimum + 0.05);
      /* every person has a valid row, so the column generation starts, and it keeps the
       * construction's rota unless it finds a better one */
      assert_int_equal (pm_rota_check (model, s.rota, &cost, NULL), 0);
      assert_int_equal (s.hard, 0);
      assert_int_equal (cost.objective, objective (&s));
      assert_true (cost.objective >= optimum);
      n_optimal += cost.objective == optimum;
      n_checked++;
      pm_rs_clear (&s);
    }
  print_message ("# column generation: %d/%d optimal\n", n_optimal, n_checked);
  assert_true (n_optimal * 100 >= n_checked * 95);
}

/* Starts @s on @model with @seed: every person's row built, @best that rota. */
static void
start_search (Search *s, Best *best, const PmRotaModel *model, guint64 seed)
{
  pm_rs_init (s, model, seed);
  for (int q = 0; q < s->P; q++)
    pm_rs_build_person (s, q);
  best->rota = g_memdup2 (s->rota, sizeof (int) * s->P * s->D);
  best->hard = s->hard;
  best->obj = objective (s);
  best->unsaved = FALSE;
}

/* With a clock, the column generation dives again while the dive's time allows: on models
 * whose relaxation is not integral it makes several dives, the rota it leaves keeps every
 * rule and agrees with the checker, and over the models it does at least as well as one
 * dive (the first dive is the same: the later ones only write a better rota), better on
 * some. */
static void
test_colgen_dives (void **state)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (20261124);
  const PmRsColgenLimits one = { 0, 1, NULL, 0, 0, 0, NULL, NULL };
  gint64 sum_one = 0, sum_more = 0;
  int n_several = 0, n_better = 0;

  (void)state;
  for (int i = 0; i < 12; i++)
    {
      g_autoptr (PmRotaModel) model = larger_model (r);
      gint64 obj[2];
      guint n_dives = 0;

      for (int k = 0; k < 2; k++)
        {
          /* fake_clock: 1 ms a call; the dives get 100 s of it */
          const PmRsColgenLimits more = {
            0,    1,       fake_clock, 1000 * G_USEC_PER_SEC, 100 * G_USEC_PER_SEC, G_USEC_PER_SEC,
            NULL, &n_dives
          };
          Best best = { 0 };
          PmRotaCost cost;
          double relaxation;
          Search s;

          fake_now = 0;
          start_search (&s, &best, model, i);
          pm_rs_colgen (&s, k == 0 ? &one : &more, &best, &relaxation);
          assert_int_equal (pm_rota_check (model, s.rota, &cost, NULL), s.hard);
          assert_int_equal (cost.objective, objective (&s));
          obj[k] = objective (&s);
          g_free (best.rota);
          pm_rs_clear (&s);
        }
      sum_one += obj[0];
      sum_more += obj[1];
      n_several += n_dives > 1;
      n_better += obj[1] < obj[0];
    }
  print_message ("# dives: several on %d of 12 models, better on %d; %" G_GINT64_FORMAT
                 " against %" G_GINT64_FORMAT " for one dive\n",
                 n_several, n_better, sum_more, sum_one);
  assert_true (n_several > 0);
  /* the later dives start from the relaxation again, not from the last dive's rota */
  assert_true (n_better > 0);
  assert_true (sum_more <= sum_one);
}

/* The search's random numbers: the reference outputs of xoshiro256** from the state
 * {1, 2, 3, 4}, integers in range and unbiased, doubles in [0, 1), and a seed's stream the
 * same each time and unlike a nearby seed's. */
static void
test_rand (void **state)
{
  g_autoptr (PmRotaModel) model = NULL;
  PmRsRand r = { { 1, 2, 3, 4 } };
  int count[7] = { 0 }, heads = 0;
  double sum = 0;
  Search a, b, c;
  GRand *gr;

  (void)state;
  assert_true (pm_rs_rand_u64 (&r) == 11520);
  assert_true (pm_rs_rand_u64 (&r) == 0);
  assert_true (pm_rs_rand_u64 (&r) == G_GUINT64_CONSTANT (1509978240));
  assert_int_equal (pm_rs_rand_range (&r, 5, 5), 5);
  for (int i = 0; i < 70000; i++)
    {
      const int v = pm_rs_rand_range (&r, 3, 10);
      const double x = pm_rs_rand_double (&r);

      assert_in_range (v, 3, 9);
      count[v - 3]++;
      assert_true (x >= 0 && x < 1);
      sum += x;
      heads += pm_rs_rand_boolean (&r);
    }
  for (int v = 0; v < 7; v++)
    assert_in_range (count[v], 9500, 10500);
  assert_true (fabs (sum / 70000 - 0.5) < 0.01);
  assert_in_range (heads, 34000, 36000);
  /* a range across the whole of int */
  gr = g_rand_new_with_seed (3);
  for (int i = 0; i < 1000; i++)
    {
      const int lo = g_rand_int_range (gr, G_MININT, 0), hi = g_rand_int_range (gr, 1, G_MAXINT);
      const int v = pm_rs_rand_range (&r, lo, hi);

      /* (cmocka's assert_in_range compares unsigned) */
      assert_true (v >= lo && v < hi);
    }
  g_rand_free (gr);
  model = week_model ("rand", 2, 480);
  pm_rota_model_finish (model, 0);
  pm_rs_init (&a, model, 42);
  pm_rs_init (&b, model, 42);
  pm_rs_init (&c, model, 43);
  for (int i = 0; i < 100; i++)
    {
      const guint64 x = pm_rs_rand_u64 (&a.rand);

      assert_true (x == pm_rs_rand_u64 (&b.rand));
      assert_true (x != pm_rs_rand_u64 (&c.rand));
    }
  pm_rs_clear (&a);
  pm_rs_clear (&b);
  pm_rs_clear (&c);
}

/* A fake clock (1 ms per call) that cancels cancel_target on its cancel_at-th call. */
static GCancellable *cancel_target;
static int cancel_calls, cancel_at;

static gint64
cancelling_clock (void)
{
  if (++cancel_calls == cancel_at)
    g_cancellable_cancel (cancel_target);
  return (gint64)cancel_calls * 1000;
}

/* The column generation on the larger model with a clock that cancels it after @at calls
 * (G_MAXINT: never); the clock's calls, and the relaxation in @relaxation. The state keeps
 * every rule whatever happens. */
static int
colgen_cancelled_at (int at, gboolean before, double *relaxation)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (11);
  g_autoptr (PmRotaModel) model = larger_model (r);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  const gint64 far = G_GINT64_CONSTANT (1000000000000);
  PmRsColgenLimits limits = { 0, 25, cancelling_clock, far, far, far, cancellable, NULL };
  Best best = { 0 };
  Search s;
  int calls;

  cancel_target = cancellable;
  cancel_calls = 0;
  cancel_at = at;
  if (before)
    g_cancellable_cancel (cancellable);
  pm_rs_init (&s, model, 1);
  for (int p = 0; p < s.P; p++)
    pm_rs_build_person (&s, p);
  best.hard = s.hard;
  best.obj = objective (&s);
  pm_rs_colgen (&s, &limits, &best, relaxation);
  assert_int_equal (pm_rota_check (model, s.rota, NULL, NULL), 0);
  pm_rs_clear (&s);
  calls = cancel_calls;
  cancel_target = NULL;
  return calls;
}

/* Cancelling stops the column generation: at once when cancelled before it starts (no
 * relaxation), within a round when cancelled during it, where it otherwise goes on. */
static void
test_colgen_cancel (void **state)
{
  double relaxation;
  int whole, cut;

  (void)state;
  whole = colgen_cancelled_at (G_MAXINT, FALSE, &relaxation);
  assert_true (relaxation > 0);
  assert_int_equal (colgen_cancelled_at (G_MAXINT, TRUE, &relaxation), 0);
  assert_true (relaxation == 0);
  cut = colgen_cancelled_at (10, FALSE, &relaxation);
  print_message ("# clock calls: %d whole, %d cancelled at the 10th\n", whole, cut);
  assert_true (whole > 100);
  assert_true (cut <= 14);
}

/* Leave and availability are absolute: a person whose minimum of minutes the leave makes
 * unreachable works every day they may, and breaks the minimum only, never a day off nor
 * their availability, though one shift there would cut the shortfall by a day's minutes. */
static void
test_leave_absolute (void **state)
{
  GDate first;
  g_autoptr (PmRotaModel) model = NULL;
  g_autoptr (GPtrArray) violations = NULL;
  PmRotaSearchOptions options = { 0 };
  PmRotaCost cost;
  int rota[2 * 14];

  (void)state;
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 7, G_DATE_DECEMBER, 2026);
  model = pm_rota_model_new ("leave", &first, 14);
  pm_rota_model_add_shift (model, "day", 480, 480, NULL);
  pm_rota_model_add_person (model, "P0", NULL, NULL);
  pm_rota_model_add_person (model, "P1", NULL, NULL);
  /* P1: leave on days 0-8, not available on day 13, at least 10 shifts' minutes */
  PM_ROTA_PERSON (model, 1)->min_minutes = 10 * 480;
  for (int d = 0; d < 9; d++)
    PM_ROTA_PERSON (model, 1)->day_off[d] = 1;
  PM_ROTA_PERSON (model, 1)->allowed[13] = 0;
  for (int d = 0; d < 14; d++)
    {
      int c = pm_rota_model_add_cover (model, "day", d, 0, 1, 100, 1, NULL);

      PM_ROTA_COVER (model, c)->member[0] = PM_ROTA_COVER (model, c)->member[1] = 1;
    }
  pm_rota_model_finish (model, 0);
  for (guint64 seed = 1; seed <= 5; seed++)
    {
      options.seed = seed;
      options.iterations = 20000;
      assert_true (pm_rota_search (model, &options, rota, &cost, NULL, NULL));
      g_clear_pointer (&violations, g_ptr_array_unref);
      assert_int_equal (pm_rota_check (model, rota, NULL, &violations), 1);
      assert_int_equal (((PmRotaViolation *)g_ptr_array_index (violations, 0))->person, 1);
      assert_int_equal (((PmRotaViolation *)g_ptr_array_index (violations, 0))->rule,
                        PM_ROTA_RULE_MIN_MINUTES);
      /* the least violating: every day P1 may work (9-12) */
      for (int d = 9; d < 13; d++)
        assert_int_equal (rota[14 + d], 0);
    }
}

/* The search never returns a violation that a valid row could avoid: in random models where
 * some people have no valid row at all, the violations are theirs only. */
static void
test_only_impossible_rows_break_rules (void **state)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (1121);
  int n_models = 0;

  (void)state;
  for (int trial = 0; trial < 300 && n_models < 25; trial++)
    {
      g_autoptr (PmRotaModel) model = random_model (r);
      const int P = PM_ROTA_N_PEOPLE (model), D = model->n_days;
      g_autofree int *rota = g_new (int, P *D);
      g_autoptr (GPtrArray) violations = NULL;
      gboolean impossible[3] = { FALSE, FALSE, FALSE }, any = FALSE;
      PmRotaCost cost;

      for (int p = 0; p < P; p++)
        {
          GArray *rows = feasible_rows (model, p);

          impossible[p] = rows->len == 0;
          any |= impossible[p];
          g_array_unref (rows);
        }
      if (!any)
        continue;
      n_models++;
      solve (model, trial, rota, &cost);
      assert_true (pm_rota_check (model, rota, NULL, &violations) > 0);
      for (guint i = 0; i < violations->len; i++)
        {
          const PmRotaViolation *v = g_ptr_array_index (violations, i);

          assert_true (impossible[v->person]);
          /* an all-off row keeps these: the search never breaks them */
          assert_int_not_equal (v->rule, PM_ROTA_RULE_DAY_OFF);
          assert_int_not_equal (v->rule, PM_ROTA_RULE_NOT_ALLOWED);
        }
    }
  assert_int_equal (n_models, 25);
}

/* The large moves of the helper thread: made on a copy of the state (pm_rs_copy_state),
 * which they leave as it was, then tried on the state after other moves changed it
 * (pm_rs_rows_try): taken only when they break no new rule, refused leaving the state as
 * it was, and the counters and the objective stay exact either way. */
static void
test_rows_try (void **state)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (20261123);
  int n_taken = 0, n_refused = 0;

  (void)state;
  for (int i = 0; i < 400; i++)
    {
      g_autoptr (PmRotaModel) model = i % 8 == 7 ? larger_model (r) : random_model (r);
      const int P = PM_ROTA_N_PEOPLE (model), D = model->n_days;
      g_autofree int *before = g_new (int, P *D);
      g_autofree int *pen0 = g_new (int, P);
      Best best = { 0 };
      PmRsRows rows;
      PmRotaCost cost;
      gboolean found, taken;
      gint64 hard = 0;
      Search s, c;

      start_search (&s, &best, model, i);
      pm_rs_init (&c, model, i + 1000);
      pm_rs_copy_state (&c, &s);
      assert_memory_equal (c.rota, s.rota, sizeof (int) * P * D);
      assert_int_equal (objective (&c), objective (&s));
      assert_int_equal (c.hard, s.hard);
      assert_int_equal (c.below, s.below);
      assert_int_equal (c.singles, s.singles);
      assert_int_equal (s.singles, count_singles (model, s.rota));
      assert_memory_equal (c.cov_n, s.cov_n, sizeof (int) * model->covers->len);
      assert_memory_equal (c.minutes, s.minutes, sizeof (int) * P);
      assert_memory_equal (c.cnt, s.cnt, sizeof (int) * P * PM_ROTA_N_SHIFTS (model));
      if (g_rand_boolean (r))
        found = pm_rs_ruin_pick (&c, &rows) && pm_rs_ruin_make (&c, 10.0, &rows);
      else
        {
          rows.k = 1;
          rows.p[0] = g_rand_int_range (r, 0, P);
          rows.lo = g_rand_int_range (r, 0, D);
          rows.hi = g_rand_int_range (r, rows.lo, D);
          found = pm_rs_row_best (&c, rows.p[0], rows.lo, rows.hi, 10.0, rows.vals[0]);
        }
      /* the copy is left as it was */
      assert_memory_equal (c.rota, s.rota, sizeof (int) * P * D);
      assert_int_equal (objective (&c), objective (&s));
      if (found)
        {
          /* the state moves on meanwhile (any move that breaks no new rule) */
          for (int m = g_rand_int_range (r, 0, 30); m > 0; m--)
            {
              Move move;

              pm_rs_move_random (&s, &move, 1e9);
              pm_rs_move_try (&s, &move, 1e9, &best);
            }
          memcpy (before, s.rota, sizeof (int) * P * D);
          memcpy (pen0, s.pen, sizeof (int) * P);
          taken = pm_rs_rows_try (&s, &rows, 1e9, &best);
          n_taken += taken;
          n_refused += !taken;
          for (int k = 0; k < rows.k && taken; k++)
            assert_memory_equal (&s.rota[rows.p[k] * D + rows.lo], rows.vals[k],
                                 sizeof (int) * (rows.hi - rows.lo + 1));
          if (!taken)
            assert_memory_equal (s.rota, before, sizeof (int) * P * D);
          for (int q = 0; q < P; q++)
            {
              assert_int_equal (s.pen[q], pm_rs_person_pen (&s, q, 0, D - 1));
              assert_true (s.pen[q] <= pen0[q]);
              hard += s.pen[q];
            }
          assert_int_equal (s.hard, hard);
          assert_int_equal (s.singles, count_singles (model, s.rota));
          pm_rs_cost (&s, s.rota, &cost);
          assert_int_equal (cost.objective, objective (&s));
        }
      g_free (best.rota);
      pm_rs_clear (&s);
      pm_rs_clear (&c);
    }
  print_message ("# large moves from a copy: %d taken, %d refused\n", n_taken, n_refused);
  assert_true (n_taken > 0 && n_refused > 0);
}

/* A rows move is refused, whatever it gains, when it puts someone on a day off. */
static void
test_rows_try_day_off (void **state)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (12);
  g_autoptr (PmRotaModel) model = larger_model (r);
  Best best = { 0 };
  PmRsRows rows = { 1, 0, 27, { 0 }, { { 0 } } };
  g_autofree int *before = NULL;
  Search s;
  int off = 0;

  (void)state;
  start_search (&s, &best, model, 1);
  before = g_memdup2 (s.rota, sizeof (int) * 12 * 28);
  while (!PM_ROTA_PERSON (model, 0)->day_off[off])
    off++;
  memcpy (rows.vals[0], s.rota, sizeof (int) * 28);
  rows.vals[0][off] = 0;
  assert_false (pm_rs_rows_try (&s, &rows, 1e9, &best));
  assert_memory_equal (s.rota, before, sizeof (int) * 12 * 28);
  g_free (best.rota);
  pm_rs_clear (&s);
}

static guint64 helper_moves;
static gboolean helper_reported;

static void
catch_helper (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  guint64 found, taken;

  (void)domain;
  (void)level;
  (void)data;
  if (sscanf (message,
              "rota search: the helper found %" G_GUINT64_FORMAT " large moves, %" G_GUINT64_FORMAT,
              &found, &taken)
      == 2)
    {
      helper_moves = found;
      helper_reported = TRUE;
    }
}

/* With a time limit, two threads (the helper's large moves) or one: either way a valid
 * rota whose figures the checker confirms; the helper runs only when asked for two. */
static void
test_threads (void **state)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (13);
  g_autoptr (PmRotaModel) model = larger_model (r);
  const guint handler = g_log_set_handler ("peermatch", G_LOG_LEVEL_DEBUG, catch_helper, NULL);

  (void)state;
  for (int threads = 1; threads <= 2; threads++)
    {
      g_autofree int *rota = g_new (int, 12 * 28);
      PmRotaSearchOptions options = { 0 };
      PmRotaCost cost, checked;

      options.seed = 3;
      options.time_limit_seconds = 0.5;
      options.clock = g_get_monotonic_time;
      options.threads = threads;
      helper_reported = FALSE;
      helper_moves = 0;
      assert_true (pm_rota_search (model, &options, rota, &cost, NULL, NULL));
      assert_int_equal (pm_rota_check (model, rota, &checked, NULL), 0);
      assert_int_equal (checked.objective, cost.objective);
      assert_int_equal (helper_reported, threads == 2);
      if (threads == 2)
        assert_true (helper_moves > 0);
    }
  g_log_remove_handler ("peermatch", handler);
}

/* Whether @p has a request on day @d that value @v grants (@granted) or denies. */
static gboolean
request_on_day (const PmRotaModel *model, int p, int d, int v, gboolean granted)
{
  for (guint i = 0; i < model->requests->len; i++)
    {
      const PmRotaRequest *q = &g_array_index (model->requests, PmRotaRequest, i);

      if (q->person == p && q->day == d
          && ((q->kind == PM_ROTA_REQUEST_ON) == (v == q->shift)) == granted)
        return TRUE;
    }
  return FALSE;
}

/* @on[d * S + v]: the people on shift @v on day @d. */
static void
shifts_per_day (const Search *s, int *on)
{
  memset (on, 0, sizeof (int) * s->D * s->S);
  for (int p = 0; p < s->P; p++)
    for (int d = 0; d < s->D; d++)
      if (s->rota[p * s->D + d] != PM_ROTA_OFF)
        on[d * s->S + s->rota[p * s->D + d]]++;
}

/* The move aimed at a request not granted (pm_rs_move_request): its first person has a
 * request not granted on one of its days that the second person's value grants, the two
 * exchange their values on every day of the move (so each day keeps as many people on each
 * shift), and when it is made the state's penalties and objective agree with a
 * recomputation. */
static void
test_move_request (void **state)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (20261124);
  int n_drawn = 0, n_taken = 0;

  (void)state;
  for (int i = 0; i < 300; i++)
    {
      g_autoptr (PmRotaModel) model = i % 4 == 3 ? larger_model (r) : random_model (r);
      const int P = PM_ROTA_N_PEOPLE (model), D = model->n_days;
      const int S = PM_ROTA_N_SHIFTS (model);
      g_autofree int *on0 = g_new (int, D *S);
      g_autofree int *on1 = g_new (int, D *S);
      Best best = { 0 };
      Search s;

      start_search (&s, &best, model, i);
      for (int k = 0; k < 20; k++)
        {
          const int hard0 = (int)s.hard;
          gboolean aimed = FALSE;
          PmRotaCost cost;
          Move m;

          if (!pm_rs_move_request (&s, &m))
            continue;
          n_drawn++;
          assert_int_equal (m.n_people, 2);
          assert_int_not_equal (m.p[0], m.p[1]);
          assert_true (m.n % 2 == 0 && m.n <= 8);
          for (int c = 0; c < m.n; c++)
            {
              const int d = m.cell[c].d, who = m.cell[c].who;
              const int mine = s.rota[m.p[who] * D + d], theirs = s.rota[m.p[1 - who] * D + d];
              int seen = 0;

              assert_int_equal (m.cell[c].val, theirs);
              for (int c2 = 0; c2 < m.n; c2++)
                seen += m.cell[c2].d == d && m.cell[c2].who != who;
              assert_int_equal (seen, 1);
              if (who == 0 && request_on_day (model, m.p[0], d, mine, FALSE)
                  && request_on_day (model, m.p[0], d, theirs, TRUE))
                aimed = TRUE;
            }
          assert_true (aimed);
          shifts_per_day (&s, on0);
          if (!pm_rs_move_try (&s, &m, 1e9, &best))
            continue;
          n_taken++;
          shifts_per_day (&s, on1);
          assert_memory_equal (on0, on1, sizeof (int) * D * S);
          assert_true (s.hard <= hard0);
          pm_rs_cost (&s, s.rota, &cost);
          assert_int_equal (cost.objective, objective (&s));
          for (int q = 0; q < P; q++)
            assert_int_equal (s.pen[q], pm_rs_person_pen (&s, q, 0, D - 1));
        }
      g_free (best.rota);
      pm_rs_clear (&s);
    }
  print_message ("# moves aimed at requests: %d drawn, %d taken\n", n_drawn, n_taken);
  assert_true (n_drawn > 300 && n_taken > 50);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_brute_force),
    cmocka_unit_test (test_infeasible_person),
    cmocka_unit_test (test_time_limit),
    cmocka_unit_test (test_stops_at_zero),
    cmocka_unit_test (test_cancel),
    cmocka_unit_test (test_determinism_larger),
    cmocka_unit_test (test_row_exact),
    cmocka_unit_test (test_row_exact_pairs),
    cmocka_unit_test (test_colgen_exact),
    cmocka_unit_test (test_colgen_dives),
    cmocka_unit_test (test_colgen_cancel),
    cmocka_unit_test (test_only_impossible_rows_break_rules),
    cmocka_unit_test (test_leave_absolute),
    cmocka_unit_test (test_rows_try),
    cmocka_unit_test (test_rows_try_day_off),
    cmocka_unit_test (test_threads),
    cmocka_unit_test (test_move_request),
    cmocka_unit_test (test_rand),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
