/* peermatch tests: the batch matcher against independent checks on random networks: a
 * brute-force oracle, every k against the full graph, the fast scan and pricing look-ups
 * and the unmatched requests' counts against the pair-by-pair rules, micro-point rounding.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-test-network.h"
#include "pm-match-private.h"

#include <math.h>
#include <string.h>

static GDate on;

/* ---- random instances */

static const char *const regions[] = { "a", "b", "c", "north", "south", "i1" };
static const char *const avails[] = {
  "daily 08:00-20:00", "weekdays 07:00-15:00", "weekends 10:00-18:00", "mon-thu 19:00-07:00",
  "tue 12:00-13:30",   "fri-sun 22:00-02:00",  "daily 06:00-09:00",    "",
};
static const char *const tags[] = { "ptsd", "trauma", "bereavement", "family", "addiction" };
static const char *const langs[] = { "en", "cy", "pl" };

static const char *
pick (GRand *rand, const char *const *list, guint n)
{
  return list[g_rand_int_range (rand, 0, (gint32)n)];
}

static char **
pick_set (GRand *rand, const char *const *list, guint n, gdouble p)
{
  GPtrArray *out = g_ptr_array_new_null_terminated (n, g_free, TRUE);

  for (guint i = 0; i < n; i++)
    if (g_rand_double (rand) < p)
      g_ptr_array_add (out, g_strdup (list[i]));
  return (char **)g_ptr_array_free (out, FALSE);
}

static PmModes
pick_modes (GRand *rand)
{
  PmModes m = g_rand_int_range (rand, 0, 10) < 6 ? PM_MODES_ALL : g_rand_int_range (rand, 1, 8);
  return m;
}

static PmSupporter *
random_supporter (GRand *rand, guint i)
{
  g_autofree char *id = g_strdup_printf ("S%u", i);
  PmSupporter *s = pm_test_sup_new (id);
  g_auto (GStrv) exp = pick_set (rand, tags, G_N_ELEMENTS (tags), 0.4);
  g_auto (GStrv) lang = pick_set (rand, langs, G_N_ELEMENTS (langs), 0.3);
  guint capacity = g_rand_int_range (rand, 0, 4);
  GDate d;

  pm_supporter_set_region (s, pick (rand, regions, G_N_ELEMENTS (regions)));
  pm_supporter_set_service (s, g_rand_boolean (rand) ? "police" : "fire");
  pm_supporter_set_role (s, g_rand_boolean (rand) ? "frontline" : "control_room");
  pm_supporter_set_experience (s, (const char *const *)exp);
  if (g_rand_int_range (rand, 0, 10) < 8)
    pm_supporter_set_languages (s, (const char *const *)lang); /* empty: default en */
  pm_supporter_set_modes (s, pick_modes (rand));
  if (g_rand_int_range (rand, 0, 3) == 0)
    pm_supporter_set_gender (s, g_rand_boolean (rand) ? "f" : "m");
  if (g_rand_int_range (rand, 0, 3) == 0)
    pm_supporter_set_team (s, g_rand_boolean (rand) ? "t1" : "t2");
  pm_supporter_set_capacity (s, capacity);
  pm_supporter_set_load (s, g_rand_int_range (rand, 0, 10) < 7 ? 0 : g_rand_int_range (rand, 0, 3));
  if (g_rand_int_range (rand, 0, 12) == 0)
    {
      pm_test_set_date (&d, "2026-06-30");
      pm_supporter_set_trained_until (s, &d);
    }
  if (g_rand_int_range (rand, 0, 12) == 0)
    pm_supporter_set_paused_until (s, &on);
  if (g_rand_int_range (rand, 0, 5) == 0)
    pm_supporter_set_manager (s, "boss");
  pm_test_set_avail_supporter (s, pick (rand, avails, G_N_ELEMENTS (avails) - 1));
  return s;
}

