/* peermatch: why a person's row of a rota cannot meet a hard rule (see
 * pm-rota-explain-private.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"
#include "pm-rota-explain-private.h"

#include <string.h>

/* The most minutes a row can hold under every hard rule but min_minutes is found by a dynamic
 * programme over the days. Its state is what the rules need to know about the days before:
 * the previous day's shift (successions, weekends), the length of the current run of working
 * days or days off and whether it started on day 0 (runs touching either end are exempt from
 * the minima; every run left open on the last day touches it), and the counts of the limits
 * that can bind (shifts per type, shifts, weekends, minutes). A limit the row cannot reach is
 * not tracked. The work is states x days x choices; when the states would take more than
 * DP_WORK steps (at most DP_MAX_STATES states, at least DP_MIN_STATES) the least useful counts
 * are dropped: the result is then an upper bound, still sound for saying "cannot", no longer
 * exact. A four-week rota stays exact; a year-long benchmark row may not. */
#define DP_WORK ((gsize)1 << 25)
#define DP_MAX_STATES ((gsize)1 << 18)
#define DP_MIN_STATES ((gsize)1 << 12)
#define UNREACHABLE (-1)

enum
{
  DIM_PREV,     /* 0 .. n_shifts - 1, or n_shifts: off (or before day 0) */
  DIM_RUN,      /* length of the current run, capped; 0 before day 0 */
  DIM_EXEMPT,   /* 1: the current run started on day 0 */
  DIM_SHIFTS,   /* shifts so far */
  DIM_WEEKENDS, /* weekends worked so far */
  DIM_MINUTES,  /* minutes so far, in units of the gcd of the shift lengths */
  DIM_TYPE,     /* DIM_TYPE + s: shifts of type s so far */
};

typedef struct
{
  const PmRotaModel *model;
  const PmRotaPerson *person;
  guint relaxed; /* 1 << rule for each rule left out */
  int n_shifts;
  int max_run; /* max_consecutive, or -1 when it cannot bind */
  int min_run; /* min_consecutive, 0 when relaxed */
  int min_off; /* min_days_off, 0 when relaxed */
  int run_cap; /* runs of working days are counted up to this, days off up to off_cap */
  int off_cap;
  int unit; /* minutes per DIM_MINUTES step */
  int n_dims;
  int *cap;      /* per dim: the largest value allowed (-1: not tracked) */
  gsize *stride; /* per dim */
  gsize n_states;
} Dp;

static gboolean
rule_on (const Dp *dp, PmRotaRule rule)
{
  return (dp->relaxed & (1u << rule)) == 0;
}

static gboolean
dp_workable (const Dp *dp, int day, int shift)
{
  const PmRotaPerson *person = dp->person;

  if (person->day_off[day] && rule_on (dp, PM_ROTA_RULE_DAY_OFF))
    return FALSE;
  return person->allowed[day * dp->n_shifts + shift] || !rule_on (dp, PM_ROTA_RULE_NOT_ALLOWED);
}

static gboolean
dp_day_workable (const Dp *dp, int day)
{
  for (int s = 0; s < dp->n_shifts; s++)
    if (dp_workable (dp, day, s))
      return TRUE;
  return FALSE;
}

/* The limit if the rule is on and the row could exceed it, else -1 (not tracked). */
static int
binding (const Dp *dp, PmRotaRule rule, int limit, gint64 reachable)
{
  return rule_on (dp, rule) && limit < reachable ? limit : -1;
}

static int
gcd (int a, int b)
{
  while (b != 0)
    {
      int t = a % b;

      a = b;
      b = t;
    }
  return a;
}

