/* peermatch tests: the exact assignment solver (pm-assign.c) against hand cases and an
 * independent brute-force oracle.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-test-util.h"
#include "pm-assign-private.h"

#define T_PRIO G_GINT64_CONSTANT (10000000000000000) /* 1e16 */
#define T_COUNT G_GINT64_CONSTANT (1000000000000)    /* 1e12 */

/* A full instance: weight[r * n_cols + c] > 0 for an edge, 0 for none. */
typedef struct
{
  guint n_rows, n_cols;
  guint *cap;
  gint64 *weight;
} Instance;

static void
instance_free (Instance *inst)
{
  g_free (inst->cap);
  g_free (inst->weight);
  g_free (inst);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Instance, instance_free)

static Instance *
instance_new (guint n_rows, guint n_cols)
{
  Instance *inst = g_new0 (Instance, 1);

  inst->n_rows = n_rows;
  inst->n_cols = n_cols;
  inst->cap = g_new0 (guint, MAX (n_cols, 1));
  inst->weight = g_new0 (gint64, MAX (n_rows * n_cols, 1));
  return inst;
}

static gint64
random_weight (GRand *rand, guint mode)
{
  switch (mode)
    {
      case 0: /* many ties */
        return g_rand_int_range (rand, 1, 4);
      case 1: /* tier-like: priority, count, micro-point score */
        return (g_rand_boolean (rand) ? T_PRIO : 0) + T_COUNT
               + 10000000 * (gint64)g_rand_int_range (rand, 0, 11);
      case 2:
        return T_COUNT + g_rand_int_range (rand, 0, 100000000);
      default:
        return g_rand_int_range (rand, 1, 1000);
    }
}

static Instance *
instance_random (GRand *rand, guint max_rows, guint max_cols, guint max_cap)
{
  Instance *inst = instance_new (g_rand_int_range (rand, 0, max_rows + 1),
                                 g_rand_int_range (rand, 0, max_cols + 1));
  double density = g_rand_double (rand);
  guint mode = g_rand_int_range (rand, 0, 4), i;

  for (i = 0; i < inst->n_cols; i++)
    inst->cap[i] = g_rand_int_range (rand, 0, max_cap + 1);
  for (i = 0; i < inst->n_rows * inst->n_cols; i++)
    if (g_rand_double (rand) < density)
      inst->weight[i] = random_weight (rand, mode);
  return inst;
}

/* Rows' candidate edges as an instance of their own (for the oracle and the cold solve). */
static PmAssign *
instance_assign_mask (const Instance *inst, const guint8 *mask)
{
  PmAssign *a = pm_assign_new (inst->n_rows, inst->n_cols, inst->cap);
  guint r, c;

  for (r = 0; r < inst->n_rows; r++)
    for (c = 0; c < inst->n_cols; c++)
      if (mask[r * inst->n_cols + c])
        pm_assign_add_edge (a, r, c, inst->weight[r * inst->n_cols + c]);
  return a;
}

/* Gives each row its @k heaviest edges (ties by column), or all of them for k = 0. */
static PmAssign *
instance_assign (const Instance *inst, guint k)
{
  PmAssign *a = pm_assign_new (inst->n_rows, inst->n_cols, inst->cap);
  g_autofree guint *cols = g_new (guint, MAX (inst->n_cols, 1));
  g_autofree gint64 *ws = g_new (gint64, MAX (inst->n_cols, 1));
  guint r, c, n, i, j;

  for (r = 0; r < inst->n_rows; r++)
    {
      for (c = 0, n = 0; c < inst->n_cols; c++)
        {
          gint64 w = inst->weight[r * inst->n_cols + c];

          if (w == 0)
            continue;
          /* insertion sort, heaviest first, stable on columns */
          for (i = n; i > 0 && ws[i - 1] < w; i--)
            {
              ws[i] = ws[i - 1];
              cols[i] = cols[i - 1];
            }
          ws[i] = w;
          cols[i] = c;
          n++;
        }
      j = k == 0 ? n : MIN (n, k);
      pm_assign_set_row (a, r, j, cols, ws);
      if (k == 0 || j == n)
        pm_assign_set_row_bound (a, r, 0);
    }
  return a;
}

