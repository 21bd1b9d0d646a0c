/* peermatch: the rota search: ruin and recreate over several people.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The row re-optimisation (pm-rota-search-row.c) moves one person with everybody else
 * fixed, so it cannot hand work, or a granted request, from one person to another: the
 * first would have to give up a shift the second has not yet taken. This move clears a
 * window of days in the rows of 2-6 related people (members of one cover group around one of
 * its days) and puts them back one by one, in random order, each by the row
 * re-optimisation given everybody else, so the first ones re-inserted see the others'
 * shifts missing and take them. Hard rules are per person, so a person whose re-inserted row
 * breaks a rule (the programme leaves a few maxima to the full check) gets their old window
 * back, which is valid whatever the others hold; the whole move is then accepted or undone
 * by the annealing criterion on the change of the objective. */

#include "pm-private.h"
#include "pm-rota-search-state-private.h"

#define RUIN_PEOPLE_MAX PM_RS_ROWS_MAX
#define RUIN_DAYS_MIN 7
#define RUIN_DAYS_MAX 14

typedef struct
{
  int k, lo, hi;
  int p[RUIN_PEOPLE_MAX];
  int old[RUIN_PEOPLE_MAX][PM_ROW_WINDOW_MAX];
} Ruin;

static void
ruin_restore (Search *s, const Ruin *r, int i)
{
  for (int d = r->lo; d <= r->hi; d++)
    pm_rs_set_cell (s, r->p[i], d, r->old[i][d - r->lo]);
}

/* Whether @p may join: valid (the row re-optimisation needs it) and not in already. */
static gboolean
ruin_add (const Search *s, Ruin *r, int p)
{
  if (r->k >= RUIN_PEOPLE_MAX || s->pen[p] > 0
      || (s->reserved != NULL && g_atomic_int_get (&s->reserved[p])))
    return FALSE;
  for (int i = 0; i < r->k; i++)
    if (r->p[i] == p)
      return FALSE;
  r->p[r->k++] = p;
  return TRUE;
}

/* A request not granted (a few tries), its person added to @r; -1 when none was drawn. */
static int
ruin_request (Search *s, Ruin *r, int *shift)
{
  const int n = (int)s->model->requests->len;

  for (int i = 0; i < 8 && n > 0; i++)
    {
      const PmRotaRequest *q
          = &g_array_index (s->model->requests, PmRotaRequest, pm_rs_rand_range (&s->rand, 0, n));
      const int v = s->rota[q->person * s->D + q->day];

      if ((q->kind == PM_ROTA_REQUEST_ON) == (v != q->shift) && ruin_add (s, r, q->person))
        {
          *shift = q->shift;
          return q->day;
        }
    }
  return -1;
}

/* A cover group of (@day, @shift) (-1: any day, any shift), a short or over-full one
 * preferred when @day is -1 (a few tries); NULL when there is none. */
static const PmRotaCover *
ruin_cover (Search *s, int day, int shift)
{
  const int n_covers = (int)s->model->covers->len;
  const PmRotaCover *cover = NULL;

  if (day >= 0)
    {
      const int k = day * s->S + shift, n = s->cov_start[k + 1] - s->cov_start[k];

      return n > 0 ? PM_ROTA_COVER (s->model,
                                    s->cov_idx[s->cov_start[k] + pm_rs_rand_range (&s->rand, 0, n)])
                   : NULL;
    }
  for (int i = 0; i < 8 && n_covers > 0; i++)
    {
      const int c = pm_rs_rand_range (&s->rand, 0, n_covers);

      cover = PM_ROTA_COVER (s->model, c);
      if (s->cov_n[c] != cover->need)
        break;
    }
  return cover;
}

/* The people: half the time the person of a request not granted, and members of a cover
 * group of that day and shift (who might take it over or give it up); else members of a
 * cover group (a short or over-full one preferred); those who work its shift that day
 * first, then the others, then random people when the group has too few members. The
 * window: RUIN_DAYS_MIN-MAX days around the group's day (short windows: the programme's
 * cost grows with the square of the length, and more moves beat longer ones). */