static PmRequest *
random_request (GRand *rand, guint i, guint n_sup)
{
  g_autofree char *id = g_strdup_printf ("R%u", i);
  g_autofree char *person = NULL;
  g_autofree char *other
      = g_strdup_printf ("S%u", g_rand_int_range (rand, 0, (gint32)MAX (1u, n_sup)));
  PmRequest *r;
  g_auto (GStrv) topics = pick_set (rand, tags, G_N_ELEMENTS (tags), 0.3);
  g_auto (GStrv) lang = pick_set (rand, langs, G_N_ELEMENTS (langs), 0.4);
  guint u = g_rand_int_range (rand, 0, 20);

  /* now and then the seeker is a supporter */
  person = g_rand_int_range (rand, 0, 15) == 0 ? g_strdup (other) : g_strdup_printf ("P%u", i);
  r = pm_test_req_new (id, person);
  pm_request_set_region (r, pick (rand, regions, G_N_ELEMENTS (regions)));
  pm_request_set_service (r, g_rand_boolean (rand) ? "police" : "ambulance");
  if (g_rand_boolean (rand))
    pm_request_set_role (r, "frontline");
  pm_request_set_topics (r, (const char *const *)topics);
  pm_request_set_languages (r, (const char *const *)lang);
  pm_request_set_modes (r, pick_modes (rand));
  pm_request_set_service_pref (r, g_rand_int_range (rand, 0, 3));
  pm_request_set_urgency (r, u < 4    ? PM_URGENCY_PRIORITY
                             : u == 4 ? PM_URGENCY_CRISIS
                                      : PM_URGENCY_ROUTINE);
  if (g_rand_int_range (rand, 0, 8) == 0)
    pm_request_set_gender (r, g_rand_boolean (rand) ? "f" : "m");
  if (g_rand_int_range (rand, 0, 4) == 0)
    pm_request_set_team (r, g_rand_boolean (rand) ? "t1" : "t2");
  if (g_rand_int_range (rand, 0, 8) == 0)
    {
      g_autofree char *ex
          = g_strdup_printf ("S%u", g_rand_int_range (rand, 0, (gint32)MAX (1u, n_sup)));
      const char *list[] = { ex, NULL };
      pm_request_set_exclude (r, list);
    }
  if (g_rand_int_range (rand, 0, 8) == 0)
    pm_request_set_manager (r, g_rand_boolean (rand) ? "boss" : other);
  pm_test_set_avail_request (r, pick (rand, avails, G_N_ELEMENTS (avails)));
  return r;
}

/* A random network; supporters and requests are added in the order given by @perm_s and
 * @perm_r (NULL: natural order). */
static PmNetwork *
random_network (guint32 seed, guint n_sup, guint n_req, gboolean shuffle)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (PmPolicy) policy = pm_policy_new ();
  g_autoptr (GPtrArray) sups = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) reqs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GRand) order = g_rand_new_with_seed (seed ^ 0x5eed);
  PmNetwork *net;

  pm_policy_set_max_in_person_hops (policy, g_rand_int_range (rand, 0, 5));
  pm_policy_set_avoid_same_team (policy, g_rand_int_range (rand, 0, 4) != 0);
  if (g_rand_boolean (rand))
    pm_policy_set_weight (policy, PM_COMPONENT_LOAD, g_rand_double_range (rand, 0, 40));
  net = pm_test_network_new (policy);
  for (guint i = 0; i < n_sup; i++)
    g_ptr_array_add (sups, random_supporter (rand, i));
  for (guint i = 0; i < n_req; i++)
    g_ptr_array_add (reqs, random_request (rand, i, n_sup));
  for (guint pass = 0; shuffle && pass < 2; pass++)
    {
      GPtrArray *a = pass == 0 ? sups : reqs;
      for (guint i = a->len; i > 1; i--)
        {
          guint j = g_rand_int_range (order, 0, (gint32)i);
          gpointer t = a->pdata[i - 1];
          a->pdata[i - 1] = a->pdata[j];
          a->pdata[j] = t;
        }
    }
  for (guint i = 0; i < sups->len; i++)
    assert_true (pm_network_add_supporter (net, sups->pdata[i], NULL));
  for (guint i = 0; i < reqs->len; i++)
    if (!pm_network_add_request (net, reqs->pdata[i], NULL))
      {
        /* a random manager link closed a cycle or gave someone two managers: drop it */
        pm_request_set_manager (reqs->pdata[i], NULL);
        assert_true (pm_network_add_request (net, reqs->pdata[i], NULL));
      }
  return net;
}

