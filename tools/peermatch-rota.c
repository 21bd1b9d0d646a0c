/* peermatch: the rota commands of the command-line tool (`rota plan`, `rota check`,
 * `rota export`).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The commands, options and outputs are those of spec/rota.md "Commands" and spec/calendar.md;
 * the exit statuses those of spec/matching.md, with 3 for a rota that breaks a hard rule.
 * Where the specification is silent, the commands behave as follows:
 *
 * - The problem comes from `--rota rota.ini` with `--supporters FILE` (required) and the
 *   optional `--regions`, `--limits`, `--leave`, `--prefs` and `--busy DIR` inputs, read as
 *   `match` reads them (the built-in region tree without `--regions`; the built-in policy,
 *   which the rota does not use); or from `--benchmark FILE` alone. Exactly one of `--rota`
 *   and `--benchmark` is required; the supporters, table and `--busy` options cannot go with
 *   `--benchmark`. All these are usage errors (64), found before any input is read.
 * - `--busy DIR` is read right after the problem, before anything else: `DIR/<person id>.ics`
 *   for each person who has one (a person without a file has no busy time); every shift that
 *   overlaps a busy time is then a day off (`not_allowed` when a rota puts someone on it).
 *   A missing DIR is 66; a malformed calendar, or a person id that cannot name a file, 65
 *   with FILE:LINE, and nothing is written.
 * - `--seed N` is a whole number from 0 to 2^64-1, default 1. `--time-limit S` is a number of
 *   seconds written with digits and at most one decimal point, above 0 and at most
 *   1000000000; without it the search does a fixed amount of work and the output bytes depend
 *   only on the inputs and the seed. Only `rota plan` takes them.
 * - `--format` defaults to `json` for `plan` (the rota as in the spec; `csv` is the rota as
 *   `date,shift,person` rows, `text` the library's plain-text rota) and to `text` for `check`
 *   (its report, below); `check --format json|csv` prints exactly what `plan` prints in that
 *   format for the same rota. All formats are accepted with `--benchmark` too (its day 0 is
 *   Monday 2024-01-01).
 * - `rota check --format text` prints one line per hard violation, in the library's order
 *   (person, then day, then rule), as `RULE PERSON DATE: DETAIL` (`RULE PERSON: DETAIL` for a
 *   rule over the whole horizon; RULE as in the JSON, e.g. `max_consecutive`; DATE the first
 *   day concerned), then one line `objective N (under U, over O, requests R)`.
 * - `--solution FILE` (check) and `--plan FILE` (export) are JSON as `plan` writes it when the
 *   content starts with `{`, else CSV with the columns `date,shift,person` (the library's
 *   reader decides, by content, not by name); only the assignments are read, and their
 *   people, shifts and dates must be the problem's (65 otherwise, with FILE:LINE).
 * - `--ics DIR` (plan, and required by export) writes the calendars of spec/calendar.md with
 *   the library's pm_rota_write_ical(): `DIR/rota.ics` and `DIR/<person id>.ics` for every
 *   person, also those without a shift, DIR created when missing. Every event's DTSTAMP is
 *   SOURCE_DATE_EPOCH when that is set (reproducible output; it must be a whole number of
 *   seconds from 0 to 253402300799, 9999-12-31T23:59:59Z, written with digits only, else a
 *   usage error naming the variable, as the reproducible-builds specification asks), else
 *   the current time. The variable is read only with `--ics`. The benchmark's calendars are
 *   in Europe/London. A person id that is not safe as a file name is 65 (the message names
 *   the id) and no calendar is written; a folder or file that cannot be created is 73.
 * - `plan` writes the calendars first and its rota (to standard output or `--output`) only
 *   when they were written, so an input error in the calendars leaves no output at all. Both
 *   are written also when the rota breaks a hard rule; `plan` and `export` then print each
 *   violation on standard error as `peermatch: rota plan: LINE` (`rota export: `), LINE as
 *   in check's report, and exit 3. `check` exits 3 after its report. A failed write (65 for
 *   an unsafe id, 73, 74) takes precedence over 3.
 * - Diagnostics of the inputs (errors and warnings) go to standard error as
 *   `peermatch: FILE:LINE: message`, as for `match`; on an input error nothing is written to
 *   standard output, `--output` or `--ics`.
 * - While `plan` searches, and only when standard error is a terminal and `--quiet` is not
 *   given, one progress line is kept up to date in place (`\r`), at most four times a second:
 *   `peermatch: rota plan: 12 s, best objective 1234 (valid)`, or `(not valid yet, hard
 *   penalty N)` while the best rota found still breaks a hard rule (N is the amount by which
 *   rules are broken, not a count of violations). When the search ends the line shows the
 *   rota found, `peermatch: rota plan: 14 s, objective 1234 (valid)` or `(3 hard
 *   violations)`, and ends with a newline. `--quiet` silences only this line: violations
 *   and diagnostics still print.
 */
