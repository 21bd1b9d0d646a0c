/* peermatch tests: the matching engine (rules, score, rank, exact batch matching).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-test-network.h"
#include "pm-match-private.h"

#include <string.h>

static GDate on;

/* ---- asking about one request (networks are built with pm-test-network.h) */

static PmRanking *
rank (PmNetwork *net, const char *request_id, guint top)
{
  g_autoptr (PmMatcher) m = pm_matcher_new (net, &on);
  g_autoptr (GError) error = NULL;
  PmRanking *ranking = pm_matcher_rank (m, request_id, top, &error);

  assert_non_null (ranking);
  assert_null (error);
  return ranking;
}

/* The one reason the network's only supporter is charged to for request R, or PM_REASON_N
 * when eligible. */
static PmReason
single_reason (PmNetwork *net)
{
  g_autoptr (PmRanking) ranking = rank (net, "R", 0);
  PmReason found = PM_REASON_N;
  guint total = pm_ranking_get_n_eligible (ranking);

  for (guint k = 0; k < PM_REASON_N; k++)
    if (pm_ranking_get_excluded_count (ranking, k) > 0)
      {
        total += pm_ranking_get_excluded_count (ranking, k);
        found = k;
      }
  assert_int_equal (total, 1);
  assert_int_equal (pm_ranking_get_n_candidates (ranking), found == PM_REASON_N ? 1 : 0);
  return found;
}

static PmReason
pair_reason (PmSupporter *s, PmRequest *r, PmPolicy *policy)
{
  g_autoptr (PmNetwork) net = pm_test_network_new (policy);

  pm_test_add_sup (net, s);
  pm_test_add_req (net, r);
  return single_reason (net);
}

/* ---- one test per rule */

static void
test_rule_self (void **state)
{
  assert_int_equal (pair_reason (pm_test_sup_new ("S"), pm_test_req_new ("R", "S"), NULL),
                    PM_REASON_SELF);
  assert_int_equal (pair_reason (pm_test_sup_new ("S"), pm_test_req_new ("R", "P"), NULL),
                    PM_REASON_N);
  /* Ids are exact, not tokens. */
  assert_int_equal (pair_reason (pm_test_sup_new ("S"), pm_test_req_new ("R", "s"), NULL),
                    PM_REASON_N);
}

static void
test_rule_excluded (void **state)
{
  const char *ex[] = { "X", "S", NULL };
  const char *other[] = { "X", "s", NULL };
  PmRequest *r = pm_test_req_new ("R", "P");

  pm_request_set_exclude (r, ex);
  assert_int_equal (pair_reason (pm_test_sup_new ("S"), r, NULL), PM_REASON_EXCLUDED);
  r = pm_test_req_new ("R", "P");
  pm_request_set_exclude (r, other);
  assert_int_equal (pair_reason (pm_test_sup_new ("S"), r, NULL), PM_REASON_N);
}

static void
test_rule_line_management (void **state)
{
  PmRequest *r = pm_test_req_new ("R", "P");
  PmSupporter *s = pm_test_sup_new ("S");
  g_autoptr (PmNetwork) net = pm_test_network_new (NULL);
  g_autoptr (GError) error = NULL;

  /* The supporter manages the seeker directly. */
  pm_request_set_manager (r, "S");
  assert_int_equal (pair_reason (pm_test_sup_new ("S"), r, NULL), PM_REASON_LINE_MANAGEMENT);
  /* The seeker manages the supporter. */
  pm_supporter_set_manager (s, "P");
  assert_int_equal (pair_reason (s, pm_test_req_new ("R", "P"), NULL), PM_REASON_LINE_MANAGEMENT);
  /* Three levels up, through people who are neither, via the org chart. */
  assert_true (pm_org_chart_add (pm_network_get_org_chart (net), "M1", "M2", &error));
  assert_true (pm_org_chart_add (pm_network_get_org_chart (net), "M2", "S", &error));
  r = pm_test_req_new ("R", "P");
  pm_request_set_manager (r, "M1");
  pm_test_add_sup (net, pm_test_sup_new ("S"));
  pm_test_add_req (net, r);
  assert_int_equal (single_reason (net), PM_REASON_LINE_MANAGEMENT);
  /* Sharing a manager is not line management. */
  s = pm_test_sup_new ("S");
  pm_supporter_set_manager (s, "M");
  r = pm_test_req_new ("R", "P");
  pm_request_set_manager (r, "M");
  assert_int_equal (pair_reason (s, r, NULL), PM_REASON_N);
}

static void
test_rule_same_team (void **state)
{
  g_autoptr (PmPolicy) lenient = pm_policy_new ();
  PmSupporter *s = pm_test_sup_new ("S");
  PmRequest *r = pm_test_req_new ("R", "P");

  pm_supporter_set_team (s, "watch-3");
  pm_request_set_team (r, "watch-3");
  assert_int_equal (pair_reason (s, r, NULL), PM_REASON_SAME_TEAM);
  s = pm_test_sup_new ("S");
  r = pm_test_req_new ("R", "P");
  pm_supporter_set_team (s, "watch-3");
  pm_request_set_team (r, "watch-3");
  pm_policy_set_avoid_same_team (lenient, FALSE);
  assert_int_equal (pair_reason (s, r, lenient), PM_REASON_N);
  /* Only one side set: no conflict. */
  s = pm_test_sup_new ("S");
  pm_supporter_set_team (s, "watch-3");
  assert_int_equal (pair_reason (s, pm_test_req_new ("R", "P"), NULL), PM_REASON_N);
}

