/* peermatch tests: the readers (CSV and JSON), the built-in region tree and policy.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The tests run inside tests/data, so diagnostics name files as `io-x.csv:LINE: ...`; the
 * expected diagnostics of every malformed input are golden files `io-x.diag`. */
#include "pm-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

static PmNetwork *
new_network (void)
{
  g_autoptr (PmRegionTree) regions = pm_region_tree_new_default ();
  g_autoptr (PmPolicy) policy = pm_policy_new_default ();

  return pm_network_new (regions, policy);
}

static void
append_list (GString *out, const char *label, const char *const *items)
{
  g_autofree char *joined = g_strjoinv ("+", (char **)items);

  g_string_append_printf (out, " %s=%s", label, joined);
}

static void
append_date (GString *out, const char *label, const GDate *date)
{
  char buf[11];

  g_string_append_printf (out, " %s=%s", label,
                          date != NULL && g_date_valid (date) ? pm_date_format (date, buf) : "-");
}

static char *
dump_supporters (PmNetwork *network)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < pm_network_get_n_supporters (network); i++)
    {
      PmSupporter *s = pm_network_get_supporter (network, i);
      g_autofree char *availability = pm_availability_to_string (pm_supporter_get_availability (s));

      g_string_append_printf (out, "%s name=%s service=%s org=%s region=%s role=%s",
                              pm_supporter_get_id (s), pm_supporter_get_name (s),
                              pm_supporter_get_service (s), pm_supporter_get_organisation (s),
                              pm_supporter_get_region (s), pm_supporter_get_role (s));
      append_list (out, "experience", pm_supporter_get_experience (s));
      append_list (out, "languages", pm_supporter_get_languages (s));
      g_string_append_printf (out, " modes=%u gender=%s capacity=%u load=%u",
                              pm_supporter_get_modes (s), pm_supporter_get_gender (s),
                              pm_supporter_get_capacity (s), pm_supporter_get_load (s));
      append_date (out, "trained", pm_supporter_get_trained_until (s));
      append_date (out, "paused", pm_supporter_get_paused_until (s));
      g_string_append_printf (out, " manager=%s team=%s", pm_supporter_get_manager (s),
                              pm_supporter_get_team (s));
      append_list (out, "skills", pm_supporter_get_skills (s));
      g_string_append_printf (out, " availability=%s minutes=%u\n", availability,
                              pm_availability_get_minutes (pm_supporter_get_availability (s)));
    }
  return g_string_free (out, FALSE);
}

static char *
dump_requests (PmNetwork *network)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < pm_network_get_n_requests (network); i++)
    {
      PmRequest *q = pm_network_get_request (network, i);
      g_autofree char *availability = pm_availability_to_string (pm_request_get_availability (q));

      g_string_append_printf (out, "%s person=%s service=%s region=%s role=%s",
                              pm_request_get_id (q), pm_request_get_person (q),
                              pm_request_get_service (q), pm_request_get_region (q),
                              pm_request_get_role (q));
      append_list (out, "topics", pm_request_get_topics (q));
      append_list (out, "languages", pm_request_get_languages (q));
      g_string_append_printf (out, " modes=%u gender=%s pref=%s manager=%s team=%s",
                              pm_request_get_modes (q), pm_request_get_gender (q),
                              pm_service_pref_to_string (pm_request_get_service_pref (q)),
                              pm_request_get_manager (q), pm_request_get_team (q));
      append_list (out, "exclude", pm_request_get_exclude (q));
      g_string_append_printf (out, " urgency=%s minutes=%u\n",
                              pm_urgency_to_string (pm_request_get_urgency (q)),
                              pm_availability_get_minutes (pm_request_get_availability (q)));
    }
  return g_string_free (out, FALSE);
}

static const char expected_supporters[]
    = "S1 name=Smith, Alex service=police org=Merseyside Police region=liverpool role=frontline "
      "experience=ptsd+bereavement languages=en+cy modes=6 gender=f capacity=3 load=1 "
      "trained=2027-06-30 paused=- manager=M1 team=watch_a skills=trim+mhfa availability=%s "
      "minutes=2400\n"
      "S2 name=Sam service=fire org=(null) region=wirral role=control_room experience=ptds "
      "languages=en modes=7 gender=(null) capacity=2 load=0 trained=2027-01-31 paused=2026-12-10 "
      "manager=(null) team=(null) skills= availability=%s minutes=600\n"
      "S3 name=Jo \"JJ\" Jones service=ambulance org=(null) region=cardiff role=(null) "
      "experience= languages=en modes=1 gender=(null) capacity=1 load=0 trained=2026-12-31 "
      "paused=- manager=(null) team=(null) skills= availability= minutes=0\n";