#include "pm-cli-private.h"

#include <string.h>
#include <unistd.h>

#define DEFAULT_SEED 1
#define MAX_TIME_LIMIT 1e9
#define PROGRESS_INTERVAL (G_USEC_PER_SEC / 4)

/* Which options a subcommand takes. */
enum
{
  ROTA_PLAN = 1 << 0,
  ROTA_CHECK = 1 << 1,
  ROTA_EXPORT = 1 << 2,
};

typedef struct
{
  char *rota;
  char *benchmark;
  char *supporters;
  char *regions;
  char *limits;
  char *leave;
  char *prefs;
  char *busy;
  char *solution;
  char *plan;
  char *ics;
  char *seed;
  char *time_limit;
  char *format;
  char *output;
  gboolean quiet;
  gboolean help;
} RotaOptions;

static void
rota_options_clear (RotaOptions *o)
{
  g_free (o->rota);
  g_free (o->benchmark);
  g_free (o->supporters);
  g_free (o->regions);
  g_free (o->limits);
  g_free (o->leave);
  g_free (o->prefs);
  g_free (o->busy);
  g_free (o->solution);
  g_free (o->plan);
  g_free (o->ics);
  g_free (o->seed);
  g_free (o->time_limit);
  g_free (o->format);
  g_free (o->output);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RotaOptions, rota_options_clear)

/* What a subcommand resolved from its options before reading any input. */
typedef struct
{
  guint64 seed;
  double time_limit; /* 0: none */
  PmFormat format;
  gint64 dtstamp; /* of the calendars, with --ics */
} RotaSettings;

/* ---- options */

static void
add_problem_entries (GOptionContext *context, RotaOptions *o)
{
  GOptionEntry entries[] = {
    { "rota", 0, 0, G_OPTION_ARG_FILENAME, &o->rota,
      "The rota: horizon, rules, shifts and cover (a key file)", "FILE" },
    { "supporters", 0, 0, G_OPTION_ARG_FILENAME, &o->supporters,
      "The peer supporters, with --rota (CSV, or JSON: *.json)", "FILE" },
    { "regions", 0, 0, G_OPTION_ARG_FILENAME, &o->regions,
      "The region tree, id,parent,name (default: the built-in UK tree)", "FILE" },
    { "limits", 0, 0, G_OPTION_ARG_FILENAME, &o->limits, "Per-person limits (CSV or JSON)",
      "FILE" },
    { "leave", 0, 0, G_OPTION_ARG_FILENAME, &o->leave, "Leave, person,from,to (CSV or JSON)",
      "FILE" },
    { "prefs", 0, 0, G_OPTION_ARG_FILENAME, &o->prefs,
      "Shift requests, person,date,shift,kind,weight (CSV or JSON)", "FILE" },
    { "busy", 0, 0, G_OPTION_ARG_FILENAME, &o->busy,
      "Busy times: DIR/<person id>.ics, each person's own calendar", "DIR" },
    { "benchmark", 0, 0, G_OPTION_ARG_FILENAME, &o->benchmark,
      "A shift scheduling benchmark instance (instead of --rota)", "FILE" },
    G_OPTION_ENTRY_NULL,
  };

  g_option_context_add_main_entries (context, entries, NULL);
}

static void
add_plan_entries (GOptionContext *context, RotaOptions *o)
{
  GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_FILENAME, &o->seed, "The search's seed (default: 1)", "N" },
    { "time-limit", 0, 0, G_OPTION_ARG_FILENAME, &o->time_limit,
      "Search for S seconds (default: a fixed amount of work, reproducible)", "S" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &o->quiet, "Show no progress line while searching",
      NULL },
    G_OPTION_ENTRY_NULL,
  };

  g_option_context_add_main_entries (context, entries, NULL);
}

