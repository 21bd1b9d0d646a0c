/* peermatch: pm_reader_read_busy(): the people's busy times from their iCalendar files
 * (spec/calendar.md "Import of busy times"); one file is read in pm-ical-reader.c.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Busy time forbids cells of PmRotaPerson.allowed, like availability. The shifts' UTC spans
 * come from pm_rota_shift_span(), so that a busy time and a shift meet on the same instants as
 * in the calendar export. Every file is read into a separate array of blocked cells first and
 * only applied when no file had a problem: an error leaves the problem as it was. */
#include "pm-private.h"
#include "pm-ical-private.h"
#include "pm-ical-reader-private.h"
#include "pm-rota-problem-private.h"
#include "pm-rota-time-private.h"
#include "pm-table-private.h"

#include <errno.h>
#include <string.h>

static gboolean
window_init (PmIcalWindow *w, const PmRotaModel *model, GError **error)
{
  int n_shifts = PM_ROTA_N_SHIFTS (model);

  w->tz = pm_rota_time_zone (model, error);
  if (w->tz == NULL)
    return FALSE;
  w->n_cells = model->n_days * n_shifts;
  w->spans = g_new (gint64, 2 * MAX (w->n_cells, 1));
  w->from = G_MAXINT64;
  w->to = G_MININT64;
  for (int cell = 0; cell < w->n_cells; cell++)
    {
      pm_rota_shift_span (model, w->tz, cell / n_shifts, cell % n_shifts, &w->spans[2 * cell],
                          &w->spans[2 * cell + 1]);
      w->from = MIN (w->from, w->spans[2 * cell]);
      w->to = MAX (w->to, w->spans[2 * cell + 1]);
    }
  return TRUE;
}

static gboolean
check_dir (const char *dir, GError **error)
{
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    return TRUE;
  g_set_error (error, PM_ERROR, PM_ERROR_OPEN, "%s: %s", dir,
               g_file_test (dir, G_FILE_TEST_EXISTS) ? "not a directory" : g_strerror (ENOENT));
  return FALSE;
}

/* Reads the calendar of every person into @blocked (NULL: nothing blocked); FALSE only when a
 * file cannot be read (@error set); problems in the files go to @ctx. */
static gboolean
read_people (PmTableCtx *ctx, const PmRotaModel *model, const PmIcalWindow *w, const char *dir,
             guint8 **blocked, GError **error)
{
  for (int p = 0; p < PM_ROTA_N_PEOPLE (model); p++)
    {
      const char *id = PM_ROTA_PERSON (model, p)->id;
      const char *problem = pm_ical_file_name_problem (id);
      g_autofree char *name = NULL, *path = NULL, *data = NULL, *quoted = NULL;
      gsize length;

      if (problem != NULL)
        {
          quoted = pm_ical_shown_id (id);
          ctx->file = dir;
          pm_table_report (ctx, PM_SEVERITY_ERROR, 0, "person",
                           "person: the id '%s' cannot name a calendar file: %s", quoted, problem);
          continue;
        }
      name = g_strconcat (id, ".ics", NULL);
      path = g_build_filename (dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue; /* no calendar: no busy time */
      if (!pm_table_load_file (path, &data, &length, error))
        return FALSE;
      ctx->file = path;
      blocked[p] = pm_ical_read_busy (ctx, w, data, length);
      ctx->file = dir;
    }
  return TRUE;
}

/**
 * pm_reader_read_busy:
 * @problem: a rota problem, before any rota or planner is made from it
 * @dir: a directory of calendars, `DIR/<person id>.ics` for each person who has one
 * @diagnostics: (nullable): where every problem found goes
 * @error: return location for a #GError
 *
 * Reads the busy times of the people of @problem from their iCalendar files
 * (spec/calendar.md "Import of busy times") and forbids every shift that overlaps one: that
 * person may then not take that shift that day (a hard day-off rule of spec/rota.md). A
 * person without a file has no busy time.
 *
 * Busy are the VEVENTs that are neither `TRANSP:TRANSPARENT` nor `STATUS:CANCELLED`, with
 * their RRULE, RDATE and EXDATE occurrences and RECURRENCE-ID overrides, and the FREEBUSY
 * periods whose FBTYPE is not FREE. An event lasts until DTEND, for DURATION, or by default
 * a day (a date) or no time at all (a date-time: such an event blocks nothing). A date
 * blocks the whole day in the rota's time zone, as do floating times; a TZID is read through
 * the file's VTIMEZONE or the system's zone of that name. An event that ends when a shift
 * starts does not block it.
 *
 * Every file is read, and every problem goes to @diagnostics as `FILE:LINE: PROPERTY:
 * message`, quoting no text of the calendar. On any error @problem is left as it was.
 *
 * This changes @problem: call it before the problem is shared with rotas, planners or
 * other threads.
 *
 * Returns: %TRUE on success; %FALSE with %PM_ERROR_INVALID_DATA (a malformed calendar, an
 *   unknown TZID, a person id that cannot name a file: `FILE:LINE: message` of the first
 *   error and ` (and N more errors)`), or %PM_ERROR_OPEN (@dir or a file cannot be read)
 *
 * Since: 0.1
 */
gboolean
pm_reader_read_busy (PmRotaProblem *problem, const char *dir, PmDiagnostics *diagnostics,
                     GError **error)
{
  PmRotaModel *model;
  guint8 **blocked;
  PmIcalWindow w = { 0 };
  PmTableCtx ctx;
  gboolean ok;

  g_return_val_if_fail (PM_IS_ROTA_PROBLEM (problem), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (diagnostics == NULL || PM_IS_DIAGNOSTICS (diagnostics), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  model = pm_rota_problem_get_model_mutable (problem);
  if (!check_dir (dir, error) || !window_init (&w, model, error))
    return FALSE;
  blocked = g_new0 (guint8 *, MAX (PM_ROTA_N_PEOPLE (model), 1));
  pm_table_ctx_init (&ctx, dir, diagnostics);
  ok = read_people (&ctx, model, &w, dir, blocked, error) && pm_table_ctx_finish (&ctx, error);
  for (int p = 0; p < PM_ROTA_N_PEOPLE (model); p++)
    {
      for (int cell = 0; ok && blocked[p] != NULL && cell < w.n_cells; cell++)
        if (blocked[p][cell])
          PM_ROTA_PERSON (model, p)->allowed[cell] = 0;
      g_free (blocked[p]);
    }
  g_free (blocked);
  pm_table_ctx_clear (&ctx);
  g_free (w.spans);
  g_time_zone_unref (w.tz);
  return ok;
}