/* Tracks a count only where the row could break its limit. */
static void
dp_set_caps (Dp *dp)
{
  const PmRotaModel *model = dp->model;
  const PmRotaPerson *person = dp->person;
  int workable_days = 0, weekends = 0, longest = 0, last_weekend = -1;

  dp->unit = 0;
  for (int s = 0; s < dp->n_shifts; s++)
    {
      int days = 0;

      for (int d = 0; d < model->n_days; d++)
        days += dp_workable (dp, d, s);
      dp->cap[DIM_TYPE + s]
          = binding (dp, PM_ROTA_RULE_MAX_PER_SHIFT, person->max_per_shift[s], days);
      longest = MAX (longest, PM_ROTA_SHIFT (model, s)->minutes);
      dp->unit = gcd (dp->unit, PM_ROTA_SHIFT (model, s)->minutes);
    }
  dp->unit = MAX (dp->unit, 1);
  for (int d = 0; d < model->n_days; d++)
    if (dp_day_workable (dp, d))
      {
        workable_days++;
        if (model->weekend_of[d] >= 0 && model->weekend_of[d] != last_weekend)
          weekends++;
        last_weekend = model->weekend_of[d] >= 0 ? model->weekend_of[d] : last_weekend;
      }
  dp->cap[DIM_PREV] = dp->n_shifts;
  dp->cap[DIM_EXEMPT] = 1;
  dp->cap[DIM_SHIFTS] = binding (dp, PM_ROTA_RULE_MAX_SHIFTS, person->max_shifts, workable_days);
  dp->cap[DIM_WEEKENDS] = binding (dp, PM_ROTA_RULE_MAX_WEEKENDS, person->max_weekends, weekends);
  dp->cap[DIM_MINUTES] = binding (dp, PM_ROTA_RULE_MAX_MINUTES, person->max_minutes,
                                  (gint64)workable_days * longest);
  if (dp->cap[DIM_MINUTES] >= 0)
    dp->cap[DIM_MINUTES] /= dp->unit;
}

/* Runs: a working run is counted exactly up to the larger of its limits, days off up to
 * min_days_off; beyond, only "long enough" matters. */
static void
dp_set_runs (Dp *dp)
{
  const PmRotaPerson *person = dp->person;
  int n_days = dp->model->n_days;

  dp->max_run = binding (dp, PM_ROTA_RULE_MAX_CONSECUTIVE, person->max_consecutive, n_days);
  dp->min_run
      = rule_on (dp, PM_ROTA_RULE_MIN_CONSECUTIVE) ? MIN (person->min_consecutive, n_days) : 0;
  dp->min_off = rule_on (dp, PM_ROTA_RULE_MIN_DAYS_OFF) ? MIN (person->min_days_off, n_days) : 0;
  dp->run_cap = MAX (MAX (dp->max_run, dp->min_run), 1);
  dp->off_cap = MAX (dp->min_off, 1);
  dp->cap[DIM_RUN] = MAX (dp->run_cap, dp->off_cap);
}

/* The number of states (and the strides), or 0 past @budget. */
static gsize
dp_count_states (Dp *dp, gsize budget)
{
  gsize n = 1;

  for (int i = 0; i < dp->n_dims; i++)
    {
      dp->stride[i] = n;
      if (dp->cap[i] >= 0 && n > budget / ((gsize)dp->cap[i] + 1))
        return 0;
      n *= dp->cap[i] >= 0 ? (gsize)dp->cap[i] + 1 : 1;
    }
  return n;
}

/* The count to drop next: minutes first (they only matter when max_minutes is close to
 * min_minutes), then the largest per-type count, then weekends, then shifts; -1 if none is
 * left. */
static int
dp_next_drop (const Dp *dp)
{
  int drop = -1;

  if (dp->cap[DIM_MINUTES] >= 0)
    return DIM_MINUTES;
  for (int s = 0; s < dp->n_shifts; s++)
    if (dp->cap[DIM_TYPE + s] >= 0 && (drop < 0 || dp->cap[DIM_TYPE + s] > dp->cap[drop]))
      drop = DIM_TYPE + s;
  if (drop < 0 && dp->cap[DIM_WEEKENDS] >= 0)
    drop = DIM_WEEKENDS;
  if (drop < 0 && dp->cap[DIM_SHIFTS] >= 0)
    drop = DIM_SHIFTS;
  return drop;
}