/* Everything a writer could print, in order. */
static char *
describe (PmMatching *m)
{
  GString *out = g_string_new (NULL);
  char buf[32];

  g_string_append_printf (out, "total %s prio %u\n",
                          pm_double_format (pm_matching_get_total_score (m), buf),
                          pm_matching_get_n_matched_priority (m));
  for (guint i = 0; i < pm_matching_get_n_pairs (m); i++)
    {
      const PmPair *p = pm_matching_get_pair (m, i);

      g_string_append_printf (out, "pair %s %s %s %u %d", pm_pair_get_request_id (p),
                              pm_pair_get_supporter_id (p),
                              pm_double_format (pm_pair_get_score (p), buf),
                              pm_pair_get_overlap_minutes (p), pm_pair_get_hops (p));
      for (guint k = 0; k < PM_COMPONENT_N; k++)
        g_string_append_printf (out, " %s", pm_double_format (pm_pair_get_component (p, k), buf));
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < pm_matching_get_n_unmatched (m); i++)
    {
      g_string_append_printf (
          out, "unmatched %s %d %u", pm_matching_get_unmatched_request_id (m, i),
          pm_matching_get_unmatched_reason (m, i), pm_matching_get_unmatched_eligible (m, i));
      for (guint k = 0; k < PM_REASON_N; k++)
        g_string_append_printf (out, " %u", pm_matching_get_unmatched_excluded_count (m, i, k));
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < pm_matching_get_n_escalated (m); i++)
    g_string_append_printf (out, "escalated %s\n", pm_matching_get_escalated_request_id (m, i));
  return g_string_free (out, FALSE);
}

static void
assert_request_id_order (PmMatching *m)
{
  for (guint i = 1; i < pm_matching_get_n_pairs (m); i++)
    assert_true (strcmp (pm_pair_get_request_id (pm_matching_get_pair (m, i - 1)),
                         pm_pair_get_request_id (pm_matching_get_pair (m, i)))
                 < 0);
  for (guint i = 1; i < pm_matching_get_n_unmatched (m); i++)
    assert_true (strcmp (pm_matching_get_unmatched_request_id (m, i - 1),
                         pm_matching_get_unmatched_request_id (m, i))
                 < 0);
  for (guint i = 1; i < pm_matching_get_n_escalated (m); i++)
    assert_true (strcmp (pm_matching_get_escalated_request_id (m, i - 1),
                         pm_matching_get_escalated_request_id (m, i))
                 < 0);
}

static void
test_solve_deterministic (void **state)
{
  for (guint32 seed = 1; seed <= 12; seed++)
    {
      g_autoptr (PmNetwork) n1 = random_network (seed, 15, 40, FALSE);
      g_autoptr (PmNetwork) n2 = random_network (seed, 15, 40, TRUE);
      g_autoptr (PmMatcher) matcher = pm_matcher_new (n1, &on);
      g_autoptr (PmMatching) a = pm_matcher_solve (matcher, NULL, NULL);
      g_autoptr (PmMatching) b = pm_matcher_solve (matcher, NULL, NULL);
      g_autoptr (PmMatching) c = pm_test_solve (n2, &on);
      g_autofree char *da = describe (a);
      g_autofree char *db = describe (b);
      g_autofree char *dc = describe (c);

      assert_string_equal (da, db);
      assert_string_equal (da, dc);
      assert_request_id_order (a);
      assert_int_equal (pm_matching_get_n_pairs (a) + pm_matching_get_n_unmatched (a)
                            + pm_matching_get_n_escalated (a),
                        40);
    }
}

/* ---- an independent oracle: every assignment of small instances */

typedef struct
{
  guint n_req;
  guint n_sup;
  gboolean priority[8];
  guint n_options[8];
  guint option_sup[8][4];
  double option_score[8][4];
  guint slots[4];
  /* the best found: (priority count, count, total score), lexicographically */
  guint best_p, best_c;
  double best_s;
  gboolean found;
} Oracle;