static gboolean
instance_weight_func (gpointer user_data, guint row, guint col, gint64 *weight)
{
  const Instance *inst = user_data;

  *weight = inst->weight[row * inst->n_cols + col];
  return *weight > 0;
}

static void
bf_rec (const Instance *inst, guint r, guint *load, gint64 sum, gint64 *best)
{
  guint c;

  if (r == inst->n_rows)
    {
      *best = MAX (*best, sum);
      return;
    }
  bf_rec (inst, r + 1, load, sum, best);
  for (c = 0; c < inst->n_cols; c++)
    {
      gint64 w = inst->weight[r * inst->n_cols + c];

      if (w > 0 && load[c] < inst->cap[c])
        {
          load[c]++;
          bf_rec (inst, r + 1, load, sum + w, best);
          load[c]--;
        }
    }
}

/* The maximum total over every assignment: each row takes nothing or one of its edges. */
static gint64
brute_force (const Instance *inst)
{
  g_autofree guint *load = g_new0 (guint, MAX (inst->n_cols, 1));
  gint64 best = 0;

  bf_rec (inst, 0, load, 0, &best);
  return best;
}

/* The solution is feasible over the full instance and weighs what the solver says. */
static gint64
check_feasible (PmAssign *a, const Instance *inst, guint seed, guint trial)
{
  g_autofree guint *load = g_new0 (guint, MAX (inst->n_cols, 1));
  gint64 sum = 0;
  guint r;

  for (r = 0; r < inst->n_rows; r++)
    {
      guint c = pm_assign_get_col (a, r);

      if (c == PM_ASSIGN_NONE)
        continue;
      if (c >= inst->n_cols || inst->weight[r * inst->n_cols + c] == 0)
        fail_msg ("seed %u trial %u: row %u got non-edge column %u", seed, trial, r, c);
      if (++load[c] > inst->cap[c])
        fail_msg ("seed %u trial %u: column %u over capacity", seed, trial, c);
      sum += inst->weight[r * inst->n_cols + c];
    }
  if (sum != pm_assign_get_total_weight (a))
    fail_msg ("seed %u trial %u: total %" G_GINT64_FORMAT " but edges sum to %" G_GINT64_FORMAT,
              seed, trial, pm_assign_get_total_weight (a), sum);
  return sum;
}

/* Solves, then checks the LP certificate of the result (pm_assign_check_optimality()). */
static void
solve_ok (PmAssign *a)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *why = NULL;
  gboolean ok = pm_assign_solve (a, NULL, &error);

  if (!ok)
    fail_msg ("solve failed: %s", error->message);
  if (!pm_assign_check_optimality (a, &why))
    fail_msg ("not optimal: %s", why);
}

/* Solves over the candidates, prices, repeats until pricing proves optimality. Every solve
 * after pricing added edges must take the warm path. */
static guint
solve_priced (PmAssign *a, Instance *inst)
{
  guint rounds = 0;

  for (;;)
    {
      guint warm = pm_assign_get_n_warm (a);

      solve_ok (a);
      if (rounds > 0)
        assert_int_equal (pm_assign_get_n_warm (a), warm + 1);
      if (pm_assign_price (a, instance_weight_func, inst) == 0)
        {
          /* the later passes only re-ask pairs whose dual sum dropped: a complete pass
           * (an unknown bound restarts the proof) must agree that nothing is violated */
          if (inst->n_rows > 0 && rounds > 0)
            {
              pm_assign_set_row_bound (a, 0, G_MAXINT64);
              assert_int_equal (pm_assign_price (a, instance_weight_func, inst), 0);
            }
          return rounds;
        }
      rounds++;
      assert_true (rounds < 1000);
    }
}

/* ---- hand cases */