/* Drops counts until the states fit the budget. The runs and the previous shift are never
 * dropped: without counts they are at most (shifts + 1) x (days + 1) x 2 states. */
static void
dp_fit (Dp *dp)
{
  gsize steps = (gsize)dp->model->n_days * ((gsize)dp->n_shifts + 1);
  gsize budget = CLAMP (DP_WORK / steps, DP_MIN_STATES, DP_MAX_STATES);
  int drop;

  while ((dp->n_states = dp_count_states (dp, budget)) == 0 && (drop = dp_next_drop (dp)) >= 0)
    {
      dp->cap[drop] = -1;
    }
  if (dp->n_states == 0)
    dp->n_states = dp_count_states (dp, G_MAXSIZE);
}

static void
dp_init (Dp *dp, const PmRotaModel *model, int person, guint relaxed)
{
  *dp = (Dp){ .model = model, .person = PM_ROTA_PERSON (model, person), .relaxed = relaxed };
  dp->n_shifts = PM_ROTA_N_SHIFTS (model);
  dp->n_dims = DIM_TYPE + dp->n_shifts;
  dp->cap = g_new (int, dp->n_dims);
  dp->stride = g_new (gsize, dp->n_dims);
  dp_set_caps (dp);
  dp_set_runs (dp);
  dp_fit (dp);
}

static void
dp_clear (Dp *dp)
{
  g_clear_pointer (&dp->cap, g_free);
  g_clear_pointer (&dp->stride, g_free);
}

static gboolean
dp_count (const Dp *dp, int *w, int dim, int step)
{
  if (dp->cap[dim] < 0)
    return TRUE;
  w[dim] += step;
  return w[dim] <= dp->cap[dim];
}

/* The run part of a step: @c is a shift, or n_shifts for a day off. */
static gboolean
dp_step_run (const Dp *dp, const int *v, int c, int *w)
{
  int off = dp->n_shifts;
  gboolean was_working = v[DIM_PREV] != off, working = c != off;

  if (v[DIM_RUN] == 0) /* day 0: the first run touches the start */
    {
      w[DIM_RUN] = 1;
      w[DIM_EXEMPT] = 1;
    }
  else if (was_working == working)
    w[DIM_RUN] = v[DIM_RUN] + 1;
  else
    {
      /* A run ends: it must meet its minimum unless it started on day 0. */
      if (!v[DIM_EXEMPT] && v[DIM_RUN] < (was_working ? dp->min_run : dp->min_off))
        return FALSE;
      w[DIM_RUN] = 1;
      w[DIM_EXEMPT] = 0;
    }
  if (working && dp->max_run >= 0 && w[DIM_RUN] > dp->max_run)
    return FALSE;
  w[DIM_RUN] = MIN (w[DIM_RUN], working ? dp->run_cap : dp->off_cap);
  return TRUE;
}

/* Applies choice @c on @day to state @v, into @w: the minutes gained, or UNREACHABLE when a
 * rule forbids it. */
static int
dp_step (const Dp *dp, int day, const int *v, int c, int *w)
{
  const PmRotaModel *model = dp->model;
  int prev = v[DIM_PREV], off = dp->n_shifts;
  int weekend = model->weekend_of[day];
  int minutes;

  memcpy (w, v, (gsize)dp->n_dims * sizeof *w);
  w[DIM_PREV] = c;
  if (c != off && !dp_workable (dp, day, c))
    return UNREACHABLE;
  if (c != off && prev != off && rule_on (dp, PM_ROTA_RULE_SUCCESSION)
      && model->forbidden[prev * dp->n_shifts + c])
    return UNREACHABLE;
  if (!dp_step_run (dp, v, c, w))
    return UNREACHABLE;
  if (c == off)
    return 0;
  /* A Sunday whose Saturday was worked is the same weekend. */
  if (weekend >= 0 && !(prev != off && day > 0 && model->weekend_of[day - 1] == weekend)
      && !dp_count (dp, w, DIM_WEEKENDS, 1))
    return UNREACHABLE;
  minutes = PM_ROTA_SHIFT (model, c)->minutes;
  if (!dp_count (dp, w, DIM_TYPE + c, 1) || !dp_count (dp, w, DIM_SHIFTS, 1)
      || !dp_count (dp, w, DIM_MINUTES, minutes / dp->unit))
    return UNREACHABLE;
  return minutes;
}