static void
oracle_visit (Oracle *o, guint r, guint p, guint c, double s)
{
  if (r == o->n_req)
    {
      if (!o->found || p > o->best_p || (p == o->best_p && c > o->best_c)
          || (p == o->best_p && c == o->best_c && s > o->best_s))
        {
          o->found = TRUE;
          o->best_p = p;
          o->best_c = c;
          o->best_s = s;
        }
      return;
    }
  oracle_visit (o, r + 1, p, c, s);
  for (guint k = 0; k < o->n_options[r]; k++)
    {
      guint j = o->option_sup[r][k];

      if (o->slots[j] == 0)
        continue;
      o->slots[j]--;
      oracle_visit (o, r + 1, p + (o->priority[r] ? 1 : 0), c + 1, s + o->option_score[r][k]);
      o->slots[j]++;
    }
}

static guint
sup_index (PmNetwork *net, const char *id)
{
  for (guint j = 0; j < pm_network_get_n_supporters (net); j++)
    if (strcmp (pm_supporter_get_id (pm_network_get_supporter (net, j)), id) == 0)
      return j;
  fail_msg ("unknown supporter %s", id);
  return 0;
}

static guint
req_index (PmNetwork *net, const char *id)
{
  for (guint i = 0; i < pm_network_get_n_requests (net); i++)
    if (strcmp (pm_request_get_id (pm_network_get_request (net, i)), id) == 0)
      return i;
  fail_msg ("unknown request %s", id);
  return 0;
}

/* Rankings of every request: the oracle's options; checks the counts add up. */
static void
oracle_load (Oracle *o, PmNetwork *net, PmMatcher *matcher, PmRanking **rankings)
{
  o->n_req = pm_network_get_n_requests (net);
  o->n_sup = pm_network_get_n_supporters (net);
  for (guint j = 0; j < o->n_sup; j++)
    {
      PmSupporter *s = pm_network_get_supporter (net, j);
      guint cap = pm_supporter_get_capacity (s), load = pm_supporter_get_load (s);
      o->slots[j] = load < cap ? cap - load : 0;
    }
  for (guint i = 0; i < o->n_req; i++)
    {
      PmRequest *req = pm_network_get_request (net, i);
      PmRanking *ranking = pm_matcher_rank (matcher, pm_request_get_id (req), 0, NULL);
      guint total = pm_ranking_get_n_eligible (ranking);

      rankings[i] = ranking;
      o->priority[i] = pm_request_get_urgency (req) == PM_URGENCY_PRIORITY;
      o->n_options[i] = 0;
      if (pm_request_get_urgency (req) == PM_URGENCY_CRISIS)
        {
          assert_true (pm_ranking_get_escalated (ranking));
          continue;
        }
      for (guint k = 0; k < PM_REASON_N; k++)
        total += pm_ranking_get_excluded_count (ranking, k);
      assert_int_equal (total, o->n_sup);
      assert_int_equal (pm_ranking_get_n_candidates (ranking), pm_ranking_get_n_eligible (ranking));
      for (guint k = 0; k < pm_ranking_get_n_candidates (ranking); k++)
        {
          const PmPair *p = pm_ranking_get_candidate (ranking, k);
          o->option_sup[i][k] = sup_index (net, pm_pair_get_supporter_id (p));
          o->option_score[i][k] = pm_pair_get_score (p);
        }
      o->n_options[i] = pm_ranking_get_n_candidates (ranking);
    }
}

