/* peermatch: what the commands of the command-line tool share (exit statuses, usage errors,
 * reading the network, printing diagnostics, writing the output). Never installed.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <peermatch/peermatch.h>

#include <stdio.h>

G_BEGIN_DECLS

/* The exit statuses of spec/matching.md (the values of BSD's sysexits.h), and 3 for a rota
 * that breaks a hard rule (spec/rota.md). */
enum
{
  PM_CLI_EXIT_OK = 0,
  PM_CLI_EXIT_HARD_RULE = 3,
  PM_CLI_EXIT_USAGE = 64,
  PM_CLI_EXIT_DATA = 65,
  PM_CLI_EXIT_NO_INPUT = 66,
  PM_CLI_EXIT_CANT_CREATE = 73,
  PM_CLI_EXIT_IO = 74,
};

/* One line of `peermatch --help`: a command and what it does. */
typedef struct
{
  const char *name;
  int (*run) (char **args);
  const char *summary;
} PmCliCommand;

/* Prints `peermatch: COMMAND: message` and a hint to standard error (without the command
 * part when @command is NULL). Returns: PM_CLI_EXIT_USAGE. */
int
pm_cli_usage_error (const char *command, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* The exit status for a library error (NULL or a foreign domain: an I/O error). */
int
pm_cli_exit_status (const GError *error);

/* Prints `peermatch: MESSAGE` to standard error. Returns: pm_cli_exit_status (@error). */
int
pm_cli_report_error (const GError *error);

/* Parses @args (the command name first) with @context (help disabled, a --help entry writing
 * @help). Returns PM_CLI_EXIT_OK with *@done set when help was shown, PM_CLI_EXIT_OK to go
 * on, or PM_CLI_EXIT_USAGE after printing the problem. */
int
pm_cli_parse (const char *command, GOptionContext *context, const gboolean *help, char **args,
              gboolean *done);

/* The options every command names its inputs with (nullable: not given). */
typedef struct
{
  const char *regions;
  const char *policy;
  const char *org;
  const char *supporters;
  const char *requests;
} PmCliInputs;

/* Collects the problems of the inputs read so far. */
typedef struct
{
  PmDiagnostics *diagnostics;
  int status; /* the exit status of the first input that failed; PM_CLI_EXIT_OK while none */
} PmCliLoader;

/* Records the outcome of reading one input (its reader's result @ok and @error) after the
 * diagnostics held @errors_before errors. Returns: @ok. */
gboolean
pm_cli_loader_done (PmCliLoader *l, guint errors_before, gboolean ok, const GError *error);

/* Reads the network @in names, in the order regions (default: the built-in tree), policy
 * (default: the built-in one), org chart, supporters, requests. Without @keep_going it stops
 * at the first input that fails and returns NULL; with it, it reads all it can. Either way
 * l->status says whether anything failed. */
PmNetwork *
pm_cli_load_network (PmCliLoader *l, const PmCliInputs *in, gboolean keep_going);

/* Like pm_cli_load_network() without @keep_going, printing every diagnostic on standard
 * error as `peermatch: …`; NULL with *@status set when an input failed. */
PmNetwork *
pm_cli_load_network_or_report (const PmCliInputs *in, int *status);

/* Prints each diagnostic on its own line after @prefix. */
void
pm_cli_print_diagnostics (PmDiagnostics *diagnostics, FILE *stream, const char *prefix);

/* Writes @data to standard output (@output NULL) or atomically to the file @output.
 * Returns: PM_CLI_EXIT_OK, or the exit status after printing why it failed. */
int
pm_cli_emit (const char *output, const char *data, gsize length);

/* The DTSTAMP of exported calendars, in Unix seconds: SOURCE_DATE_EPOCH when it is set (the
 * reproducible-builds convention), else the current time. Returns: PM_CLI_EXIT_OK, or
 * PM_CLI_EXIT_USAGE after printing why the variable is malformed. */
int
pm_cli_get_dtstamp (const char *command, gint64 *dtstamp);

/* `peermatch rota …` (peermatch-rota.c). */
int
pm_cli_cmd_rota (char **args);

G_END_DECLS
