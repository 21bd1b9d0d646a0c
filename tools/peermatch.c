/* peermatch: the command-line tool (match, rank, check).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A thin layer over the library: parse options, call the library, print. The commands,
 * options, outputs and exit statuses are those of spec/matching.md. Where the specification
 * is silent, this tool behaves as follows:
 *
 * - `--format` defaults to `json`, also when standard output is a terminal, so a script gets
 *   the same bytes wherever it runs.
 * - `--on` defaults to today's local date; this is the only place that reads the clock.
 *   The date must be a real calendar date written exactly as YYYY-MM-DD.
 * - `--top K` (rank) defaults to 10 and must be a whole number from 1 up.
 * - Inputs are read in the order regions, policy, org chart, supporters, requests. `match`
 *   and `rank` stop at the first input that fails (every problem found in that input is
 *   reported); `check` reads everything it can. When check's region tree is unusable it still
 *   reads the policy and the org chart but cannot check the people files (their region ids
 *   need the tree); it says so in a warning line. An unusable policy is replaced by the
 *   built-in one so the people files are still checked.
 * - Diagnostics from `match` and `rank` go to standard error as `peermatch: FILE:LINE:
 *   message` (warnings as `peermatch: FILE:LINE: warning: message`); warnings never change
 *   the exit status. `check` prints them on standard output without the prefix, and nothing
 *   else: no output and exit 0 means the files are clean.
 * - When several inputs fail (check), the first failing input in read order decides the exit
 *   status (66 if it could not be opened, 65 if its data is invalid).
 * - An unknown `--request` id exits 64 (the caller passed a bad argument).
 * - Usage errors (unknown command or option, a missing required option, a bad `--on`,
 *   `--format` or `--top`, a stray argument) print `peermatch: COMMAND: message` and a hint to
 *   standard error and exit 64, before any input is read.
 * - `--output FILE` is written atomically (a temporary file renamed over FILE) after
 *   everything else has succeeded; on any error FILE is neither created nor changed. Failing
 *   to create it exits 73; running out of space or another write error exits 74, as does a
 *   failed write to standard output. An existing device or pipe (`--output /dev/stdout`) is
 *   written in place, since it cannot be replaced.
 * - `peermatch --help`, `peermatch help [COMMAND]` and `COMMAND --help` print help on
 *   standard output and exit 0; `peermatch --version` prints `peermatch VERSION`.
 * - The tool never calls setlocale(): output bytes do not depend on the environment's locale,
 *   and option values (ids, file names) are taken as the bytes given.
 */
#include <peermatch/peermatch.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* The exit statuses of spec/matching.md (the values of BSD's sysexits.h). */
enum
{
  EXIT_OK = 0,
  EXIT_USAGE = 64,
  EXIT_DATA = 65,
  EXIT_NO_INPUT = 66,
  EXIT_CANT_CREATE = 73,
  EXIT_IO = 74,
};

#define DEFAULT_TOP 10

/* Which options a command takes. */
enum
{
  OPT_INPUT = 1 << 0,  /* --supporters --requests --regions --org --policy */
  OPT_OUTPUT = 1 << 1, /* --on --format --output */
  OPT_RANK = 1 << 2,   /* --request --top */
};

typedef struct
{
  char *supporters;
  char *requests;
  char *regions;
  char *org;
  char *policy;
  char *on;
  char *format;
  char *output;
  char *request;
  char *top;
  gboolean help;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->supporters);
  g_free (o->requests);
  g_free (o->regions);
  g_free (o->org);
  g_free (o->policy);
  g_free (o->on);
  g_free (o->format);
  g_free (o->output);
  g_free (o->request);
  g_free (o->top);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* What a command resolved from its options before reading any input. */
typedef struct
{
  GDate on;
  PmFormat format;
  guint top;
} Settings;

typedef struct
{
  const char *name;
  int (*run) (char **args);
  const char *summary;
} Command;

static int
usage_error (const char *command, const char *format, ...) G_GNUC_PRINTF (2, 3);

static int
usage_error (const char *command, const char *format, ...)
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
  return EXIT_USAGE;
}