/* The solver's matching against the oracle and the rankings. */
static void
oracle_check (Oracle *o, PmNetwork *net, PmMatching *m, PmRanking **rankings)
{
  guint used[4] = { 0 }, p = 0;
  double s = 0.0;

  for (guint i = 0; i < pm_matching_get_n_pairs (m); i++)
    {
      const PmPair *pair = pm_matching_get_pair (m, i);
      guint r = req_index (net, pm_pair_get_request_id (pair));
      guint j = sup_index (net, pm_pair_get_supporter_id (pair));
      gboolean eligible = FALSE;

      for (guint k = 0; k < o->n_options[r]; k++)
        if (o->option_sup[r][k] == j && o->option_score[r][k] == pm_pair_get_score (pair))
          eligible = TRUE;
      assert_true (eligible);
      used[j]++;
      p += o->priority[r] ? 1 : 0;
      s += pm_pair_get_score (pair);
    }
  for (guint j = 0; j < o->n_sup; j++)
    assert_true (used[j] <= o->slots[j]);
  assert_int_equal (p, o->best_p);
  assert_int_equal (pm_matching_get_n_matched_priority (m), o->best_p);
  assert_int_equal (pm_matching_get_n_pairs (m), o->best_c);
  assert_close (s, o->best_s, 1e-6 * MAX (1u, o->best_c));
  for (guint i = 0; i < pm_matching_get_n_unmatched (m); i++)
    {
      PmRanking *ranking = rankings[req_index (net, pm_matching_get_unmatched_request_id (m, i))];
      guint eligible = pm_ranking_get_n_eligible (ranking);

      assert_int_equal (pm_matching_get_unmatched_eligible (m, i), eligible);
      assert_int_equal (pm_matching_get_unmatched_reason (m, i),
                        eligible == 0 ? PM_UNMATCHED_NO_ELIGIBLE_SUPPORTER
                                      : PM_UNMATCHED_CAPACITY_TAKEN);
      for (guint k = 0; k < PM_REASON_N; k++)
        assert_int_equal (pm_matching_get_unmatched_excluded_count (m, i, k),
                          pm_ranking_get_excluded_count (ranking, k));
    }
  for (guint i = 0; i < pm_matching_get_n_escalated (m); i++)
    assert_true (pm_ranking_get_escalated (
        rankings[req_index (net, pm_matching_get_escalated_request_id (m, i))]));
  assert_int_equal (pm_matching_get_n_pairs (m) + pm_matching_get_n_unmatched (m)
                        + pm_matching_get_n_escalated (m),
                    o->n_req);
  assert_request_id_order (m);
}

static void
test_solve_oracle (void **state)
{
  guint instances = 0, matched = 0, priority = 0;

  for (guint32 seed = 1000; seed < 1300; seed++)
    {
      g_autoptr (GRand) size = g_rand_new_with_seed (seed);
      guint n_sup = g_rand_int_range (size, 1, 5);
      guint n_req = g_rand_int_range (size, 1, 8);
      g_autoptr (PmNetwork) net = random_network (seed, n_sup, n_req, FALSE);
      g_autoptr (PmMatcher) matcher = pm_matcher_new (net, &on);
      g_autoptr (PmMatching) m = NULL;
      g_autoptr (GError) error = NULL;
      PmRanking *rankings[8] = { NULL };
      Oracle o = { 0 };

      oracle_load (&o, net, matcher, rankings);
      oracle_visit (&o, 0, 0, 0, 0.0);
      m = pm_matcher_solve (matcher, NULL, &error);
      assert_non_null (m);
      oracle_check (&o, net, m, rankings);
      /* With one candidate edge per request the solver must find the rest by pricing. */
      g_clear_object (&m);
      pm_matcher_set_top_k (matcher, 1);
      m = pm_matcher_solve (matcher, NULL, &error);
      assert_non_null (m);
      oracle_check (&o, net, m, rankings);
      instances++;
      matched += o.best_c;
      priority += o.best_p;
      for (guint i = 0; i < 8; i++)
        g_clear_object (&rankings[i]);
    }
  /* the instances are not trivial */
  assert_true (instances >= 200);
  assert_true (matched > instances / 2);
  assert_true (priority > instances / 10);
}

