/* peermatch: the matching engine (eligibility, score, rank, exact batch assignment).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Method. The network is compiled once (pm-match-compile.c) into flat arrays, so a pair's
 * twelve rules and six score components cost a few array reads, bit operations and one
 * cached overlap lookup.
 *
 * Ranking evaluates every supporter against the request, rules in the spec's order so an
 * ineligible supporter is charged to the first rule it fails, then sorts the eligible ones.
 *
 * The batch is a maximum-weight b-matching (requests on one side, supporters with capacity
 * - load on the other), solved exactly by pm-assign.c. The lexicographic objective (matched
 * priority requests, matched requests, total score) is folded into one integer weight per
 * pair: weight = B * (1 + priority) + q - q_min, where q = llround (score * 1e6) is the score
 * in integer micro-points and B exceeds any possible sum of (q - q_min) over a matching.
 * Why one tier B suffices for both counts: the sets of requests that can be matched
 * together are the independent sets of a matroid (a transversal matroid, once each
 * supporter is split into capacity - load slots). In a matroid every maximal independent
 * set has the same size, and one of them contains a largest matchable set of priority
 * requests; so the best priority count P* and the best count C* are reached by the same
 * matching, every matching has P <= P* and C <= C*, and P + C is largest exactly when both
 * are. Maximising B * (P + C) + sum (q - q_min) therefore maximises P, then C, then the total
 * score: exact, with the score optimised at micro-point resolution (totals that differ by
 * less than 1e-6 per pair may be told apart only up to that rounding). Keeping the weights
 * small (at most about 2 * pairs * 1e8 * 100) leaves 64-bit arithmetic room for 10^6-row
 * instances; beyond that the solve fails with PM_ERROR_LIMIT rather than risk overflow.
 *
 * Candidate edges. The solver is given, per request, only its K best eligible supporters,
 * and per supporter its K best requests (one scan of every pair, which also counts each
 * request's eligible supporters). pm_assign_price() then checks the LP dual against every
 * other pair, with the K-th weights of the row and of the column as upper bounds for the
 * rest, and asks this file for the weights of the few pairs that could improve the
 * solution; the loop ends when none can, which proves optimality over the full graph.
 *
 * Cost. Compiling is linear in the input (plus a regions-in-use table of tree lookups). The
 * scan is O(requests * supporters) cheap pair checks (pm-match-scan.c: per request a few
 * small rows, then a branch-free pass over the supporters' packed records; overlaps are
 * cached per pair of distinct availability values, which shift rotas keep few, and the
 * verdicts and micro-point scores are exactly pm_match_check()'s); the solve works on
 * O(K * requests) edges plus those pricing adds. The unmatched requests' counts by first
 * failing rule come after the solve (pm-match-diag.c: one branch-free pass over the active
 * supporters per unmatched request, plus the few supporters rules 1 to 4 can catch).
 * Requests and supporters are processed in
 * id order, so the output does not depend on input order and is byte-identical run to run.
 */
#include "pm-match-private.h"
#include "pm-assign-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Candidate edges per request handed to the solver before pricing (see bench-match). */
#define DEFAULT_TOP_K 16
/* How often the long loops look at the cancellable. */
#define CANCEL_EVERY 512

/**
 * PmMatcher:
 *
 * The matching engine for one network on one matching day: ranks the eligible supporters
 * for a request and computes the exact batch matching of all requests.
 *
 * The network is compiled on first use; adding supporters or requests afterwards makes the
 * next call compile it again, but changing a supporter or request already added does not
 * (make a new matcher). A matcher is not safe for concurrent use from several threads: give
 * each thread its own.
 *
 * Since: 0.1
 */
struct _PmMatcher
{
  GObject parent_instance;
  PmNetwork *network;
  GDate on;
  PmMatchCompiled *compiled;
  guint compiled_n_sup;
  guint compiled_n_req;
  guint top_k;
};

G_DEFINE_FINAL_TYPE (PmMatcher, pm_matcher, G_TYPE_OBJECT)

