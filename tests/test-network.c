/* peermatch tests: the network and the checks it makes when supporters and requests join.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-test-util.h"

#include <string.h>

typedef struct
{
  PmRegionTree *regions;
  PmPolicy *policy;
  PmNetwork *network;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->regions = pm_region_tree_new ();
  assert_true (pm_region_tree_add (f->regions, "merseyside", NULL, "Merseyside", NULL));
  assert_true (pm_region_tree_add (f->regions, "wirral", "merseyside", "Wirral", NULL));
  f->policy = pm_policy_new ();
  f->network = pm_network_new (f->regions, f->policy);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_object_unref (f->network);
  g_object_unref (f->policy);
  g_object_unref (f->regions);
  g_free (f);
  return 0;
}

/* A supporter that passes every check. */
static PmSupporter *
good_supporter (const char *id)
{
  PmSupporter *s = pm_supporter_new (id);
  GDate date;

  pm_supporter_set_service (s, "police");
  pm_supporter_set_region (s, "Wirral");
  assert_true (pm_date_parse ("2027-01-31", &date));
  pm_supporter_set_trained_until (s, &date);
  pm_supporter_set_capacity (s, 2);
  return s;
}

static PmRequest *
good_request (const char *id, const char *person)
{
  PmRequest *r = pm_request_new (id, person);

  pm_request_set_service (r, "fire");
  pm_request_set_region (r, "merseyside");
  return r;
}

static void
add_supporter_fails (PmNetwork *network, PmSupporter *s, const char *fragment)
{
  g_autoptr (GError) error = NULL;
  guint before = pm_network_get_n_supporters (network);

  assert_false (pm_network_add_supporter (network, s, &error));
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  if (strstr (error->message, fragment) == NULL)
    fail_msg ("'%s' does not mention '%s'", error->message, fragment);
  assert_int_equal (pm_network_get_n_supporters (network), before);
}

static void
add_request_fails (PmNetwork *network, PmRequest *r, const char *fragment)
{
  g_autoptr (GError) error = NULL;
  guint before = pm_network_get_n_requests (network);

  assert_false (pm_network_add_request (network, r, &error));
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  if (strstr (error->message, fragment) == NULL)
    fail_msg ("'%s' does not mention '%s'", error->message, fragment);
  assert_int_equal (pm_network_get_n_requests (network), before);
}

static void
test_context (void **state)
{
  Fixture *f = *state;
  PmRegionTree *regions = pm_region_tree_new ();
  PmPolicy *policy = pm_policy_new ();
  g_autoptr (PmNetwork) network = pm_network_new (regions, policy);

  assert_ptr_equal (pm_network_get_regions (network), regions);
  assert_ptr_equal (pm_network_get_policy (network), policy);
  /* the network keeps references to its context */
  g_object_unref (regions);
  g_object_unref (policy);
  assert_true (PM_IS_REGION_TREE (pm_network_get_regions (network)));
  assert_true (PM_IS_POLICY (pm_network_get_policy (network)));
  assert_non_null (pm_network_get_org_chart (f->network));
  assert_int_equal (pm_org_chart_get_n_people (pm_network_get_org_chart (network)), 0);
  assert_int_equal (pm_network_get_n_supporters (network), 0);
  assert_int_equal (pm_network_get_n_requests (network), 0);
  assert_null (pm_network_lookup_supporter (network, "S1"));
  assert_null (pm_network_lookup_request (network, "R1"));
}