/* What each subcommand writes: calendars (plan, export), the rota or report (plan, check). */
static void
add_output_entries (GOptionContext *context, RotaOptions *o, guint which)
{
  GOptionEntry ics[] = {
    { "ics", 0, 0, G_OPTION_ARG_FILENAME, &o->ics,
      which == ROTA_EXPORT ? "Write the calendars (rota.ics, <person id>.ics) to DIR"
                           : "Also write the calendars (rota.ics, <person id>.ics) to DIR",
      "DIR" },
    G_OPTION_ENTRY_NULL,
  };
  GOptionEntry output[] = {
    { "format", 0, 0, G_OPTION_ARG_FILENAME, &o->format,
      which == ROTA_PLAN ? "The output format (default: json)"
                         : "The output format (default: text, the report)",
      "json|csv|text" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &o->output,
      "Write to FILE (atomically) instead of standard output", "FILE" },
    G_OPTION_ENTRY_NULL,
  };
  GOptionEntry help[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &o->help, "Show this help", NULL },
    G_OPTION_ENTRY_NULL,
  };

  if (which != ROTA_CHECK)
    g_option_context_add_main_entries (context, ics, NULL);
  if (which != ROTA_EXPORT)
    g_option_context_add_main_entries (context, output, NULL);
  g_option_context_add_main_entries (context, help, NULL);
}

static GOptionContext *
rota_context_new (const char *summary, RotaOptions *o, guint which)
{
  GOptionEntry solution[] = {
    { "solution", 0, 0, G_OPTION_ARG_FILENAME, &o->solution,
      "The rota to check: JSON as plan writes it, or CSV date,shift,person", "FILE" },
    G_OPTION_ENTRY_NULL,
  };
  GOptionEntry plan[] = {
    { "plan", 0, 0, G_OPTION_ARG_FILENAME, &o->plan,
      "The rota to export: JSON as plan writes it, or CSV date,shift,person", "FILE" },
    G_OPTION_ENTRY_NULL,
  };
  const char *calendars
      = "\n\nThe calendars' DTSTAMP is SOURCE_DATE_EPOCH (whole seconds since 1970) when that\n"
        "is set, for reproducible output, else the current time.";
  g_autofree char *description = NULL;
  GOptionContext *context = g_option_context_new (NULL);

  description = g_strconcat (
      "Exit status: 0 a valid rota, 3 a rota that breaks a hard rule (written all the\n"
      "same), 64 bad usage, 65 invalid input data, 66 an input cannot be opened,\n"
      "73 an output cannot be created, 74 another I/O error.",
      which == ROTA_CHECK ? "" : calendars, NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, description);
  add_problem_entries (context, o);
  if (which == ROTA_CHECK)
    g_option_context_add_main_entries (context, solution, NULL);
  else if (which == ROTA_EXPORT)
    g_option_context_add_main_entries (context, plan, NULL);
  else
    add_plan_entries (context, o);
  add_output_entries (context, o, which);
  return context;
}

/* Digits with at most one decimal point: no sign, exponent, hex, "inf" or "nan". */
static gboolean
parse_seconds (const char *text, double *seconds)
{
  guint digits = 0, points = 0;

  for (const char *c = text; *c != '\0'; c++)
    {
      if (g_ascii_isdigit (*c))
        digits++;
      else if (*c == '.' && points++ == 0)
        continue;
      else
        return FALSE;
    }
  if (digits == 0)
    return FALSE;
  *seconds = g_ascii_strtod (text, NULL);
  return *seconds > 0 && *seconds <= MAX_TIME_LIMIT;
}

/* The problem's options: exactly one source, and the tables only with --rota. */
static int
check_problem_options (const char *command, const RotaOptions *o)
{
  const char *rota_only[]
      = { "--supporters", "--regions", "--limits", "--leave", "--prefs", "--busy" };
  const char *given[] = { o->supporters, o->regions, o->limits, o->leave, o->prefs, o->busy };

  if (o->rota != NULL && o->benchmark != NULL)
    return pm_cli_usage_error (command, "--rota and --benchmark cannot be used together");
  if (o->rota == NULL && o->benchmark == NULL)
    return pm_cli_usage_error (command, "missing required option --rota FILE or --benchmark FILE");
  for (guint i = 0; o->benchmark != NULL && i < G_N_ELEMENTS (given); i++)
    if (given[i] != NULL)
      return pm_cli_usage_error (command, "%s cannot be used with --benchmark", rota_only[i]);
  if (o->rota != NULL && o->supporters == NULL)
    return pm_cli_usage_error (command, "missing required option --supporters FILE");
  return PM_CLI_EXIT_OK;
}

