/* peermatch tests: the matching policy.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-test-util.h"

static void
test_defaults (void **state)
{
  g_autoptr (PmPolicy) policy = pm_policy_new ();
  double total = 0.0;

  assert_true (pm_policy_get_weight (policy, PM_COMPONENT_TOPICS) == 30.0);
  assert_true (pm_policy_get_weight (policy, PM_COMPONENT_REGION) == 20.0);
  assert_true (pm_policy_get_weight (policy, PM_COMPONENT_SERVICE) == 15.0);
  assert_true (pm_policy_get_weight (policy, PM_COMPONENT_AVAILABILITY) == 15.0);
  assert_true (pm_policy_get_weight (policy, PM_COMPONENT_ROLE) == 10.0);
  assert_true (pm_policy_get_weight (policy, PM_COMPONENT_LOAD) == 10.0);
  for (guint c = 0; c < PM_COMPONENT_N; c++)
    total += pm_policy_get_weight (policy, c);
  assert_true (total == 100.0);
  assert_int_equal (pm_policy_get_min_overlap_minutes (policy), 60);
  assert_int_equal (pm_policy_get_full_overlap_minutes (policy), 180);
  assert_int_equal (pm_policy_get_max_in_person_hops (policy), 2);
  assert_true (pm_policy_get_avoid_same_team (policy));
  assert_int_equal (pm_policy_get_n_vocabulary (policy), 0);
}

static void
test_setters (void **state)
{
  g_autoptr (PmPolicy) policy = pm_policy_new ();

  pm_policy_set_weight (policy, PM_COMPONENT_ROLE, 0.0);
  pm_policy_set_weight (policy, PM_COMPONENT_TOPICS, 42.5);
  pm_policy_set_min_overlap_minutes (policy, 0);
  pm_policy_set_full_overlap_minutes (policy, 240);
  pm_policy_set_max_in_person_hops (policy, 5);
  pm_policy_set_avoid_same_team (policy, FALSE);
  assert_true (pm_policy_get_weight (policy, PM_COMPONENT_ROLE) == 0.0);
  assert_true (pm_policy_get_weight (policy, PM_COMPONENT_TOPICS) == 42.5);
  assert_true (pm_policy_get_weight (policy, PM_COMPONENT_REGION) == 20.0);
  assert_int_equal (pm_policy_get_min_overlap_minutes (policy), 0);
  assert_int_equal (pm_policy_get_full_overlap_minutes (policy), 240);
  assert_int_equal (pm_policy_get_max_in_person_hops (policy), 5);
  assert_false (pm_policy_get_avoid_same_team (policy));
}

static void
test_vocabulary (void **state)
{
  g_autoptr (PmPolicy) policy = pm_policy_new ();
  const char *tags[] = { " PTSD", "bereavement", "", "ptsd", "Suicide_Loss ", NULL };

  /* no vocabulary: every tag is accepted, but a blank is not a tag */
  assert_true (pm_policy_has_tag (policy, "anything"));
  assert_false (pm_policy_has_tag (policy, "  "));
  assert_false (pm_policy_has_tag (policy, NULL));

  pm_policy_set_vocabulary (policy, tags);
  assert_int_equal (pm_policy_get_n_vocabulary (policy), 3);
  assert_string_equal (pm_policy_get_vocabulary_item (policy, 0), "ptsd");
  assert_string_equal (pm_policy_get_vocabulary_item (policy, 1), "bereavement");
  assert_string_equal (pm_policy_get_vocabulary_item (policy, 2), "suicide_loss");
  assert_true (pm_policy_has_tag (policy, "ptsd"));
  assert_true (pm_policy_has_tag (policy, "  Suicide_LOSS"));
  assert_false (pm_policy_has_tag (policy, "anything"));
  assert_false (pm_policy_has_tag (policy, "ptsd2"));
  assert_false (pm_policy_has_tag (policy, ""));

  pm_policy_set_vocabulary (policy, NULL);
  assert_int_equal (pm_policy_get_n_vocabulary (policy), 0);
  assert_true (pm_policy_has_tag (policy, "anything"));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_defaults),
    cmocka_unit_test (test_setters),
    cmocka_unit_test (test_vocabulary),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