static gsize
dp_encode (const Dp *dp, const int *v)
{
  gsize i = 0;

  for (int k = 0; k < dp->n_dims; k++)
    if (dp->cap[k] >= 0)
      i += (gsize)v[k] * dp->stride[k];
  return i;
}

static void
dp_decode (const Dp *dp, gsize i, int *v)
{
  for (int k = dp->n_dims - 1; k >= 0; k--)
    if (dp->cap[k] >= 0)
      {
        v[k] = (int)(i / dp->stride[k]);
        i %= dp->stride[k];
      }
    else
      v[k] = 0;
}

/* The most minutes of any row meeting every rule left on but min_minutes. The all-off row
 * meets them all, so the answer is at least 0. */
static gint64
dp_best (const Dp *dp)
{
  g_autofree gint64 *cur = g_new (gint64, dp->n_states);
  g_autofree gint64 *next = g_new (gint64, dp->n_states);
  g_autofree int *v = g_new0 (int, dp->n_dims);
  g_autofree int *w = g_new0 (int, dp->n_dims);
  gint64 best = UNREACHABLE;

  for (gsize i = 0; i < dp->n_states; i++)
    cur[i] = UNREACHABLE;
  v[DIM_PREV] = dp->n_shifts;
  cur[dp_encode (dp, v)] = 0;
  for (int d = 0; d < dp->model->n_days; d++)
    {
      for (gsize i = 0; i < dp->n_states; i++)
        next[i] = UNREACHABLE;
      for (gsize i = 0; i < dp->n_states; i++)
        if (cur[i] != UNREACHABLE)
          {
            dp_decode (dp, i, v);
            for (int c = 0; c <= dp->n_shifts; c++)
              {
                int gain = dp_step (dp, d, v, c, w);
                gsize j;

                if (gain == UNREACHABLE)
                  continue;
                j = dp_encode (dp, w);
                next[j] = MAX (next[j], cur[i] + gain);
              }
          }
      memcpy (cur, next, dp->n_states * sizeof *cur);
    }
  for (gsize i = 0; i < dp->n_states; i++)
    best = MAX (best, cur[i]);
  return best;
}

/* The most minutes reachable with the rules in @relaxed left out: exact, or an upper bound
 * when counts had to be dropped (see DP_WORK). */
static gint64
max_minutes_reachable (const PmRotaModel *model, int person, guint relaxed)
{
  Dp dp;
  gint64 best;

  dp_init (&dp, model, person, relaxed);
  best = dp_best (&dp);
  dp_clear (&dp);
  return best;
}

/* Whether leaving @rule out could raise the reach: only if the programme tracks its limit. */
static gboolean
rule_may_bind (const PmRotaModel *model, int person, PmRotaRule rule)
{
  Dp dp;
  gboolean may = FALSE;

  dp_init (&dp, model, person, 0);
  switch (rule)
    {
      case PM_ROTA_RULE_SUCCESSION:
        for (int i = 0; i < dp.n_shifts * dp.n_shifts; i++)
          may |= model->forbidden[i] != 0;
        break;
      case PM_ROTA_RULE_MAX_PER_SHIFT:
        for (int s = 0; s < dp.n_shifts; s++)
          may |= dp.cap[DIM_TYPE + s] >= 0;
        break;
      case PM_ROTA_RULE_MAX_SHIFTS:
        may = dp.cap[DIM_SHIFTS] >= 0;
        break;
      case PM_ROTA_RULE_MAX_MINUTES:
        may = dp.cap[DIM_MINUTES] >= 0;
        break;
      case PM_ROTA_RULE_MAX_WEEKENDS:
        may = dp.cap[DIM_WEEKENDS] >= 0;
        break;
      case PM_ROTA_RULE_MAX_CONSECUTIVE:
        may = dp.max_run >= 0;
        break;
      case PM_ROTA_RULE_MIN_CONSECUTIVE:
        may = dp.min_run > 1;
        break;
      case PM_ROTA_RULE_MIN_DAYS_OFF:
        may = dp.min_off > 1;
        break;
      default: /* days off and availability: always worth a look */
        may = TRUE;
        break;
    }
  dp_clear (&dp);
  return may;
}