static int
settings_resolve (const char *command, const RotaOptions *o, guint which, RotaSettings *s)
{
  int status = check_problem_options (command, o);

  if (status != PM_CLI_EXIT_OK)
    return status;
  if (which == ROTA_CHECK && o->solution == NULL)
    return pm_cli_usage_error (command, "missing required option --solution FILE");
  if (which == ROTA_EXPORT && o->plan == NULL)
    return pm_cli_usage_error (command, "missing required option --plan FILE");
  if (which == ROTA_EXPORT && o->ics == NULL)
    return pm_cli_usage_error (command, "missing required option --ics DIR");
  s->seed = DEFAULT_SEED;
  if (o->seed != NULL && !g_ascii_string_to_unsigned (o->seed, 10, 0, G_MAXUINT64, &s->seed, NULL))
    return pm_cli_usage_error (command, "--seed wants a whole number from 0 up, not '%s'", o->seed);
  s->time_limit = 0;
  if (o->time_limit != NULL && !parse_seconds (o->time_limit, &s->time_limit))
    return pm_cli_usage_error (command, "--time-limit wants a number of seconds above 0, not '%s'",
                               o->time_limit);
  s->format = which == ROTA_PLAN ? PM_FORMAT_JSON : PM_FORMAT_TEXT;
  if (o->format != NULL && !pm_format_from_string (o->format, &s->format))
    return pm_cli_usage_error (command, "unknown --format '%s' (expected json, csv or text)",
                               o->format);
  s->dtstamp = 0;
  if (o->ics != NULL)
    return pm_cli_get_dtstamp (command, &s->dtstamp);
  return PM_CLI_EXIT_OK;
}

/* Parses and resolves the options of a subcommand; *@done when help was shown. */
static int
rota_options_parse (const char *command, const char *summary, RotaOptions *o, guint which,
                    char **args, RotaSettings *s, gboolean *done)
{
  g_autoptr (GOptionContext) context = rota_context_new (summary, o, which);
  int status = pm_cli_parse (command, context, &o->help, args, done);

  if (status != PM_CLI_EXIT_OK || *done)
    return status;
  return settings_resolve (command, o, which, s);
}

/* ---- reading the inputs */

/* The busy times change the problem: read before any rota or planner is made from it. */
static gboolean
read_busy (PmRotaProblem *problem, const char *dir, PmCliLoader *l)
{
  g_autoptr (GError) error = NULL;
  guint before = pm_diagnostics_get_n_errors (l->diagnostics);
  gboolean ok = pm_reader_read_busy (problem, dir, l->diagnostics, &error);

  return pm_cli_loader_done (l, before, ok, error);
}

static PmRotaProblem *
read_problem (const RotaOptions *o, PmCliLoader *l)
{
  g_autoptr (GError) error = NULL;
  guint before = pm_diagnostics_get_n_errors (l->diagnostics);
  g_autoptr (PmNetwork) network = NULL;
  PmRotaProblem *problem;

  if (o->benchmark != NULL)
    {
      problem = pm_reader_read_benchmark (o->benchmark, l->diagnostics, &error);
      pm_cli_loader_done (l, before, problem != NULL, error);
      return problem;
    }
  {
    PmCliInputs in = { .regions = o->regions, .supporters = o->supporters };

    network = pm_cli_load_network (l, &in, FALSE);
  }
  if (network == NULL)
    return NULL;
  before = pm_diagnostics_get_n_errors (l->diagnostics);
  problem = pm_reader_read_rota_problem (network, o->rota, o->limits, o->leave, o->prefs,
                                         l->diagnostics, &error);
  pm_cli_loader_done (l, before, problem != NULL, error);
  if (problem != NULL && o->busy != NULL && !read_busy (problem, o->busy, l))
    g_clear_object (&problem);
  return problem;
}