static void
ruin_pick (Search *s, Ruin *r)
{
  const int want = pm_rs_rand_range (&s->rand, 2, MIN (RUIN_PEOPLE_MAX, s->P) + 1);
  const int len = pm_rs_rand_range (&s->rand, RUIN_DAYS_MIN, RUIN_DAYS_MAX + 1);
  const int L = MIN (len, s->D);
  const PmRotaCover *cover;
  int shift = 0, day = -1, back;

  r->k = 0;
  if (pm_rs_rand_boolean (&s->rand))
    day = ruin_request (s, r, &shift);
  cover = ruin_cover (s, day, shift);
  if (cover != NULL)
    {
      day = cover->day;
      for (int i = 0; i < 4 * s->P && r->k < want; i++)
        {
          const int q = pm_rs_rand_range (&s->rand, 0, s->P);
          const gboolean on = s->rota[q * s->D + day] == cover->shift;

          if (cover->member[q] && (on || r->k > 1 || i >= s->P))
            ruin_add (s, r, q);
        }
    }
  if (day < 0)
    day = pm_rs_rand_range (&s->rand, 0, s->D);
  for (int i = 0; i < 4 * s->P && r->k < want; i++)
    ruin_add (s, r, pm_rs_rand_range (&s->rand, 0, s->P));
  back = pm_rs_rand_range (&s->rand, 0, L);
  r->lo = CLAMP (day - back, 0, s->D - L);
  r->hi = r->lo + L - 1;
}

/* Puts the people back one by one (in the random order they were picked), each by the
 * row re-optimisation; a person whose window then breaks a rule gets the old one back. */
static void
ruin_recreate (Search *s, Ruin *r, double noise)
{
  int vals[PM_ROW_WINDOW_MAX];

  for (int i = 0; i < r->k; i++)
    for (int d = r->lo; d <= r->hi; d++)
      pm_rs_set_cell (s, r->p[i], d, PM_ROTA_OFF);
  for (int i = 0; i < r->k; i++)
    {
      if (!pm_rs_row_best (s, r->p[i], r->lo, r->hi, noise, vals))
        {
          ruin_restore (s, r, i);
          continue;
        }
      for (int d = r->lo; d <= r->hi; d++)
        pm_rs_set_cell (s, r->p[i], d, vals[d - r->lo]);
      if (pm_rs_person_pen (s, r->p[i], r->lo, r->hi) > 0)
        ruin_restore (s, r, i);
    }
}

/* The people and the window of a ruin and recreate, drawn on @s (@rows->vals is not set);
 * FALSE when it found fewer than two people. */
gboolean
pm_rs_ruin_pick (Search *s, PmRsRows *rows)
{
  Ruin r = { 0 };

  if (s->P < 2 || s->D < 1)
    return FALSE;
  ruin_pick (s, &r);
  rows->k = r.k;
  rows->lo = r.lo;
  rows->hi = r.hi;
  memcpy (rows->p, r.p, sizeof (int) * r.k);
  return r.k >= 2;
}

/* The ruin and recreate of the people and window of @rows (pm_rs_ruin_pick) computed on
 * @s, which is left as it was: @rows->vals gets their new windows (pm_rs_rows_try() makes
 * them). FALSE when one of them breaks a rule now (the state changed since the pick). */
gboolean
pm_rs_ruin_make (Search *s, double noise, PmRsRows *rows)
{
  const gsize L = rows->hi - rows->lo + 1;
  Ruin r;

  r.k = rows->k;
  r.lo = rows->lo;
  r.hi = rows->hi;
  for (int i = 0; i < r.k; i++)
    {
      if (s->pen[rows->p[i]] > 0)
        return FALSE;
      r.p[i] = rows->p[i];
      memcpy (r.old[i], &s->rota[r.p[i] * s->D + r.lo], sizeof (int) * L);
    }
  ruin_recreate (s, &r, noise);
  for (int i = 0; i < r.k; i++)
    memcpy (rows->vals[i], &s->rota[r.p[i] * s->D + r.lo], sizeof (int) * L);
  for (int i = r.k - 1; i >= 0; i--)
    ruin_restore (s, &r, i);
  return TRUE;
}

/* One ruin-and-recreate move at @temp (its programme's costs perturbed by @noise), made and
 * judged as the helper thread's are (pm_rs_rows_try); TRUE when it was kept. Every person
 * it touches keeps every rule. */
gboolean
pm_rs_ruin (Search *s, double temp, double noise, Best *best)
{
  PmRsRows rows;

  return pm_rs_ruin_pick (s, &rows) && pm_rs_ruin_make (s, noise, &rows)
         && pm_rs_rows_try (s, &rows, temp, best);
}
