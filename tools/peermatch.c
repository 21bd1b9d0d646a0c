/* peermatch: the command-line tool: the command table, and the matching commands (match, rank,
 * check). The rota commands (rota plan, check, export) are in peermatch-rota.c, what the commands
 * share in pm-cli.c.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A thin layer over the library: parse options, call the library, print. The commands,
 * options, outputs and exit statuses are those of spec/matching.md (and spec/rota.md for the
 * rota commands, whose own choices are listed in peermatch-rota.c). Where the specification
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
 *   standard output and exit 0; so do `peermatch help rota SUBCOMMAND` and
 *   `peermatch rota SUBCOMMAND --help`; `peermatch --version` prints `peermatch VERSION`.
 * - The tool never calls setlocale(): output bytes do not depend on the environment's locale,
 *   and option values (ids, file names) are taken as the bytes given.
 */
#include "pm-cli-private.h"

#include <errno.h>
#include <string.h>

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

/* Parses @args (the command name first); see pm_cli_parse(). */
static int
options_parse (const char *command, const char *summary, Options *o, guint groups, char **args,
               gboolean *done)
{
  g_autoptr (GOptionContext) context = options_context_new (summary, o, groups);

  return pm_cli_parse (command, context, &o->help, args, done);
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
    return pm_cli_usage_error (command, "missing required option --supporters FILE");
  if (o->requests == NULL)
    return pm_cli_usage_error (command, "missing required option --requests FILE");
  if ((groups & OPT_RANK) && o->request == NULL)
    return pm_cli_usage_error (command, "missing required option --request ID");
  if ((groups & OPT_RANK) && o->top != NULL
      && !g_ascii_string_to_unsigned (o->top, 10, 1, G_MAXUINT, &top, NULL))
    return pm_cli_usage_error (command, "--top wants a whole number from 1 up, not '%s'", o->top);
  s->top = (guint)top;
  if (o->on == NULL)
    today (&s->on);
  else if (!parse_date (o->on, &s->on))
    return pm_cli_usage_error (command, "--on wants a date as YYYY-MM-DD, not '%s'", o->on);
  s->format = PM_FORMAT_JSON;
  if (o->format != NULL && !pm_format_from_string (o->format, &s->format))
    return pm_cli_usage_error (command, "unknown --format '%s' (expected json, csv or text)",
                               o->format);
  return PM_CLI_EXIT_OK;
}

/* ---- reading the inputs */

static PmCliInputs
options_inputs (const Options *o)
{
  return (PmCliInputs){ o->regions, o->policy, o->org, o->supporters, o->requests };
}

/* Reads the inputs of match and rank, printing every diagnostic on standard error. */
static PmNetwork *
load_for_run (const Options *o, int *status)
{
  PmCliInputs in = options_inputs (o);

  return pm_cli_load_network_or_report (&in, status);
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
  if (status != PM_CLI_EXIT_OK || done)
    return status;
  status = settings_resolve ("match", &o, OPT_INPUT | OPT_OUTPUT, &s);
  if (status != PM_CLI_EXIT_OK)
    return status;
  network = load_for_run (&o, &status);
  if (network == NULL)
    return status;
  matcher = pm_matcher_new (network, &s.on);
  matching = pm_matcher_solve (matcher, NULL, &error);
  if (matching == NULL)
    return pm_cli_report_error (error);
  data = pm_matching_to_data (matching, s.format, &length);
  return pm_cli_emit (o.output, data, length);
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
  if (status != PM_CLI_EXIT_OK || done)
    return status;
  status = settings_resolve ("rank", &o, groups, &s);
  if (status != PM_CLI_EXIT_OK)
    return status;
  network = load_for_run (&o, &status);
  if (network == NULL)
    return status;
  matcher = pm_matcher_new (network, &s.on);
  ranking = pm_matcher_rank (matcher, o.request, s.top, &error);
  if (ranking == NULL)
    return pm_cli_report_error (error);
  data = pm_ranking_to_data (ranking, s.format, &length);
  return pm_cli_emit (o.output, data, length);
}