static void
test_empty (void **state)
{
  g_autoptr (PmAssign) a = pm_assign_new (0, 0, NULL);
  g_autoptr (PmAssign) b = NULL;
  guint cap[2] = { 1, 2 };

  solve_ok (a);
  assert_int_equal (pm_assign_get_total_weight (a), 0);
  assert_int_equal (pm_assign_price (a, instance_weight_func, NULL), 0);
  b = pm_assign_new (3, 2, cap); /* rows without edges */
  solve_ok (b);
  assert_int_equal (pm_assign_get_total_weight (b), 0);
  assert_int_equal (pm_assign_get_col (b, 2), PM_ASSIGN_NONE);
}

static void
test_one_row (void **state)
{
  guint cap[3] = { 1, 1, 1 }, cols[3] = { 0, 1, 2 };
  gint64 ws[3] = { 5, 9, 7 };
  g_autoptr (PmAssign) a = pm_assign_new (1, 3, cap);

  pm_assign_set_row (a, 0, 3, cols, ws);
  solve_ok (a);
  assert_int_equal (pm_assign_get_col (a, 0), 1);
  assert_int_equal (pm_assign_get_total_weight (a), 9);
}

static void
test_capacity_zero (void **state)
{
  guint cap[2] = { 0, 1 }, cols[2] = { 0, 1 };
  gint64 ws[2] = { 100, 1 };
  g_autoptr (PmAssign) a = pm_assign_new (2, 2, cap);

  pm_assign_set_row (a, 0, 2, cols, ws);
  pm_assign_set_row (a, 1, 1, cols, ws); /* only the full column */
  solve_ok (a);
  assert_int_equal (pm_assign_get_col (a, 0), 1);
  assert_int_equal (pm_assign_get_col (a, 1), PM_ASSIGN_NONE);
  assert_int_equal (pm_assign_get_total_weight (a), 1);
}

static void
test_capacity_many (void **state)
{
  guint cap[2] = { 3, 1 }, c0 = 0, cols[2] = { 0, 1 }, r;
  gint64 w = 10, ws[2] = { 10, 8 };
  g_autoptr (PmAssign) a = pm_assign_new (5, 2, cap);

  /* four rows want column 0 (capacity 3); the one that can also use column 1 moves */
  for (r = 0; r < 4; r++)
    pm_assign_set_row (a, r, 1, &c0, &w);
  pm_assign_set_row (a, 4, 2, cols, ws);
  solve_ok (a);
  assert_int_equal (pm_assign_get_total_weight (a), 38);
  assert_int_equal (pm_assign_get_col (a, 4), 1);
}

static void
test_displace (void **state)
{
  guint cap[1] = { 1 }, c0 = 0;
  gint64 w1 = 5, w2 = 6;
  g_autoptr (PmAssign) a = pm_assign_new (2, 1, cap);
  g_autoptr (PmAssign) b = pm_assign_new (2, 1, cap);

  pm_assign_set_row (a, 0, 1, &c0, &w1);
  pm_assign_set_row (a, 1, 1, &c0, &w2);
  solve_ok (a);
  assert_int_equal (pm_assign_get_col (a, 0), PM_ASSIGN_NONE);
  assert_int_equal (pm_assign_get_col (a, 1), 0);
  assert_int_equal (pm_assign_get_total_weight (a), 6);
  /* the same when the heavier row comes first */
  pm_assign_set_row (b, 0, 1, &c0, &w2);
  pm_assign_set_row (b, 1, 1, &c0, &w1);
  solve_ok (b);
  assert_int_equal (pm_assign_get_col (b, 0), 0);
  assert_int_equal (pm_assign_get_total_weight (b), 6);
}

