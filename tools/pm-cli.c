/* peermatch: what the commands of the command-line tool share (see pm-cli-private.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-cli-private.h"

#include <errno.h>
#include <string.h>

int
pm_cli_usage_error (const char *command, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (command != NULL)
    fprintf (stderr, "peermatch: %s: %s\nTry 'peermatch %s --help'.\n", command, message, command);
  else
    fprintf (stderr, "peermatch: %s\nTry 'peermatch --help'.\n", message);
  return PM_CLI_EXIT_USAGE;
}

int
pm_cli_exit_status (const GError *error)
{
  if (error == NULL || error->domain != PM_ERROR)
    return PM_CLI_EXIT_IO;
  switch ((PmError)error->code)
    {
      case PM_ERROR_INVALID_DATA:
      case PM_ERROR_LIMIT:
        return PM_CLI_EXIT_DATA;
      case PM_ERROR_NOT_FOUND:
        return PM_CLI_EXIT_USAGE;
      case PM_ERROR_OPEN:
        return PM_CLI_EXIT_NO_INPUT;
      case PM_ERROR_CREATE:
        return PM_CLI_EXIT_CANT_CREATE;
      case PM_ERROR_IO:
      default:
        return PM_CLI_EXIT_IO;
    }
}

int
pm_cli_report_error (const GError *error)
{
  fprintf (stderr, "peermatch: %s\n", error != NULL ? error->message : "unknown error");
  return pm_cli_exit_status (error);
}

int
pm_cli_parse (const char *command, GOptionContext *context, const gboolean *help, char **args,
              gboolean *done)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) strv = g_strdupv (args);

  *done = FALSE;
  if (!g_option_context_parse_strv (context, &strv, &error))
    return pm_cli_usage_error (command, "%s", error->message);
  if (*help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      fputs (text, stdout);
      *done = TRUE;
      return PM_CLI_EXIT_OK;
    }
  if (strv[0] != NULL && strv[1] != NULL)
    return pm_cli_usage_error (command, "unexpected argument '%s'", strv[1]);
  return PM_CLI_EXIT_OK;
}

/* 9999-12-31T23:59:59Z: the last instant an iCalendar DATE-TIME can write (as GCC's limit). */
#define MAX_SOURCE_DATE_EPOCH G_GUINT64_CONSTANT (253402300799)

/* https://reproducible-builds.org/specs/source-date-epoch/: the value is digits as
 * `date +%s` prints them, and a malformed one is an error rather than silently ignored
 * (an empty one too: it would otherwise fall back to the clock unnoticed). */
int
pm_cli_get_dtstamp (const char *command, gint64 *dtstamp)
{
  const char *text = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (text == NULL)
    {
      *dtstamp = g_get_real_time () / G_USEC_PER_SEC;
      return PM_CLI_EXIT_OK;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, MAX_SOURCE_DATE_EPOCH, &seconds, NULL))
    {
      g_autofree char *shown = g_strescape (text, NULL);

      return pm_cli_usage_error (command,
                                 "SOURCE_DATE_EPOCH wants a whole number of seconds from 0 to "
                                 "%" G_GUINT64_FORMAT ", not '%s'",
                                 MAX_SOURCE_DATE_EPOCH, shown);
    }
  *dtstamp = (gint64)seconds;
  return PM_CLI_EXIT_OK;
}

/* ---- reading the network */

/* An error the reader did not also record as a diagnostic (the file cannot be opened, say) is
 * added, so every problem prints the same way and exactly once. */
gboolean
pm_cli_loader_done (PmCliLoader *l, guint errors_before, gboolean ok, const GError *error)
{
  if (ok)
    return TRUE;
  if (pm_diagnostics_get_n_errors (l->diagnostics) == errors_before)
    pm_diagnostics_add (l->diagnostics, PM_SEVERITY_ERROR, NULL, 0, NULL,
                        error != NULL ? error->message : "unknown error");
  if (l->status == PM_CLI_EXIT_OK)
    l->status = pm_cli_exit_status (error);
  return FALSE;
}

static PmRegionTree *
load_regions (PmCliLoader *l, const char *path)
{
  g_autoptr (GError) error = NULL;
  guint before = pm_diagnostics_get_n_errors (l->diagnostics);
  PmRegionTree *regions;

  if (path == NULL)
    return pm_region_tree_new_default ();
  regions = pm_reader_read_regions (path, l->diagnostics, &error);
  pm_cli_loader_done (l, before, regions != NULL, error);
  return regions;
}

static PmPolicy *
load_policy (PmCliLoader *l, const char *path)
{
  g_autoptr (GError) error = NULL;
  guint before = pm_diagnostics_get_n_errors (l->diagnostics);
  PmPolicy *policy;

  if (path == NULL)
    return pm_policy_new_default ();
  policy = pm_reader_read_policy (path, l->diagnostics, &error);
  pm_cli_loader_done (l, before, policy != NULL, error);
  return policy;
}

static gboolean
load_org_chart (PmCliLoader *l, PmNetwork *network, const char *path)
{
  g_autoptr (GError) error = NULL;
  guint before = pm_diagnostics_get_n_errors (l->diagnostics);
  gboolean ok;

  if (path == NULL)
    return TRUE;
  ok = pm_reader_read_org_chart (pm_network_get_org_chart (network), path, l->diagnostics, &error);
  return pm_cli_loader_done (l, before, ok, error);
}