static void
check_supporters (const char *file, const char *golden)
{
  g_autoptr (PmNetwork) network = new_network ();
  g_autoptr (PmDiagnostics) d = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (PmAvailability) a1 = pm_availability_new_from_string ("mon-fri 09:00-17:00", NULL);
  g_autoptr (PmAvailability) a2
      = pm_availability_new_from_string ("sun 22:00-06:00; sat 10:00-12:00", NULL);
  g_autofree char *s1 = pm_availability_to_string (a1);
  g_autofree char *s2 = pm_availability_to_string (a2);

  assert_true (pm_reader_read_supporters (network, file, d, &error));
  assert_null (error);
  assert_int_equal (pm_diagnostics_get_n_errors (d), 0);
  pm_test_assert_diagnostics (d, golden);
  dump = dump_supporters (network);
  expected = g_strdup_printf (expected_supporters, s1, s2);
  assert_string_equal (dump, expected);
}

static void
test_supporters_csv (void **state)
{
  check_supporters ("io-supporters.csv", "io-supporters-csv.diag");
}

static void
test_supporters_json (void **state)
{
  check_supporters ("io-supporters.json", "io-supporters-json.diag");
}

/* Reads @file, which has errors: nothing wrong is added, every problem is listed, and the
 * GError names the first and counts the others. */
static void
check_bad (const char *file, gboolean supporters, const char *golden, guint n_added)
{
  g_autoptr (PmNetwork) network = new_network ();
  g_autoptr (PmDiagnostics) d = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *expected = NULL;
  guint n_errors;
  gboolean ok;

  ok = supporters ? pm_reader_read_supporters (network, file, d, &error)
                  : pm_reader_read_requests (network, file, d, &error);
  assert_false (ok);
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  pm_test_assert_diagnostics (d, golden);
  n_errors = pm_diagnostics_get_n_errors (d);
  for (guint i = 0; first == NULL; i++)
    if (pm_diagnostics_get_severity (d, i) == PM_SEVERITY_ERROR)
      first = pm_diagnostics_format_item (d, i);
  if (n_errors == 1)
    expected = g_strdup (first);
  else
    expected = g_strdup_printf ("%s (and %u more error%s)", first, n_errors - 1,
                                n_errors == 2 ? "" : "s");
  assert_string_equal (error->message, expected);
  assert_int_equal (supporters ? pm_network_get_n_supporters (network)
                               : pm_network_get_n_requests (network),
                    n_added);
}

static void
test_supporters_bad (void **state)
{
  g_autoptr (PmNetwork) network = new_network ();
  g_autoptr (GError) error = NULL;

  /* S3 (the first of two) and S8 are clean. */
  check_bad ("io-supporters-bad.csv", TRUE, "io-supporters-bad.diag", 2);
  check_bad ("io-supporters-bad.json", TRUE, "io-supporters-bad-json.diag", 0);
  check_bad ("io-supporters-missing.csv", TRUE, "io-supporters-missing.diag", 0);
  check_bad ("io-syntax.json", TRUE, "io-syntax.diag", 0);
  /* Without diagnostics the GError still tells. */
  assert_false (pm_reader_read_supporters (network, "io-supporters-bad.csv", NULL, &error));
  assert_true (g_str_has_prefix (error->message, "io-supporters-bad.csv:2: capacity: 'two' "
                                                 "is not a whole number ≥ 0 (and "));
}

/* The same ids again, from another file: duplicates of what the network holds. */
static void
test_supporters_twice (void **state)
{
  g_autoptr (PmNetwork) network = new_network ();
  g_autoptr (PmDiagnostics) d = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;

  assert_true (pm_reader_read_supporters (network, "io-supporters.csv", NULL, NULL));
  assert_false (pm_reader_read_supporters (network, "io-supporters.json", d, &error));
  assert_string_equal (error->message, "io-supporters.json:3: id: duplicate supporter id 'S1' "
                                       "(and 2 more errors)");
  assert_int_equal (pm_network_get_n_supporters (network), 3);
}

static void
test_requests (void **state)
{
  g_autoptr (PmNetwork) from_csv = new_network ();
  g_autoptr (PmNetwork) from_json = new_network ();
  g_autoptr (PmDiagnostics) d = pm_diagnostics_new ();
  g_autoptr (PmDiagnostics) dj = pm_diagnostics_new ();
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;

  assert_true (pm_reader_read_requests (from_csv, "io-requests.csv", d, NULL));
  assert_true (pm_reader_read_requests (from_json, "io-requests.json", dj, NULL));
  pm_test_assert_diagnostics (d, "io-requests-csv.diag");
  pm_test_assert_diagnostics (dj, "io-requests-json.diag");
  csv = dump_requests (from_csv);
  json = dump_requests (from_json);
  assert_string_equal (csv, json);
  assert_string_equal (
      csv, "R1 person=P1 service=police region=liverpool role=frontline topics=ptsd+menopause "
           "languages=en modes=2 gender=f pref=same manager=M1 team=watch_b exclude=S2+S3 "
           "urgency=priority minutes=120\n"
           "R2 person=P2 service=fire region=wirral role=(null) topics= languages=cy modes=7 "
           "gender=(null) pref=any manager=(null) team=(null) exclude= urgency=routine "
           "minutes=420\n"
           "R3 person=P3 service=ambulance region=cardiff role=(null) topics=bereavment "
           "languages=en modes=7 gender=(null) pref=any manager=(null) team=(null) exclude= "
           "urgency=crisis minutes=0\n");
}