static void
test_augmenting_chain (void **state)
{
  /* r0: c0 10, c1 9; r1: c1 10, c2 9; r2: c2 10; r3: c0 11. The heavy r3 displaces r0,
   * which must not push r1 down a chain: r3-c0 r0-c1 r1-c2 = 29 and r0-c0 r1-c1 r2-c2 = 30
   * lose to r3-c0 r1-c1 r2-c2 = 31. */
  guint cap[3] = { 1, 1, 1 }, c01[2] = { 0, 1 }, c12[2] = { 1, 2 }, c2 = 2, c0 = 0;
  gint64 w0[2] = { 10, 9 }, w1[2] = { 10, 9 }, w2 = 10, w3 = 11;
  g_autoptr (PmAssign) a = pm_assign_new (4, 3, cap);

  pm_assign_set_row (a, 0, 2, c01, w0);
  pm_assign_set_row (a, 1, 2, c12, w1);
  pm_assign_set_row (a, 2, 1, &c2, &w2);
  pm_assign_set_row (a, 3, 1, &c0, &w3);
  solve_ok (a);
  assert_int_equal (pm_assign_get_total_weight (a), 31);
  assert_int_equal (pm_assign_get_col (a, 0), PM_ASSIGN_NONE);
  assert_int_equal (pm_assign_get_col (a, 3), 0);
}

static void
test_tiers (void **state)
{
  guint cap[2] = { 1, 1 }, c0 = 0, c1 = 1, c01[2] = { 0, 1 };
  gint64 w0 = T_PRIO + T_COUNT + 1, w1[2] = { T_COUNT + 99999999, T_COUNT + 1 },
         w2 = T_COUNT + 100000000;
  g_autoptr (PmAssign) a = pm_assign_new (3, 2, cap);
  g_autoptr (PmAssign) b = pm_assign_new (2, 2, cap);

  /* the priority row keeps c0; of the two others, the higher score takes c1 */
  pm_assign_set_row (a, 0, 1, &c0, &w0);
  pm_assign_set_row (a, 1, 2, c01, w1);
  pm_assign_set_row (a, 2, 1, &c1, &w2);
  solve_ok (a);
  assert_int_equal (pm_assign_get_col (a, 0), 0);
  assert_int_equal (pm_assign_get_col (a, 1), PM_ASSIGN_NONE);
  assert_int_equal (pm_assign_get_col (a, 2), 1);
  assert_true (pm_assign_get_total_weight (a) == T_PRIO + 2 * T_COUNT + 100000001);

  /* two matches beat one better score */
  {
    gint64 v0[2] = { T_COUNT + 90000000, T_COUNT + 1 }, v1 = T_COUNT + 1;

    pm_assign_set_row (b, 0, 2, c01, v0);
    pm_assign_set_row (b, 1, 1, &c0, &v1);
    solve_ok (b);
    assert_int_equal (pm_assign_get_col (b, 0), 1);
    assert_int_equal (pm_assign_get_col (b, 1), 0);
    assert_true (pm_assign_get_total_weight (b) == 2 * T_COUNT + 2);
  }
}

static void
test_limit (void **state)
{
  guint cap[1] = { 5 }, c0 = 0, r;
  gint64 huge = G_MAXINT64 / 2, big = G_GINT64_CONSTANT (2000000000000000000); /* 2e18 */
  g_autoptr (PmAssign) a = pm_assign_new (1, 1, cap);
  g_autoptr (PmAssign) b = pm_assign_new (5, 1, cap);
  g_autoptr (GError) error = NULL;

  pm_assign_set_row (a, 0, 1, &c0, &huge);
  assert_false (pm_assign_solve (a, NULL, &error));
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_LIMIT));
  g_clear_error (&error);
  /* each weight fits, their sum does not */
  for (r = 0; r < 5; r++)
    pm_assign_set_row (b, r, 1, &c0, &big);
  assert_false (pm_assign_solve (b, NULL, &error));
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_LIMIT));
  g_clear_error (&error);
  pm_assign_set_row (b, 4, 0, NULL, NULL);
  assert_true (pm_assign_solve (b, NULL, &error));
  assert_true (pm_assign_get_total_weight (b) == 4 * big);
}