/* Bigger instances, beyond brute force: every k gives the same optimum. */
static void
test_solve_pricing (void **state)
{
  for (guint32 seed = 50; seed < 70; seed++)
    {
      g_autoptr (PmNetwork) net = random_network (seed, 25, 60, FALSE);
      g_autoptr (PmMatcher) matcher = pm_matcher_new (net, &on);
      g_autoptr (PmMatching) full = NULL;

      pm_matcher_set_top_k (matcher, 1000);
      full = pm_matcher_solve (matcher, NULL, NULL);
      assert_non_null (full);
      for (guint k = 1; k <= 4; k++)
        {
          g_autoptr (PmMatching) m = NULL;

          pm_matcher_set_top_k (matcher, k);
          m = pm_matcher_solve (matcher, NULL, NULL);
          assert_non_null (m);
          assert_int_equal (pm_matching_get_n_matched_priority (m),
                            pm_matching_get_n_matched_priority (full));
          assert_int_equal (pm_matching_get_n_pairs (m), pm_matching_get_n_pairs (full));
          assert_close (pm_matching_get_total_score (m), pm_matching_get_total_score (full),
                        1e-6 * MAX (1u, pm_matching_get_n_pairs (m)));
        }
    }
}

/* ---- the batch's fast pair checks and scores against the pair-by-pair path */

static void
test_quantise (void **state)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 200000; i++)
    {
      double score;

      switch (i % 4)
        {
          case 0: /* anywhere in a score's range */
            score = g_rand_double_range (rand, -100.0, 6000.0);
            break;
          case 1: /* exactly on, or one ulp either side of, a half micro-point */
            score = ((double)g_rand_int_range (rand, -1000000, 100000000) + 0.5) / 1e6;
            score = nextafter (score, g_rand_boolean (rand) ? 1e300 : -1e300);
            break;
          case 2:
            score = ((double)g_rand_int_range (rand, -1000000, 100000000) + 0.5) / 1e6;
            break;
          default: /* tiny ones */
            score = g_rand_double_range (rand, -2e-6, 2e-6);
            break;
        }
      if (pm_match_quantise (score, G_MININT64, G_MAXINT64) != llround (score * 1e6))
        fail_msg ("quantise (%.17g) = %" G_GINT64_FORMAT ", llround gives %lld", score,
                  pm_match_quantise (score, G_MININT64, G_MAXINT64), llround (score * 1e6));
    }
  /* the clamp */
  assert_int_equal (pm_match_quantise (-1.0, 0, 100), 0);
  assert_int_equal (pm_match_quantise (1.0, 0, 100), 100);
  assert_int_equal (pm_match_quantise (0.0000494, 0, 100), 49);
}

/* Many topics and languages, so the sets take more than one 64-bit word. */
static void
add_wide_sets (PmNetwork *net, GRand *rand)
{
  for (guint i = 0; i < pm_network_get_n_supporters (net); i++)
    {
      PmSupporter *s = pm_network_get_supporter (net, i);
      g_autoptr (GPtrArray) exp = g_ptr_array_new_null_terminated (0, g_free, TRUE);
      g_autoptr (GPtrArray) lang = g_ptr_array_new_null_terminated (0, g_free, TRUE);

      for (guint k = 0; k < 150; k++)
        {
          if (g_rand_int_range (rand, 0, 10) == 0)
            g_ptr_array_add (exp, g_strdup_printf ("tag%u", k));
          if (g_rand_int_range (rand, 0, 40) == 0)
            g_ptr_array_add (lang, g_strdup_printf ("lang%u", k));
        }
      pm_supporter_set_experience (s, (const char *const *)exp->pdata);
      pm_supporter_set_languages (s, (const char *const *)lang->pdata);
    }
  for (guint i = 0; i < pm_network_get_n_requests (net); i++)
    {
      PmRequest *r = pm_network_get_request (net, i);
      g_autoptr (GPtrArray) topics = g_ptr_array_new_null_terminated (0, g_free, TRUE);
      g_autoptr (GPtrArray) lang = g_ptr_array_new_null_terminated (0, g_free, TRUE);

      for (guint k = 0; k < 150; k++)
        {
          if (g_rand_int_range (rand, 0, 12) == 0)
            g_ptr_array_add (topics, g_strdup_printf ("tag%u", k));
          if (g_rand_int_range (rand, 0, 8) == 0)
            g_ptr_array_add (lang, g_strdup_printf ("lang%u", k));
        }
      pm_request_set_topics (r, (const char *const *)topics->pdata);
      pm_request_set_languages (r, (const char *const *)lang->pdata);
    }
}

/* The fast scan and the pricing look-up against pm_match_check() and llround on every
 * pair: the same verdicts and the same micro-point scores, bit for bit. */