static void
test_requests_bad (void **state)
{
  check_bad ("io-requests-bad.csv", FALSE, "io-requests-bad.diag", 0);
}

static void
test_open_error (void **state)
{
  g_autoptr (PmNetwork) network = new_network ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) error2 = NULL;
  g_autoptr (PmPolicy) policy = NULL;

  assert_false (pm_reader_read_requests (network, "io-no-such-file.csv", NULL, &error));
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_OPEN));
  assert_string_equal (error->message, "io-no-such-file.csv: No such file or directory");
  policy = pm_reader_read_policy (".", NULL, &error2);
  assert_null (policy);
  assert_true (g_error_matches (error2, PM_ERROR, PM_ERROR_OPEN));
  assert_string_equal (error2->message, ".: Is a directory");
}

static void
test_regions (void **state)
{
  g_autoptr (PmDiagnostics) d = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRegionTree) tree = pm_reader_read_regions ("io-regions.csv", d, &error);

  assert_non_null (tree);
  assert_int_equal (pm_diagnostics_get_n_items (d), 0);
  assert_int_equal (pm_region_tree_get_n_regions (tree), 4);
  assert_string_equal (pm_region_tree_get_parent (tree, "liverpool"), "merseyside");
  assert_string_equal (pm_region_tree_get_parent (tree, "wirral"), "merseyside");
  assert_null (pm_region_tree_get_parent (tree, "north_west"));
  assert_string_equal (pm_region_tree_get_name (tree, "north_west"), "North West");
  assert_string_equal (pm_region_tree_get_name (tree, "wirral"), "wirral");
  assert_int_equal (pm_region_tree_hops (tree, "liverpool", "wirral"), 2);
}

static void
test_regions_bad (void **state)
{
  g_autoptr (PmDiagnostics) d = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRegionTree) tree = pm_reader_read_regions ("io-regions-bad.csv", d, &error);

  assert_null (tree);
  pm_test_assert_diagnostics (d, "io-regions-bad.diag");
  assert_string_equal (error->message,
                       "io-regions-bad.csv:7: id: duplicate region 'a' (first on line 2) "
                       "(and 4 more errors)");
}

static void
test_default_regions (void **state)
{
  static const char *const ids[] = {
    "uk",
    "england",
    "wales",
    "scotland",
    "northern_ireland",
    "merseyside",
    "liverpool",
    "wirral",
    "knowsley",
    "st_helens",
    "sefton",
    "inner_london",
    "city_of_london",
    "camden",
    "tower_hamlets",
    "westminster",
    "cambridgeshire_peterborough",
    "peterborough",
    "fenland",
    "huntingdonshire",
    "east_cambridgeshire",
    "cambridge",
    "south_cambridgeshire",
    "north_east",
    "gateshead",
    "newcastle",
    "north_tyneside",
    "south_tyneside",
    "sunderland",
    "northumberland",
    "durham",
    "bedfordshire",
    "bedford",
    "luton",
    "central_bedfordshire",
    "cardiff",
    "wrexham",
    "isle_of_anglesey",
    "rhondda_cynon_taf",
  };
  g_autoptr (PmRegionTree) tree = pm_region_tree_new_default ();
  guint boroughs = 0, welsh = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    assert_true (pm_region_tree_contains (tree, ids[i]));
  for (guint i = 0; i < pm_region_tree_get_n_regions (tree); i++)
    {
      const char *parent = pm_region_tree_get_parent (tree, pm_region_tree_get_id (tree, i));

      boroughs += g_strcmp0 (parent, "inner_london") == 0;
      welsh += g_strcmp0 (parent, "wales") == 0;
    }
  assert_int_equal (boroughs, 33);
  assert_int_equal (welsh, 22);
  assert_string_equal (pm_region_tree_get_name (tree, "st_helens"), "St Helens");
  assert_string_equal (pm_region_tree_get_parent (tree, "merseyside"), "england");
  assert_int_equal (pm_region_tree_hops (tree, "liverpool", "wirral"), 2);
  assert_int_equal (pm_region_tree_hops (tree, "cardiff", "liverpool"), 5);
}