static void
test_rule_training_expired (void **state)
{
  PmSupporter *s = pm_test_sup_new ("S");
  GDate d;

  pm_test_set_date (&d, "2026-11-30");
  pm_supporter_set_trained_until (s, &d);
  assert_int_equal (pair_reason (s, pm_test_req_new ("R", "P"), NULL), PM_REASON_TRAINING_EXPIRED);
  /* trained_until is the last day the training is current. */
  s = pm_test_sup_new ("S");
  pm_supporter_set_trained_until (s, &on);
  assert_int_equal (pair_reason (s, pm_test_req_new ("R", "P"), NULL), PM_REASON_N);
}

static void
test_rule_paused (void **state)
{
  PmSupporter *s = pm_test_sup_new ("S");
  GDate d;

  pm_supporter_set_paused_until (s, &on);
  assert_int_equal (pair_reason (s, pm_test_req_new ("R", "P"), NULL), PM_REASON_PAUSED);
  s = pm_test_sup_new ("S");
  pm_test_set_date (&d, "2027-03-01");
  pm_supporter_set_paused_until (s, &d);
  assert_int_equal (pair_reason (s, pm_test_req_new ("R", "P"), NULL), PM_REASON_PAUSED);
  s = pm_test_sup_new ("S");
  pm_test_set_date (&d, "2026-11-30");
  pm_supporter_set_paused_until (s, &d);
  assert_int_equal (pair_reason (s, pm_test_req_new ("R", "P"), NULL), PM_REASON_N);
}

static void
test_rule_no_capacity (void **state)
{
  PmSupporter *s = pm_test_sup_new ("S");

  pm_supporter_set_load (s, 2);
  assert_int_equal (pair_reason (s, pm_test_req_new ("R", "P"), NULL), PM_REASON_NO_CAPACITY);
  s = pm_test_sup_new ("S");
  pm_supporter_set_capacity (s, 0);
  assert_int_equal (pair_reason (s, pm_test_req_new ("R", "P"), NULL), PM_REASON_NO_CAPACITY);
  s = pm_test_sup_new ("S");
  pm_supporter_set_load (s, 1);
  assert_int_equal (pair_reason (s, pm_test_req_new ("R", "P"), NULL), PM_REASON_N);
}

static void
test_rule_gender (void **state)
{
  PmSupporter *s = pm_test_sup_new ("S");
  PmRequest *r = pm_test_req_new ("R", "P");

  pm_supporter_set_gender (s, "male");
  pm_request_set_gender (r, "female");
  assert_int_equal (pair_reason (s, r, NULL), PM_REASON_GENDER);
  /* A supporter who gave no gender does not meet a gender request. */
  r = pm_test_req_new ("R", "P");
  pm_request_set_gender (r, "female");
  assert_int_equal (pair_reason (pm_test_sup_new ("S"), r, NULL), PM_REASON_GENDER);
  /* Tokens: case and spaces do not matter. */
  s = pm_test_sup_new ("S");
  pm_supporter_set_gender (s, "Female ");
  r = pm_test_req_new ("R", "P");
  pm_request_set_gender (r, "female");
  assert_int_equal (pair_reason (s, r, NULL), PM_REASON_N);
  /* No request: any gender. */
  s = pm_test_sup_new ("S");
  pm_supporter_set_gender (s, "male");
  assert_int_equal (pair_reason (s, pm_test_req_new ("R", "P"), NULL), PM_REASON_N);
}

static void
test_rule_language (void **state)
{
  const char *cy[] = { "cy", NULL };
  const char *en_pl[] = { "EN", "pl", NULL };
  const char *pl_ur[] = { "ur", "pl", NULL };
  PmRequest *r = pm_test_req_new ("R", "P");
  PmSupporter *s;

  pm_request_set_languages (r, cy);
  assert_int_equal (pair_reason (pm_test_sup_new ("S"), r, NULL), PM_REASON_LANGUAGE);
  s = pm_test_sup_new ("S");
  pm_supporter_set_languages (s, en_pl);
  r = pm_test_req_new ("R", "P");
  pm_request_set_languages (r, pl_ur);
  assert_int_equal (pair_reason (s, r, NULL), PM_REASON_N);
}