/* Reads the problem and, with @solution, the rota of it in the file @rota_path. Every
 * diagnostic goes to standard error; on any error returns FALSE with *@status set. */
static gboolean
load_inputs (const RotaOptions *o, const char *rota_path, PmRotaProblem **problem,
             PmRota **solution, int *status)
{
  g_autoptr (PmDiagnostics) diagnostics = pm_diagnostics_new ();
  PmCliLoader loader = { diagnostics, PM_CLI_EXIT_OK };
  g_autoptr (GError) error = NULL;
  guint before;

  *problem = read_problem (o, &loader);
  if (*problem != NULL && solution != NULL)
    {
      before = pm_diagnostics_get_n_errors (diagnostics);
      *solution = pm_reader_read_rota (*problem, rota_path, diagnostics, &error);
      pm_cli_loader_done (&loader, before, *solution != NULL, error);
    }
  pm_cli_print_diagnostics (diagnostics, stderr, "peermatch: ");
  if (loader.status == PM_CLI_EXIT_OK && pm_diagnostics_get_n_errors (diagnostics) > 0)
    loader.status = PM_CLI_EXIT_DATA;
  *status = loader.status;
  if (*status == PM_CLI_EXIT_OK)
    return TRUE;
  g_clear_object (problem);
  if (solution != NULL)
    g_clear_object (solution);
  return FALSE;
}

/* ---- violations and the report */

static void
format_date (PmRotaProblem *problem, gint day, char buf[static 11])
{
  GDate date;

  pm_rota_problem_get_first_day (problem, &date);
  g_date_add_days (&date, (guint)day);
  g_snprintf (buf, 11, "%04u-%02u-%02u", (guint)g_date_get_year (&date),
              (guint)g_date_get_month (&date), (guint)g_date_get_day (&date));
}

/* `RULE PERSON [DATE]: DETAIL`; the library's message starts with the person's id, which
 * the line already gives. */
static char *
violation_line (PmRota *rota, const PmRotaViolation *v)
{
  const char *person = pm_rota_violation_get_person_id (v);
  const char *message = pm_rota_violation_get_message (v);
  const char *rule = pm_rota_rule_to_string (pm_rota_violation_get_rule (v));
  gint day = pm_rota_violation_get_day (v);
  g_autofree char *own = NULL;
  char date[11];

  if (person == NULL)
    person = "-";
  own = g_strconcat (person, ": ", NULL);
  if (g_str_has_prefix (message, own))
    message += strlen (own);
  if (day < 0)
    return g_strdup_printf ("%s %s: %s", rule, person, message);
  format_date (pm_rota_get_problem (rota), day, date);
  return g_strdup_printf ("%s %s %s: %s", rule, person, date, message);
}

static void
print_violations (PmRota *rota, const char *prefix)
{
  guint n = pm_rota_get_n_violations (rota);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = violation_line (rota, pm_rota_get_violation (rota, i));

      fprintf (stderr, "%s%s\n", prefix, line);
    }
}

/* check's text report: every violation, then the objective and its parts. */
static char *
report_to_text (PmRota *rota, gsize *length)
{
  GString *text = g_string_new (NULL);
  guint n = pm_rota_get_n_violations (rota);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = violation_line (rota, pm_rota_get_violation (rota, i));

      g_string_append_printf (text, "%s\n", line);
    }
  g_string_append_printf (text,
                          "objective %" G_GINT64_FORMAT " (under %" G_GINT64_FORMAT
                          ", over %" G_GINT64_FORMAT ", requests %" G_GINT64_FORMAT ")\n",
                          pm_rota_get_objective (rota), pm_rota_get_cost (rota, PM_ROTA_COST_UNDER),
                          pm_rota_get_cost (rota, PM_ROTA_COST_OVER),
                          pm_rota_get_cost (rota, PM_ROTA_COST_REQUESTS));
  *length = text->len;
  return g_string_free (text, FALSE);
}

/* ---- progress on a terminal */

typedef struct
{
  gint64 start;    /* monotonic µs */
  gint64 shown_at; /* when the line was last drawn; 0: never */
  int width;       /* of the line drawn, to blank what a shorter one leaves */
} Progress;