static void
test_add_supporters (void **state)
{
  Fixture *f = *state;
  const char *ids[] = { "S3", "S1", "S2" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (PmSupporter) s = good_supporter (ids[i]);
      g_autoptr (GError) error = NULL;

      if (i == 1)
        pm_supporter_set_manager (s, "M1");
      assert_true (pm_network_add_supporter (f->network, s, &error));
      assert_null (error);
    }
  /* the network holds its own references: the locals are gone */
  assert_int_equal (pm_network_get_n_supporters (f->network), 3);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      PmSupporter *s = pm_network_get_supporter (f->network, i);

      assert_string_equal (pm_supporter_get_id (s), ids[i]);
      assert_ptr_equal (pm_network_lookup_supporter (f->network, ids[i]), s);
    }
  assert_null (pm_network_lookup_supporter (f->network, "s1"));
  assert_null (pm_network_lookup_supporter (f->network, NULL));
  /* the supporter's manager link went into the org chart */
  assert_string_equal (pm_org_chart_get_manager (pm_network_get_org_chart (f->network), "S1"),
                       "M1");
}

static void
test_supporter_errors (void **state)
{
  Fixture *f = *state;
  g_autoptr (PmSupporter) ok = good_supporter ("S1");
  g_autoptr (PmSupporter) empty = good_supporter ("");
  g_autoptr (PmSupporter) longest = NULL;
  g_autoptr (PmSupporter) too_long = NULL;
  g_autoptr (PmSupporter) duplicate = good_supporter ("S1");
  g_autoptr (PmSupporter) no_service = good_supporter ("S2");
  g_autoptr (PmSupporter) no_region = good_supporter ("S3");
  g_autoptr (PmSupporter) bad_region = good_supporter ("S4");
  g_autoptr (PmSupporter) untrained = good_supporter ("S5");
  char id[66];

  assert_true (pm_network_add_supporter (f->network, ok, NULL));
  memset (id, 'x', 65);
  id[65] = '\0';
  too_long = good_supporter (id);
  id[64] = '\0';
  longest = good_supporter (id);
  pm_supporter_set_service (no_service, "  ");
  pm_supporter_set_region (no_region, NULL);
  pm_supporter_set_region (bad_region, "Atlantis");
  pm_supporter_set_trained_until (untrained, NULL);

  add_supporter_fails (f->network, empty, "empty");
  add_supporter_fails (f->network, too_long, "longer than 64 bytes");
  add_supporter_fails (f->network, duplicate, "duplicate supporter id 'S1'");
  add_supporter_fails (f->network, no_service, "service");
  add_supporter_fails (f->network, no_region, "missing region");
  add_supporter_fails (f->network, bad_region, "'atlantis'");
  add_supporter_fails (f->network, untrained, "trained_until");
  assert_null (pm_network_lookup_supporter (f->network, "S2"));
  assert_null (pm_network_lookup_supporter (f->network, "S5"));
  /* exactly 64 bytes is fine */
  assert_true (pm_network_add_supporter (f->network, longest, NULL));
  assert_int_equal (pm_network_get_n_supporters (f->network), 2);
}

static void
test_supporter_manager_errors (void **state)
{
  Fixture *f = *state;
  PmOrgChart *org = pm_network_get_org_chart (f->network);
  g_autoptr (PmSupporter) a = good_supporter ("A");
  g_autoptr (PmSupporter) b = good_supporter ("B");
  g_autoptr (PmSupporter) self_managed = good_supporter ("C");
  g_autoptr (PmSupporter) conflict = good_supporter ("D");
  g_autoptr (GError) error = NULL;

  assert_true (pm_org_chart_add (org, "D", "X", NULL));
  pm_supporter_set_manager (a, "B");
  pm_supporter_set_manager (b, "A");
  pm_supporter_set_manager (self_managed, "C");
  pm_supporter_set_manager (conflict, "Y");
  assert_true (pm_network_add_supporter (f->network, a, &error));
  add_supporter_fails (f->network, b, "line-management cycle: B → A → B");
  add_supporter_fails (f->network, self_managed, "cycle");
  add_supporter_fails (f->network, conflict, "'X' and 'Y'");
  /* nothing half-added: neither the supporters nor their links */
  assert_int_equal (pm_network_get_n_supporters (f->network), 1);
  assert_null (pm_network_lookup_supporter (f->network, "B"));
  assert_null (pm_org_chart_get_manager (org, "B"));
  assert_null (pm_org_chart_get_manager (org, "C"));
  assert_string_equal (pm_org_chart_get_manager (org, "D"), "X");
  assert_int_equal (pm_org_chart_get_n_people (org), 4);
}