/* ---- the sentences */

/* What a message may say about a row: counts, never the reason for a day off. */
typedef struct
{
  int days_off;        /* hard days off */
  int workable_days;   /* days with a shift the person may take */
  int longest_shift;   /* minutes of the longest shift they may take, 0 if none */
  int longest_stretch; /* most workable days in a row */
  gint64 by_type;      /* the most minutes the per-type limits allow on the workable days */
  gboolean type_binds; /* by_type is below what the workable cells hold without those limits */
} RowFacts;

static RowFacts
row_facts (const PmRotaModel *model, int person)
{
  RowFacts facts = { 0 };
  Dp dp = { .model = model, .person = PM_ROTA_PERSON (model, person) };
  int stretch = 0;

  dp.n_shifts = PM_ROTA_N_SHIFTS (model);
  for (int d = 0; d < model->n_days; d++)
    {
      gboolean any = FALSE;

      facts.days_off += dp.person->day_off[d] != 0;
      for (int s = 0; s < dp.n_shifts; s++)
        if (dp_workable (&dp, d, s))
          {
            any = TRUE;
            facts.longest_shift = MAX (facts.longest_shift, PM_ROTA_SHIFT (model, s)->minutes);
          }
      facts.workable_days += any;
      stretch = any ? stretch + 1 : 0;
      facts.longest_stretch = MAX (facts.longest_stretch, stretch);
    }
  for (int s = 0; s < dp.n_shifts; s++)
    {
      int days = 0;

      for (int d = 0; d < model->n_days; d++)
        days += dp_workable (&dp, d, s);
      facts.by_type
          += (gint64)MIN (dp.person->max_per_shift[s], days) * PM_ROTA_SHIFT (model, s)->minutes;
      facts.type_binds |= dp.person->max_per_shift[s] < days;
    }
  return facts;
}

static void
append_per_shift (GString *out, const PmRotaModel *model, const PmRotaPerson *person);

/* Causes that need no search over the row; NULL if none concerns @rule. */
static char *
simple_cause (const PmRotaModel *model, const PmRotaPerson *person, PmRotaRule rule,
              const RowFacts *facts)
{
  int need = person->min_minutes;
  gint64 by_count = (gint64)MIN (person->max_shifts, facts->workable_days) * facts->longest_shift;

  if ((rule == PM_ROTA_RULE_MIN_MINUTES || rule == PM_ROTA_RULE_MAX_MINUTES)
      && need > person->max_minutes)
    return g_strdup_printf ("at least %d minutes are required but at most %d are allowed", need,
                            person->max_minutes);
  /* No workable cell: the days off are to blame if there are any, availability unless every
   * day is off. */
  if (facts->workable_days == 0
      && (rule == PM_ROTA_RULE_MIN_MINUTES || (rule == PM_ROTA_RULE_DAY_OFF && facts->days_off > 0)
          || (rule == PM_ROTA_RULE_NOT_ALLOWED && facts->days_off < model->n_days)))
    return facts->days_off == model->n_days
               ? g_strdup_printf ("all %d days are days off, yet at least %d minutes are required",
                                  model->n_days, need)
               : g_strdup_printf (
                   "available for no shift of the rota (%d of %d days are days off), "
                   "yet at least %d minutes are required",
                   facts->days_off, model->n_days, need);
  if ((rule == PM_ROTA_RULE_MIN_MINUTES || rule == PM_ROTA_RULE_MAX_SHIFTS)
      && person->max_shifts < facts->workable_days && by_count < need)
    return g_strdup_printf ("at least %d minutes are required but %d shifts of at most %d minutes "
                            "give at most %" G_GINT64_FORMAT,
                            need, person->max_shifts, facts->longest_shift, by_count);
  if ((rule == PM_ROTA_RULE_MIN_MINUTES || rule == PM_ROTA_RULE_MAX_PER_SHIFT) && facts->type_binds
      && facts->by_type < need)
    {
      GString *out = g_string_new (NULL);

      g_string_append_printf (out, "at least %d minutes are required but ", need);
      append_per_shift (out, model, person);
      g_string_append_printf (out, " give at most %" G_GINT64_FORMAT, facts->by_type);
      return g_string_free (out, FALSE);
    }
  return NULL;
}

