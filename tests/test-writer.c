/* peermatch tests: the JSON emitter and the JSON, CSV and text writers (golden files).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-test-util.h"
#include "pm-json-writer-private.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

static PmPair *
make_pair (const char *request, const char *supporter, gint hops, guint overlap,
           const double components[PM_COMPONENT_N])
{
  PmPair *pair = pm_pair_new (request, supporter);

  pair->hops = hops;
  pair->overlap_minutes = overlap;
  for (guint c = 0; c < PM_COMPONENT_N; c++)
    {
      pair->components[c] = components[c];
      pair->score += components[c];
    }
  return pair;
}

/* Five requests: two matched (one across roots), one escalated, two unmatched (one for
 * each reason). Added in request-id order, as the matcher does. */
static PmMatching *
make_matching (void)
{
  const double c1[PM_COMPONENT_N] = { 30, 20, 15, 15, 0, 3.5 };
  const double c2[PM_COMPONENT_N] = { 10, 0, 15, 1.0 / 3.0, 10, 0.1 };
  guint none[PM_REASON_N] = { 0 };
  guint some[PM_REASON_N] = { 0 };
  GDate on;
  PmMatching *m;

  g_date_clear (&on, 1);
  g_date_set_dmy (&on, 1, 12, 2026);
  m = pm_matching_new (&on, 5);
  some[PM_REASON_TRAINING_EXPIRED] = 3;
  some[PM_REASON_LANGUAGE] = 1;
  some[PM_REASON_AVAILABILITY] = 7;
  some[PM_REASON_EXCLUDED] = 1;
  pm_matching_take_pair (m, make_pair ("R1", "S7", 0, 240, c1), TRUE);
  pm_matching_take_pair (m, make_pair ("R2", "S,\"1\"", -1, 60, c2), FALSE);
  pm_matching_add_escalated (m, "R3");
  none[PM_REASON_SAME_TEAM] = 2;
  pm_matching_add_unmatched (m, "R4", PM_UNMATCHED_CAPACITY_TAKEN, 5, none);
  pm_matching_add_unmatched (m, "R9", PM_UNMATCHED_NO_ELIGIBLE_SUPPORTER, 0, some);
  return m;
}

static PmRanking *
make_ranking (void)
{
  const double c1[PM_COMPONENT_N] = { 30, 20, 15, 15, 0, 3.5 };
  const double c2[PM_COMPONENT_N] = { 0, 10, 0, 7.5, 10, 10 };
  guint excluded[PM_REASON_N] = { 0 };
  PmRanking *r;

  excluded[PM_REASON_SELF] = 1;
  excluded[PM_REASON_MODE] = 2;
  r = pm_ranking_new ("R1", FALSE, 3, excluded);
  pm_ranking_take_candidate (r, make_pair ("R1", "S7", 0, 240, c1));
  pm_ranking_take_candidate (r, make_pair ("R1", "S2", 1, 90, c2));
  return r;
}

static void
assert_golden (const char *data, gsize length, const char *golden)
{
  g_autofree char *path = pm_test_data_path (golden);
  g_autofree char *expected = NULL;
  gsize expected_length;

  if (g_getenv ("PM_UPDATE_GOLDEN") != NULL)
    assert_true (g_file_set_contents (path, data, length, NULL));
  expected = pm_test_read_file (path, &expected_length);
  assert_string_equal (data, expected);
  assert_int_equal (length, expected_length);
  assert_int_equal (strlen (data), length);
}

static void
test_json_writer (void **state)
{
  g_autoptr (GString) out = g_string_new (NULL);
  PmJsonWriter w;

  pm_json_writer_init (&w, out);
  pm_json_writer_begin_object (&w);
  pm_json_writer_key (&w, "s");
  pm_json_writer_string (&w, "q\"b\\/\b\f\n\r\t\x01\x1f\x7f é");
  pm_json_writer_key (&w, "a");
  pm_json_writer_begin_array (&w);
  pm_json_writer_int (&w, -3);
  pm_json_writer_double (&w, 0.1);
  pm_json_writer_double (&w, 30.0);
  pm_json_writer_double (&w, NAN);
  pm_json_writer_null (&w);
  pm_json_writer_boolean (&w, TRUE);
  pm_json_writer_boolean (&w, FALSE);
  pm_json_writer_string (&w, NULL);
  pm_json_writer_begin_object (&w);
  pm_json_writer_end_object (&w);
  pm_json_writer_begin_array (&w);
  pm_json_writer_end_array (&w);
  pm_json_writer_end_array (&w);
  pm_json_writer_key (&w, "o");
  pm_json_writer_begin_object (&w);
  pm_json_writer_key (&w, "x");
  pm_json_writer_int (&w, 1);
  pm_json_writer_end_object (&w);
  pm_json_writer_end_object (&w);
  assert_string_equal (out->str, "{\"s\":\"q\\\"b\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\\u007f é\","
                                 "\"a\":[-3,0.1,30,null,null,true,false,null,{},[]],"
                                 "\"o\":{\"x\":1}}");
}