static void
on_progress (PmRotaPlanner *planner, gint64 best_objective, gint64 hard_penalty, gpointer data)
{
  Progress *p = data;
  gint64 now = g_get_monotonic_time ();
  g_autofree char *line = NULL;
  int width;

  if (p->shown_at != 0 && now - p->shown_at < PROGRESS_INTERVAL)
    return;
  if (hard_penalty == 0)
    line = g_strdup_printf ("peermatch: rota plan: %" G_GINT64_FORMAT
                            " s, best objective %" G_GINT64_FORMAT " (valid)",
                            (now - p->start) / G_USEC_PER_SEC, best_objective);
  else
    line = g_strdup_printf ("peermatch: rota plan: %" G_GINT64_FORMAT
                            " s, best objective %" G_GINT64_FORMAT
                            " (not valid yet, hard penalty %" G_GINT64_FORMAT ")",
                            (now - p->start) / G_USEC_PER_SEC, best_objective, hard_penalty);
  width = (int)strlen (line);
  fprintf (stderr, "\r%s%*s", line, MAX (p->width - width, 0), "");
  fflush (stderr);
  p->width = width;
  p->shown_at = now;
}

/* Redraws the line with the rota found, whatever the throttle skipped, and ends it. */
static void
progress_end (Progress *p, PmRota *rota)
{
  g_autofree char *state = NULL;
  g_autofree char *line = NULL;
  int width;

  if (p->shown_at == 0)
    return;
  if (rota == NULL)
    {
      fputc ('\n', stderr);
      return;
    }
  if (pm_rota_is_valid (rota))
    state = g_strdup ("valid");
  else
    state = g_strdup_printf ("%u hard violations", pm_rota_get_n_violations (rota));
  line = g_strdup_printf (
      "peermatch: rota plan: %" G_GINT64_FORMAT " s, objective %" G_GINT64_FORMAT " (%s)",
      (g_get_monotonic_time () - p->start) / G_USEC_PER_SEC, pm_rota_get_objective (rota), state);
  width = (int)strlen (line);
  fprintf (stderr, "\r%s%*s\n", line, MAX (p->width - width, 0), "");
}

/* ---- the subcommands */

static PmRota *
plan (PmRotaProblem *problem, const RotaSettings *s, gboolean show_progress, GError **error)
{
  g_autoptr (PmRotaPlanner) planner = pm_rota_planner_new (problem);
  Progress progress = { g_get_monotonic_time (), 0, 0 };
  PmRota *rota;

  pm_rota_planner_set_seed (planner, s->seed);
  pm_rota_planner_set_time_limit (planner, s->time_limit);
  if (show_progress)
    g_signal_connect (planner, "progress", G_CALLBACK (on_progress), &progress);
  rota = pm_rota_planner_plan (planner, NULL, error);
  progress_end (&progress, rota);
  return rota;
}

/* Writes the calendars of @rota into @dir (none when @dir is NULL). */
static int
write_calendars (PmRota *rota, const char *dir, gint64 dtstamp)
{
  g_autoptr (GError) error = NULL;

  if (dir == NULL || pm_rota_write_ical (rota, dir, dtstamp, &error))
    return PM_CLI_EXIT_OK;
  return pm_cli_report_error (error);
}

/* The exit status after @rota was written with @status: a failed write first, then 3 for a
 * rota that breaks a hard rule (each violation printed after @prefix). */
static int
written_status (PmRota *rota, const char *prefix, int status)
{
  print_violations (rota, prefix);
  if (status != PM_CLI_EXIT_OK)
    return status;
  return pm_rota_is_valid (rota) ? PM_CLI_EXIT_OK : PM_CLI_EXIT_HARD_RULE;
}

static int
rota_plan (char **args)
{
  const char *command = "rota plan";
  g_auto (RotaOptions) o = { 0 };
  g_autoptr (PmRotaProblem) problem = NULL;
  g_autoptr (PmRota) rota = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  RotaSettings s;
  gsize length = 0;
  gboolean done;
  int status;

  status = rota_options_parse (command,
                               "Plan an on-call rota: who works which shift on which day.\n\n"
                               "Required: --rota FILE --supporters FILE, or --benchmark FILE",
                               &o, ROTA_PLAN, args, &s, &done);
  if (status != PM_CLI_EXIT_OK || done)
    return status;
  if (!load_inputs (&o, NULL, &problem, NULL, &status))
    return status;
  rota = plan (problem, &s, !o.quiet && isatty (fileno (stderr)), &error);
  if (rota == NULL)
    return pm_cli_report_error (error);
  data = pm_rota_to_data (rota, s.format, &length);
  /* the calendars first: the library checks the ids before it writes any, so an unsafe id
   * leaves no output at all */
  status = write_calendars (rota, o.ics, s.dtstamp);
  if (status == PM_CLI_EXIT_OK)
    status = pm_cli_emit (o.output, data, length);
  return written_status (rota, "peermatch: rota plan: ", status);
}

