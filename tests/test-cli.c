/* peermatch tests: the command-line tool end to end (stdout, stderr, exit status, --output).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * PM_CLI names the built binary and PM_EXAMPLES the example pm_test_data (tests/meson.build sets
 * both); the small cli-* files live in tests/data. */
#include "pm-test-util.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#define ON "2026-12-01"

/* Paths are kept for the whole test program: a small, bounded set. */
static const char *
example (const char *name)
{
  const char *dir = g_getenv ("PM_EXAMPLES");
  g_autofree char *path = NULL;

  if (dir == NULL)
    fail_msg ("PM_EXAMPLES is not set");
  path = g_build_filename (dir, name, NULL);
  return g_intern_string (path);
}

#define EXAMPLE_INPUTS                                                                             \
  "--supporters", example ("supporters.csv"), "--requests", example ("requests.csv"), "--org",     \
      example ("org.csv"), "--on", ON

/* ---- help and version */

static void
test_help (void **state)
{
  g_autoptr (PmTestRun) top = pm_test_run_cli ("--help");
  g_autoptr (PmTestRun) help = pm_test_run_cli ("help");
  g_autoptr (PmTestRun) match = pm_test_run_cli ("match", "--help");
  g_autoptr (PmTestRun) rank = pm_test_run_cli ("help", "rank");
  g_autoptr (PmTestRun) rank_help = pm_test_run_cli ("rank", "--help");
  g_autoptr (PmTestRun) version = pm_test_run_cli ("--version");
  g_autofree char *expected = g_strdup_printf ("peermatch %s\n", pm_get_version_string ());

  assert_int_equal (top->status, 0);
  assert_string_equal (top->err, "");
  for (guint i = 0; i < 3; i++)
    assert_non_null (strstr (top->out, (const char *[]){ "match", "rank", "check" }[i]));
  assert_int_equal (help->status, 0);
  assert_string_equal (help->out, top->out);
  assert_int_equal (match->status, 0);
  assert_non_null (strstr (match->out, "--supporters"));
  assert_non_null (strstr (match->out, "--format"));
  assert_int_equal (rank->status, 0);
  assert_non_null (strstr (rank->out, "--top"));
  /* `help rank` is `rank --help`, usage line included */
  assert_string_equal (rank->out, rank_help->out);
  assert_non_null (strstr (rank->out, "peermatch rank [OPTION"));
  assert_int_equal (version->status, 0);
  assert_string_equal (version->out, expected);
}

/* ---- usage errors: 64, a message and a hint on stderr, nothing on stdout */

static void
test_usage_commands (void **state)
{
  g_autoptr (PmTestRun) none = pm_test_run_argv ((const char *const[]){ NULL });
  g_autoptr (PmTestRun) empty = pm_test_run_cli ("");
  g_autoptr (PmTestRun) unknown = pm_test_run_cli ("frobnicate");
  g_autoptr (PmTestRun) option = pm_test_run_cli ("--frobnicate");
  g_autoptr (PmTestRun) help = pm_test_run_cli ("help", "frobnicate");

  pm_test_assert_usage_error (none);
  pm_test_assert_usage_error (empty);
  pm_test_assert_usage_error (unknown);
  assert_non_null (strstr (unknown->err, "frobnicate"));
  pm_test_assert_usage_error (option);
  pm_test_assert_usage_error (help);
}