static void
pm_matcher_finalize (GObject *object)
{
  PmMatcher *self = PM_MATCHER (object);

  g_clear_pointer (&self->compiled, pm_match_compiled_free);
  g_clear_object (&self->network);
  G_OBJECT_CLASS (pm_matcher_parent_class)->finalize (object);
}

static void
pm_matcher_class_init (PmMatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_matcher_finalize;
}

static void
pm_matcher_init (PmMatcher *self)
{
  self->top_k = DEFAULT_TOP_K;
}

void
pm_matcher_set_top_k (PmMatcher *self, guint k)
{
  g_return_if_fail (PM_IS_MATCHER (self));
  self->top_k = MAX (1u, k);
}

/**
 * pm_matcher_new:
 * @network: the network to match in (the matcher keeps a reference)
 * @on: the matching day: training must be current and the supporter not paused on it
 *
 * Creates a matcher. Nothing is computed until the first pm_matcher_rank() or
 * pm_matcher_solve().
 *
 * Returns: (transfer full): a new #PmMatcher
 *
 * Since: 0.1
 */
PmMatcher *
pm_matcher_new (PmNetwork *network, const GDate *on)
{
  PmMatcher *self;

  g_return_val_if_fail (PM_IS_NETWORK (network), NULL);
  g_return_val_if_fail (on != NULL && g_date_valid (on), NULL);
  self = g_object_new (PM_TYPE_MATCHER, NULL);
  self->network = g_object_ref (network);
  self->on = *on;
  return self;
}

/**
 * pm_matcher_get_network:
 * @self: a #PmMatcher
 *
 * Returns: (transfer none): the network
 *
 * Since: 0.1
 */
PmNetwork *
pm_matcher_get_network (PmMatcher *self)
{
  g_return_val_if_fail (PM_IS_MATCHER (self), NULL);
  return self->network;
}

/**
 * pm_matcher_get_date:
 * @self: a #PmMatcher
 *
 * Returns: (transfer none): the matching day
 *
 * Since: 0.1
 */
const GDate *
pm_matcher_get_date (PmMatcher *self)
{
  g_return_val_if_fail (PM_IS_MATCHER (self), NULL);
  return &self->on;
}

static PmMatchCompiled *
ensure_compiled (PmMatcher *self)
{
  guint n_sup = pm_network_get_n_supporters (self->network);
  guint n_req = pm_network_get_n_requests (self->network);

  if (self->compiled != NULL && self->compiled_n_sup == n_sup && self->compiled_n_req == n_req)
    return self->compiled;
  g_clear_pointer (&self->compiled, pm_match_compiled_free);
  self->compiled = pm_match_compiled_new (self->network, &self->on);
  self->compiled_n_sup = n_sup;
  self->compiled_n_req = n_req;
  return self->compiled;
}

static PmPair *
pair_new (PmMatchCompiled *c, guint r, guint s, const PmMatchEval *eval)
{
  PmPair *pair = pm_pair_new (pm_request_get_id (c->req[r]), pm_supporter_get_id (c->sup[s]));

  pair->score = eval->score;
  memcpy (pair->components, eval->components, sizeof pair->components);
  pair->overlap_minutes = eval->overlap;
  pair->hops = eval->hops;
  return pair;
}

/* ---- ranking */

typedef struct
{
  guint s;
  PmMatchEval eval;
} Candidate;

/* Best score first; equal scores by supporter id, which is index order. */
static int
compare_candidates (gconstpointer a, gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->eval.score != y->eval.score)
    return x->eval.score > y->eval.score ? -1 : 1;
  return (x->s > y->s) - (x->s < y->s);
}

/* Every supporter against request @r, charged to the first failing rule. */
static guint
check_all (PmMatchCompiled *c, guint r, guint excluded[PM_REASON_N], GArray *candidates)
{
  guint eligible = 0;

  memset (excluded, 0, sizeof (guint) * PM_REASON_N);
  for (guint s = 0; s < c->n_sup; s++)
    {
      Candidate cand = { s, { 0 } };
      PmReason reason = pm_match_check (c, r, s, &cand.eval);

      if (reason != PM_REASON_N)
        excluded[reason]++;
      else
        {
          eligible++;
          if (candidates != NULL)
            g_array_append_val (candidates, cand);
        }
    }
  return eligible;
}