static void
append_per_shift (GString *out, const PmRotaModel *model, const PmRotaPerson *person)
{
  const char *sep = "";

  for (int s = 0; s < PM_ROTA_N_SHIFTS (model); s++)
    if (person->max_per_shift[s] < model->n_days)
      {
        g_string_append_printf (out, "%sat most %d %s shifts", sep, person->max_per_shift[s],
                                PM_ROTA_SHIFT (model, s)->id);
        sep = ", ";
      }
}

/* The limit @rule sets on the row, as a phrase. */
static void
append_limit (GString *out, const PmRotaModel *model, const PmRotaPerson *person, PmRotaRule rule,
              const RowFacts *facts)
{
  switch (rule)
    {
      case PM_ROTA_RULE_SUCCESSION:
        g_string_append (out, "the rest and succession rules between shifts");
        break;
      case PM_ROTA_RULE_MAX_PER_SHIFT:
        append_per_shift (out, model, person);
        break;
      case PM_ROTA_RULE_MAX_SHIFTS:
        g_string_append_printf (out, "at most %d shifts", person->max_shifts);
        break;
      case PM_ROTA_RULE_MAX_MINUTES:
        g_string_append_printf (out, "at most %d minutes", person->max_minutes);
        break;
      case PM_ROTA_RULE_MAX_CONSECUTIVE:
        g_string_append_printf (out, "at most %d working days in a row", person->max_consecutive);
        break;
      case PM_ROTA_RULE_MIN_CONSECUTIVE:
        if (facts->longest_stretch < person->min_consecutive)
          g_string_append_printf (out, "no %d workable days in a row (at most %d)",
                                  person->min_consecutive, facts->longest_stretch);
        else
          g_string_append_printf (out,
                                  "runs of at least %d working days away from the first and "
                                  "last day",
                                  person->min_consecutive);
        break;
      case PM_ROTA_RULE_MIN_DAYS_OFF:
        g_string_append_printf (out, "at least %d days off in a row between runs of work",
                                person->min_days_off);
        break;
      case PM_ROTA_RULE_MAX_WEEKENDS:
        g_string_append_printf (out, "at most %d weekends worked", person->max_weekends);
        break;
      case PM_ROTA_RULE_DAY_OFF:
        g_string_append_printf (out, "%d days off", facts->days_off);
        break;
      case PM_ROTA_RULE_NOT_ALLOWED:
        g_string_append (out, "their availability");
        break;
      case PM_ROTA_RULE_ONE_PER_DAY:
      case PM_ROTA_RULE_MIN_MINUTES:
      default:
        g_assert_not_reached ();
    }
}

/* The rules whose limits can keep minutes out of reach, in the checker's order. */
static const PmRotaRule limit_rules[] = {
  PM_ROTA_RULE_SUCCESSION,   PM_ROTA_RULE_MAX_PER_SHIFT,   PM_ROTA_RULE_MAX_SHIFTS,
  PM_ROTA_RULE_MAX_MINUTES,  PM_ROTA_RULE_MAX_CONSECUTIVE, PM_ROTA_RULE_MIN_CONSECUTIVE,
  PM_ROTA_RULE_MIN_DAYS_OFF, PM_ROTA_RULE_MAX_WEEKENDS,
};