static void
test_usage_options (void **state)
{
  const char *s = example ("supporters.csv");
  const char *r = example ("requests.csv");
  g_autoptr (PmTestRun) unknown
      = pm_test_run_cli ("match", "--supporters", s, "--requests", r, "--bogus");
  g_autoptr (PmTestRun) no_s = pm_test_run_cli ("match", "--requests", r);
  g_autoptr (PmTestRun) no_r = pm_test_run_cli ("rank", "--supporters", s, "--request", "R01");
  g_autoptr (PmTestRun) no_id = pm_test_run_cli ("rank", "--supporters", s, "--requests", r);
  g_autoptr (PmTestRun) no_check = pm_test_run_cli ("check", "--requests", r);
  g_autoptr (PmTestRun) stray
      = pm_test_run_cli ("match", "--supporters", s, "--requests", r, "extra");
  g_autoptr (PmTestRun) missing_value = pm_test_run_cli ("match", "--supporters");

  pm_test_assert_usage_error (unknown);
  assert_non_null (strstr (unknown->err, "--bogus"));
  pm_test_assert_usage_error (no_s);
  assert_non_null (strstr (no_s->err, "--supporters"));
  pm_test_assert_usage_error (no_r);
  assert_non_null (strstr (no_r->err, "--requests"));
  pm_test_assert_usage_error (no_id);
  assert_non_null (strstr (no_id->err, "--request"));
  pm_test_assert_usage_error (no_check);
  pm_test_assert_usage_error (stray);
  pm_test_assert_usage_error (missing_value);
}

static void
test_usage_values (void **state)
{
  const char *bad_dates[] = { "2026-13-01", "2027-02-29", "1/12/2026", "2026-12-1", "today" };
  const char *s = example ("supporters.csv");
  const char *r = example ("requests.csv");

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_autoptr (PmTestRun) run
          = pm_test_run_cli ("match", "--supporters", s, "--requests", r, "--on", bad_dates[i]);

      pm_test_assert_usage_error (run);
      assert_non_null (strstr (run->err, bad_dates[i]));
    }
  for (guint i = 0; i < 3; i++)
    {
      const char *top = (const char *[]){ "0", "-1", "ten" }[i];
      g_autoptr (PmTestRun) run = pm_test_run_cli ("rank", "--supporters", s, "--requests", r,
                                                   "--request", "R01", "--top", top);

      pm_test_assert_usage_error (run);
    }
  {
    g_autoptr (PmTestRun) run
        = pm_test_run_cli ("match", "--supporters", s, "--requests", r, "--format", "xml");

    pm_test_assert_usage_error (run);
    assert_non_null (strstr (run->err, "xml"));
  }
}

/* ---- the example network */

static void
assert_components_add_up (JsonObject *pair)
{
  JsonObject *components = json_object_get_object_member (pair, "components");
  const char *names[] = { "topics", "region", "service", "availability", "role", "load" };
  double sum = 0;

  assert_non_null (components);
  assert_int_equal (json_object_get_size (components), G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    sum += json_object_get_double_member (components, names[i]);
  assert_float_equal (sum, json_object_get_double_member (pair, "score"), 1e-9);
  assert_true (json_object_has_member (pair, "overlap_minutes"));
  assert_true (json_object_has_member (pair, "hops"));
}

static void
check_matches (JsonArray *matches)
{
  const char *previous = "";

  for (guint i = 0; i < json_array_get_length (matches); i++)
    {
      JsonObject *m = json_array_get_object_element (matches, i);
      const char *request = json_object_get_string_member (m, "request");

      assert_true (strcmp (previous, request) < 0);
      previous = request;
      assert_non_null (json_object_get_string_member (m, "supporter"));
      assert_components_add_up (m);
    }
}

/* Returns how many unmatched requests have @reason. */
static guint
count_unmatched (JsonArray *unmatched, const char *reason)
{
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (unmatched); i++)
    {
      JsonObject *u = json_array_get_object_element (unmatched, i);

      assert_true (json_object_has_member (u, "eligible"));
      assert_true (json_object_has_member (u, "excluded"));
      if (g_strcmp0 (json_object_get_string_member (u, "reason"), reason) == 0)
        n++;
    }
  return n;
}