static void
check_scan (PmNetwork *net, guint variant)
{
  g_autoptr (PmMatchCompiled) c = pm_match_compiled_new (net, &on);
  g_autoptr (PmMatchScan) scan = NULL;
  g_autofree guint *act = g_new (guint, MAX (1u, c->n_sup));
  g_autofree guint *cols = NULL;
  g_autofree gint64 *qs = NULL;
  guint n_act = 0;
  gint64 q_min, q_max;
  double lo = 0.0, hi = 0.0;

  /* Odd policies only the compiled form can express. */
  if (variant == 1)
    c->full_overlap = 0;
  if (variant == 2)
    {
      c->weight[PM_COMPONENT_REGION] = -7.25;
      c->weight[PM_COMPONENT_TOPICS] = 1.0 / 3.0;
      c->full_overlap = 11000; /* beyond a week: never full */
      c->min_overlap = 0;
    }
  if (variant == 3)
    {
      /* no hop or overlap tables: everything asked of the tree and the availabilities */
      g_clear_pointer (&c->hops, g_free);
      g_clear_pointer (&c->overlap, g_free);
    }
  for (guint k = 0; k < PM_COMPONENT_N; k++)
    {
      lo += MIN (0.0, c->weight[k]);
      hi += MAX (0.0, c->weight[k]);
    }
  q_min = llround (lo * 1e6);
  q_max = llround (hi * 1e6);
  for (guint s = 0; s < c->n_sup; s++)
    if (c->s_static[s] == PM_REASON_N)
      act[n_act++] = s;
  scan = pm_match_scan_new (c, act, n_act, q_min, q_max);
  cols = g_new (guint, MAX (1u, n_act));
  qs = g_new (gint64, MAX (1u, n_act));
  for (guint r = 0; r < c->n_req; r++)
    {
      guint n = pm_match_scan_request (scan, r, cols, qs), i = 0;

      for (guint col = 0; col < n_act; col++)
        {
          PmMatchEval eval;
          gboolean ok = pm_match_check (c, r, act[col], &eval) == PM_REASON_N;
          gint64 q = 0, want = ok ? CLAMP (llround (eval.score * 1e6), q_min, q_max) : 0;

          if (ok)
            {
              assert_true (i < n);
              assert_int_equal (cols[i], col);
              assert_int_equal (qs[i], want);
              i++;
            }
          /* pricing: the direct look-ups first, then the request's rows */
          assert_int_equal (pm_match_scan_pair (scan, r, col, &q), ok);
          if (ok)
            assert_int_equal (q, want);
        }
      assert_int_equal (i, n);
    }
  /* pricing jumping between requests */
  for (guint k = 0; k < 4 * n_act && c->n_req > 0; k++)
    {
      guint r = (k * 7919u) % c->n_req, col = k % MAX (1u, n_act);
      PmMatchEval eval;
      gint64 q = 0;
      gboolean ok;

      if (n_act == 0)
        break;
      ok = pm_match_check (c, r, act[col], &eval) == PM_REASON_N;
      assert_int_equal (pm_match_scan_pair (scan, r, col, &q), ok);
      if (ok)
        assert_int_equal (q, CLAMP (llround (eval.score * 1e6), q_min, q_max));
    }
}

static void
test_scan_matches_pairwise (void **state)
{
  for (guint32 seed = 300; seed < 330; seed++)
    {
      g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr (PmNetwork) net = random_network (seed, 40, 90, FALSE);
      PmPolicy *policy = pm_network_get_policy (net);

      /* seekers above supporters in line management too ("boss" manages some) */
      pm_test_add_req (net, pm_test_req_new ("RB1", "boss"));
      pm_test_add_req (net, pm_test_req_new ("RB2", "boss"));
      if (seed % 3 == 0)
        add_wide_sets (net, rand);
      for (guint k = 0; k < PM_COMPONENT_N; k++)
        if (g_rand_boolean (rand))
          pm_policy_set_weight (policy, k, g_rand_double_range (rand, 0.0, 50.0));
      pm_policy_set_full_overlap_minutes (policy, g_rand_int_range (rand, 1, 400));
      pm_policy_set_min_overlap_minutes (policy, g_rand_int_range (rand, 0, 200));
      check_scan (net, seed % 4);
    }
}