static void
append_context (GString *out, const PmRotaModel *model, const RowFacts *facts)
{
  g_string_append_printf (out, "%d of %d days have a shift they may take", facts->workable_days,
                          model->n_days);
  if (facts->days_off > 0)
    g_string_append_printf (out, ", %d %s", facts->days_off,
                            facts->days_off == 1 ? "is a day off" : "are days off");
}

/* min_minutes out of reach of the row: how far, and every limit that alone lowers the reach. */
static char *
explain_min_minutes (const PmRotaModel *model, int person, gint64 best, const RowFacts *facts)
{
  const PmRotaPerson *row = PM_ROTA_PERSON (model, person);
  GString *out = g_string_new (NULL);
  const char *sep = " given ";

  g_string_append_printf (out,
                          "at most %" G_GINT64_FORMAT " of the %d minutes required are "
                          "reachable",
                          best, row->min_minutes);
  for (gsize i = 0; i < G_N_ELEMENTS (limit_rules); i++)
    if (rule_may_bind (model, person, limit_rules[i])
        && max_minutes_reachable (model, person, 1u << limit_rules[i]) > best)
      {
        g_string_append (out, sep);
        append_limit (out, model, row, limit_rules[i], facts);
        sep = ", ";
      }
  g_string_append (out, " (");
  append_context (out, model, facts);
  g_string_append (out, ")");
  return g_string_free (out, FALSE);
}

/* min_minutes out of reach while @rule is kept, and within reach without it. */
static char *
explain_limit (const PmRotaModel *model, int person, PmRotaRule rule, gint64 best,
               const RowFacts *facts)
{
  const PmRotaPerson *row = PM_ROTA_PERSON (model, person);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "the %d minutes required cannot be worked with ", row->min_minutes);
  append_limit (out, model, row, rule, facts);
  g_string_append_printf (out, ": at most %" G_GINT64_FORMAT " are reachable (", best);
  append_context (out, model, facts);
  g_string_append (out, ")");
  return g_string_free (out, FALSE);
}

static gboolean
rule_explained (PmRotaRule rule)
{
  if (rule == PM_ROTA_RULE_MIN_MINUTES || rule == PM_ROTA_RULE_DAY_OFF
      || rule == PM_ROTA_RULE_NOT_ALLOWED)
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (limit_rules); i++)
    if (limit_rules[i] == rule)
      return TRUE;
  return FALSE;
}

char *
pm_rota_explain (const PmRotaModel *model, int person, PmRotaRule rule)
{
  const PmRotaPerson *row;
  RowFacts facts;
  char *why;
  gint64 best;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (person >= 0 && person < PM_ROTA_N_PEOPLE (model), NULL);
  g_return_val_if_fail ((int)rule >= 0 && rule < PM_ROTA_RULE_N, NULL);
  row = PM_ROTA_PERSON (model, person);
  /* The all-off row meets every rule but min_minutes: without it nothing is impossible. */
  if (row->min_minutes <= 0 || !rule_explained (rule))
    return NULL;
  facts = row_facts (model, person);
  why = simple_cause (model, row, rule, &facts);
  if (why != NULL)
    return why;
  best = max_minutes_reachable (model, person, 0);
  if (best >= row->min_minutes)
    return NULL;
  if (rule == PM_ROTA_RULE_MIN_MINUTES)
    return explain_min_minutes (model, person, best, &facts);
  /* Another rule is to blame only if keeping it lowers the reach. */
  if (!rule_may_bind (model, person, rule)
      || max_minutes_reachable (model, person, 1u << rule) <= best)
    return NULL;
  return explain_limit (model, person, rule, best, &facts);
}