static void
test_match_json (void **state)
{
  g_autoptr (PmTestRun) run = pm_test_run_cli ("match", EXAMPLE_INPUTS);
  g_autoptr (JsonNode) root = NULL;
  JsonObject *o, *summary;
  JsonArray *matches, *unmatched, *escalated;

  assert_int_equal (run->status, 0);
  assert_string_equal (run->err, "");
  root = pm_test_parse_json (run->out);
  o = json_node_get_object (root);
  assert_string_equal (json_object_get_string_member (o, "on"), ON);
  summary = json_object_get_object_member (o, "summary");
  matches = json_object_get_array_member (o, "matches");
  unmatched = json_object_get_array_member (o, "unmatched");
  escalated = json_object_get_array_member (o, "escalated");
  assert_non_null (summary);
  assert_int_equal (json_object_get_int_member (summary, "requests"), 40);
  assert_int_equal (json_object_get_int_member (summary, "matched"),
                    json_array_get_length (matches));
  assert_int_equal (json_object_get_int_member (summary, "unmatched"),
                    json_array_get_length (unmatched));
  assert_int_equal (json_array_get_length (escalated), 1);
  assert_int_equal (json_object_get_int_member (summary, "escalated"), 1);
  assert_int_equal (json_array_get_length (matches) + json_array_get_length (unmatched) + 1, 40);
  assert_string_equal (
      json_object_get_string_member (json_array_get_object_element (escalated, 0), "request"),
      "R03");
  assert_true (json_object_has_member (summary, "total_score"));
  check_matches (matches);
  /* The example data is built to show each outcome at least twice. */
  assert_true (count_unmatched (unmatched, "no_eligible_supporter") >= 2);
  assert_true (count_unmatched (unmatched, "capacity_taken") >= 2);
  assert_true (json_array_get_length (matches) >= 30);
}

static void
test_match_text_csv (void **state)
{
  g_autoptr (PmTestRun) text = pm_test_run_cli ("match", EXAMPLE_INPUTS, "--format", "text");
  g_autoptr (PmTestRun) csv = pm_test_run_cli ("match", EXAMPLE_INPUTS, "--format", "csv");
  g_auto (GStrv) lines = NULL;
  gboolean escalation = FALSE;

  assert_int_equal (text->status, 0);
  assert_string_equal (text->err, "");
  lines = g_strsplit (text->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (lines[i], -1);

      if (strstr (lines[i], "R03") != NULL && strstr (folded, "crisis") != NULL)
        escalation = TRUE;
    }
  assert_true (escalation);
  assert_int_equal (csv->status, 0);
  assert_string_equal (csv->err, "");
  g_strfreev (lines);
  lines = g_strsplit (csv->out, "\n", -1);
  /* a header, one row per request, and the empty string after the last LF */
  assert_int_equal (g_strv_length (lines), 1 + 40 + 1);
  assert_true (g_str_has_prefix (lines[0], "request,"));
}

static void
test_rank (void **state)
{
  g_autoptr (PmTestRun) run
      = pm_test_run_cli ("rank", EXAMPLE_INPUTS, "--request", "R01", "--top", "3");
  g_autoptr (PmTestRun) text
      = pm_test_run_cli ("rank", EXAMPLE_INPUTS, "--request", "R01", "--format", "text");
  g_autoptr (JsonNode) root = NULL;
  JsonObject *o;
  JsonArray *candidates;
  double previous = G_MAXDOUBLE;

  assert_int_equal (run->status, 0);
  assert_string_equal (run->err, "");
  root = pm_test_parse_json (run->out);
  o = json_node_get_object (root);
  assert_string_equal (json_object_get_string_member (o, "request"), "R01");
  assert_non_null (json_object_get_object_member (o, "excluded"));
  candidates = json_object_get_array_member (o, "candidates");
  assert_int_equal (json_array_get_length (candidates), 3);
  for (guint i = 0; i < json_array_get_length (candidates); i++)
    {
      JsonObject *c = json_array_get_object_element (candidates, i);
      double score = json_object_get_double_member (c, "score");

      assert_true (score <= previous);
      previous = score;
      assert_non_null (json_object_get_string_member (c, "supporter"));
      assert_components_add_up (c);
    }
  assert_int_equal (text->status, 0);
  assert_non_null (strstr (text->out, "R01"));
}