static void
test_default_policy (void **state)
{
  g_autoptr (PmPolicy) policy = pm_policy_new_default ();
  static const double weights[PM_COMPONENT_N] = { 30, 20, 15, 15, 10, 10 };

  for (guint c = 0; c < PM_COMPONENT_N; c++)
    assert_true (pm_policy_get_weight (policy, c) == weights[c]);
  assert_int_equal (pm_policy_get_min_overlap_minutes (policy), 60);
  assert_int_equal (pm_policy_get_full_overlap_minutes (policy), 180);
  assert_int_equal (pm_policy_get_max_in_person_hops (policy), 2);
  assert_true (pm_policy_get_avoid_same_team (policy));
  assert_int_equal (pm_policy_get_n_vocabulary (policy), 15);
  assert_string_equal (pm_policy_get_vocabulary_item (policy, 0), "bereavement");
  assert_string_equal (pm_policy_get_vocabulary_item (policy, 14), "finances");
  assert_false (pm_policy_has_tag (policy, "ptds"));
}

static void
test_policy (void **state)
{
  g_autoptr (PmDiagnostics) d = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PmPolicy) policy = pm_reader_read_policy ("io-policy.ini", d, &error);

  assert_non_null (policy);
  pm_test_assert_diagnostics (d, "io-policy.diag");
  assert_true (pm_policy_get_weight (policy, PM_COMPONENT_TOPICS) == 40);
  assert_true (pm_policy_get_weight (policy, PM_COMPONENT_REGION) == 10.5);
  assert_true (pm_policy_get_weight (policy, PM_COMPONENT_LOAD) == 10);
  assert_false (pm_policy_get_avoid_same_team (policy));
  assert_int_equal (pm_policy_get_min_overlap_minutes (policy), 30);
  assert_int_equal (pm_policy_get_full_overlap_minutes (policy), 180);
  assert_int_equal (pm_policy_get_n_vocabulary (policy), 2);
  assert_true (pm_policy_has_tag (policy, "trauma"));
  assert_false (pm_policy_has_tag (policy, "bereavement"));
}

static void
test_policy_bad (void **state)
{
  g_autoptr (PmDiagnostics) d = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) error2 = NULL;
  g_autoptr (PmPolicy) policy = pm_reader_read_policy ("io-policy-bad.ini", d, &error);
  g_autoptr (PmPolicy) policy2 = NULL;

  assert_null (policy);
  pm_test_assert_diagnostics (d, "io-policy-bad.diag");
  assert_string_equal (error->message,
                       "io-policy-bad.ini:2: topics: '-1' is not a number ≥ 0 (and 4 more errors)");
  policy2 = pm_reader_read_policy ("io-policy-syntax.ini", NULL, &error2);
  assert_null (policy2);
  assert_true (g_str_has_prefix (error2->message, "io-policy-syntax.ini:3: "));
}

static void
test_org_chart (void **state)
{
  g_autoptr (PmOrgChart) chart = pm_org_chart_new ();
  g_autoptr (PmOrgChart) chart2 = pm_org_chart_new ();
  g_autoptr (PmOrgChart) bad = pm_org_chart_new ();
  g_autoptr (PmDiagnostics) d = pm_diagnostics_new ();
  g_autoptr (GError) error = NULL;

  assert_true (pm_reader_read_org_chart (chart, "io-org.csv", NULL, NULL));
  assert_true (pm_org_chart_is_above (chart, "C", "A"));
  assert_true (pm_org_chart_is_above (chart, "B", "D"));
  assert_false (pm_org_chart_is_above (chart, "A", "D"));
  assert_true (pm_reader_read_org_chart (chart2, "io-org.json", NULL, NULL));
  assert_string_equal (pm_org_chart_get_manager (chart2, "A"), "B");
  assert_false (pm_reader_read_org_chart (bad, "io-org-bad.csv", d, &error));
  pm_test_assert_diagnostics (d, "io-org-bad.diag");
}

static int
setup_dir (void **state)
{
  return g_chdir (PM_TEST_DATA);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_supporters_csv), cmocka_unit_test (test_supporters_json),
    cmocka_unit_test (test_supporters_bad), cmocka_unit_test (test_supporters_twice),
    cmocka_unit_test (test_requests),       cmocka_unit_test (test_requests_bad),
    cmocka_unit_test (test_open_error),     cmocka_unit_test (test_regions),
    cmocka_unit_test (test_regions_bad),    cmocka_unit_test (test_default_regions),
    cmocka_unit_test (test_default_policy), cmocka_unit_test (test_policy),
    cmocka_unit_test (test_policy_bad),     cmocka_unit_test (test_org_chart),
  };
  return cmocka_run_group_tests (tests, setup_dir, NULL);
}