/**
 * pm_matcher_rank:
 * @self: a #PmMatcher
 * @request_id: the id of a request in the network
 * @top: how many candidates to keep, best first; 0 keeps them all
 * @error: return location for a #GError
 *
 * Ranks every supporter eligible for the request: best score first, equal scores by
 * supporter id in byte order, cut to @top. Every ineligible supporter is counted under the
 * first rule it fails, so the counts and pm_ranking_get_n_eligible() add up to the number of
 * supporters. Capacity is not shared between requests here: each ranking is independent.
 *
 * A `crisis` request is never matched: its ranking is escalated, with no candidates and
 * all counts zero.
 *
 * Fails with %PM_ERROR_NOT_FOUND when the network has no request @request_id.
 *
 * Returns: (transfer full): the ranking, or %NULL on error
 *
 * Since: 0.1
 */
PmRanking *
pm_matcher_rank (PmMatcher *self, const char *request_id, guint top, GError **error)
{
  PmMatchCompiled *c;
  g_autoptr (GArray) candidates = NULL;
  guint excluded[PM_REASON_N];
  guint r, eligible, kept;
  PmRanking *ranking;

  g_return_val_if_fail (PM_IS_MATCHER (self), NULL);
  g_return_val_if_fail (request_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  c = ensure_compiled (self);
  r = pm_match_compiled_lookup_request (c, request_id);
  if (r == G_MAXUINT)
    {
      g_set_error (error, PM_ERROR, PM_ERROR_NOT_FOUND, "no request with id '%s'", request_id);
      return NULL;
    }
  if (c->r_urgency[r] == PM_URGENCY_CRISIS)
    return pm_ranking_new (request_id, TRUE, 0, NULL);
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  eligible = check_all (c, r, excluded, candidates);
  g_array_sort (candidates, compare_candidates);
  ranking = pm_ranking_new (request_id, FALSE, eligible, excluded);
  kept = top == 0 ? candidates->len : MIN (top, candidates->len);
  for (guint i = 0; i < kept; i++)
    {
      const Candidate *cand = &g_array_index (candidates, Candidate, i);
      pm_ranking_take_candidate (ranking, pair_new (c, r, cand->s, &cand->eval));
    }
  return ranking;
}

/* ---- the batch */

typedef struct
{
  PmMatchCompiled *c;
  guint k; /* candidate edges per request */
  guint n_act;
  guint *act;       /* column -> supporter: those passing rules 5 to 7 */
  guint *n_elig;    /* per request: eligible supporters */
  guint *n_top;     /* per request: candidate edges kept (at most k) */
  guint *top_col;   /* k per request, best first */
  gint64 *top_q;    /* their scores in micro-points */
  guint *n_ctop;    /* per column: best requests kept (at most k) */
  guint *ctop_req;  /* k per column, best first: requests */
  gint64 *ctop_key; /* their keys: (q - q_min), plus (q_max - q_min + 1) for priority */
  gint64 *ctop_min; /* per column: the key a request must beat to be kept */
  PmMatchScan *scan;
  PmMatchDiag *diag; /* made for the first unmatched request */
  guint *elig_col;   /* scratch: one request's eligible columns and scores */
  gint64 *elig_q;
  guint n_rows;
  guint *row_req; /* row -> request: non-crisis requests with an eligible supporter */
  gint64 q_min;   /* bounds of any pair's micro-point score */
  gint64 q_max;
  gint64 tier; /* B: more than any sum of (q - q_min) over a matching */
} Batch;

static void
batch_clear (Batch *b)
{
  g_free (b->act);
  g_free (b->n_elig);
  g_free (b->n_top);
  g_free (b->top_col);
  g_free (b->top_q);
  g_free (b->n_ctop);
  g_free (b->ctop_req);
  g_free (b->ctop_key);
  g_free (b->ctop_min);
  g_clear_pointer (&b->diag, pm_match_diag_free);
  g_clear_pointer (&b->scan, pm_match_scan_free);
  g_free (b->elig_col);
  g_free (b->elig_q);
  g_free (b->row_req);
}

/* Keeps the @k best (q, column) of a row, best first. Columns arrive in increasing
 * order, so on equal q the one already kept (the smaller supporter id) stays ahead. */
static void
top_insert (guint *cols, gint64 *qs, guint *n, guint k, guint col, gint64 q)
{
  guint i;

  if (*n == k && q <= qs[k - 1])
    return;
  if (*n < k)
    (*n)++;
  for (i = *n - 1; i > 0 && qs[i - 1] < q; i--)
    {
      cols[i] = cols[i - 1];
      qs[i] = qs[i - 1];
    }
  cols[i] = col;
  qs[i] = q;
}

/* The column side: each supporter keeps its k best requests (priority first, then q; on
 * ties the earlier request). Requests that only a few supporters suit are then candidates
 * even when those supporters are not in their own top k, which is what leaves those
 * supporters idle and makes pricing work hard otherwise. */
static void
ctop_insert (Batch *b, guint col, guint r, gint64 key)
{
  guint *reqs = b->ctop_req + (gsize)col * b->k;
  gint64 *keys = b->ctop_key + (gsize)col * b->k;
  guint *n = &b->n_ctop[col], i;

  if (*n < b->k)
    (*n)++;
  for (i = *n - 1; i > 0 && keys[i - 1] < key; i--)
    {
      reqs[i] = reqs[i - 1];
      keys[i] = keys[i - 1];
    }
  reqs[i] = r;
  keys[i] = key;
  if (*n == b->k)
    b->ctop_min[col] = keys[b->k - 1];
}

/* One request against every active supporter: counts the eligible ones and keeps the best
 * k, on both sides. The eligible columns come in increasing order. */
static void
scan_request (Batch *b, guint r)
{
  PmMatchCompiled *c = b->c;
  guint *cols = b->top_col + (gsize)r * b->k;
  gint64 *qs = b->top_q + (gsize)r * b->k;
  gint64 prio = c->r_urgency[r] == PM_URGENCY_PRIORITY ? b->q_max - b->q_min + 1 : 0;
  gint64 shift = prio - b->q_min, top_min = G_MININT64;
  guint n = pm_match_scan_request (b->scan, r, b->elig_col, b->elig_q);

  for (guint i = 0; i < n; i++)
    {
      guint col = b->elig_col[i];
      gint64 q = b->elig_q[i];

      /* What top_insert and ctop_insert would refuse, refused without a call. */
      if (q > top_min)
        {
          top_insert (cols, qs, &b->n_top[r], b->k, col, q);
          if (b->n_top[r] == b->k)
            top_min = qs[b->k - 1];
        }
      if (q + shift > b->ctop_min[col])
        ctop_insert (b, col, r, q + shift);
    }
  b->n_elig[r] = n;
}

static gint64
edge_weight (const Batch *b, guint r, gint64 q)
{
  return b->tier * (b->c->r_urgency[r] == PM_URGENCY_PRIORITY ? 2 : 1) + (q - b->q_min);
}

/* The weight of any pair, for pricing. */
static gboolean
weigh_pair (gpointer user_data, guint row, guint col, gint64 *weight)
{
  Batch *b = user_data;
  guint r = b->row_req[row];
  gint64 q;

  if (!pm_match_scan_pair (b->scan, r, col, &q))
    return FALSE;
  *weight = edge_weight (b, r, q);
  return TRUE;
}

/* The bounds of any pair's score in micro-points, before the scan quantises scores. */
static gboolean
batch_set_bounds (Batch *b, GError **error)
{
  double lo = 0.0, hi = 0.0;

  for (guint k = 0; k < PM_COMPONENT_N; k++)
    {
      double w = b->c->weight[k];

      if (!isfinite (w) || fabs (w) > 1e9)
        {
          g_set_error (error, PM_ERROR, PM_ERROR_LIMIT,
                       "score weight %s = %g is out of range for exact matching",
                       pm_component_to_string (k), w);
          return FALSE;
        }
      if (w < 0)
        lo += w;
      else
        hi += w;
    }
  b->q_min = llround (lo * 1e6);
  b->q_max = llround (hi * 1e6);
  return TRUE;
}

/* The tier B, refusing what 64 bits cannot hold. */
static gboolean
batch_set_tier (Batch *b, guint64 free_slots, GError **error)
{
  gint64 range = b->q_max - b->q_min, n, tier, top;

  /* No matching has more pairs than rows or than free slots. */
  n = (gint64)MIN ((guint64)b->n_rows, free_slots);
  if (__builtin_mul_overflow (n, range, &tier) || __builtin_add_overflow (tier, 1, &tier)
      || __builtin_mul_overflow (tier, 2, &top) || __builtin_add_overflow (top, range, &top))
    {
      g_set_error (error, PM_ERROR, PM_ERROR_LIMIT,
                   "too many requests (%u) for exact matching at micro-point resolution",
                   b->n_rows);
      return FALSE;
    }
  b->tier = tier;
  return TRUE;
}

static gboolean
check_cancelled (GCancellable *cancellable, GError **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* Active supporters (rules 5 to 7 are the supporter's alone: filtered once), the scan of
 * every pair and the rows. */
static gboolean
batch_scan (Batch *b, GCancellable *cancellable, guint64 *free_slots, GError **error)
{
  PmMatchCompiled *c = b->c;

  b->act = g_new (guint, MAX (1u, c->n_sup));
  *free_slots = 0;
  for (guint s = 0; s < c->n_sup; s++)
    if (c->s_static[s] == PM_REASON_N)
      {
        b->act[b->n_act++] = s;
        *free_slots += c->s_free[s];
      }
  b->n_elig = g_new0 (guint, MAX (1u, c->n_req));
  b->n_top = g_new0 (guint, MAX (1u, c->n_req));
  b->top_col = g_new (guint, (gsize)MAX (1u, c->n_req) * b->k);
  b->top_q = g_new (gint64, (gsize)MAX (1u, c->n_req) * b->k);
  b->n_ctop = g_new0 (guint, MAX (1u, b->n_act));
  b->ctop_req = g_new (guint, (gsize)MAX (1u, b->n_act) * b->k);
  b->ctop_key = g_new (gint64, (gsize)MAX (1u, b->n_act) * b->k);
  b->ctop_min = g_new (gint64, MAX (1u, b->n_act));
  for (guint col = 0; col < b->n_act; col++)
    b->ctop_min[col] = G_MININT64;
  b->scan = pm_match_scan_new (c, b->act, b->n_act, b->q_min, b->q_max);
  b->elig_col = g_new (guint, MAX (1u, b->n_act));
  b->elig_q = g_new (gint64, MAX (1u, b->n_act));
  b->row_req = g_new (guint, MAX (1u, c->n_req));
  for (guint r = 0; r < c->n_req; r++)
    {
      if (r % CANCEL_EVERY == 0 && check_cancelled (cancellable, error))
        return FALSE;
      if (c->r_urgency[r] == PM_URGENCY_CRISIS)
        continue;
      scan_request (b, r);
      if (b->n_elig[r] > 0)
        b->row_req[b->n_rows++] = r;
    }
  return TRUE;
}

/* Per row, the columns whose own top k holds it: a CSR over rows, and their q. */
static void
column_edges (Batch *b, guint **first, guint **cols, gint64 **qs)
{
  g_autofree guint *row_of = g_new (guint, MAX (1u, b->c->n_req));
  g_autofree guint *fill = NULL;
  gint64 prio = b->q_max - b->q_min + 1;
  gsize total = 0;

  for (guint row = 0; row < b->n_rows; row++)
    row_of[b->row_req[row]] = row;
  *first = g_new0 (guint, b->n_rows + 1);
  for (guint col = 0; col < b->n_act; col++)
    for (guint k = 0; k < b->n_ctop[col]; k++)
      (*first)[row_of[b->ctop_req[(gsize)col * b->k + k]] + 1]++;
  for (guint row = 0; row < b->n_rows; row++)
    (*first)[row + 1] += (*first)[row];
  total = (*first)[b->n_rows];
  *cols = g_new (guint, MAX (1u, total));
  *qs = g_new (gint64, MAX (1u, total));
  fill = g_memdup2 (*first, sizeof (guint) * (b->n_rows + 1));
  for (guint col = 0; col < b->n_act; col++)
    for (guint k = 0; k < b->n_ctop[col]; k++)
      {
        guint r = b->ctop_req[(gsize)col * b->k + k];
        gint64 key = b->ctop_key[(gsize)col * b->k + k];
        guint at = fill[row_of[r]]++;

        (*cols)[at] = col;
        (*qs)[at] = (key >= prio ? key - prio : key) + b->q_min;
      }
}

/* Row @row's candidates: its own top k, then the columns that picked it. */
static void
set_row (Batch *b, PmAssign *assign, guint row, const guint *ccols, const gint64 *cqs,
         guint n_extra, guint *cols, gint64 *weights)
{
  guint r = b->row_req[row], n = b->n_top[r];
  const guint *top = b->top_col + (gsize)r * b->k;

  for (guint k = 0; k < n; k++)
    {
      cols[k] = top[k];
      weights[k] = edge_weight (b, r, b->top_q[(gsize)r * b->k + k]);
    }
  for (guint e = 0; e < n_extra; e++)
    {
      gboolean dup = FALSE;

      for (guint k = 0; k < b->n_top[r] && !dup; k++)
        dup = top[k] == ccols[e];
      if (dup)
        continue;
      cols[n] = ccols[e];
      weights[n++] = edge_weight (b, r, cqs[e]);
    }
  pm_assign_set_row (assign, row, n, cols, weights);
  /* Edges outside the row's own top k weigh no more than its k-th; a row whose eligible
   * supporters all fit in its top k has no other edge. */
  pm_assign_set_row_bound (assign, row, b->n_elig[r] <= b->k ? 0 : weights[b->n_top[r] - 1]);
}

static PmAssign *
batch_assign (Batch *b, GCancellable *cancellable, GError **error)
{
  PmMatchCompiled *c = b->c;
  g_autofree guint *capacity = g_new (guint, MAX (1u, b->n_act));
  g_autoptr (PmAssign) assign = NULL;
  g_autofree guint *first = NULL;
  g_autofree guint *ccols = NULL;
  g_autofree gint64 *cqs = NULL;
  g_autofree guint *cols = NULL;
  g_autofree gint64 *weights = NULL;
  guint most = 0;

  for (guint col = 0; col < b->n_act; col++)
    capacity[col] = c->s_free[b->act[col]];
  assign = pm_assign_new (b->n_rows, b->n_act, capacity);
  column_edges (b, &first, &ccols, &cqs);
  for (guint row = 0; row < b->n_rows; row++)
    most = MAX (most, first[row + 1] - first[row]);
  cols = g_new (guint, b->k + most);
  weights = g_new (gint64, b->k + most);
  for (guint row = 0; row < b->n_rows; row++)
    set_row (b, assign, row, ccols + first[row], cqs + first[row], first[row + 1] - first[row],
             cols, weights);
  /* A column's edges outside its own top k weigh no more than its k-th; one with fewer
   * than k eligible requests has them all among the candidates. Pricing then skips every
   * full column whose v already covers that. */
  for (guint col = 0; col < b->n_act; col++)
    {
      gint64 prio = b->q_max - b->q_min + 1, key = b->ctop_min[col];

      pm_assign_set_col_bound (assign, col,
                               b->n_ctop[col] < b->k ? 0
                               : key >= prio         ? 2 * b->tier + (key - prio)
                                                     : b->tier + key);
    }
  /* Solve over the candidates, then let the LP dual look for better edges elsewhere;
   * when it finds none the solution is optimal over every eligible pair. */
  for (;;)
    {
      if (!pm_assign_solve (assign, cancellable, error))
        return NULL;
      if (check_cancelled (cancellable, error))
        return NULL;
      if (pm_assign_price (assign, weigh_pair, b) == 0)
        break;
    }
  return g_steal_pointer (&assign);
}

static void
add_result (PmMatching *matching, Batch *b, guint r, guint s)
{
  PmMatchCompiled *c = b->c;
  const char *id = pm_request_get_id (c->req[r]);
  guint excluded[PM_REASON_N];

  if (c->r_urgency[r] == PM_URGENCY_CRISIS)
    pm_matching_add_escalated (matching, id);
  else if (s != G_MAXUINT)
    {
      PmMatchEval eval;
      PmReason reason = pm_match_check (c, r, s, &eval);

      g_assert (reason == PM_REASON_N);
      pm_matching_take_pair (matching, pair_new (c, r, s, &eval),
                             c->r_urgency[r] == PM_URGENCY_PRIORITY);
    }
  else
    {
      guint eligible;

      if (b->diag == NULL)
        b->diag = pm_match_diag_new (c, b->scan);
      eligible = pm_match_diag_count (b->diag, r, excluded);
      /* two independent counts of the same thing */
      g_assert (eligible == b->n_elig[r]);
      pm_matching_add_unmatched (matching, id,
                                 eligible == 0 ? PM_UNMATCHED_NO_ELIGIBLE_SUPPORTER
                                               : PM_UNMATCHED_CAPACITY_TAKEN,
                                 eligible, excluded);
    }
}

/**
 * pm_matcher_solve:
 * @self: a #PmMatcher
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Computes the batch matching: each request gets at most one eligible supporter and each
 * supporter at most capacity - load new requests, and among all such assignments the result
 * is a proven optimum of, lexicographically, the number of matched `priority` requests,
 * the number of matched requests and the total score. The total score is optimised exactly
 * at the resolution of integer micro-points (each pair's score is rounded to 1e-6 for the
 * optimisation; the reported scores are not rounded).
 *
 * `crisis` requests are escalated, never matched. An unmatched request is reported as
 * `no_eligible_supporter` or, when it had eligible supporters, as `capacity_taken`; either
 * way with the number of eligible supporters and every other supporter counted under the
 * first rule it fails, so the counts add up to the number of supporters. Pairs, unmatched and
 * escalated requests are each in request-id order (byte order). Requests and supporters
 * are processed in id order, so the result does not depend on the order they were added
 * in, and the same input always gives the same result.
 *
 * Fails with %G_IO_ERROR_CANCELLED when cancelled, or with %PM_ERROR_LIMIT when the
 * instance is too large (or the policy's weights too extreme) for the exact 64-bit
 * optimisation.
 *
 * Returns: (transfer full): the matching, or %NULL on error
 *
 * Since: 0.1
 */
PmMatching *
pm_matcher_solve (PmMatcher *self, GCancellable *cancellable, GError **error)
{
  Batch b = { NULL };
  g_autoptr (PmAssign) assign = NULL;
  g_autofree guint *col_of = NULL;
  PmMatching *matching = NULL;
  guint64 free_slots;

  g_return_val_if_fail (PM_IS_MATCHER (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (check_cancelled (cancellable, error))
    return NULL;
  b.c = ensure_compiled (self);
  b.k = self->top_k;
  if (!batch_set_bounds (&b, error) || !batch_scan (&b, cancellable, &free_slots, error)
      || !batch_set_tier (&b, free_slots, error))
    goto out;
  /* Requests with no eligible supporter never reach the solver. */
  col_of = g_new (guint, MAX (1u, b.c->n_req));
  for (guint r = 0; r < b.c->n_req; r++)
    col_of[r] = G_MAXUINT;
  if (b.n_rows > 0)
    {
      assign = batch_assign (&b, cancellable, error);
      if (assign == NULL)
        goto out;
      for (guint row = 0; row < b.n_rows; row++)
        {
          guint col = pm_assign_get_col (assign, row);

          if (col != PM_ASSIGN_NONE)
            col_of[b.row_req[row]] = b.act[col];
        }
    }
  matching = pm_matching_new (&self->on, b.c->n_req);
  for (guint r = 0; r < b.c->n_req; r++)
    add_result (matching, &b, r, col_of[r]);
out:
  batch_clear (&b);
  return matching;
}