static void
test_rank_unknown_request (void **state)
{
  g_autoptr (PmTestRun) run = pm_test_run_cli ("rank", EXAMPLE_INPUTS, "--request", "R999");

  assert_int_equal (run->status, 64);
  assert_string_equal (run->out, "");
  assert_true (g_str_has_prefix (run->err, "peermatch: "));
  assert_non_null (strstr (run->err, "R999"));
}

static void
test_check_examples (void **state)
{
  g_autoptr (PmTestRun) run
      = pm_test_run_cli ("check", "--supporters", example ("supporters.csv"), "--requests",
                         example ("requests.csv"), "--org", example ("org.csv"));

  assert_int_equal (run->status, 0);
  assert_string_equal (run->out, "");
  assert_string_equal (run->err, "");
}

static void
test_deterministic (void **state)
{
  for (guint f = 0; f < 3; f++)
    {
      const char *format = (const char *[]){ "json", "csv", "text" }[f];
      g_autoptr (PmTestRun) a = pm_test_run_cli ("match", EXAMPLE_INPUTS, "--format", format);
      g_autoptr (PmTestRun) b = pm_test_run_cli ("match", EXAMPLE_INPUTS, "--format", format);

      assert_int_equal (a->status, 0);
      assert_int_equal (b->status, 0);
      assert_string_equal (a->out, b->out);
    }
}

/* Without --on the matching day is today's local date. */
static void
test_default_date (void **state)
{
  g_autoptr (GDateTime) before = g_date_time_new_now_local ();
  g_autoptr (PmTestRun) run
      = pm_test_run_cli ("match", "--supporters", pm_test_data ("cli-supporters.csv"), "--requests",
                         pm_test_data ("cli-requests.csv"));
  g_autoptr (GDateTime) after = g_date_time_new_now_local ();
  g_autofree char *day1 = g_date_time_format (before, "%Y-%m-%d");
  g_autofree char *day2 = g_date_time_format (after, "%Y-%m-%d");
  g_autoptr (JsonNode) root = NULL;
  const char *on;

  assert_int_equal (run->status, 0);
  root = pm_test_parse_json (run->out);
  on = json_object_get_string_member (json_node_get_object (root), "on");
  assert_true (g_strcmp0 (on, day1) == 0 || g_strcmp0 (on, day2) == 0);
}

/* ---- input errors */

static void
test_bad_data (void **state)
{
  const char *bad = pm_test_data ("cli-bad-supporters.csv");
  g_autoptr (PmTestRun) run = pm_test_run_cli ("match", "--supporters", bad, "--requests",
                                               pm_test_data ("cli-requests.csv"), "--on", ON);
  g_autoptr (PmTestRun) check = pm_test_run_cli ("check", "--supporters", bad);
  g_autofree char *first
      = g_strdup_printf ("peermatch: %s:3: capacity: 'lots' is not a whole number \u2265 0\n", bad);
  g_autofree char *second = g_strdup_printf ("peermatch: %s:4: region: ", bad);
  g_autofree char *third = g_strdup_printf ("peermatch: %s:6: trained_until: ", bad);
  g_auto (GStrv) lines = NULL;

  assert_int_equal (run->status, 65);
  assert_string_equal (run->out, "");
  assert_true (g_str_has_prefix (run->err, first));
  lines = g_strsplit (run->err, "\n", -1);
  assert_int_equal (g_strv_length (lines), 4);
  assert_true (g_str_has_prefix (lines[1], second));
  assert_true (g_str_has_prefix (lines[2], third));
  /* check prints the same diagnostics, without the prefix, on stdout */
  assert_int_equal (check->status, 65);
  assert_string_equal (check->err, "");
  for (guint i = 0; i < 3; i++)
    assert_non_null (strstr (check->out, lines[i] + strlen ("peermatch: ")));
}