static void
test_rule_mode (void **state)
{
  PmSupporter *s = pm_test_sup_new ("S");
  PmRequest *r = pm_test_req_new ("R", "P");

  pm_supporter_set_modes (s, PM_MODES_VIDEO);
  pm_request_set_modes (r, PM_MODES_PHONE | PM_MODES_IN_PERSON);
  assert_int_equal (pair_reason (s, r, NULL), PM_REASON_MODE);
  s = pm_test_sup_new ("S");
  r = pm_test_req_new ("R", "P");
  pm_supporter_set_modes (s, PM_MODES_VIDEO | PM_MODES_PHONE);
  pm_request_set_modes (r, PM_MODES_PHONE);
  assert_int_equal (pair_reason (s, r, NULL), PM_REASON_N);
}

static PmReason
distance_reason (const char *sup_region, PmModes sup_modes, PmModes req_modes, PmPolicy *policy)
{
  PmSupporter *s = pm_test_sup_new ("S");
  PmRequest *r = pm_test_req_new ("R", "P");

  pm_supporter_set_region (s, sup_region);
  pm_supporter_set_modes (s, sup_modes);
  pm_request_set_modes (r, req_modes);
  return pair_reason (s, r, policy);
}

static void
test_rule_distance (void **state)
{
  g_autoptr (PmPolicy) far = pm_policy_new ();

  /* a to c is 4 hops, beyond the default 2 */
  assert_int_equal (distance_reason ("c", PM_MODES_IN_PERSON, PM_MODES_ALL, NULL),
                    PM_REASON_DISTANCE);
  assert_int_equal (distance_reason ("c", PM_MODES_ALL, PM_MODES_IN_PERSON, NULL),
                    PM_REASON_DISTANCE);
  /* a to b is 2 hops: allowed */
  assert_int_equal (distance_reason ("b", PM_MODES_IN_PERSON, PM_MODES_ALL, NULL), PM_REASON_N);
  /* another root is infinitely far */
  assert_int_equal (distance_reason ("i1", PM_MODES_IN_PERSON, PM_MODES_ALL, NULL),
                    PM_REASON_DISTANCE);
  /* ... unless they can also talk by phone */
  assert_int_equal (distance_reason ("i1", PM_MODES_ALL, PM_MODES_ALL, NULL), PM_REASON_N);
  assert_int_equal (distance_reason ("c", PM_MODES_IN_PERSON | PM_MODES_VIDEO,
                                     PM_MODES_IN_PERSON | PM_MODES_VIDEO, NULL),
                    PM_REASON_N);
  pm_policy_set_max_in_person_hops (far, 4);
  assert_int_equal (distance_reason ("c", PM_MODES_IN_PERSON, PM_MODES_ALL, far), PM_REASON_N);
  pm_policy_set_max_in_person_hops (far, 3);
  assert_int_equal (distance_reason ("c", PM_MODES_IN_PERSON, PM_MODES_ALL, far),
                    PM_REASON_DISTANCE);
}

static void
test_rule_availability (void **state)
{
  PmRequest *r = pm_test_req_new ("R", "P");
  g_autoptr (PmPolicy) strict = pm_policy_new ();

  pm_test_set_avail_request (r, "mon 07:00-08:59"); /* 59 minutes with 08:00-20:00 */
  assert_int_equal (pair_reason (pm_test_sup_new ("S"), r, NULL), PM_REASON_AVAILABILITY);
  r = pm_test_req_new ("R", "P");
  pm_test_set_avail_request (r, "mon 07:00-09:00"); /* exactly 60 */
  assert_int_equal (pair_reason (pm_test_sup_new ("S"), r, NULL), PM_REASON_N);
  r = pm_test_req_new ("R", "P");
  pm_test_set_avail_request (r, "");
  assert_int_equal (pair_reason (pm_test_sup_new ("S"), r, NULL), PM_REASON_AVAILABILITY);
  r = pm_test_req_new ("R", "P");
  pm_test_set_avail_request (r, "sat-sun 19:00-21:00"); /* 2 x 60 */
  pm_policy_set_min_overlap_minutes (strict, 121);
  assert_int_equal (pair_reason (pm_test_sup_new ("S"), r, strict), PM_REASON_AVAILABILITY);
}

/* ---- rule order and counts */

/* A supporter failing every rule from 2 to 12 for request R (person P). */
static PmSupporter *
sup_failing_all (const char *id)
{
  PmSupporter *s = pm_test_sup_new (id);
  GDate d;

  pm_supporter_set_manager (s, "P");
  pm_supporter_set_team (s, "t");
  pm_test_set_date (&d, "2020-01-01");
  pm_supporter_set_trained_until (s, &d);
  pm_supporter_set_paused_until (s, &on);
  pm_supporter_set_load (s, 2);
  pm_supporter_set_gender (s, "m");
  pm_supporter_set_modes (s, PM_MODES_VIDEO);
  pm_supporter_set_region (s, "c");
  pm_test_set_avail_supporter (s, "sun 23:00-23:30");
  return s;
}

static PmRequest *
req_failing_all (const char *id, const char *person, const char *excluded)
{
  const char *ex[] = { excluded, NULL };
  const char *cy[] = { "cy", NULL };
  PmRequest *r = pm_test_req_new (id, person);

  pm_request_set_exclude (r, ex);
  pm_request_set_team (r, "t");
  pm_request_set_gender (r, "f");
  pm_request_set_languages (r, cy);
  pm_request_set_modes (r, PM_MODES_IN_PERSON | PM_MODES_PHONE);
  return r;
}