static void
test_add_requests (void **state)
{
  Fixture *f = *state;
  g_autoptr (PmSupporter) s = good_supporter ("R1");
  g_autoptr (PmRequest) r2 = good_request ("R2", "P2");
  g_autoptr (PmRequest) r1 = good_request ("R1", "P1");
  g_autoptr (PmRequest) again = good_request ("R3", "P1");
  g_autoptr (GError) error = NULL;

  pm_request_set_manager (r1, "M1");
  pm_request_set_manager (again, "M1");
  /* supporter and request ids are separate namespaces */
  assert_true (pm_network_add_supporter (f->network, s, NULL));
  assert_true (pm_network_add_request (f->network, r2, &error));
  assert_true (pm_network_add_request (f->network, r1, &error));
  /* the same person with the same manager in a second request is fine */
  assert_true (pm_network_add_request (f->network, again, &error));
  assert_null (error);
  assert_int_equal (pm_network_get_n_requests (f->network), 3);
  assert_ptr_equal (pm_network_get_request (f->network, 0), r2);
  assert_ptr_equal (pm_network_get_request (f->network, 1), r1);
  assert_ptr_equal (pm_network_lookup_request (f->network, "R1"), r1);
  assert_null (pm_network_lookup_request (f->network, "r1"));
  assert_true (pm_org_chart_is_above (pm_network_get_org_chart (f->network), "M1", "P1"));
}

static void
test_request_errors (void **state)
{
  Fixture *f = *state;
  PmOrgChart *org = pm_network_get_org_chart (f->network);
  g_autoptr (PmRequest) ok = good_request ("R1", "P1");
  g_autoptr (PmRequest) empty = good_request ("", "P2");
  g_autoptr (PmRequest) duplicate = good_request ("R1", "P3");
  g_autoptr (PmRequest) no_person = good_request ("R2", " ");
  g_autoptr (PmRequest) no_service = good_request ("R3", "P4");
  g_autoptr (PmRequest) no_region = good_request ("R4", "P5");
  g_autoptr (PmRequest) bad_region = good_request ("R5", "P6");
  g_autoptr (PmRequest) conflict = good_request ("R6", "P1");
  g_autoptr (PmRequest) cycle = good_request ("R7", "M1");

  pm_request_set_manager (ok, "M1");
  assert_true (pm_network_add_request (f->network, ok, NULL));
  pm_request_set_service (no_service, NULL);
  pm_request_set_region (no_region, "");
  pm_request_set_region (bad_region, "Narnia");
  pm_request_set_manager (conflict, "M2");
  pm_request_set_manager (cycle, "P1");

  add_request_fails (f->network, empty, "empty");
  add_request_fails (f->network, duplicate, "duplicate request id 'R1'");
  add_request_fails (f->network, no_person, "person");
  add_request_fails (f->network, no_service, "service");
  add_request_fails (f->network, no_region, "missing region");
  add_request_fails (f->network, bad_region, "'narnia'");
  add_request_fails (f->network, conflict, "'M1' and 'M2'");
  add_request_fails (f->network, cycle, "line-management cycle: M1 → P1 → M1");
  assert_int_equal (pm_network_get_n_requests (f->network), 1);
  assert_null (pm_network_lookup_request (f->network, "R6"));
  assert_null (pm_org_chart_get_manager (org, "M1"));
  assert_int_equal (pm_org_chart_get_n_people (org), 2);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_context, setup, teardown),
    cmocka_unit_test_setup_teardown (test_add_supporters, setup, teardown),
    cmocka_unit_test_setup_teardown (test_supporter_errors, setup, teardown),
    cmocka_unit_test_setup_teardown (test_supporter_manager_errors, setup, teardown),
    cmocka_unit_test_setup_teardown (test_add_requests, setup, teardown),
    cmocka_unit_test_setup_teardown (test_request_errors, setup, teardown),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
