/* peermatch: checking a rota against the hard rules and pricing it (spec/rota.md).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"
#include "pm-rota-private.h"

#define MINUTES_PER_DAY 1440

/* Granularity of the violations, one each:
 *   succession       per pair of days (d, d+1) with a forbidden pair of shifts; day = d
 *   max_per_shift    per person and shift type over its limit; day = -1
 *   max_shifts, max_minutes, min_minutes, max_weekends
 *                    per person over (or under) the limit; day = -1
 *   max_consecutive  per maximal run of working days longer than the limit; day = its first
 *   min_consecutive  per maximal run of working days shorter than the limit that touches
 *                    neither day 0 nor the last day; day = its first
 *   min_days_off     the same for runs of days off
 *   day_off          per shift on a hard day off; day = that day
 *   not_allowed      per shift the person may not take that day (and that is not already a
 *                    day_off violation: a day off says it all); day = that day
 * Each broken limit is counted once, however far it is exceeded, so that the count reads as
 * "how many things a coordinator must fix". */

/* One person's check. Violations are produced directly in the promised order (day -1 first,
 * then by day, then by rule), so nothing needs sorting; without @out only the count is kept,
 * which spares the search the messages. */
typedef struct
{
  const PmRotaModel *model;
  const PmRotaPerson *person;
  int index;      /* of the person */
  const int *row; /* n_days shift indices */
  GPtrArray *out; /* nullable */
  guint count;
} Checker;

static void
report (Checker *checker, PmRotaRule rule, int day, const char *format, ...) G_GNUC_PRINTF (4, 5);

static void
report (Checker *checker, PmRotaRule rule, int day, const char *format, ...)
{
  PmRotaViolation *violation;
  g_autofree char *what = NULL;
  va_list args;

  checker->count++;
  if (checker->out == NULL)
    return;
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  violation = g_new0 (PmRotaViolation, 1);
  violation->rule = rule;
  violation->person = checker->index;
  violation->person_id = g_strdup (checker->person->id);
  violation->day = day;
  violation->message = g_strdup_printf ("%s: %s", checker->person->id, what);
  g_ptr_array_add (checker->out, violation);
}

static const char *
day_date (const PmRotaModel *model, int day, char buf[static 11])
{
  GDate date = model->first_day;

  g_date_add_days (&date, (guint)day);
  return pm_date_format (&date, buf);
}

static const char *
shift_id (const PmRotaModel *model, int shift)
{
  return PM_ROTA_SHIFT (model, shift)->id;
}

/* Rules over the whole horizon: per-type and total counts, minutes, weekends. */
static void
check_totals (Checker *checker)
{
  const PmRotaModel *model = checker->model;
  const PmRotaPerson *person = checker->person;
  int n_shifts = PM_ROTA_N_SHIFTS (model);
  g_autofree int *per_shift = g_new0 (int, MAX (n_shifts, 1));
  g_autofree guint8 *weekend_worked = g_new0 (guint8, MAX (model->n_weekends, 1));
  int total = 0, weekends = 0;
  gint64 minutes = 0;

  for (int d = 0; d < model->n_days; d++)
    {
      int s = checker->row[d];

      if (s == PM_ROTA_OFF)
        continue;
      per_shift[s]++;
      total++;
      minutes += PM_ROTA_SHIFT (model, s)->minutes;
      if (model->weekend_of[d] >= 0 && !weekend_worked[model->weekend_of[d]])
        {
          weekend_worked[model->weekend_of[d]] = 1;
          weekends++;
        }
    }
  for (int s = 0; s < n_shifts; s++)
    if (per_shift[s] > person->max_per_shift[s])
      report (checker, PM_ROTA_RULE_MAX_PER_SHIFT, -1, "%d %s shifts (at most %d)", per_shift[s],
              shift_id (model, s), person->max_per_shift[s]);
  if (total > person->max_shifts)
    report (checker, PM_ROTA_RULE_MAX_SHIFTS, -1, "%d shifts (at most %d)", total,
            person->max_shifts);
  if (minutes > person->max_minutes)
    report (checker, PM_ROTA_RULE_MAX_MINUTES, -1, "%" G_GINT64_FORMAT " minutes (at most %d)",
            minutes, person->max_minutes);
  if (minutes < person->min_minutes)
    report (checker, PM_ROTA_RULE_MIN_MINUTES, -1, "%" G_GINT64_FORMAT " minutes (at least %d)",
            minutes, person->min_minutes);
  if (weekends > person->max_weekends)
    report (checker, PM_ROTA_RULE_MAX_WEEKENDS, -1, "%d weekends worked (at most %d)", weekends,
            person->max_weekends);
}

static void
check_succession (Checker *checker, int d)
{
  const PmRotaModel *model = checker->model;
  int n_shifts = PM_ROTA_N_SHIFTS (model);
  int a = checker->row[d], b = checker->row[d + 1];
  const PmRotaShift *sa, *sb;
  char day_a[11], day_b[11];
  g_autofree char *why = NULL;
  int rest;

  if (a == PM_ROTA_OFF || b == PM_ROTA_OFF || !model->forbidden[a * n_shifts + b])
    return;
  /* Say which rule forbids it: overlap and short rest are what a coordinator can reason about;
   * otherwise the succession was listed as forbidden. */
  sa = PM_ROTA_SHIFT (model, a);
  sb = PM_ROTA_SHIFT (model, b);
  rest = (sb->start_minute + MINUTES_PER_DAY) - (sa->start_minute + sa->minutes);
  if (rest < 0)
    why = g_strdup ("the shifts overlap");
  else if (rest < model->min_rest_minutes)
    why = g_strdup_printf ("%d minutes' rest, at least %d", rest, model->min_rest_minutes);
  else
    why = g_strdup_printf ("%s may not follow %s", sb->id, sa->id);
  report (checker, PM_ROTA_RULE_SUCCESSION, d, "%s on %s then %s on %s (%s)", sa->id,
          day_date (model, d, day_a), sb->id, day_date (model, d + 1, day_b), why);
}