static void
test_rule_order (void **state)
{
  static const PmReason expected[] = {
    PM_REASON_EXCLUDED,         PM_REASON_LINE_MANAGEMENT, PM_REASON_SAME_TEAM,
    PM_REASON_TRAINING_EXPIRED, PM_REASON_PAUSED,          PM_REASON_NO_CAPACITY,
    PM_REASON_GENDER,           PM_REASON_LANGUAGE,        PM_REASON_MODE,
    PM_REASON_DISTANCE,         PM_REASON_AVAILABILITY,    PM_REASON_N,
  };
  GDate d;

  /* Self comes first even when everything else fails too. */
  {
    PmSupporter *s = sup_failing_all ("P");
    pm_supporter_set_manager (s, NULL);
    assert_int_equal (pair_reason (s, req_failing_all ("R", "P", "P"), NULL), PM_REASON_SELF);
  }
  /* Repair the first failing rule, one at a time: the charge moves to the next. */
  for (guint fixed = 0; fixed < G_N_ELEMENTS (expected); fixed++)
    {
      PmSupporter *s = sup_failing_all ("S");
      PmRequest *r = req_failing_all ("R", "P", fixed >= 1 ? "nobody" : "S");
      const char *en[] = { "en", NULL };

      if (fixed >= 2)
        pm_supporter_set_manager (s, NULL);
      if (fixed >= 3)
        pm_request_set_team (r, NULL);
      if (fixed >= 4)
        {
          pm_test_set_date (&d, "2030-01-01");
          pm_supporter_set_trained_until (s, &d);
        }
      if (fixed >= 5)
        pm_supporter_set_paused_until (s, NULL);
      if (fixed >= 6)
        pm_supporter_set_load (s, 0);
      if (fixed >= 7)
        pm_supporter_set_gender (s, "F");
      if (fixed >= 8)
        pm_request_set_languages (r, en);
      if (fixed >= 9)
        pm_supporter_set_modes (s, PM_MODES_IN_PERSON | PM_MODES_VIDEO); /* in person only */
      if (fixed >= 10)
        pm_supporter_set_region (s, "north");
      if (fixed >= 11)
        pm_test_set_avail_supporter (s, "daily 00:00-24:00");
      assert_int_equal (pair_reason (s, r, NULL), expected[fixed]);
    }
}

static void
test_counts_add_up (void **state)
{
  g_autoptr (PmNetwork) net = pm_test_network_new (NULL);
  g_autoptr (PmRanking) ranking = NULL;
  guint total;
  GDate d;
  PmSupporter *s;
  const char *ex[] = { "s02", NULL };
  PmRequest *r = pm_test_req_new ("R", "P");

  pm_request_set_exclude (r, ex);
  pm_request_set_team (r, "t");
  pm_request_set_gender (r, "f");
  pm_request_set_manager (r, "s03");
  pm_request_set_modes (r, PM_MODES_IN_PERSON | PM_MODES_PHONE);
  pm_test_add_req (net, r);
  /* one supporter failing each rule, in order, then four eligible ones */
  s = pm_test_sup_new ("P");
  pm_supporter_set_gender (s, "f");
  pm_test_add_sup (net, s);
  s = pm_test_sup_new ("s02");
  pm_supporter_set_gender (s, "f");
  pm_test_add_sup (net, s);
  s = pm_test_sup_new ("s03");
  pm_supporter_set_gender (s, "f");
  pm_test_add_sup (net, s);
  s = pm_test_sup_new ("s04");
  pm_supporter_set_gender (s, "f");
  pm_supporter_set_team (s, "t");
  pm_test_add_sup (net, s);
  s = pm_test_sup_new ("s05");
  pm_supporter_set_gender (s, "f");
  pm_test_set_date (&d, "2026-01-01");
  pm_supporter_set_trained_until (s, &d);
  pm_test_add_sup (net, s);
  s = pm_test_sup_new ("s06");
  pm_supporter_set_gender (s, "f");
  pm_supporter_set_paused_until (s, &on);
  pm_test_add_sup (net, s);
  s = pm_test_sup_new ("s07");
  pm_supporter_set_gender (s, "f");
  pm_supporter_set_capacity (s, 0);
  pm_test_add_sup (net, s);
  pm_test_add_sup (net, pm_test_sup_new ("s08")); /* no gender */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("s1%u", i);
      const char *pl[] = { "pl", NULL };

      s = pm_test_sup_new (id);
      pm_supporter_set_gender (s, "f");
      if (i == 0)
        pm_supporter_set_languages (s, pl);
      else if (i == 1)
        pm_supporter_set_modes (s, PM_MODES_VIDEO);
      else
        pm_test_set_avail_supporter (s, "");
      pm_test_add_sup (net, s);
    }
  s = pm_test_sup_new ("s20");
  pm_supporter_set_gender (s, "f");
  pm_supporter_set_modes (s, PM_MODES_IN_PERSON);
  pm_supporter_set_region (s, "i1");
  pm_test_add_sup (net, s);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("s3%u", i);
      s = pm_test_sup_new (id);
      pm_supporter_set_gender (s, "f");
      pm_test_add_sup (net, s);
    }
  ranking = rank (net, "R", 0);
  total = pm_ranking_get_n_eligible (ranking);
  for (guint k = 0; k < PM_REASON_N; k++)
    {
      total += pm_ranking_get_excluded_count (ranking, k);
      /* one supporter per rule, except gender: s08 */
      assert_int_equal (pm_ranking_get_excluded_count (ranking, k), 1);
    }
  assert_int_equal (pm_ranking_get_n_eligible (ranking), 4);
  assert_int_equal (total, pm_network_get_n_supporters (net));
}