static int
exit_status_for_error (const GError *error)
{
  if (error == NULL || error->domain != PM_ERROR)
    return EXIT_IO;
  switch ((PmError)error->code)
    {
      case PM_ERROR_INVALID_DATA:
      case PM_ERROR_LIMIT:
        return EXIT_DATA;
      case PM_ERROR_NOT_FOUND:
        return EXIT_USAGE;
      case PM_ERROR_OPEN:
        return EXIT_NO_INPUT;
      case PM_ERROR_CREATE:
        return EXIT_CANT_CREATE;
      case PM_ERROR_IO:
      default:
        return EXIT_IO;
    }
}

static int
report_error (const GError *error)
{
  fprintf (stderr, "peermatch: %s\n", error != NULL ? error->message : "unknown error");
  return exit_status_for_error (error);
}

/* ---- options */

static GOptionContext *
options_context_new (const char *summary, Options *o, guint groups)
{
  GOptionEntry input[]
      = { { "supporters", 0, 0, G_OPTION_ARG_FILENAME, &o->supporters,
            "The trained peer supporters (CSV, or JSON when the name ends in .json)", "FILE" },
          { "requests", 0, 0, G_OPTION_ARG_FILENAME, &o->requests,
            "The colleagues seeking support (CSV or JSON)", "FILE" },
          { "regions", 0, 0, G_OPTION_ARG_FILENAME, &o->regions,
            "The region tree, id,parent,name (default: the built-in UK tree)", "FILE" },
          { "org", 0, 0, G_OPTION_ARG_FILENAME, &o->org, "The org chart, id,manager", "FILE" },
          { "policy", 0, 0, G_OPTION_ARG_FILENAME, &o->policy,
            "The matching policy, a key file (default: the built-in policy)", "FILE" },
          G_OPTION_ENTRY_NULL };
  GOptionEntry output[]
      = { { "on", 0, 0, G_OPTION_ARG_FILENAME, &o->on, "The matching day (default: today)",
            "YYYY-MM-DD" },
          { "format", 0, 0, G_OPTION_ARG_FILENAME, &o->format, "The output format (default: json)",
            "json|csv|text" },
          { "output", 0, 0, G_OPTION_ARG_FILENAME, &o->output,
            "Write to FILE (atomically, only on success) instead of standard output", "FILE" },
          G_OPTION_ENTRY_NULL };
  GOptionEntry rank[] = { { "request", 0, 0, G_OPTION_ARG_FILENAME, &o->request,
                            "The request to rank supporters for", "ID" },
                          { "top", 0, 0, G_OPTION_ARG_FILENAME, &o->top,
                            "Show at most K supporters (default: 10)", "K" },
                          G_OPTION_ENTRY_NULL };
  GOptionEntry help[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &o->help, "Show this help", NULL },
    G_OPTION_ENTRY_NULL,
  };
  GOptionContext *context = g_option_context_new (NULL);

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (
      context, "Exit status: 0 success (also when requests stay unmatched), 64 bad usage,\n"
               "65 invalid input data, 66 an input cannot be opened, 73 an output cannot be\n"
               "created, 74 another I/O error.");
  if (groups & OPT_INPUT)
    g_option_context_add_main_entries (context, input, NULL);
  if (groups & OPT_RANK)
    g_option_context_add_main_entries (context, rank, NULL);
  if (groups & OPT_OUTPUT)
    g_option_context_add_main_entries (context, output, NULL);
  g_option_context_add_main_entries (context, help, NULL);
  return context;
}

/* Parses @args (the command name first). Returns EXIT_OK with *@done set when help was shown,
 * EXIT_OK to go on, or EXIT_USAGE after printing the problem. */
static int
options_parse (const char *command, const char *summary, Options *o, guint groups, char **args,
               gboolean *done)
{
  g_autoptr (GOptionContext) context = options_context_new (summary, o, groups);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) strv = g_strdupv (args);

  *done = FALSE;
  if (!g_option_context_parse_strv (context, &strv, &error))
    return usage_error (command, "%s", error->message);
  if (o->help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      fputs (text, stdout);
      *done = TRUE;
      return EXIT_OK;
    }
  if (strv[0] != NULL && strv[1] != NULL)
    return usage_error (command, "unexpected argument '%s'", strv[1]);
  return EXIT_OK;
}

