/* peermatch: the public readers of rota problems, around the rota.ini and benchmark readers.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"
#include "pm-nrp-private.h"
#include "pm-rota-problem-private.h"
#include "pm-rota-reader-private.h"

/**
 * pm_reader_read_rota_problem:
 * @network: the network whose supporters are the people of the rota
 * @rota_path: a rota.ini (spec/rota.md "rota.ini")
 * @limits_path: (nullable): a table of per-person limits (`person,max_shifts,max_minutes,
 *   min_minutes,max_consecutive,min_consecutive,min_days_off,max_weekends`; empty cells
 *   keep the rules' value)
 * @leave_path: (nullable): a table of leave (`person,from,to`, inclusive dates)
 * @prefs_path: (nullable): a table of requests (`person,date,shift,kind,weight`, kind `on`
 *   or `off`)
 * @diagnostics: (nullable): where every problem found goes, warnings included
 * @error: return location for a #GError
 *
 * Reads a rota problem: the horizon, rules, shift types and cover groups of @rota_path, and
 * every supporter of @network as a person (in network order) with the rules' limits, the
 * days off their pause, training and leave give, their weekly availability and their
 * requests. Tables are CSV, or JSON when the name ends in `.json`. Reading goes on after a
 * problem, so @diagnostics gets them all with the file, the line and the key or column.
 * Unknown groups, keys and columns are warnings.
 *
 * Returns: (transfer full): the problem; %NULL with %PM_ERROR_INVALID_DATA (`FILE:LINE:
 *   message` of the first error and ` (and N more errors)`) on an error in the data, or
 *   %PM_ERROR_OPEN when a file cannot be read
 *
 * Since: 0.1
 */
PmRotaProblem *
pm_reader_read_rota_problem (PmNetwork *network, const char *rota_path, const char *limits_path,
                             const char *leave_path, const char *prefs_path,
                             PmDiagnostics *diagnostics, GError **error)
{
  PmRotaModel *model;

  g_return_val_if_fail (PM_IS_NETWORK (network), NULL);
  g_return_val_if_fail (rota_path != NULL, NULL);
  g_return_val_if_fail (diagnostics == NULL || PM_IS_DIAGNOSTICS (diagnostics), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  model
      = pm_rota_read (network, rota_path, limits_path, leave_path, prefs_path, diagnostics, error);
  return model != NULL ? pm_rota_problem_new_take (model) : NULL;
}

/**
 * pm_reader_read_benchmark:
 * @path: an instance of the "Shift Scheduling Benchmark" (Curtois and Qu) text format
 * @diagnostics: (nullable): where every problem found goes
 * @error: return location for a #GError
 *
 * Reads a benchmark instance as a rota problem. The format has no dates: day 0 is Monday
 * 2024-01-01. Shift types have no start time (every succession not forbidden by the file
 * is allowed), no availability and no maximum of shifts in total; each cover line is a
 * cover group named after its shift with every member of staff in it; the problem is named
 * after the file's base name.
 *
 * Returns: (transfer full): the problem; %NULL with %PM_ERROR_INVALID_DATA (`FILE:LINE:
 *   message` of the first error and ` (and N more errors)`) or %PM_ERROR_OPEN
 *
 * Since: 0.1
 */
PmRotaProblem *
pm_reader_read_benchmark (const char *path, PmDiagnostics *diagnostics, GError **error)
{
  PmRotaModel *model;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (diagnostics == NULL || PM_IS_DIAGNOSTICS (diagnostics), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  model = pm_nrp_read (path, diagnostics, error);
  return model != NULL ? pm_rota_problem_new_take (model) : NULL;
}