static void
test_crisis (void **state)
{
  g_autoptr (PmNetwork) net = pm_test_network_new (NULL);
  g_autoptr (PmRanking) ranking = NULL;
  g_autoptr (PmMatching) matching = NULL;
  PmRequest *r = pm_test_req_new ("R", "P");

  pm_request_set_urgency (r, PM_URGENCY_CRISIS);
  pm_test_add_req (net, r);
  pm_test_add_req (net, pm_test_req_new ("R2", "Q"));
  pm_test_add_sup (net, pm_test_sup_new ("S"));
  ranking = rank (net, "R", 0);
  assert_true (pm_ranking_get_escalated (ranking));
  assert_int_equal (pm_ranking_get_n_candidates (ranking), 0);
  assert_int_equal (pm_ranking_get_n_eligible (ranking), 0);
  for (guint k = 0; k < PM_REASON_N; k++)
    assert_int_equal (pm_ranking_get_excluded_count (ranking, k), 0);
  matching = pm_test_solve (net, &on);
  assert_int_equal (pm_matching_get_n_requests (matching), 2);
  assert_int_equal (pm_matching_get_n_escalated (matching), 1);
  assert_string_equal (pm_matching_get_escalated_request_id (matching, 0), "R");
  assert_int_equal (pm_matching_get_n_pairs (matching), 1);
  assert_string_equal (pm_pair_get_request_id (pm_matching_get_pair (matching, 0)), "R2");
  assert_int_equal (pm_matching_get_n_unmatched (matching), 0);
}

/* ---- score */

static const PmPair *
only_candidate (PmRanking *ranking)
{
  assert_int_equal (pm_ranking_get_n_candidates (ranking), 1);
  return pm_ranking_get_candidate (ranking, 0);
}

static void
assert_components_sum (const PmPair *pair)
{
  double sum = 0.0;

  for (guint k = 0; k < PM_COMPONENT_N; k++)
    sum += pm_pair_get_component (pair, k);
  /* summed in component order, exactly as the engine does */
  assert_true (sum == pm_pair_get_score (pair));
}

static PmNetwork *
score_network (PmPolicy *policy)
{
  PmNetwork *net = pm_test_network_new (policy);
  const char *topics[] = { "ptsd", "Trauma", "bereavement", NULL };
  const char *exp[] = { "PTSD", "trauma", "family", NULL };
  PmSupporter *s = pm_test_sup_new ("S");
  PmRequest *r = pm_test_req_new ("R", "P");

  pm_request_set_topics (r, topics);
  pm_supporter_set_experience (s, exp);
  pm_supporter_set_region (s, "b");
  pm_request_set_service_pref (r, PM_SERVICE_PREF_SAME);
  pm_test_set_avail_request (r, "mon 08:00-09:30");
  pm_request_set_role (r, "frontline");
  pm_supporter_set_role (s, "Frontline");
  pm_supporter_set_capacity (s, 4);
  pm_supporter_set_load (s, 1);
  pm_test_add_sup (net, s);
  pm_test_add_req (net, r);
  return net;
}

static void
test_score_components (void **state)
{
  g_autoptr (PmNetwork) net = score_network (NULL);
  g_autoptr (PmRanking) ranking = rank (net, "R", 0);
  const PmPair *p = only_candidate (ranking);

  assert_close (pm_pair_get_component (p, PM_COMPONENT_TOPICS), 30.0 * 2.0 / 3.0, 1e-12);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_REGION), 20.0 / 3.0, 1e-12);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_SERVICE), 15.0, 0);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_AVAILABILITY), 7.5, 0);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_ROLE), 10.0, 0);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_LOAD), 7.5, 0);
  assert_close (pm_pair_get_score (p), 20.0 + 20.0 / 3.0 + 15 + 7.5 + 10 + 7.5, 1e-12);
  assert_int_equal (pm_pair_get_overlap_minutes (p), 90);
  assert_int_equal (pm_pair_get_hops (p), 2);
  assert_string_equal (pm_pair_get_supporter_id (p), "S");
  assert_string_equal (pm_pair_get_request_id (p), "R");
  assert_components_sum (p);
}