/* Strictly YYYY-MM-DD, a real calendar date. */
static gboolean
parse_date (const char *text, GDate *date)
{
  static const guint digits[] = { 0, 1, 2, 3, 5, 6, 8, 9 };
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (!g_ascii_isdigit (text[digits[i]]))
      return FALSE;
  year = (guint)g_ascii_strtoull (text, NULL, 10);
  month = (guint)g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint)g_ascii_strtoull (text + 8, NULL, 10);
  if (year == 0 || month < 1 || month > 12 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static void
today (GDate *date)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* Checks what match and rank need and resolves --on, --format and --top. */
static int
settings_resolve (const char *command, const Options *o, guint groups, Settings *s)
{
  guint64 top = DEFAULT_TOP;

  if (o->supporters == NULL)
    return usage_error (command, "missing required option --supporters FILE");
  if (o->requests == NULL)
    return usage_error (command, "missing required option --requests FILE");
  if ((groups & OPT_RANK) && o->request == NULL)
    return usage_error (command, "missing required option --request ID");
  if ((groups & OPT_RANK) && o->top != NULL
      && !g_ascii_string_to_unsigned (o->top, 10, 1, G_MAXUINT, &top, NULL))
    return usage_error (command, "--top wants a whole number from 1 up, not '%s'", o->top);
  s->top = (guint)top;
  if (o->on == NULL)
    today (&s->on);
  else if (!parse_date (o->on, &s->on))
    return usage_error (command, "--on wants a date as YYYY-MM-DD, not '%s'", o->on);
  s->format = PM_FORMAT_JSON;
  if (o->format != NULL && !pm_format_from_string (o->format, &s->format))
    return usage_error (command, "unknown --format '%s' (expected json, csv or text)", o->format);
  return EXIT_OK;
}

/* ---- reading the inputs */

typedef struct
{
  PmDiagnostics *diagnostics;
  int status; /* the exit status of the first input that failed; EXIT_OK while none has */
} Loader;

/* Records the outcome of reading one input. An error the reader did not also record as a
 * diagnostic (the file cannot be opened, say) is added, so every problem prints the same
 * way and exactly once. */
static gboolean
loader_done (Loader *l, guint errors_before, gboolean ok, const GError *error)
{
  if (ok)
    return TRUE;
  if (pm_diagnostics_get_n_errors (l->diagnostics) == errors_before)
    pm_diagnostics_add (l->diagnostics, PM_SEVERITY_ERROR, NULL, 0, NULL,
                        error != NULL ? error->message : "unknown error");
  if (l->status == EXIT_OK)
    l->status = exit_status_for_error (error);
  return FALSE;
}

static PmRegionTree *
load_regions (Loader *l, const char *path)
{
  g_autoptr (GError) error = NULL;
  guint before = pm_diagnostics_get_n_errors (l->diagnostics);
  PmRegionTree *regions;

  if (path == NULL)
    return pm_region_tree_new_default ();
  regions = pm_reader_read_regions (path, l->diagnostics, &error);
  loader_done (l, before, regions != NULL, error);
  return regions;
}

static PmPolicy *
load_policy (Loader *l, const char *path)
{
  g_autoptr (GError) error = NULL;
  guint before = pm_diagnostics_get_n_errors (l->diagnostics);
  PmPolicy *policy;

  if (path == NULL)
    return pm_policy_new_default ();
  policy = pm_reader_read_policy (path, l->diagnostics, &error);
  loader_done (l, before, policy != NULL, error);
  return policy;
}

static gboolean
load_org_chart (Loader *l, PmNetwork *network, const char *path)
{
  g_autoptr (GError) error = NULL;
  guint before = pm_diagnostics_get_n_errors (l->diagnostics);
  gboolean ok;

  if (path == NULL)
    return TRUE;
  ok = pm_reader_read_org_chart (pm_network_get_org_chart (network), path, l->diagnostics, &error);
  return loader_done (l, before, ok, error);
}

typedef gboolean (*PeopleReader) (PmNetwork *network, const char *path, PmDiagnostics *diagnostics,
                                  GError **error);

static gboolean
load_people (Loader *l, PmNetwork *network, const char *path, PeopleReader reader)
{
  g_autoptr (GError) error = NULL;
  guint before = pm_diagnostics_get_n_errors (l->diagnostics);
  gboolean ok;

  if (path == NULL)
    return TRUE;
  ok = reader (network, path, l->diagnostics, &error);
  return loader_done (l, before, ok, error);
}

static void
note_not_checked (Loader *l, const char *path)
{
  if (path != NULL)
    pm_diagnostics_add (l->diagnostics, PM_SEVERITY_WARNING, path, 0, NULL,
                        "not checked: the region tree has errors");
}

/* Reads every input @o names, in the order regions, policy, org chart, supporters, requests.
 * Without @keep_going it stops at the first input that fails and returns NULL; with it (check)
 * it reads all it can. Either way l->status says whether anything failed. */
static PmNetwork *
load_network (Loader *l, const Options *o, gboolean keep_going)
{
  g_autoptr (PmRegionTree) regions = load_regions (l, o->regions);
  g_autoptr (PmPolicy) policy = NULL;
  g_autoptr (PmNetwork) network = NULL;
  gboolean have_regions = regions != NULL;

  if (!have_regions && !keep_going)
    return NULL;
  policy = load_policy (l, o->policy);
  if (policy == NULL && !keep_going)
    return NULL;
  if (policy == NULL)
    policy = pm_policy_new_default ();
  if (regions == NULL)
    regions = pm_region_tree_new ();
  network = pm_network_new (regions, policy);
  if (!load_org_chart (l, network, o->org) && !keep_going)
    return NULL;
  if (!have_regions)
    {
      note_not_checked (l, o->supporters);
      note_not_checked (l, o->requests);
      return g_steal_pointer (&network);
    }
  if (!load_people (l, network, o->supporters, pm_reader_read_supporters) && !keep_going)
    return NULL;
  if (!load_people (l, network, o->requests, pm_reader_read_requests) && !keep_going)
    return NULL;
  if (l->status == EXIT_OK && pm_diagnostics_get_n_errors (l->diagnostics) > 0)
    l->status = EXIT_DATA;
  return g_steal_pointer (&network);
}

static void
print_diagnostics (PmDiagnostics *diagnostics, FILE *stream, const char *prefix)
{
  guint n = pm_diagnostics_get_n_items (diagnostics);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = pm_diagnostics_format_item (diagnostics, i);

      fprintf (stream, "%s%s\n", prefix, line);
    }
}

