/* peermatch tests: the line-management forest.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-test-util.h"

#include <string.h>

static void
add_ok (PmOrgChart *org, const char *id, const char *manager)
{
  g_autoptr (GError) error = NULL;

  if (!pm_org_chart_add (org, id, manager, &error))
    fail_msg ("cannot add %s → %s: %s", id, manager, error->message);
}

static void
add_fails (PmOrgChart *org, const char *id, const char *manager, const char *message)
{
  g_autoptr (GError) error = NULL;

  assert_false (pm_org_chart_add (org, id, manager, &error));
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  if (strstr (error->message, message) == NULL)
    fail_msg ("'%s' does not mention '%s'", error->message, message);
}

/* chief → super → inspector → sergeant → constable, and chief → ops */
static PmOrgChart *
make_chart (void)
{
  PmOrgChart *org = pm_org_chart_new ();

  add_ok (org, "constable", "sergeant");
  add_ok (org, "inspector", "super");
  add_ok (org, "sergeant", "inspector");
  add_ok (org, "super", "chief");
  add_ok (org, "ops", "chief");
  return org;
}

static void
test_links (void **state)
{
  g_autoptr (PmOrgChart) org = make_chart ();

  assert_int_equal (pm_org_chart_get_n_people (org), 6);
  assert_string_equal (pm_org_chart_get_manager (org, "constable"), "sergeant");
  assert_null (pm_org_chart_get_manager (org, "chief"));
  assert_null (pm_org_chart_get_manager (org, "nobody"));
  assert_null (pm_org_chart_get_manager (org, NULL));
  /* ids are compared exactly */
  assert_null (pm_org_chart_get_manager (org, "Constable"));
  /* the same link again is fine and changes nothing */
  add_ok (org, "constable", "sergeant");
  assert_int_equal (pm_org_chart_get_n_people (org), 6);
  /* a different-case id is another person */
  add_ok (org, "Constable", "ops");
  assert_int_equal (pm_org_chart_get_n_people (org), 7);
}

static void
test_is_above (void **state)
{
  g_autoptr (PmOrgChart) org = make_chart ();

  assert_true (pm_org_chart_is_above (org, "sergeant", "constable"));
  assert_true (pm_org_chart_is_above (org, "inspector", "constable"));
  assert_true (pm_org_chart_is_above (org, "super", "constable"));
  assert_true (pm_org_chart_is_above (org, "chief", "constable"));
  assert_true (pm_org_chart_is_above (org, "chief", "ops"));
  assert_false (pm_org_chart_is_above (org, "constable", "sergeant"));
  assert_false (pm_org_chart_is_above (org, "constable", "chief"));
  assert_false (pm_org_chart_is_above (org, "ops", "constable"));
  assert_false (pm_org_chart_is_above (org, "constable", "ops"));
  assert_false (pm_org_chart_is_above (org, "constable", "constable"));
  assert_false (pm_org_chart_is_above (org, "chief", "chief"));
  assert_false (pm_org_chart_is_above (org, "chief", "stranger"));
  assert_false (pm_org_chart_is_above (org, "stranger", "constable"));
  assert_false (pm_org_chart_is_above (org, "Chief", "constable"));
}

static void
test_deep_chain (void **state)
{
  g_autoptr (PmOrgChart) org = pm_org_chart_new ();
  g_autoptr (GError) error = NULL;

  for (guint i = 1; i < 500; i++)
    {
      char id[16], manager[16];

      g_snprintf (id, sizeof id, "p%u", i);
      g_snprintf (manager, sizeof manager, "p%u", i - 1);
      add_ok (org, id, manager);
    }
  assert_int_equal (pm_org_chart_get_n_people (org), 500);
  assert_true (pm_org_chart_is_above (org, "p0", "p499"));
  assert_true (pm_org_chart_is_above (org, "p250", "p251"));
  assert_false (pm_org_chart_is_above (org, "p499", "p0"));
  assert_false (pm_org_chart_add (org, "p0", "p499", &error));
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  assert_true (g_str_has_prefix (error->message, "line-management cycle: p0 → p499 → p498"));
  assert_true (g_str_has_suffix (error->message, "p1 → p0"));
}

static void
test_conflicts (void **state)
{
  g_autoptr (PmOrgChart) org = make_chart ();

  add_fails (org, "constable", "ops", "'constable'");
  add_fails (org, "constable", "ops", "'sergeant' and 'ops'");
  add_fails (org, "", "ops", "empty");
  add_fails (org, "ops", "", "empty");
  /* nothing changed */
  assert_string_equal (pm_org_chart_get_manager (org, "constable"), "sergeant");
  assert_int_equal (pm_org_chart_get_n_people (org), 6);
}

static void
test_cycles (void **state)
{
  g_autoptr (PmOrgChart) org = make_chart ();
  g_autoptr (PmOrgChart) three = pm_org_chart_new ();

  add_fails (org, "x", "x", "line-management cycle: x → x");
  add_fails (org, "chief", "chief", "line-management cycle: chief → chief");
  add_fails (org, "chief", "sergeant",
             "line-management cycle: chief → sergeant → inspector → super → chief");
  add_fails (org, "chief", "constable",
             "line-management cycle: chief → constable → sergeant → inspector → super → chief");
  /* nothing was added by the failures */
  assert_null (pm_org_chart_get_manager (org, "chief"));
  assert_null (pm_org_chart_get_manager (org, "x"));
  assert_int_equal (pm_org_chart_get_n_people (org), 6);
  assert_false (pm_org_chart_is_above (org, "constable", "chief"));

  add_ok (three, "A", "B");
  add_ok (three, "B", "C");
  add_fails (three, "C", "A", "line-management cycle: C → A → B → C");
  add_fails (three, "B", "A", "'B' has two different line managers");
  add_ok (three, "C", "D");
  assert_true (pm_org_chart_is_above (three, "D", "A"));
  assert_int_equal (pm_org_chart_get_n_people (three), 4);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_links),      cmocka_unit_test (test_is_above),
    cmocka_unit_test (test_deep_chain), cmocka_unit_test (test_conflicts),
    cmocka_unit_test (test_cycles),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