static void
test_score_policy_weights (void **state)
{
  g_autoptr (PmPolicy) policy = pm_policy_new ();
  g_autoptr (PmNetwork) net = NULL;
  g_autoptr (PmRanking) ranking = NULL;
  const PmPair *p;

  pm_policy_set_weight (policy, PM_COMPONENT_TOPICS, 50);
  pm_policy_set_weight (policy, PM_COMPONENT_REGION, 0);
  pm_policy_set_weight (policy, PM_COMPONENT_SERVICE, 5);
  pm_policy_set_weight (policy, PM_COMPONENT_AVAILABILITY, 25);
  pm_policy_set_weight (policy, PM_COMPONENT_ROLE, 2.5);
  pm_policy_set_weight (policy, PM_COMPONENT_LOAD, 40);
  pm_policy_set_full_overlap_minutes (policy, 60);
  net = score_network (policy);
  ranking = rank (net, "R", 0);
  p = only_candidate (ranking);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_TOPICS), 50.0 * 2.0 / 3.0, 1e-12);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_REGION), 0.0, 0);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_SERVICE), 5.0, 0);
  /* 90 minutes against a full overlap of 60: capped at 1 */
  assert_close (pm_pair_get_component (p, PM_COMPONENT_AVAILABILITY), 25.0, 0);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_ROLE), 2.5, 0);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_LOAD), 30.0, 0);
  assert_components_sum (p);
}

static const PmPair *
score_variant (PmNetwork *net, PmRanking **out)
{
  *out = rank (net, "R", 0);
  return only_candidate (*out);
}

static void
test_score_edge_cases (void **state)
{
  g_autoptr (PmRanking) r1 = NULL;
  g_autoptr (PmRanking) r2 = NULL;
  g_autoptr (PmRanking) r3 = NULL;
  g_autoptr (PmNetwork) n1 = pm_test_network_new (NULL);
  g_autoptr (PmNetwork) n2 = pm_test_network_new (NULL);
  g_autoptr (PmNetwork) n3 = pm_test_network_new (NULL);
  PmSupporter *s;
  PmRequest *r;
  const PmPair *p;

  /* No topics: 0. Another root, by phone: hops -1, region 0. Service "other" with another
   * service: full. No role asked: 0 even when both are unset. Full capacity free: full. */
  s = pm_test_sup_new ("S");
  pm_supporter_set_region (s, "i1");
  pm_supporter_set_service (s, "fire");
  r = pm_test_req_new ("R", "P");
  pm_request_set_service_pref (r, PM_SERVICE_PREF_OTHER);
  pm_test_add_sup (n1, s);
  pm_test_add_req (n1, r);
  p = score_variant (n1, &r1);
  assert_int_equal (pm_pair_get_hops (p), -1);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_TOPICS), 0, 0);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_REGION), 0, 0);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_SERVICE), 15, 0);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_AVAILABILITY), 15, 0);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_ROLE), 0, 0);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_LOAD), 10, 0);
  assert_int_equal (pm_pair_get_overlap_minutes (p), 7 * 12 * 60);
  /* "same" with another service: 0; "other" with the same: 0; same region: 20; role asked
   * but different: 0; topics none shared: 0. */
  s = pm_test_sup_new ("S");
  pm_supporter_set_service (s, "fire");
  pm_supporter_set_role (s, "manager");
  r = pm_test_req_new ("R", "P");
  {
    const char *topics[] = { "ptsd", NULL };
    pm_request_set_topics (r, topics);
  }
  pm_request_set_role (r, "frontline");
  pm_request_set_service_pref (r, PM_SERVICE_PREF_SAME);
  pm_test_add_sup (n2, s);
  pm_test_add_req (n2, r);
  p = score_variant (n2, &r2);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_SERVICE), 0, 0);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_REGION), 20, 0);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_ROLE), 0, 0);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_TOPICS), 0, 0);
  r = pm_test_req_new ("R", "P");
  pm_request_set_service_pref (r, PM_SERVICE_PREF_OTHER);
  pm_request_set_region (r, "north");
  pm_test_add_sup (n3, pm_test_sup_new ("S"));
  pm_test_add_req (n3, r);
  p = score_variant (n3, &r3);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_SERVICE), 0, 0);
  assert_close (pm_pair_get_component (p, PM_COMPONENT_REGION), 10, 0);
  assert_int_equal (pm_pair_get_hops (p), 1);
}

/* ---- ranking */