static void
test_check_lists_every_problem (void **state)
{
  const char *bad = pm_test_data ("cli-bad-supporters.csv");
  const char *bad_requests = pm_test_data ("cli-bad-requests.csv");
  g_autoptr (PmTestRun) run
      = pm_test_run_cli ("check", "--supporters", bad, "--requests", bad_requests);
  g_auto (GStrv) lines = NULL;
  guint in_supporters = 0, in_requests = 0;

  assert_int_equal (run->status, 65);
  assert_string_equal (run->err, "");
  lines = g_strsplit (run->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      if (g_str_has_prefix (lines[i], bad) && lines[i][strlen (bad)] == ':')
        in_supporters++;
      else if (g_str_has_prefix (lines[i], bad_requests))
        in_requests++;
      else
        fail_msg ("unexpected line: %s", lines[i]);
    }
  assert_true (in_supporters >= 3);
  assert_true (in_requests >= 1);
}

static void
test_warnings_only (void **state)
{
  const char *warn = pm_test_data ("cli-warn-supporters.csv");
  g_autoptr (PmTestRun) check = pm_test_run_cli ("check", "--supporters", warn);
  g_autoptr (PmTestRun) match = pm_test_run_cli ("match", "--supporters", warn, "--requests",
                                                 pm_test_data ("cli-requests.csv"), "--on", ON);
  g_autofree char *prefix = g_strdup_printf ("peermatch: %s:", warn);
  g_autoptr (JsonNode) root = NULL;

  assert_int_equal (check->status, 0);
  assert_true (g_str_has_prefix (check->out, warn));
  assert_non_null (strstr (check->out, ": warning: "));
  assert_int_equal (match->status, 0);
  assert_true (g_str_has_prefix (match->err, prefix));
  assert_non_null (strstr (match->err, ": warning: "));
  root = pm_test_parse_json (match->out);
}

static void
test_missing_input (void **state)
{
  g_autoptr (PmTestRun) run
      = pm_test_run_cli ("match", "--supporters", "/nonexistent/supporters.csv", "--requests",
                         pm_test_data ("cli-requests.csv"));
  g_autoptr (PmTestRun) check
      = pm_test_run_cli ("check", "--supporters", pm_test_data ("cli-supporters.csv"), "--requests",
                         "/nonexistent/requests.csv");

  assert_int_equal (run->status, 66);
  assert_string_equal (run->out, "");
  assert_true (g_str_has_prefix (run->err, "peermatch: "));
  assert_non_null (strstr (run->err, "/nonexistent/supporters.csv"));
  assert_int_equal (check->status, 66);
  assert_non_null (strstr (check->out, "/nonexistent/requests.csv"));
}

/* check goes on after an input fails; without a region tree it cannot check the people. */
static void
test_check_keeps_going (void **state)
{
  const char *s = pm_test_data ("cli-supporters.csv");
  g_autoptr (PmTestRun) run
      = pm_test_run_cli ("check", "--regions", "/nonexistent/regions.csv", "--policy",
                         "/nonexistent/policy.ini", "--supporters", s);
  g_autofree char *skipped
      = g_strdup_printf ("%s: warning: not checked: the region tree has errors\n", s);

  assert_int_equal (run->status, 66);
  assert_string_equal (run->err, "");
  assert_non_null (strstr (run->out, "/nonexistent/regions.csv"));
  assert_non_null (strstr (run->out, "/nonexistent/policy.ini"));
  assert_true (g_str_has_suffix (run->out, skipped));
}

/* ---- --output */

static void
test_output_written (void **state)
{
  g_autofree char *path = pm_test_write_temp ("out.json", "old contents\n");
  g_autoptr (PmTestRun) run = pm_test_run_cli ("match", EXAMPLE_INPUTS, "--output", path);
  g_autoptr (PmTestRun) plain = pm_test_run_cli ("match", EXAMPLE_INPUTS);
  g_autofree char *written = NULL;

  assert_int_equal (run->status, 0);
  assert_string_equal (run->out, "");
  assert_string_equal (run->err, "");
  written = pm_test_read_file (path, NULL);
  assert_string_equal (written, plain->out);
  pm_test_remove_temp (path);
}