/* The maximal run of working days, or of days off, that starts on @d (if one does). The
 * minima spare a run that touches either end of the horizon: it may continue outside it. */
static void
check_run (Checker *checker, int d)
{
  const PmRotaModel *model = checker->model;
  const PmRotaPerson *person = checker->person;
  gboolean working = checker->row[d] != PM_ROTA_OFF;
  gboolean inside;
  char first[11], last[11];
  int end = d, length;

  if (d > 0 && (checker->row[d - 1] != PM_ROTA_OFF) == working)
    return;
  while (end + 1 < model->n_days && (checker->row[end + 1] != PM_ROTA_OFF) == working)
    end++;
  length = end - d + 1;
  inside = d > 0 && end < model->n_days - 1;
  day_date (model, d, first);
  day_date (model, end, last);
  if (working && length > person->max_consecutive)
    report (checker, PM_ROTA_RULE_MAX_CONSECUTIVE, d,
            "%d working days in a row, %s to %s (at most %d)", length, first, last,
            person->max_consecutive);
  if (working && inside && length < person->min_consecutive)
    report (checker, PM_ROTA_RULE_MIN_CONSECUTIVE, d,
            "%d working day%s in a row, %s to %s (at least %d)", length, length == 1 ? "" : "s",
            first, last, person->min_consecutive);
  if (!working && inside && length < person->min_days_off)
    report (checker, PM_ROTA_RULE_MIN_DAYS_OFF, d, "%d day%s off in a row, %s to %s (at least %d)",
            length, length == 1 ? "" : "s", first, last, person->min_days_off);
}

static void
check_day (Checker *checker, int d)
{
  const PmRotaModel *model = checker->model;
  int s = checker->row[d];
  char date[11];

  if (d + 1 < model->n_days)
    check_succession (checker, d);
  check_run (checker, d);
  if (s == PM_ROTA_OFF)
    return;
  if (checker->person->day_off[d])
    report (checker, PM_ROTA_RULE_DAY_OFF, d, "%s on %s, a day off", shift_id (model, s),
            day_date (model, d, date));
  else if (!checker->person->allowed[d * PM_ROTA_N_SHIFTS (model) + s])
    report (checker, PM_ROTA_RULE_NOT_ALLOWED, d,
            "%s on %s is outside their availability or over busy time", shift_id (model, s),
            day_date (model, d, date));
}

static gboolean
rota_is_valid (const PmRotaModel *model, const int *rota)
{
  int n = PM_ROTA_N_PEOPLE (model) * model->n_days;

  for (int i = 0; i < n; i++)
    if (rota[i] != PM_ROTA_OFF && (rota[i] < 0 || rota[i] >= PM_ROTA_N_SHIFTS (model)))
      return FALSE;
  return TRUE;
}

guint
pm_rota_check (const PmRotaModel *model, const int *rota, PmRotaCost *cost, GPtrArray **violations)
{
  Checker checker = { .model = model };

  g_return_val_if_fail (model != NULL, 0);
  g_return_val_if_fail (rota != NULL || PM_ROTA_N_PEOPLE (model) == 0, 0);
  g_return_val_if_fail (rota == NULL || rota_is_valid (model, rota), 0);
  if (violations != NULL)
    checker.out = g_ptr_array_new_with_free_func ((GDestroyNotify)pm_rota_violation_free);
  for (int p = 0; p < PM_ROTA_N_PEOPLE (model); p++)
    {
      checker.person = PM_ROTA_PERSON (model, p);
      checker.index = p;
      checker.row = rota + (gsize)p * (gsize)model->n_days;
      check_totals (&checker);
      for (int d = 0; d < model->n_days; d++)
        check_day (&checker, d);
    }
  if (cost != NULL)
    *cost = pm_rota_cost (model, rota);
  if (violations != NULL)
    *violations = checker.out;
  return checker.count;
}

/* Straight from the objective in spec/rota.md: every cover group is priced on its own (a
 * person counts in every group they belong to), and every request line counts, duplicates
 * included. O(covers x people + requests). */
PmRotaCost
pm_rota_cost (const PmRotaModel *model, const int *rota)
{
  PmRotaCost cost = { 0 };
  int n_days;

  g_return_val_if_fail (model != NULL, cost);
  g_return_val_if_fail (rota != NULL || PM_ROTA_N_PEOPLE (model) == 0, cost);
  n_days = model->n_days;
  for (guint c = 0; c < model->covers->len; c++)
    {
      const PmRotaCover *cover = PM_ROTA_COVER (model, c);
      int assigned = 0;

      for (int p = 0; p < PM_ROTA_N_PEOPLE (model); p++)
        if (cover->member[p] && rota[(gsize)p * n_days + cover->day] == cover->shift)
          assigned++;
      if (assigned < cover->need)
        cost.under += (gint64)cover->under_weight * (cover->need - assigned);
      else
        cost.over += (gint64)cover->over_weight * (assigned - cover->need);
    }
  for (guint r = 0; r < model->requests->len; r++)
    {
      const PmRotaRequest *request = &g_array_index (model->requests, PmRotaRequest, r);
      gboolean on = rota[(gsize)request->person * n_days + request->day] == request->shift;

      if (on != (request->kind == PM_ROTA_REQUEST_ON))
        cost.requests += request->weight;
    }
  cost.objective = cost.under + cost.over + cost.requests;
  return cost;
}