/* The JSON parses back (json-glib) and its numbers are the doubles we started from. */
static void
test_matching_json (void **state)
{
  g_autoptr (PmMatching) m = make_matching ();
  g_autoptr (JsonParser) parser = json_parser_new ();
  gsize length;
  g_autofree char *data = pm_matching_to_data (m, PM_FORMAT_JSON, &length);
  JsonObject *root;
  JsonArray *matches;

  assert_golden (data, length, "io-match.json");
  assert_true (json_parser_load_from_data (parser, data, length, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  matches = json_object_get_array_member (root, "matches");
  assert_true (json_object_get_double_member (json_array_get_object_element (matches, 1), "score")
               == pm_matching_get_pair (m, 1)->score);
  assert_true (json_object_get_null_member (json_array_get_object_element (matches, 1), "hops"));
}

static void
test_matching_csv (void **state)
{
  g_autoptr (PmMatching) m = make_matching ();
  gsize length;
  g_autofree char *data = pm_matching_to_data (m, PM_FORMAT_CSV, &length);

  assert_golden (data, length, "io-match.csv");
}

static void
test_matching_text (void **state)
{
  g_autoptr (PmMatching) m = make_matching ();
  gsize length;
  g_autofree char *data = pm_matching_to_data (m, PM_FORMAT_TEXT, &length);

  assert_golden (data, length, "io-match.txt");
}

static void
test_matching_empty (void **state)
{
  GDate on;
  g_autoptr (PmMatching) m = NULL;
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;

  g_date_clear (&on, 1);
  g_date_set_dmy (&on, 5, 1, 2027);
  m = pm_matching_new (&on, 0);
  json = pm_matching_to_data (m, PM_FORMAT_JSON, NULL);
  csv = pm_matching_to_data (m, PM_FORMAT_CSV, NULL);
  text = pm_matching_to_data (m, PM_FORMAT_TEXT, NULL);
  assert_string_equal (json, "{\"on\":\"2027-01-05\",\"summary\":{\"requests\":0,\"matched\":0,"
                             "\"unmatched\":0,\"escalated\":0,\"total_score\":0},"
                             "\"matches\":[],\"unmatched\":[],\"escalated\":[]}\n");
  assert_string_equal (csv, "request,status,supporter,score,overlap_minutes,hops,topics,region,"
                            "service,availability,role,load,reason,eligible\n");
  assert_string_equal (text, "Matching on 2027-01-05: 0 requests, 0 matched, 0 unmatched, "
                             "0 escalated (total score 0)\n");
}

static void
test_ranking (void **state)
{
  g_autoptr (PmRanking) r = make_ranking ();
  gsize length;
  g_autofree char *json = pm_ranking_to_data (r, PM_FORMAT_JSON, &length);
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;

  assert_golden (json, length, "io-rank.json");
  csv = pm_ranking_to_data (r, PM_FORMAT_CSV, &length);
  assert_golden (csv, length, "io-rank.csv");
  text = pm_ranking_to_data (r, PM_FORMAT_TEXT, &length);
  assert_golden (text, length, "io-rank.txt");
}

static void
test_ranking_escalated (void **state)
{
  g_autoptr (PmRanking) r = pm_ranking_new ("R3", TRUE, 0, NULL);
  g_autofree char *json = pm_ranking_to_data (r, PM_FORMAT_JSON, NULL);
  g_autofree char *csv = pm_ranking_to_data (r, PM_FORMAT_CSV, NULL);
  g_autofree char *text = pm_ranking_to_data (r, PM_FORMAT_TEXT, NULL);

  assert_string_equal (
      json, "{\"request\":\"R3\",\"escalated\":true,\"candidates\":[],\"excluded\":{}}\n");
  assert_string_equal (csv, "rank,supporter,score,overlap_minutes,hops,topics,region,service,"
                            "availability,role,load\n");
  assert_non_null (strstr (text, "crisis services"));
}

static void
test_format_from_string (void **state)
{
  PmFormat f = PM_FORMAT_TEXT;

  assert_true (pm_format_from_string (" JSON ", &f));
  assert_int_equal (f, PM_FORMAT_JSON);
  assert_true (pm_format_from_string ("csv", &f));
  assert_int_equal (f, PM_FORMAT_CSV);
  assert_true (pm_format_from_string ("text", &f));
  assert_int_equal (f, PM_FORMAT_TEXT);
  assert_false (pm_format_from_string ("xml", &f));
  assert_false (pm_format_from_string ("", &f));
  assert_false (pm_format_from_string (NULL, &f));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_json_writer),       cmocka_unit_test (test_matching_json),
    cmocka_unit_test (test_matching_csv),      cmocka_unit_test (test_matching_text),
    cmocka_unit_test (test_matching_empty),    cmocka_unit_test (test_ranking),
    cmocka_unit_test (test_ranking_escalated), cmocka_unit_test (test_format_from_string),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