static void
test_output_untouched_on_error (void **state)
{
  const char *before = "precious bytes\r\n\001\n";
  g_autofree char *path = pm_test_write_temp ("out.json", before);
  const char *s = pm_test_data ("cli-supporters.csv");
  const char *r = pm_test_data ("cli-requests.csv");
  g_autoptr (PmTestRun) bad
      = pm_test_run_cli ("match", "--supporters", pm_test_data ("cli-bad-supporters.csv"),
                         "--requests", r, "--output", path);
  g_autoptr (PmTestRun) missing = pm_test_run_cli ("match", "--supporters", s, "--requests",
                                                   "/nonexistent/r.csv", "--output", path);
  g_autoptr (PmTestRun) unknown = pm_test_run_cli ("rank", "--supporters", s, "--requests", r,
                                                   "--request", "nope", "--output", path);
  g_autoptr (PmTestRun) usage = pm_test_run_cli ("match", "--supporters", s, "--requests", r,
                                                 "--format", "yaml", "--output", path);
  g_autofree char *after = NULL;

  assert_int_equal (bad->status, 65);
  assert_int_equal (missing->status, 66);
  assert_int_equal (unknown->status, 64);
  assert_int_equal (usage->status, 64);
  after = pm_test_read_file (path, NULL);
  assert_string_equal (after, before);
  pm_test_remove_temp (path);
}

static void
test_output_cannot_create (void **state)
{
  g_autoptr (PmTestRun) run = pm_test_run_cli (
      "match", "--supporters", pm_test_data ("cli-supporters.csv"), "--requests",
      pm_test_data ("cli-requests.csv"), "--output", "/nonexistent-peermatch-dir/out.json");

  assert_int_equal (run->status, 73);
  assert_string_equal (run->out, "");
  assert_true (g_str_has_prefix (run->err, "peermatch: /nonexistent-peermatch-dir/out.json: "));
  assert_false (g_file_test ("/nonexistent-peermatch-dir", G_FILE_TEST_EXISTS));
}

/* A failed write to standard output is an I/O error, not a success. */
static void
test_stdout_full (void **state)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *command = NULL;
  int wait_status = 0;

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    skip ();
  command
      = g_strdup_printf ("sh -c '\"$PM_CLI\" match --supporters %s --requests %s > /dev/full'",
                         pm_test_data ("cli-supporters.csv"), pm_test_data ("cli-requests.csv"));
  assert_true (g_spawn_command_line_sync (command, &out, &err, &wait_status, &error));
  assert_int_equal (WEXITSTATUS (wait_status), 74);
  assert_true (g_str_has_prefix (err, "peermatch: "));
}

/* An existing device is written in place, and a failed write is an I/O error (74). */
static void
test_output_device (void **state)
{
  g_autoptr (PmTestRun) full = NULL;

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    skip ();
  full = pm_test_run_cli ("match", "--supporters", pm_test_data ("cli-supporters.csv"),
                          "--requests", pm_test_data ("cli-requests.csv"), "--output", "/dev/full");
  assert_int_equal (full->status, 74);
  assert_string_equal (full->out, "");
  assert_string_equal (full->err, "peermatch: /dev/full: No space left on device\n");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_help),
    cmocka_unit_test (test_usage_commands),
    cmocka_unit_test (test_usage_options),
    cmocka_unit_test (test_usage_values),
    cmocka_unit_test (test_match_json),
    cmocka_unit_test (test_match_text_csv),
    cmocka_unit_test (test_rank),
    cmocka_unit_test (test_rank_unknown_request),
    cmocka_unit_test (test_check_examples),
    cmocka_unit_test (test_deterministic),
    cmocka_unit_test (test_default_date),
    cmocka_unit_test (test_bad_data),
    cmocka_unit_test (test_check_lists_every_problem),
    cmocka_unit_test (test_warnings_only),
    cmocka_unit_test (test_missing_input),
    cmocka_unit_test (test_check_keeps_going),
    cmocka_unit_test (test_output_written),
    cmocka_unit_test (test_output_untouched_on_error),
    cmocka_unit_test (test_output_cannot_create),
    cmocka_unit_test (test_stdout_full),
    cmocka_unit_test (test_output_device),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
