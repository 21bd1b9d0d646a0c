/* peermatch: why an unmatched request's supporters were not eligible, by first failing rule.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The spec charges each ineligible supporter to the FIRST rule that fails, in its order.
 * Asking pm_match_check() of every supporter costs the 5,000 checks of a ranking per
 * request, and a batch leaves thousands of requests unmatched. But rules 1 to 4 (self,
 * excluded, line management, same team) catch few supporters of any request, and those
 * few can be listed directly: the seeker's own id, its exclude list, its line managers
 * above and its reports below, its team. So:
 * - every supporter is first charged as if rules 1 to 4 held: an inactive one to its own
 *   rule 5 to 7 (one histogram for the whole batch), an active one to its first failing
 *   rule among 8 to 12 (pm_match_scan_count(), a branch-free pass over the packed records
 *   the scan already has);
 * - then each listed supporter that does fail a rule 1 to 4 is moved from where that
 *   charged it to that rule, with pm_match_check()'s own halves, so the result is exactly
 *   pm_match_check()'s verdicts summed (the tests compare it with pm_matcher_rank()). */
#include "pm-match-private.h"

#include <string.h>

struct _PmMatchDiag
{
  PmMatchCompiled *c;
  PmMatchScan *scan;
  guint base[PM_REASON_N]; /* supporters failing rules 5 to 7 */
  guint *by_tin;           /* supporter indices by preorder number (tin) */
  gint32 *tins;            /* their preorder numbers, increasing */
  guint *team_first;       /* supporters of team t: team_sup[team_first[t] .. [t + 1]] */
  guint *team_sup;
  guint n_teams;
  guint *stamp; /* per supporter: == mark when already moved for the current request */
  guint mark;
};

static int
compare_tin (const void *a, const void *b, void *user_data)
{
  const gint32 *tin = user_data;
  gint32 x = tin[*(const guint *)a], y = tin[*(const guint *)b];

  return (x > y) - (x < y);
}

PmMatchDiag *
pm_match_diag_new (PmMatchCompiled *c, PmMatchScan *scan)
{
  PmMatchDiag *d = g_new0 (PmMatchDiag, 1);
  g_autofree guint *fill = NULL;

  d->c = c;
  d->scan = scan;
  for (guint s = 0; s < c->n_sup; s++)
    if (c->s_static[s] != PM_REASON_N)
      d->base[c->s_static[s]]++;
  d->by_tin = g_new (guint, MAX (1u, c->n_sup));
  d->tins = g_new (gint32, MAX (1u, c->n_sup));
  for (guint s = 0; s < c->n_sup; s++)
    d->by_tin[s] = s;
  g_qsort_with_data (d->by_tin, (gint)c->n_sup, sizeof (guint), compare_tin, c->s_tin);
  for (guint i = 0; i < c->n_sup; i++)
    d->tins[i] = c->s_tin[d->by_tin[i]];
  for (guint s = 0; s < c->n_sup; s++)
    d->n_teams = MAX (d->n_teams, (guint)(c->s_team[s] + 1));
  d->team_first = g_new0 (guint, d->n_teams + 1);
  for (guint s = 0; s < c->n_sup; s++)
    if (c->s_team[s] >= 0)
      d->team_first[c->s_team[s] + 1]++;
  for (guint t = 0; t < d->n_teams; t++)
    d->team_first[t + 1] += d->team_first[t];
  fill = g_memdup2 (d->team_first, sizeof (guint) * (d->n_teams + 1));
  d->team_sup = g_new (guint, MAX (1u, d->team_first[d->n_teams]));
  for (guint s = 0; s < c->n_sup; s++)
    if (c->s_team[s] >= 0)
      d->team_sup[fill[c->s_team[s]]++] = s;
  d->stamp = g_new0 (guint, MAX (1u, c->n_sup));
  return d;
}

void
pm_match_diag_free (PmMatchDiag *diag)
{
  if (diag == NULL)
    return;
  g_free (diag->by_tin);
  g_free (diag->tins);
  g_free (diag->team_first);
  g_free (diag->team_sup);
  g_free (diag->stamp);
  g_free (diag);
}

/* The first position in by_tin whose preorder number is >= @tin. */
static guint
lower_bound (const PmMatchDiag *d, gint32 tin)
{
  guint lo = 0, hi = d->c->n_sup;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (d->tins[mid] < tin)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Supporter @s, charged as if rules 1 to 4 held, moves to the rule 1 to 4 it fails. */
static void
move (PmMatchDiag *d, guint r, guint s, guint *eligible, guint excluded[PM_REASON_N])
{
  PmReason first, assumed;
  PmMatchEval eval;

  if (d->stamp[s] == d->mark)
    return;
  d->stamp[s] = d->mark;
  first = pm_match_check_related (d->c, r, s);
  if (first == PM_REASON_N)
    return;
  assumed = pm_match_check_rest (d->c, r, s, &eval);
  if (assumed == PM_REASON_N)
    (*eligible)--;
  else
    excluded[assumed]--;
  excluded[first]++;
}

guint
pm_match_diag_count (PmMatchDiag *d, guint r, guint excluded[PM_REASON_N])
{
  PmMatchCompiled *c = d->c;
  guint eligible, i;

  memcpy (excluded, d->base, sizeof d->base);
  eligible = pm_match_scan_count (d->scan, r, excluded);
  if (++d->mark == 0)
    {
      /* after 2^32 requests the stamps wrap: start them afresh */
      memset (d->stamp, 0, sizeof (guint) * MAX (1u, c->n_sup));
      d->mark = 1;
    }
  /* The seeker as a supporter and everyone below it: preorder numbers tin .. tout - 1. */
  for (i = lower_bound (d, c->r_tin[r]); i < c->n_sup && d->tins[i] < c->r_tout[r]; i++)
    move (d, r, d->by_tin[i], &eligible, excluded);
  /* Everyone above it. */
  for (gint32 p = c->p_parent[c->r_tin[r]]; p >= 0; p = c->p_parent[p])
    {
      i = lower_bound (d, p);
      if (i < c->n_sup && d->tins[i] == p)
        move (d, r, d->by_tin[i], &eligible, excluded);
    }
  for (guint e = c->r_excl[r]; e < c->r_excl[r + 1]; e++)
    move (d, r, c->excl[e], &eligible, excluded);
  if (c->avoid_same_team && c->r_team[r] >= 0 && (guint)c->r_team[r] < d->n_teams)
    for (i = d->team_first[c->r_team[r]]; i < d->team_first[c->r_team[r] + 1]; i++)
      move (d, r, d->team_sup[i], &eligible, excluded);
  return eligible;
}
