/* peermatch tests: private utilities, names of enumerations, diagnostics, version.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-test-util.h"

#include <math.h>
#include <stdlib.h>

static void
test_version (void **state)
{
  g_autofree char *expected = g_strdup_printf ("%u.%u.%u", pm_get_major_version (),
                                               pm_get_minor_version (), pm_get_micro_version ());

  assert_string_equal (pm_get_version_string (), expected);
  assert_string_equal (pm_get_version_string (), PM_VERSION_STRING);
  assert_true (PM_CHECK_VERSION (0, 1, 0));
  assert_false (PM_CHECK_VERSION (PM_MAJOR_VERSION + 1, 0, 0));
}

static void
test_token_normalize (void **state)
{
  g_autofree char *a = pm_token_normalize ("  Control_Room \t");
  g_autofree char *b = pm_token_normalize (" \t ");
  g_auto (GStrv) list = NULL;
  const char *in[] = { " PTSD", "", "ptsd", "Trauma ", "  ", NULL };

  assert_string_equal (a, "control_room");
  assert_null (b);
  assert_null (pm_token_normalize (NULL));
  list = pm_tokens_normalize (in);
  assert_int_equal (g_strv_length (list), 2);
  assert_string_equal (list[0], "ptsd");
  assert_string_equal (list[1], "trauma");
}

static void
test_date_parse (void **state)
{
  GDate d;
  char buf[11];

  assert_true (pm_date_parse ("2026-12-01", &d));
  assert_string_equal (pm_date_format (&d, buf), "2026-12-01");
  assert_true (pm_date_parse ("2028-02-29", &d));
  assert_false (pm_date_parse ("2027-02-29", &d));
  assert_false (pm_date_parse ("2026-13-01", &d));
  assert_false (pm_date_parse ("2026-1-01", &d));
  assert_false (pm_date_parse ("2026-12-01x", &d));
  assert_false (pm_date_parse ("", &d));
  assert_false (pm_date_parse (NULL, &d));
}

static void
test_double_format (void **state)
{
  const double values[] = { 0.0, 83.5, 30.0, 0.1, 1.0 / 3.0, 100.0 * 2 / 3, 1e-7, 12345.678 };
  char buf[32];

  assert_string_equal (pm_double_format (83.5, buf), "83.5");
  assert_string_equal (pm_double_format (30.0, buf), "30");
  assert_string_equal (pm_double_format (0.1, buf), "0.1");
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    assert_true (g_ascii_strtod (pm_double_format (values[i], buf), NULL) == values[i]);
}

static void
test_double_format_brief (void **state)
{
  char buf[32];

  assert_string_equal (pm_double_format_brief (86.66666666666666, buf), "86.7");
  assert_string_equal (pm_double_format_brief (84.0, buf), "84");
  assert_string_equal (pm_double_format_brief (0.04, buf), "0");
  assert_string_equal (pm_double_format_brief (-0.04, buf), "0");
  assert_string_equal (pm_double_format_brief (2895.3333, buf), "2895.3");
}

static void
test_enum_names (void **state)
{
  PmModes m;
  PmUrgency u;
  PmServicePref p;

  assert_string_equal (pm_reason_to_string (PM_REASON_SELF), "self");
  assert_string_equal (pm_reason_to_string (PM_REASON_AVAILABILITY), "availability");
  assert_string_equal (pm_component_to_string (PM_COMPONENT_LOAD), "load");
  assert_string_equal (pm_unmatched_reason_to_string (PM_UNMATCHED_CAPACITY_TAKEN),
                       "capacity_taken");
  assert_true (pm_modes_from_string (" In_Person", &m));
  assert_int_equal (m, PM_MODES_IN_PERSON);
  assert_false (pm_modes_from_string ("carrier pigeon", &m));
  assert_true (pm_urgency_from_string ("PRIORITY", &u));
  assert_int_equal (u, PM_URGENCY_PRIORITY);
  assert_false (pm_urgency_from_string ("urgent", &u));
  assert_true (pm_service_pref_from_string ("other", &p));
  assert_int_equal (p, PM_SERVICE_PREF_OTHER);
}

static void
test_diagnostics (void **state)
{
  g_autoptr (PmDiagnostics) d = pm_diagnostics_new ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  pm_diagnostics_addf (d, PM_SEVERITY_ERROR, "s.csv", 4, "capacity",
                       "capacity: '%s' is not a count", "x");
  pm_diagnostics_add (d, PM_SEVERITY_WARNING, "s.csv", 1, "shoe_size",
                      "unknown column 'shoe_size' ignored");
  pm_diagnostics_add (d, PM_SEVERITY_ERROR, "org.csv", 0, NULL, "empty file");
  assert_int_equal (pm_diagnostics_get_n_items (d), 3);
  assert_int_equal (pm_diagnostics_get_n_errors (d), 2);
  assert_string_equal (pm_diagnostics_get_field (d, 0), "capacity");
  assert_int_equal (pm_diagnostics_get_line (d, 0), 4);
  assert_null (pm_diagnostics_get_field (d, 2));
  first = pm_diagnostics_format_item (d, 0);
  second = pm_diagnostics_format_item (d, 1);
  third = pm_diagnostics_format_item (d, 2);
  assert_string_equal (first, "s.csv:4: capacity: 'x' is not a count");
  assert_string_equal (second, "s.csv:1: warning: unknown column 'shoe_size' ignored");
  assert_string_equal (third, "org.csv: empty file");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_version),
    cmocka_unit_test (test_token_normalize),
    cmocka_unit_test (test_date_parse),
    cmocka_unit_test (test_double_format),
    cmocka_unit_test (test_double_format_brief),
    cmocka_unit_test (test_enum_names),
    cmocka_unit_test (test_diagnostics),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