static void
test_rank_order_ties_top (void **state)
{
  g_autoptr (PmNetwork) net = pm_test_network_new (NULL);
  g_autoptr (PmRanking) all = NULL;
  g_autoptr (PmRanking) top2 = NULL;
  g_autoptr (PmRanking) none = NULL;
  g_autoptr (PmMatcher) m = NULL;
  g_autoptr (GError) error = NULL;
  const char *expected[] = { "s10", "s9", "a", "far", "farther" };
  PmSupporter *s;

  /* "s10" and "s9" tie: byte order puts "s10" first */
  pm_test_add_sup (net, pm_test_sup_new ("s9"));
  pm_test_add_sup (net, pm_test_sup_new ("s10"));
  s = pm_test_sup_new ("a");
  pm_supporter_set_load (s, 1); /* load 5 instead of 10 */
  pm_test_add_sup (net, s);
  s = pm_test_sup_new ("far");
  pm_supporter_set_region (s, "north"); /* region 10 */
  pm_test_add_sup (net, s);
  s = pm_test_sup_new ("farther");
  pm_supporter_set_region (s, "c"); /* region 4 */
  pm_test_add_sup (net, s);
  s = pm_test_sup_new ("expired");
  pm_supporter_set_capacity (s, 0);
  pm_test_add_sup (net, s);
  pm_test_add_req (net, pm_test_req_new ("R", "P"));
  all = rank (net, "R", 0);
  assert_int_equal (pm_ranking_get_n_candidates (all), 5);
  assert_int_equal (pm_ranking_get_n_eligible (all), 5);
  assert_int_equal (pm_ranking_get_excluded_count (all, PM_REASON_NO_CAPACITY), 1);
  assert_false (pm_ranking_get_escalated (all));
  assert_string_equal (pm_ranking_get_request_id (all), "R");
  for (guint i = 0; i < 5; i++)
    assert_string_equal (pm_pair_get_supporter_id (pm_ranking_get_candidate (all, i)), expected[i]);
  for (guint i = 1; i < 5; i++)
    assert_true (pm_pair_get_score (pm_ranking_get_candidate (all, i - 1))
                 >= pm_pair_get_score (pm_ranking_get_candidate (all, i)));
  top2 = rank (net, "R", 2);
  assert_int_equal (pm_ranking_get_n_candidates (top2), 2);
  assert_int_equal (pm_ranking_get_n_eligible (top2), 5);
  assert_string_equal (pm_pair_get_supporter_id (pm_ranking_get_candidate (top2, 1)), "s9");
  m = pm_matcher_new (net, &on);
  none = pm_matcher_rank (m, "nope", 0, &error);
  assert_null (none);
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_NOT_FOUND));
  assert_true (pm_matcher_get_network (m) == net);
  assert_int_equal (g_date_compare (pm_matcher_get_date (m), &on), 0);
}

/* ---- batch */

static void
test_solve_unmatched_reasons (void **state)
{
  g_autoptr (PmNetwork) net = pm_test_network_new (NULL);
  g_autoptr (PmMatching) m = NULL;
  PmSupporter *s = pm_test_sup_new ("S");
  PmRequest *r;

  pm_supporter_set_capacity (s, 1);
  pm_test_add_sup (net, s);
  s = pm_test_sup_new ("T");
  pm_supporter_set_load (s, 2);
  pm_test_add_sup (net, s);
  pm_test_add_req (net, pm_test_req_new ("R1", "P1"));
  pm_test_add_req (net, pm_test_req_new ("R2", "P2"));
  r = pm_test_req_new ("R3", "P3");
  pm_request_set_gender (r, "f");
  pm_test_add_req (net, r);
  m = pm_test_solve (net, &on);
  assert_int_equal (pm_matching_get_n_requests (m), 3);
  assert_int_equal (pm_matching_get_n_pairs (m), 1);
  assert_string_equal (pm_pair_get_request_id (pm_matching_get_pair (m, 0)), "R1");
  assert_int_equal (pm_matching_get_n_unmatched (m), 2);
  assert_string_equal (pm_matching_get_unmatched_request_id (m, 0), "R2");
  assert_int_equal (pm_matching_get_unmatched_reason (m, 0), PM_UNMATCHED_CAPACITY_TAKEN);
  assert_int_equal (pm_matching_get_unmatched_eligible (m, 0), 1);
  assert_string_equal (pm_matching_get_unmatched_request_id (m, 1), "R3");
  assert_int_equal (pm_matching_get_unmatched_reason (m, 1), PM_UNMATCHED_NO_ELIGIBLE_SUPPORTER);
  assert_int_equal (pm_matching_get_unmatched_eligible (m, 1), 0);
  /* T is charged to no_capacity (rule 7) before gender (rule 8) */
  assert_int_equal (pm_matching_get_unmatched_excluded_count (m, 1, PM_REASON_GENDER), 1);
  assert_int_equal (pm_matching_get_unmatched_excluded_count (m, 1, PM_REASON_NO_CAPACITY), 1);
  assert_int_equal (pm_matching_get_unmatched_excluded_count (m, 1, PM_REASON_SELF), 0);
  assert_int_equal (pm_matching_get_n_escalated (m), 0);
}