static int
cmd_check (char **args)
{
  g_auto (Options) o = { 0 };
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  g_autoptr (PmNetwork) network = NULL;
  PmCliLoader loader = { diagnostics, PM_CLI_EXIT_OK };
  PmCliInputs in;
  gboolean done;
  int status;

  status = options_parse (
      "check",
      "Check the input files and list every problem found, one per line as\n"
      "FILE:LINE: message (warnings included); exit 0 when there are only warnings.\n\n"
      "Required: --supporters FILE",
      &o, OPT_INPUT, args, &done);
  if (status != PM_CLI_EXIT_OK || done)
    return status;
  if (o.supporters == NULL)
    return pm_cli_usage_error ("check", "missing required option --supporters FILE");
  in = options_inputs (&o);
  network = pm_cli_load_network (&loader, &in, TRUE);
  pm_cli_print_diagnostics (diagnostics, stdout, "");
  if (fflush (stdout) != 0)
    {
      fprintf (stderr, "peermatch: standard output: %s\n", g_strerror (errno));
      return PM_CLI_EXIT_IO;
    }
  return loader.status;
}

static int
cmd_help (char **args);

static const PmCliCommand commands[] = {
  { "match", cmd_match, "match every request with at most one supporter" },
  { "rank", cmd_rank, "rank the eligible supporters for one request" },
  { "check", cmd_check, "check the input files and list every problem" },
  { "rota", pm_cli_cmd_rota, "plan an on-call rota, check one or export it as calendars" },
  { "help", cmd_help, "show this help, or a command's help" },
};

static const PmCliCommand *
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
         "Match colleagues seeking peer support with trained peer supporters,\n"
         "and plan the supporters' on-call rota.\n\n"
         "Commands:\n",
         stream);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-7s %s\n", commands[i].name, commands[i].summary);
  fputs ("\nRun 'peermatch COMMAND --help' for a command's options.\n", stream);
}

static int
cmd_help (char **args)
{
  const PmCliCommand *command;
  char *help_args[] = { NULL, (char *)"--help", NULL };
  g_autofree char *prgname = NULL;

  if (args[1] == NULL)
    {
      print_usage (stdout);
      return PM_CLI_EXIT_OK;
    }
  command = command_lookup (args[1]);
  if (command == NULL)
    return pm_cli_usage_error (NULL, "unknown command '%s'", args[1]);
  /* `help rota plan`: the subcommand's help */
  if (command->run == pm_cli_cmd_rota && args[2] != NULL && args[3] == NULL)
    {
      char *rota_args[] = { (char *)command->name, args[2], (char *)"--help", NULL };

      return command->run (rota_args);
    }
  if (args[2] != NULL)
    return pm_cli_usage_error ("help", "unexpected argument '%s'", args[2]);
  if (command->run == cmd_help)
    {
      print_usage (stdout);
      return PM_CLI_EXIT_OK;
    }
  /* the command's own usage line: `peermatch match [OPTION…]`, not `peermatch help` */
  prgname = g_strconcat ("peermatch ", command->name, NULL);
  g_set_prgname (prgname);
  help_args[0] = (char *)command->name;
  return command->run (help_args);
}

int
main (int argc, char **argv)
{
  g_autofree char *prgname = NULL;
  const PmCliCommand *command;

  if (argc < 2)
    return pm_cli_usage_error (NULL, "missing command (match, rank, check or rota)");
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_usage (stdout);
      return PM_CLI_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("peermatch %s\n", pm_get_version_string ());
      return PM_CLI_EXIT_OK;
    }
  if (argv[1][0] == '-')
    return pm_cli_usage_error (NULL, "unknown option '%s'", argv[1]);
  command = command_lookup (argv[1]);
  if (command == NULL)
    return pm_cli_usage_error (NULL, "unknown command '%s'", argv[1]);
  prgname = g_strconcat ("peermatch ", command->name, NULL);
  g_set_prgname (prgname);
  return command->run (argv + 1);
}
