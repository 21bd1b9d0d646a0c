/* peermatch tests: the JSON, CSV and text renderings of a rota (golden files).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The rotas are set by hand, not planned, so that the goldens do not move when the search
 * is tuned. tests/data/rota-writer.ini is a week from Monday 2026-12-28 with the shift types
 * night, Late and day declared in that order, and three supporters added as S2 (trim), S10
 * and a1, so that both orders (declaration, bytes) differ. a1 is on leave 12-30 and 12-31;
 * S10 must work 4000 minutes in at most 5 shifts (unreachable); S2 asked for a day shift on
 * 12-29, a1 asked not to work the night of 01-02. PM_UPDATE_GOLDEN=1 rewrites the goldens. */
#include "pm-test-network.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

static int
setup (void **state)
{
  g_autoptr (PmRegionTree) tree = pm_region_tree_new ();
  g_autoptr (PmPolicy) policy = pm_policy_new ();
  PmNetwork *network;

  assert_true (pm_region_tree_add (tree, "uk", NULL, "UK", NULL));
  network = pm_network_new (tree, policy);
  pm_test_add_rota_supporter (network, "ambulance", "S2", "trim");
  pm_test_add_rota_supporter (network, "ambulance", "S10", NULL);
  pm_test_add_rota_supporter (network, "ambulance", "a1", NULL);
  *state = network;
  return g_chdir (PM_TEST_DATA);
}

static int
teardown (void **state)
{
  g_object_unref (*state);
  return 0;
}

static void
assert_golden (const char *data, gsize length, const char *golden)
{
  g_autofree char *expected = NULL;
  gsize expected_length;

  assert_int_equal (strlen (data), length);
  if (g_getenv ("PM_UPDATE_GOLDEN") != NULL)
    assert_true (g_file_set_contents (golden, data, (gssize)length, NULL));
  expected = pm_test_read_file (golden, &expected_length);
  assert_string_equal (data, expected);
}

static void
assert_renders (PmRota *rota, const char *golden_base)
{
  static const struct
  {
    PmFormat format;
    const char *suffix;
  } formats[] = { { PM_FORMAT_JSON, "json" }, { PM_FORMAT_CSV, "csv" }, { PM_FORMAT_TEXT, "txt" } };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *golden = g_strdup_printf ("%s.%s", golden_base, formats[f].suffix);
      gsize length = 0;
      g_autofree char *data = pm_rota_to_data (rota, formats[f].format, &length);

      assert_golden (data, length, golden);
      assert_true (g_str_has_suffix (data, "\n"));
    }
}

static void
set (PmRota *rota, const char *person, guint day, const char *shift)
{
  PmRotaProblem *problem = pm_rota_get_problem (rota);
  gint p = pm_rota_problem_find_person (problem, person);
  g_autoptr (GError) error = NULL;

  assert_true (p >= 0);
  assert_true (pm_rota_set_shift (rota, (guint)p, day, shift, &error));
}

/* Days: 0 Mon 12-28, 1 Tue, 2 Wed, 3 Thu 12-31, 4 Fri 01-01, 5 Sat, 6 Sun 01-03. */
static PmRota *
hand_set_rota (PmNetwork *network)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRotaProblem) problem = pm_reader_read_rota_problem (
      network, "rota-writer.ini", "rota-writer-limits.csv", "rota-writer-leave.csv",
      "rota-writer-prefs.csv", NULL, &error);
  PmRota *rota;

  assert_null (error);
  rota = pm_rota_new (problem);
  for (guint d = 0; d < 4; d++)
    set (rota, "S2", d, "day"); /* 4 days in a row, at most 3 */
  set (rota, "S2", 5, "Late");  /* the weekend's trim Late */
  set (rota, "S10", 0, "night");
  set (rota, "S10", 1, "day"); /* 2 hours' rest after the night, at least 10 */
  set (rota, "S10", 6, "night");
  set (rota, "a1", 0, "day");   /* over: S2 is on too */
  set (rota, "a1", 2, "night"); /* on leave */
  set (rota, "a1", 5, "night"); /* asked not to */
  set (rota, "a1", 6, "day");
  return rota;
}