/* ---- the unmatched requests' counts against pm_matcher_rank()'s, rule by rule */

/* Every unmatched request, whatever its reason, charges every supporter that is not
 * eligible to its first failing rule: the counts add up to the number of supporters and
 * are the ranking's own (which checks each pair in the spec's order). */
static void
check_unmatched_counts (PmNetwork *net, guint k, guint *n_capacity_taken)
{
  g_autoptr (PmMatcher) matcher = pm_matcher_new (net, &on);
  g_autoptr (PmMatching) m = NULL;
  guint n_sup = pm_network_get_n_supporters (net);

  pm_matcher_set_top_k (matcher, k);
  m = pm_matcher_solve (matcher, NULL, NULL);
  assert_non_null (m);
  for (guint i = 0; i < pm_matching_get_n_unmatched (m); i++)
    {
      const char *id = pm_matching_get_unmatched_request_id (m, i);
      g_autoptr (PmRanking) ranking = pm_matcher_rank (matcher, id, 0, NULL);
      guint total = pm_matching_get_unmatched_eligible (m, i);

      assert_int_equal (pm_matching_get_unmatched_eligible (m, i),
                        pm_ranking_get_n_eligible (ranking));
      for (guint r = 0; r < PM_REASON_N; r++)
        {
          if (pm_matching_get_unmatched_excluded_count (m, i, r)
              != pm_ranking_get_excluded_count (ranking, r))
            fail_msg ("%s: %s counted %u, rank says %u", id, pm_reason_to_string (r),
                      pm_matching_get_unmatched_excluded_count (m, i, r),
                      pm_ranking_get_excluded_count (ranking, r));
          total += pm_matching_get_unmatched_excluded_count (m, i, r);
        }
      assert_int_equal (total, n_sup);
      if (pm_matching_get_unmatched_reason (m, i) == PM_UNMATCHED_CAPACITY_TAKEN)
        (*n_capacity_taken)++;
    }
}

static void
test_unmatched_counts (void **state)
{
  guint capacity_taken = 0;

  for (guint32 seed = 500; seed < 540; seed++)
    {
      g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr (PmNetwork) net = random_network (seed, 30, 120, seed % 2 == 0);
      PmSupporter *boss = pm_test_sup_new ("boss");
      PmSupporter *top = pm_test_sup_new ("bigboss");
      g_autofree char *mid = g_strdup_printf ("S%u", g_rand_int_range (rand, 0, 30));
      PmRequest *r;

      /* line management over several levels, both ways: "boss" (above a fifth of the
       * supporters) and the one above it are supporters too, and seek support */
      pm_supporter_set_manager (boss, "bigboss");
      pm_supporter_set_team (boss, "t1");
      if (seed % 3 == 0)
        pm_supporter_set_load (top, 2); /* inactive: rules 1 to 4 still come first */
      pm_test_add_sup (net, boss);
      pm_test_add_sup (net, top);
      pm_test_add_req (net, pm_test_req_new ("RB1", "boss"));
      pm_test_add_req (net, pm_test_req_new ("RB2", "bigboss"));
      r = pm_test_req_new ("RB3", "P-under");
      pm_request_set_manager (r, mid);
      pm_request_set_team (r, "t2");
      pm_test_add_req (net, r);
      if (seed % 5 == 0)
        add_wide_sets (net, rand);
      check_unmatched_counts (net, 1 + seed % 3, &capacity_taken);
    }
  /* the instances leave requests unmatched for want of capacity */
  assert_true (capacity_taken > 100);
}
int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_solve_deterministic),
    cmocka_unit_test (test_solve_oracle),
    cmocka_unit_test (test_solve_pricing),
    cmocka_unit_test (test_unmatched_counts),
    cmocka_unit_test (test_quantise),
    cmocka_unit_test (test_scan_matches_pairwise),
  };

  pm_test_set_date (&on, "2026-12-01");
  return cmocka_run_group_tests (tests, NULL, NULL);
}