static void
test_solve_objective_tiers (void **state)
{
  g_autoptr (PmNetwork) net = pm_test_network_new (NULL);
  g_autoptr (PmMatching) m = NULL;
  PmSupporter *s;
  PmRequest *r;
  const char *topics[] = { "ptsd", NULL };

  /* S1 (capacity 1) is the best for everybody; S2 only suits R2. Priority beats score:
   * RP (priority, low score) gets S1 over R1. Count beats score: R2 goes to S2. */
  s = pm_test_sup_new ("S1");
  pm_supporter_set_capacity (s, 1);
  {
    const char *exp[] = { "ptsd", NULL };
    pm_supporter_set_experience (s, exp);
  }
  pm_test_add_sup (net, s);
  s = pm_test_sup_new ("S2");
  pm_supporter_set_region (s, "c");
  pm_supporter_set_capacity (s, 1);
  pm_test_add_sup (net, s);
  r = pm_test_req_new ("R1", "P1");
  pm_request_set_topics (r, topics);
  pm_request_set_modes (r, PM_MODES_IN_PERSON);
  pm_test_add_req (net, r);
  r = pm_test_req_new ("RP", "P2");
  pm_request_set_urgency (r, PM_URGENCY_PRIORITY);
  pm_request_set_modes (r, PM_MODES_IN_PERSON);
  pm_test_add_req (net, r);
  m = pm_test_solve (net, &on);
  assert_int_equal (pm_matching_get_n_pairs (m), 1);
  assert_string_equal (pm_pair_get_request_id (pm_matching_get_pair (m, 0)), "RP");
  assert_string_equal (pm_pair_get_supporter_id (pm_matching_get_pair (m, 0)), "S1");
  assert_int_equal (pm_matching_get_n_matched_priority (m), 1);
  assert_int_equal (pm_matching_get_unmatched_reason (m, 0), PM_UNMATCHED_CAPACITY_TAKEN);
  g_clear_object (&m);
  /* R2 can use both: the count tier sends it to S2 although S1 scores higher for it. */
  r = pm_test_req_new ("R2", "P3");
  pm_request_set_topics (r, topics);
  pm_test_add_req (net, r);
  m = pm_test_solve (net, &on);
  assert_int_equal (pm_matching_get_n_pairs (m), 2);
  assert_string_equal (pm_pair_get_request_id (pm_matching_get_pair (m, 0)), "R2");
  assert_string_equal (pm_pair_get_supporter_id (pm_matching_get_pair (m, 0)), "S2");
  assert_string_equal (pm_pair_get_request_id (pm_matching_get_pair (m, 1)), "RP");
  assert_close (pm_matching_get_total_score (m),
                pm_pair_get_score (pm_matching_get_pair (m, 0))
                    + pm_pair_get_score (pm_matching_get_pair (m, 1)),
                1e-9);
}

static void
test_solve_empty (void **state)
{
  g_autoptr (PmNetwork) net = pm_test_network_new (NULL);
  g_autoptr (PmMatching) m = NULL;
  g_autoptr (PmMatching) m2 = NULL;

  m = pm_test_solve (net, &on);
  assert_int_equal (pm_matching_get_n_requests (m), 0);
  assert_int_equal (pm_matching_get_n_pairs (m), 0);
  pm_test_add_req (net, pm_test_req_new ("R", "P"));
  m2 = pm_test_solve (net, &on);
  assert_int_equal (pm_matching_get_n_unmatched (m2), 1);
  assert_int_equal (pm_matching_get_unmatched_reason (m2, 0), PM_UNMATCHED_NO_ELIGIBLE_SUPPORTER);
  assert_int_equal (g_date_compare (pm_matching_get_date (m2), &on), 0);
}

static void
test_solve_cancelled (void **state)
{
  g_autoptr (PmNetwork) net = pm_test_network_new (NULL);
  g_autoptr (PmMatcher) matcher = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;

  pm_test_add_sup (net, pm_test_sup_new ("S"));
  pm_test_add_req (net, pm_test_req_new ("R", "P"));
  matcher = pm_matcher_new (net, &on);
  g_cancellable_cancel (cancellable);
  assert_null (pm_matcher_solve (matcher, cancellable, &error));
  assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_rule_self),
    cmocka_unit_test (test_rule_excluded),
    cmocka_unit_test (test_rule_line_management),
    cmocka_unit_test (test_rule_same_team),
    cmocka_unit_test (test_rule_training_expired),
    cmocka_unit_test (test_rule_paused),
    cmocka_unit_test (test_rule_no_capacity),
    cmocka_unit_test (test_rule_gender),
    cmocka_unit_test (test_rule_language),
    cmocka_unit_test (test_rule_mode),
    cmocka_unit_test (test_rule_distance),
    cmocka_unit_test (test_rule_availability),
    cmocka_unit_test (test_rule_order),
    cmocka_unit_test (test_counts_add_up),
    cmocka_unit_test (test_crisis),
    cmocka_unit_test (test_score_components),
    cmocka_unit_test (test_score_policy_weights),
    cmocka_unit_test (test_score_edge_cases),
    cmocka_unit_test (test_rank_order_ties_top),
    cmocka_unit_test (test_solve_unmatched_reasons),
    cmocka_unit_test (test_solve_objective_tiers),
    cmocka_unit_test (test_solve_empty),
    cmocka_unit_test (test_solve_cancelled),
  };

  pm_test_set_date (&on, "2026-12-01");
  return cmocka_run_group_tests (tests, NULL, NULL);
}