static void
test_rota_formats (void **state)
{
  g_autoptr (PmRota) rota = hand_set_rota (*state);

  assert_renders (rota, "rota-writer");
}

/* The JSON is what the specification shows, key for key; the figures add up. */
static void
test_rota_json_shape (void **state)
{
  g_autoptr (PmRota) rota = hand_set_rota (*state);
  g_autofree char *data = pm_rota_to_data (rota, PM_FORMAT_JSON, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GList) keys = NULL;
  static const char *const expected[]
      = { "objective", "hard_violations", "breakdown", "assignments", "uncovered", "people" };
  JsonObject *root, *breakdown;
  guint i = 0;

  assert_true (json_parser_load_from_data (parser, data, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  keys = json_object_get_members (root);
  for (GList *l = keys; l != NULL; l = l->next, i++)
    assert_string_equal (l->data, expected[i]);
  assert_int_equal (i, G_N_ELEMENTS (expected));
  breakdown = json_object_get_object_member (root, "breakdown");
  assert_int_equal (json_object_get_int_member (root, "objective"),
                    json_object_get_int_member (breakdown, "under")
                        + json_object_get_int_member (breakdown, "over")
                        + json_object_get_int_member (breakdown, "requests"));
  assert_int_equal (json_array_get_length (json_object_get_array_member (root, "hard_violations")),
                    pm_rota_get_n_violations (rota));
  assert_int_equal (json_array_get_length (json_object_get_array_member (root, "assignments")), 12);
  assert_int_equal (json_array_get_length (json_object_get_array_member (root, "people")), 3);
}

static void
test_rota_empty (void **state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRotaProblem) problem
      = pm_reader_read_rota_problem (*state, "rota-writer.ini", NULL, NULL, NULL, NULL, &error);
  g_autoptr (PmRota) rota = pm_rota_new (problem);
  g_autofree char *csv = pm_rota_to_data (rota, PM_FORMAT_CSV, NULL);

  assert_string_equal (csv, "date,shift,person\n");
  assert_renders (rota, "rota-writer-empty");
}

static void
test_rota_benchmark (void **state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRotaProblem) problem = pm_reader_read_benchmark ("rota-api-bench.txt", NULL, &error);
  g_autoptr (PmRota) rota = NULL;

  (void)state;
  assert_null (error);
  rota = pm_rota_new (problem);
  for (guint d = 0; d < 4; d++)
    set (rota, "A", d, "E");
  set (rota, "B", 0, "L");
  set (rota, "B", 1, "E"); /* L may not be followed by E */
  set (rota, "B", 4, "L");
  set (rota, "B", 5, "L");
  set (rota, "C", 1, "E"); /* a day off */
  set (rota, "C", 3, "L");
  set (rota, "C", 4, "E");
  assert_renders (rota, "rota-writer-bench");
}

/* Ids that need quoting in CSV and escaping in JSON come out right. */
static void
test_rota_quoting (void **state)
{
  g_autofree char *ini = pm_test_write_temp (
      "q.ini", "[rota]\nstart=2026-12-07\ndays=1\n[shift a,\"b\"]\nstart=08:00\nminutes=60\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRotaProblem) problem
      = pm_reader_read_rota_problem (*state, ini, NULL, NULL, NULL, NULL, &error);
  g_autoptr (PmRota) rota = NULL;
  g_autofree char *csv = NULL, *json = NULL;

  pm_test_remove_temp (ini);
  assert_null (error);
  rota = pm_rota_new (problem);
  set (rota, "S10", 0, "a,\"b\"");
  csv = pm_rota_to_data (rota, PM_FORMAT_CSV, NULL);
  assert_string_equal (csv, "date,shift,person\n2026-12-07,\"a,\"\"b\"\"\",S10\n");
  json = pm_rota_to_data (rota, PM_FORMAT_JSON, NULL);
  assert_non_null (strstr (json, "\"shift\":\"a,\\\"b\\\"\""));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_rota_formats), cmocka_unit_test (test_rota_json_shape),
    cmocka_unit_test (test_rota_empty),   cmocka_unit_test (test_rota_benchmark),
    cmocka_unit_test (test_rota_quoting),
  };

  return cmocka_run_group_tests (tests, setup, teardown);
}
