/* peermatch tests: shared helpers.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

char *
pm_test_data_path (const char *name)
{
  return g_build_filename (PM_TEST_DATA, name, NULL);
}

char *
pm_test_write_temp (const char *basename, const char *contents)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("peermatch-test-XXXXXX", &error);
  char *path;

  assert_non_null (dir);
  path = g_build_filename (dir, basename, NULL);
  assert_true (g_file_set_contents (path, contents, -1, &error));
  return path;
}

void
pm_test_remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

char *
pm_test_read_file (const char *path, gsize *length)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, length, &error))
    fail_msg ("cannot read %s: %s", path, error->message);
  return contents;
}

char *
pm_test_format_diagnostics (PmDiagnostics *d)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < pm_diagnostics_get_n_items (d); i++)
    {
      g_autofree char *item = pm_diagnostics_format_item (d, i);
      const char *field = pm_diagnostics_get_field (d, i);

      g_string_append_printf (out, "%s [%s]\n", item, field != NULL ? field : "-");
    }
  return g_string_free (out, FALSE);
}

void
pm_test_assert_diagnostics (PmDiagnostics *d, const char *golden)
{
  g_autofree char *got = pm_test_format_diagnostics (d);

  pm_test_assert_golden (got, strlen (got), golden);
}

void
pm_test_assert_golden (const char *got, gsize length, const char *golden)
{
  g_autofree char *expected = NULL;
  gsize expected_length = 0;

  if (g_getenv ("PM_UPDATE_GOLDEN") != NULL)
    assert_true (g_file_set_contents (golden, got, (gssize)length, NULL));
  expected = pm_test_read_file (golden, &expected_length);
  if (expected_length != length || memcmp (got, expected, length) != 0)
    fail_msg ("%s differs from what was produced:\n%.*s", golden, (int)length, got);
}

void
pm_test_run_free (PmTestRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

/* Runs the CLI with the NULL-terminated arguments @args. */
PmTestRun *
pm_test_run_argv (const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *cli = g_getenv ("PM_CLI");
  PmTestRun *run = g_new0 (PmTestRun, 1);
  int wait_status = 0;

  if (cli == NULL)
    fail_msg ("PM_CLI is not set");
  g_ptr_array_add (argv, (gpointer)cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &run->out,
                     &run->err, &wait_status, &error))
    fail_msg ("cannot run %s: %s", cli, error->message);
  assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  return run;
}

JsonNode *
pm_test_parse_json (const char *text)
{
  g_autoptr (GError) error = NULL;
  JsonNode *root = json_from_string (text, &error);

  if (root == NULL)
    fail_msg ("not JSON: %s\n%s", error != NULL ? error->message : "empty", text);
  return root;
}

void
pm_test_assert_usage_error (PmTestRun *run)
{
  assert_int_equal (run->status, 64);
  assert_string_equal (run->out, "");
  assert_true (g_str_has_prefix (run->err, "peermatch: "));
  assert_non_null (strstr (run->err, "--help"));
}

const char *
pm_test_data (const char *name)
{
  g_autofree char *path = pm_test_data_path (name);

  return g_intern_string (path);
}

char *
pm_test_temp_path (const char *basename)
{
  char *path = pm_test_write_temp (basename, "");

  assert_int_equal (g_remove (path), 0);
  return path;
}