/* Reads the inputs of match and rank, printing every diagnostic on standard error. */
static PmNetwork *
load_for_run (const Options *o, int *status)
{
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  Loader loader = { diagnostics, EXIT_OK };
  g_autoptr (PmNetwork) network = load_network (&loader, o, FALSE);

  print_diagnostics (diagnostics, stderr, "peermatch: ");
  *status = loader.status;
  if (loader.status != EXIT_OK)
    return NULL;
  return g_steal_pointer (&network);
}

/* ---- writing the result */

static int
write_stream (FILE *stream, const char *name, const char *data, gsize length)
{
  if (fwrite (data, 1, length, stream) == length && fflush (stream) == 0)
    return EXIT_OK;
  fprintf (stderr, "peermatch: %s: %s\n", name, g_strerror (errno));
  return EXIT_IO;
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
      return EXIT_CANT_CREATE;
    }
  status = write_stream (stream, output, data, length);
  if (fclose (stream) != 0 && status == EXIT_OK)
    {
      fprintf (stderr, "peermatch: %s: %s\n", output, g_strerror (errno));
      status = EXIT_IO;
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
    return EXIT_OK;
  reason = g_strrstr (error->message, ": ");
  reason = reason != NULL ? reason + 2 : error->message;
  fprintf (stderr, "peermatch: %s: cannot write the output: %s\n", output, reason);
  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC)
      || g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_IO)
      || g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_FAILED))
    return EXIT_IO;
  return EXIT_CANT_CREATE;
}

static int
emit (const char *output, const char *data, gsize length)
{
  if (output == NULL)
    return write_stream (stdout, "standard output", data, length);
  return write_file (output, data, length);
}

/* ---- commands */

static int
cmd_match (char **args)
{
  g_auto (Options) o = { 0 };
  g_autoptr (PmNetwork) network = NULL;
  g_autoptr (PmMatcher) matcher = NULL;
  g_autoptr (PmMatching) matching = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  Settings s;
  gsize length = 0;
  gboolean done;
  int status;

  status = options_parse ("match",
                          "Match every request with at most one supporter.\n\n"
                          "Required: --supporters FILE --requests FILE",
                          &o, OPT_INPUT | OPT_OUTPUT, args, &done);
  if (status != EXIT_OK || done)
    return status;
  status = settings_resolve ("match", &o, OPT_INPUT | OPT_OUTPUT, &s);
  if (status != EXIT_OK)
    return status;
  network = load_for_run (&o, &status);
  if (network == NULL)
    return status;
  matcher = pm_matcher_new (network, &s.on);
  matching = pm_matcher_solve (matcher, NULL, &error);
  if (matching == NULL)
    return report_error (error);
  data = pm_matching_to_data (matching, s.format, &length);
  return emit (o.output, data, length);
}