static int
rota_check (char **args)
{
  const char *command = "rota check";
  g_auto (RotaOptions) o = { 0 };
  g_autoptr (PmRotaProblem) problem = NULL;
  g_autoptr (PmRota) rota = NULL;
  g_autofree char *data = NULL;
  RotaSettings s;
  gsize length = 0;
  gboolean done;
  int status;

  status = rota_options_parse (
      command,
      "Check a rota: list every hard rule it breaks, one per line as\n"
      "RULE PERSON [DATE]: DETAIL, then its objective and the objective's parts.\n\n"
      "Required: --rota FILE --supporters FILE, or --benchmark FILE; and --solution FILE",
      &o, ROTA_CHECK, args, &s, &done);
  if (status != PM_CLI_EXIT_OK || done)
    return status;
  if (!load_inputs (&o, o.solution, &problem, &rota, &status))
    return status;
  if (s.format == PM_FORMAT_TEXT)
    data = report_to_text (rota, &length);
  else
    data = pm_rota_to_data (rota, s.format, &length);
  status = pm_cli_emit (o.output, data, length);
  if (status != PM_CLI_EXIT_OK)
    return status;
  return pm_rota_is_valid (rota) ? PM_CLI_EXIT_OK : PM_CLI_EXIT_HARD_RULE;
}

static int
rota_export (char **args)
{
  const char *command = "rota export";
  g_auto (RotaOptions) o = { 0 };
  g_autoptr (PmRotaProblem) problem = NULL;
  g_autoptr (PmRota) rota = NULL;
  RotaSettings s;
  gboolean done;
  int status;

  status = rota_options_parse (
      command,
      "Export a rota as iCalendar files: DIR/rota.ics with every shift and the people\n"
      "on call, and DIR/<person id>.ics with each person's own shifts.\n\n"
      "Required: --rota FILE --supporters FILE, or --benchmark FILE; and --plan FILE\n"
      "--ics DIR",
      &o, ROTA_EXPORT, args, &s, &done);
  if (status != PM_CLI_EXIT_OK || done)
    return status;
  if (!load_inputs (&o, o.plan, &problem, &rota, &status))
    return status;
  status = write_calendars (rota, o.ics, s.dtstamp);
  return written_status (rota, "peermatch: rota export: ", status);
}

static const PmCliCommand subcommands[] = {
  { "plan", rota_plan, "search for a rota and write it" },
  { "check", rota_check, "list the hard rules a rota breaks and its objective" },
  { "export", rota_export, "write a rota as iCalendar files, one per person and one for all" },
};

static void
print_rota_usage (void)
{
  fputs ("Usage: peermatch rota SUBCOMMAND [OPTION…]\n\n"
         "Plan the on-call rota of the peer supporters, check one, or export one as\n"
         "calendars.\n\n"
         "Subcommands:\n",
         stdout);
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    fprintf (stdout, "  %-6s %s\n", subcommands[i].name, subcommands[i].summary);
  fputs ("\nRun 'peermatch rota SUBCOMMAND --help' for a subcommand's options.\n", stdout);
}

int
pm_cli_cmd_rota (char **args)
{
  g_autofree char *prgname = NULL;

  if (args[1] == NULL)
    return pm_cli_usage_error ("rota", "missing subcommand (plan, check or export)");
  if (strcmp (args[1], "--help") == 0 || strcmp (args[1], "-h") == 0)
    {
      print_rota_usage ();
      return PM_CLI_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (strcmp (args[1], subcommands[i].name) == 0)
      {
        prgname = g_strconcat ("peermatch rota ", subcommands[i].name, NULL);
        g_set_prgname (prgname);
        return subcommands[i].run (args + 1);
      }
  return pm_cli_usage_error ("rota", "unknown subcommand '%s' (expected plan, check or export)",
                             args[1]);
}