static void
test_cancel (void **state)
{
  guint cap[1] = { 1 }, c0 = 0;
  gint64 w = 1;
  g_autoptr (PmAssign) a = pm_assign_new (1, 1, cap);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;

  pm_assign_set_row (a, 0, 1, &c0, &w);
  g_cancellable_cancel (cancellable);
  assert_false (pm_assign_solve (a, cancellable, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  assert_int_equal (pm_assign_get_col (a, 0), PM_ASSIGN_NONE);
}

/* ---- the brute-force oracle */

static void
test_brute_force (void **state)
{
  const guint seed = 20240611;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  guint trial;

  for (trial = 0; trial < 1500; trial++)
    {
      g_autoptr (Instance) inst = instance_random (rand, 7, 4, 3);
      g_autoptr (PmAssign) a = instance_assign (inst, 0);
      gint64 best = brute_force (inst), got;

      solve_ok (a);
      got = check_feasible (a, inst, seed, trial);
      if (got != best)
        fail_msg ("seed %u trial %u: %" G_GINT64_FORMAT " != brute force %" G_GINT64_FORMAT, seed,
                  trial, got, best);
      /* every edge is a candidate: nothing to price */
      assert_int_equal (pm_assign_price (a, instance_weight_func, inst), 0);
    }
}

/* ---- pricing */

static void
test_price_small (void **state)
{
  const guint seed = 777;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  guint trial;

  for (trial = 0; trial < 600; trial++)
    {
      g_autoptr (Instance) inst = instance_random (rand, 7, 4, 3);
      g_autoptr (PmAssign) a = instance_assign (inst, 1 + trial % 2);
      gint64 best = brute_force (inst), got;

      solve_priced (a, inst);
      got = check_feasible (a, inst, seed, trial);
      if (got != best)
        fail_msg ("seed %u trial %u: priced %" G_GINT64_FORMAT " != brute force %" G_GINT64_FORMAT,
                  seed, trial, got, best);
    }
}

/* Each column's bound: its heaviest edge that is not one of its row's @k candidates (the
 * order instance_assign() gives them), or 0 when it has none. */
static void
set_col_bounds (PmAssign *a, const Instance *inst, guint k)
{
  guint r, c, d;

  for (c = 0; c < inst->n_cols; c++)
    {
      gint64 bound = 0;

      for (r = 0; r < inst->n_rows; r++)
        {
          gint64 w = inst->weight[r * inst->n_cols + c];
          guint ahead = 0;

          for (d = 0; d < inst->n_cols && w > 0; d++)
            {
              gint64 x = inst->weight[r * inst->n_cols + d];
              ahead += x > w || (x == w && d < c);
            }
          if (w > 0 && ahead >= k)
            bound = MAX (bound, w);
        }
      pm_assign_set_col_bound (a, c, bound);
    }
}

static void
test_price_medium (void **state)
{
  const guint seed = 4242;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  guint trial, added_rounds = 0;

  for (trial = 0; trial < 60; trial++)
    {
      g_autoptr (Instance) inst = instance_new (60, 15);
      g_autoptr (PmAssign) full = NULL;
      g_autoptr (PmAssign) top = NULL;
      guint mode = trial % 4, i;
      double density = 0.3 + 0.7 * g_rand_double (rand);
      gint64 want, got;

      for (i = 0; i < inst->n_cols; i++)
        inst->cap[i] = g_rand_int_range (rand, 0, 5);
      for (i = 0; i < inst->n_rows * inst->n_cols; i++)
        if (g_rand_double (rand) < density)
          inst->weight[i] = random_weight (rand, mode);
      full = instance_assign (inst, 0);
      solve_ok (full);
      want = check_feasible (full, inst, seed, trial);
      top = instance_assign (inst, 1 + trial % 3);
      if (trial % 2 == 1)
        set_col_bounds (top, inst, 1 + trial % 3);
      added_rounds += solve_priced (top, inst);
      got = check_feasible (top, inst, seed, trial);
      if (got != want)
        fail_msg ("seed %u trial %u: priced %" G_GINT64_FORMAT " != full %" G_GINT64_FORMAT, seed,
                  trial, got, want);
    }
  assert_true (added_rounds > 0);
}

static void
test_price_contention (void **state)
{
  /* every row's best column is c0 (capacity 1); with k = 1 only one row can match until
   * pricing brings in the second choices */
  g_autoptr (Instance) inst = instance_new (3, 4);
  g_autoptr (PmAssign) a = NULL;
  guint r;

  for (r = 0; r < 4; r++)
    inst->cap[r] = 1;
  for (r = 0; r < 3; r++)
    {
      inst->weight[r * 4 + 0] = 100 + r;
      inst->weight[r * 4 + 1 + r] = 50;
    }
  a = instance_assign (inst, 1);
  solve_ok (a);
  assert_int_equal (pm_assign_get_total_weight (a), 102);
  assert_true (pm_assign_price (a, instance_weight_func, inst) > 0);
  assert_true (solve_priced (a, inst) == 0);
  assert_int_equal (pm_assign_get_total_weight (a), 202);
  assert_int_equal (pm_assign_get_col (a, 2), 0);
}

static guint n_calls;

static gboolean
counting_func (gpointer user_data, guint row, guint col, gint64 *weight)
{
  n_calls++;
  return instance_weight_func (user_data, row, col, weight);
}

static void
test_price_bounds (void **state)
{
  g_autoptr (Instance) inst = instance_new (2, 3);
  g_autoptr (PmAssign) a = NULL;
  guint cap[3] = { 1, 1, 1 };

  memcpy (inst->cap, cap, sizeof cap);
  inst->weight[0 * 3 + 2] = 5; /* row 0: no candidate given, one hidden edge */
  inst->weight[1 * 3 + 0] = 4;
  a = pm_assign_new (2, 3, inst->cap);
  /* row 0 unknown bound: every column is asked; row 1 said to have no other edge */
  pm_assign_set_row (a, 1, 1, (guint[]){ 0 }, (gint64[]){ 4 });
  pm_assign_set_row_bound (a, 1, 0);
  solve_ok (a);
  n_calls = 0;
  assert_int_equal (pm_assign_price (a, counting_func, inst), 1);
  assert_int_equal (n_calls, 3);
  solve_ok (a);
  assert_int_equal (pm_assign_get_total_weight (a), 9);
  n_calls = 0;
  assert_int_equal (pm_assign_price (a, counting_func, inst), 0);
  /* a pass after another asks only about pairs whose dual sum dropped: none did */
  assert_int_equal (n_calls, 0);
  /* a new bound starts the proof afresh; row 0's is still unknown: every column but its
   * candidate is asked */
  pm_assign_set_row_bound (a, 0, G_MAXINT64);
  n_calls = 0;
  assert_int_equal (pm_assign_price (a, counting_func, inst), 0);
  assert_int_equal (n_calls, 2);
  /* a column bound its v covers rules the column out */
  pm_assign_set_col_bound (a, 0, 0);
  pm_assign_set_col_bound (a, 1, 0);
  n_calls = 0;
  assert_int_equal (pm_assign_price (a, counting_func, inst), 0);
  assert_int_equal (n_calls, 0);
  pm_assign_set_col_bound (a, 0, G_MAXINT64);
  pm_assign_set_col_bound (a, 1, G_MAXINT64);
  pm_assign_set_row_bound (a, 0, 5);
  n_calls = 0;
  assert_int_equal (pm_assign_price (a, counting_func, inst), 0);
  assert_int_equal (n_calls, 0); /* u_0 = 5 >= bound: nothing can violate */
}

/* ---- warm start: edges added in batches after a solve */

/* Adds each edge of @inst missing from @mask with probability @p (at least one if any is
 * missing) to @a, @mask and @sub; returns the number added. */
static guint
add_batch (GRand *rand, const Instance *inst, PmAssign *a, guint8 *mask, Instance *sub, double p)
{
  guint i, n = 0, missing = 0;

  for (i = 0; i < inst->n_rows * inst->n_cols; i++)
    missing += inst->weight[i] > 0 && !mask[i];
  for (i = 0; i < inst->n_rows * inst->n_cols; i++)
    if (inst->weight[i] > 0 && !mask[i] && (g_rand_double (rand) < p || (n == 0 && --missing == 0)))
      {
        mask[i] = 1;
        sub->weight[i] = inst->weight[i];
        pm_assign_add_edge (a, i / inst->n_cols, i % inst->n_cols, inst->weight[i]);
        n++;
      }
  return n;
}

/* Solves @a warm and compares it with a cold solve of the same candidates and, when @oracle,
 * with the brute force. */
static void
check_warm (PmAssign *a, const Instance *inst, const guint8 *mask, Instance *sub, gboolean oracle,
            guint seed, guint trial)
{
  g_autoptr (PmAssign) cold = instance_assign_mask (inst, mask);
  guint warm = pm_assign_get_n_warm (a);
  gint64 got, want;

  solve_ok (a);
  assert_int_equal (pm_assign_get_n_warm (a), warm + 1);
  got = check_feasible (a, sub, seed, trial);
  solve_ok (cold);
  assert_int_equal (pm_assign_get_n_warm (cold), 0);
  want = check_feasible (cold, sub, seed, trial);
  if (got != want)
    fail_msg ("seed %u trial %u: warm %" G_GINT64_FORMAT " != cold %" G_GINT64_FORMAT, seed, trial,
              got, want);
  if (oracle && got != (want = brute_force (sub)))
    fail_msg ("seed %u trial %u: warm %" G_GINT64_FORMAT " != brute force %" G_GINT64_FORMAT, seed,
              trial, got, want);
}

/* Tier-like weights and ties dominate: those are the cases where paths and prices tie. */
static Instance *
instance_warm (GRand *rand, guint n_rows, guint n_cols, guint max_cap, guint mode)
{
  Instance *inst = instance_new (n_rows, n_cols);
  double density = 0.2 + 0.8 * g_rand_double (rand);
  guint i;

  for (i = 0; i < n_cols; i++)
    inst->cap[i] = g_rand_int_range (rand, 0, max_cap + 1);
  for (i = 0; i < n_rows * n_cols; i++)
    if (g_rand_double (rand) < density)
      inst->weight[i] = random_weight (rand, mode);
  return inst;
}

static void
test_warm_random (void **state)
{
  const guint seed = 31337;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  guint trial, batches = 0;

  for (trial = 0; trial < 800; trial++)
    {
      static const guint modes[] = { 0, 1, 1, 2, 0, 3 };
      g_autoptr (Instance) inst
          = instance_warm (rand, g_rand_int_range (rand, 1, 8), g_rand_int_range (rand, 1, 5), 3,
                           modes[trial % G_N_ELEMENTS (modes)]);
      g_autoptr (Instance) sub = instance_new (inst->n_rows, inst->n_cols);
      g_autofree guint8 *mask = g_new0 (guint8, inst->n_rows * inst->n_cols);
      g_autoptr (PmAssign) a = NULL;
      double p0 = g_rand_double (rand), p = 0.1 + 0.6 * g_rand_double (rand);
      guint i;

      memcpy (sub->cap, inst->cap, sizeof (guint) * inst->n_cols);
      for (i = 0; i < inst->n_rows * inst->n_cols; i++)
        if (inst->weight[i] > 0 && g_rand_double (rand) < p0)
          {
            mask[i] = 1;
            sub->weight[i] = inst->weight[i];
          }
      a = instance_assign_mask (inst, mask);
      solve_ok (a);
      assert_int_equal (pm_assign_get_n_warm (a), 0);
      while (add_batch (rand, inst, a, mask, sub, p) > 0)
        {
          check_warm (a, inst, mask, sub, TRUE, seed, trial);
          batches++;
        }
    }
  assert_true (batches > 1000);
}

static void
test_warm_medium (void **state)
{
  const guint seed = 5150;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  guint trial;

  for (trial = 0; trial < 120; trial++)
    {
      g_autoptr (Instance) inst = instance_warm (rand, 80, 20, 4, trial % 4);
      g_autoptr (Instance) sub = instance_new (inst->n_rows, inst->n_cols);
      g_autofree guint8 *mask = g_new0 (guint8, inst->n_rows * inst->n_cols);
      g_autoptr (PmAssign) a = NULL;
      double p0 = 0.5 * g_rand_double (rand);
      guint i;

      memcpy (sub->cap, inst->cap, sizeof (guint) * inst->n_cols);
      for (i = 0; i < inst->n_rows * inst->n_cols; i++)
        if (inst->weight[i] > 0 && g_rand_double (rand) < p0)
          {
            mask[i] = 1;
            sub->weight[i] = inst->weight[i];
          }
      a = instance_assign_mask (inst, mask);
      solve_ok (a);
      /* small batches first (as pricing does), then the rest */
      while (add_batch (rand, inst, a, mask, sub, 0.02) > 0)
        check_warm (a, inst, mask, sub, FALSE, seed, trial);
    }
}

static void
test_warm_fallback (void **state)
{
  guint cap[2] = { 1, 1 }, c0 = 0;
  gint64 w = 5;
  g_autoptr (PmAssign) a = pm_assign_new (2, 2, cap);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;

  pm_assign_set_row (a, 0, 1, &c0, &w);
  pm_assign_set_row (a, 1, 1, &c0, &w);
  solve_ok (a);
  assert_int_equal (pm_assign_get_total_weight (a), 5);
  solve_ok (a); /* nothing added: warm, nothing moves */
  assert_int_equal (pm_assign_get_n_warm (a), 1);
  assert_int_equal (pm_assign_get_total_weight (a), 5);
  /* a cancelled warm solve leaves nothing to repair: the next one is cold */
  pm_assign_add_edge (a, 0, 1, 3);
  pm_assign_add_edge (a, 1, 1, 4);
  g_cancellable_cancel (cancellable);
  assert_false (pm_assign_solve (a, cancellable, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  assert_int_equal (pm_assign_get_col (a, 0), PM_ASSIGN_NONE);
  solve_ok (a);
  assert_int_equal (pm_assign_get_n_warm (a), 1);
  assert_int_equal (pm_assign_get_total_weight (a), 9);
  /* replacing a row may remove edges: cold again */
  pm_assign_set_row (a, 1, 1, &c0, &w);
  solve_ok (a);
  assert_int_equal (pm_assign_get_n_warm (a), 1);
  assert_int_equal (pm_assign_get_total_weight (a), 8);
  pm_assign_add_edge (a, 1, 1, 6);
  solve_ok (a);
  assert_int_equal (pm_assign_get_n_warm (a), 2);
  assert_int_equal (pm_assign_get_total_weight (a), 11);
}

/* ---- determinism */

static void
test_determinism (void **state)
{
  const guint seed = 99;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (Instance) inst = instance_new (300, 40);
  g_autoptr (PmAssign) a = NULL;
  g_autoptr (PmAssign) b = NULL;
  guint i;

  for (i = 0; i < inst->n_cols; i++)
    inst->cap[i] = g_rand_int_range (rand, 0, 6);
  for (i = 0; i < inst->n_rows * inst->n_cols; i++)
    if (g_rand_double (rand) < 0.2)
      inst->weight[i] = random_weight (rand, 0); /* ties everywhere */
  a = instance_assign (inst, 0);
  b = instance_assign (inst, 0);
  solve_ok (a);
  solve_ok (b);
  solve_ok (b); /* and re-solving gives the same */
  for (i = 0; i < inst->n_rows; i++)
    assert_int_equal (pm_assign_get_col (a, i), pm_assign_get_col (b, i));
  assert_true (pm_assign_get_total_weight (a) == pm_assign_get_total_weight (b));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_empty),
    cmocka_unit_test (test_one_row),
    cmocka_unit_test (test_capacity_zero),
    cmocka_unit_test (test_capacity_many),
    cmocka_unit_test (test_displace),
    cmocka_unit_test (test_augmenting_chain),
    cmocka_unit_test (test_tiers),
    cmocka_unit_test (test_limit),
    cmocka_unit_test (test_cancel),
    cmocka_unit_test (test_brute_force),
    cmocka_unit_test (test_price_small),
    cmocka_unit_test (test_price_medium),
    cmocka_unit_test (test_price_contention),
    cmocka_unit_test (test_price_bounds),
    cmocka_unit_test (test_warm_random),
    cmocka_unit_test (test_warm_medium),
    cmocka_unit_test (test_warm_fallback),
    cmocka_unit_test (test_determinism),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