typedef gboolean (*PeopleReader) (PmNetwork *network, const char *path, PmDiagnostics *diagnostics,
                                  GError **error);

static gboolean
load_people (PmCliLoader *l, PmNetwork *network, const char *path, PeopleReader reader)
{
  g_autoptr (GError) error = NULL;
  guint before = pm_diagnostics_get_n_errors (l->diagnostics);
  gboolean ok;

  if (path == NULL)
    return TRUE;
  ok = reader (network, path, l->diagnostics, &error);
  return pm_cli_loader_done (l, before, ok, error);
}

static void
note_not_checked (PmCliLoader *l, const char *path)
{
  if (path != NULL)
    pm_diagnostics_add (l->diagnostics, PM_SEVERITY_WARNING, path, 0, NULL,
                        "not checked: the region tree has errors");
}

PmNetwork *
pm_cli_load_network (PmCliLoader *l, const PmCliInputs *in, gboolean keep_going)
{
  g_autoptr (PmRegionTree) regions = load_regions (l, in->regions);
  g_autoptr (PmPolicy) policy = NULL;
  g_autoptr (PmNetwork) network = NULL;
  gboolean have_regions = regions != NULL;

  if (!have_regions && !keep_going)
    return NULL;
  policy = load_policy (l, in->policy);
  if (policy == NULL && !keep_going)
    return NULL;
  if (policy == NULL)
    policy = pm_policy_new_default ();
  if (regions == NULL)
    regions = pm_region_tree_new ();
  network = pm_network_new (regions, policy);
  if (!load_org_chart (l, network, in->org) && !keep_going)
    return NULL;
  if (!have_regions)
    {
      note_not_checked (l, in->supporters);
      note_not_checked (l, in->requests);
      return g_steal_pointer (&network);
    }
  if (!load_people (l, network, in->supporters, pm_reader_read_supporters) && !keep_going)
    return NULL;
  if (!load_people (l, network, in->requests, pm_reader_read_requests) && !keep_going)
    return NULL;
  if (l->status == PM_CLI_EXIT_OK && pm_diagnostics_get_n_errors (l->diagnostics) > 0)
    l->status = PM_CLI_EXIT_DATA;
  return g_steal_pointer (&network);
}

PmNetwork *
pm_cli_load_network_or_report (const PmCliInputs *in, int *status)
{
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  PmCliLoader loader = { diagnostics, PM_CLI_EXIT_OK };
  g_autoptr (PmNetwork) network = pm_cli_load_network (&loader, in, FALSE);

  pm_cli_print_diagnostics (diagnostics, stderr, "peermatch: ");
  *status = loader.status;
  if (loader.status != PM_CLI_EXIT_OK)
    return NULL;
  return g_steal_pointer (&network);
}

void
pm_cli_print_diagnostics (PmDiagnostics *diagnostics, FILE *stream, const char *prefix)
{
  guint n = pm_diagnostics_get_n_items (diagnostics);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = pm_diagnostics_format_item (diagnostics, i);

      fprintf (stream, "%s%s\n", prefix, line);
    }
}

/* ---- writing the result */

static int
write_stream (FILE *stream, const char *name, const char *data, gsize length)
{
  if (fwrite (data, 1, length, stream) == length && fflush (stream) == 0)
    return PM_CLI_EXIT_OK;
  fprintf (stderr, "peermatch: %s: %s\n", name, g_strerror (errno));
  return PM_CLI_EXIT_IO;
}

/* Devices and pipes (`--output /dev/stdout`) cannot be replaced atomically: they are written
 * in place. */
static int
write_special (const char *output, const char *data, gsize length)
{
  FILE *stream = fopen (output, "wb");
  int status;

  if (stream == NULL)
    {
      fprintf (stderr, "peermatch: %s: %s\n", output, g_strerror (errno));
      return PM_CLI_EXIT_CANT_CREATE;
    }
  status = write_stream (stream, output, data, length);
  if (fclose (stream) != 0 && status == PM_CLI_EXIT_OK)
    {
      fprintf (stderr, "peermatch: %s: %s\n", output, g_strerror (errno));
      status = PM_CLI_EXIT_IO;
    }
  return status;
}

/* g_file_set_contents() writes a temporary file beside @output and renames it over @output, so
 * readers see the old file or the whole new one, never a part. Its messages name the temporary
 * file; only their last part (the system's reason) is shown, so the message is the same on
 * every run. */
static int
write_file (const char *output, const char *data, gsize length)
{
  g_autoptr (GError) error = NULL;
  const char *reason;

  if (g_file_test (output, G_FILE_TEST_EXISTS) && !g_file_test (output, G_FILE_TEST_IS_REGULAR)
      && !g_file_test (output, G_FILE_TEST_IS_DIR))
    return write_special (output, data, length);
  if (g_file_set_contents (output, data, (gssize)length, &error))
    return PM_CLI_EXIT_OK;
  reason = g_strrstr (error->message, ": ");
  reason = reason != NULL ? reason + 2 : error->message;
  fprintf (stderr, "peermatch: %s: cannot write the output: %s\n", output, reason);
  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC)
      || g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_IO)
      || g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_FAILED))
    return PM_CLI_EXIT_IO;
  return PM_CLI_EXIT_CANT_CREATE;
}

int
pm_cli_emit (const char *output, const char *data, gsize length)
{
  if (output == NULL)
    return write_stream (stdout, "standard output", data, length);
  return write_file (output, data, length);
}