static int
cmd_rank (char **args)
{
  const guint groups = OPT_INPUT | OPT_OUTPUT | OPT_RANK;
  g_auto (Options) o = { 0 };
  g_autoptr (PmNetwork) network = NULL;
  g_autoptr (PmMatcher) matcher = NULL;
  g_autoptr (PmRanking) ranking = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  Settings s;
  gsize length = 0;
  gboolean done;
  int status;

  status = options_parse ("rank",
                          "Rank the eligible supporters for one request, best first.\n\n"
                          "Required: --supporters FILE --requests FILE --request ID",
                          &o, groups, args, &done);
  if (status != EXIT_OK || done)
    return status;
  status = settings_resolve ("rank", &o, groups, &s);
  if (status != EXIT_OK)
    return status;
  network = load_for_run (&o, &status);
  if (network == NULL)
    return status;
  matcher = pm_matcher_new (network, &s.on);
  ranking = pm_matcher_rank (matcher, o.request, s.top, &error);
  if (ranking == NULL)
    return report_error (error);
  data = pm_ranking_to_data (ranking, s.format, &length);
  return emit (o.output, data, length);
}

static int
cmd_check (char **args)
{
  g_auto (Options) o = { 0 };
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (PmNetwork) network = NULL;
  Loader loader = { diagnostics, EXIT_OK };
  gboolean done;
  int status;

  status = options_parse (
      "check",
      "Check the input files and list every problem found, one per line as\n"
      "FILE:LINE: message (warnings included); exit 0 when there are only warnings.\n\n"
      "Required: --supporters FILE",
      &o, OPT_INPUT, args, &done);
  if (status != EXIT_OK || done)
    return status;
  if (o.supporters == NULL)
    return usage_error ("check", "missing required option --supporters FILE");
  network = load_network (&loader, &o, TRUE);
  print_diagnostics (diagnostics, stdout, "");
  if (fflush (stdout) != 0)
    {
      fprintf (stderr, "peermatch: standard output: %s\n", g_strerror (errno));
      return EXIT_IO;
    }
  return loader.status;
}

static int
cmd_help (char **args);

static const Command commands[] = {
  { "match", cmd_match, "match every request with at most one supporter" },
  { "rank", cmd_rank, "rank the eligible supporters for one request" },
  { "check", cmd_check, "check the input files and list every problem" },
  { "help", cmd_help, "show this help, or a command's help" },
};

static const Command *
command_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static void
print_usage (FILE *stream)
{
  fputs ("Usage: peermatch COMMAND [OPTION…]\n"
         "       peermatch --help | --version\n\n"
         "Match colleagues seeking peer support with trained peer supporters.\n\n"
         "Commands:\n",
         stream);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-7s %s\n", commands[i].name, commands[i].summary);
  fputs ("\nRun 'peermatch COMMAND --help' for a command's options.\n", stream);
}

static int
cmd_help (char **args)
{
  const Command *command;
  char *help_args[] = { NULL, (char *)"--help", NULL };

  if (args[1] == NULL)
    {
      print_usage (stdout);
      return EXIT_OK;
    }
  if (args[2] != NULL)
    return usage_error ("help", "unexpected argument '%s'", args[2]);
  command = command_lookup (args[1]);
  if (command == NULL)
    return usage_error (NULL, "unknown command '%s'", args[1]);
  if (command->run == cmd_help)
    {
      print_usage (stdout);
      return EXIT_OK;
    }
  help_args[0] = (char *)command->name;
  return command->run (help_args);
}

int
main (int argc, char **argv)
{
  g_autofree char *prgname = NULL;
  const Command *command;

  if (argc < 2)
    return usage_error (NULL, "missing command (match, rank or check)");
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_usage (stdout);
      return EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("peermatch %s\n", pm_get_version_string ());
      return EXIT_OK;
    }
  if (argv[1][0] == '-')
    return usage_error (NULL, "unknown option '%s'", argv[1]);
  command = command_lookup (argv[1]);
  if (command == NULL)
    return usage_error (NULL, "unknown command '%s'", argv[1]);
  prgname = g_strconcat ("peermatch ", command->name, NULL);
  g_set_prgname (prgname);
  return command->run (argv + 1);
}
