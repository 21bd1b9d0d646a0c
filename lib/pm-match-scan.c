/* peermatch: the batch's pair checks and scores, fast (see pm-match-private.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The batch checks every (request, active supporter) pair: 10^8 of them at 20,000 x 5,000,
 * about half eligible. So:
 * - each active supporter's fields sit in one 64-byte record (PmMatchHot), which the scan
 *   streams and pricing reads with one cache line per pair;
 * - per request, everything that depends on the request alone (and on the supporter only
 *   through its availability value or its region) is looked up once, into small rows: the
 *   overlap verdict and availability component per supporter availability, the distance
 *   verdict and region component per supporter region, the topic component per number of
 *   shared topics;
 * - the scan evaluates the rules without early exits (only the verdict matters in the
 *   batch; the diagnostics take the spec's order through pm_match_check()) and appends each
 *   column with its score, moving the output position only for eligible ones, so nothing
 *   branches on the data;
 * - the popcount uses the CPU instruction when the CPU has it (chosen at run time: the
 *   x86-64 baseline lacks it), else a few bit operations.
 * Every component is computed by exactly the expression pm_match_score() uses, on the same
 * operands, and summed in the same order, so the scores, and their micro-point roundings,
 * are the same doubles and integers as the pair-by-pair path gives (tests/test-matcher.c
 * compares them on every pair of random networks). */
#include "pm-match-private.h"

#include <string.h>

/* Region components kept in a table for hops 0 .. REGION_TABLE - 1 (computed beyond). */
#define REGION_TABLE 64
/* Pricing calls for one request before its rows are prepared. */
#define PRICE_PREPARE 16

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__)) && !defined(__POPCNT__)
#define SCAN_DISPATCH 1
#else
#define SCAN_DISPATCH 0
#endif

/* An active supporter, as the batch reads it: the first word of its language and
 * experience sets is here, any further words in the compiled arrays. */
typedef struct
{
  gint32 person;
  gint32 tin;
  gint32 tout;
  gint32 team;
  gint32 gender;
  gint32 service;
  gint32 role;
  guint32 region;
  guint32 avail;
  guint32 modes;
  guint64 lang;
  guint64 exp;
  double load;
} PmMatchHot;

/* Diagnostics (pm_match_scan_count()): columns alike in gender, languages and modes, and
 * within one group its distinct (region, availability) values. */
typedef struct
{
  guint col;   /* one column of the group */
  guint first; /* its entries: entries[first .. next group's first - 1] */
  guint n_cols;
} PmMatchCountGroup;

typedef struct
{
  guint32 region;
  guint32 avail;
  guint count;
} PmMatchCountEntry;

/* A request, as the scan reads it. */
typedef struct
{
  guint r;
  guint modes;
  gint32 person;
  gint32 tin;
  gint32 tout;
  gint32 gender;
  guint any_gender;
  gint32 team; /* G_MININT32 when the rule cannot fail */
  gint32 service;
  gint32 role;
  guint64 lang;
  guint64 topics;
  double service_val[2]; /* by "same service" */
  double role_val[2];    /* by "same role" */
} PmMatchRequestRow;

struct _PmMatchScan
{
  PmMatchCompiled *c;
  guint n_act;
  const guint *act;
  PmMatchHot *hot;
  guint8 *blocked; /* per column: excluded by the request being scanned */
  guint *col_of;   /* per supporter: its column, or G_MAXUINT */
  gint64 q_min;
  gint64 q_max;
  double region_tab[REGION_TABLE];
  guint avail_len; /* avail_tab holds overlaps 0 .. avail_len - 1 */
  double *avail_tab;
  gboolean popcnt;

  /* the request prepared last, and its rows */
  PmMatchRequestRow rq;
  guint price_calls; /* pricing calls since rq.r changed, up to PRICE_PREPARE */
  guint last_ra, last_rr;
  guint8 *sa_ok;
  double *sa_comp;
  guint16 *sa_overlap; /* scratch when the compiled network has no overlap table */
  guint8 *sr_far;
  double *sr_comp;
  double *topic_tab; /* by number of shared topics */

  /* diagnostics, built on first use */
  guint n_groups;
  PmMatchCountGroup *groups;
  PmMatchCountEntry *entries;
};

static inline guint
popcount_bits (guint64 x)
{
  x = x - ((x >> 1) & G_GUINT64_CONSTANT (0x5555555555555555));
  x = (x & G_GUINT64_CONSTANT (0x3333333333333333))
      + ((x >> 2) & G_GUINT64_CONSTANT (0x3333333333333333));
  x = (x + (x >> 4)) & G_GUINT64_CONSTANT (0x0f0f0f0f0f0f0f0f);
  return (guint)((x * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
}

/* @hw is a constant wherever this is inlined. */
static inline __attribute__ ((always_inline)) guint
popcount64 (guint64 x, gboolean hw)
{
#if SCAN_DISPATCH
  return hw ? (guint)__builtin_popcountll (x) : popcount_bits (x);
#else
  (void)hw;
  return (guint)__builtin_popcountll (x);
#endif
}

/* The component expressions of pm_match_score(), one value at a time. */
static double
region_component (const PmMatchCompiled *c, gint hops)
{
  return hops < 0 ? 0.0 : c->weight[PM_COMPONENT_REGION] * (1.0 / (1.0 + hops));
}

static double
avail_component (const PmMatchCompiled *c, guint overlap)
{
  return c->full_overlap == 0 || overlap >= c->full_overlap
             ? c->weight[PM_COMPONENT_AVAILABILITY]
             : c->weight[PM_COMPONENT_AVAILABILITY] * ((double)overlap / (double)c->full_overlap);
}

static double
topic_component (const PmMatchCompiled *c, guint shared, guint n_topics)
{
  return n_topics > 0 ? c->weight[PM_COMPONENT_TOPICS] * ((double)shared / (double)n_topics) : 0.0;
}

static inline double
region_lookup (const PmMatchScan *scan, gint hops)
{
  return hops >= 0 && hops < REGION_TABLE ? scan->region_tab[hops]
                                          : region_component (scan->c, hops);
}

static inline double
avail_lookup (const PmMatchScan *scan, guint overlap)
{
  return overlap < scan->avail_len ? scan->avail_tab[overlap] : avail_component (scan->c, overlap);
}

PmMatchScan *
pm_match_scan_new (PmMatchCompiled *c, const guint *act, guint n_act, gint64 q_min, gint64 q_max)
{
  PmMatchScan *scan = g_new0 (PmMatchScan, 1);

  scan->c = c;
  scan->act = act;
  scan->n_act = n_act;
  scan->q_min = q_min;
  scan->q_max = q_max;
  scan->hot = g_new0 (PmMatchHot, MAX (1u, n_act));
  scan->blocked = g_new0 (guint8, MAX (1u, n_act));
  scan->col_of = g_new (guint, MAX (1u, c->n_sup));
  for (guint s = 0; s < c->n_sup; s++)
    scan->col_of[s] = G_MAXUINT;
  for (guint col = 0; col < n_act; col++)
    {
      guint s = act[col];
      PmMatchHot *h = &scan->hot[col];

      scan->col_of[s] = col;
      h->person = c->s_person[s];
      h->tin = c->s_tin[s];
      h->tout = c->s_tout[s];
      h->team = c->s_team[s];
      h->gender = c->s_gender[s];
      h->service = c->s_service[s];
      h->role = c->s_role[s];
      h->region = c->s_region[s];
      h->avail = c->s_avail[s];
      h->modes = c->s_modes[s];
      h->lang = c->s_lang[(gsize)s * c->lang_words];
      h->exp = c->s_exp[(gsize)s * c->tag_words];
      h->load = c->s_load[s];
    }
  for (gint h = 0; h < REGION_TABLE; h++)
    scan->region_tab[h] = region_component (c, h);
  /* Overlaps never exceed a week; from full_overlap on the component is the weight. */
  scan->avail_len = MIN (c->full_overlap, 10080u) + 1;
  scan->avail_tab = g_new (double, scan->avail_len);
  for (guint o = 0; o < scan->avail_len; o++)
    scan->avail_tab[o] = avail_component (c, o);
#if SCAN_DISPATCH
  scan->popcnt = __builtin_cpu_supports ("popcnt");
#endif
  scan->last_ra = scan->last_rr = scan->rq.r = G_MAXUINT;
  scan->sa_ok = g_new (guint8, MAX (1u, c->n_savail));
  scan->sa_comp = g_new (double, MAX (1u, c->n_savail));
  if (c->overlap == NULL)
    scan->sa_overlap = g_new (guint16, MAX (1u, c->n_savail));
  scan->sr_far = g_new (guint8, MAX (1u, c->n_sreg));
  scan->sr_comp = g_new (double, MAX (1u, c->n_sreg));
  scan->topic_tab = g_new (double, (gsize)c->tag_words * 64 + 1);
  return scan;
}

void
pm_match_scan_free (PmMatchScan *scan)
{
  if (scan == NULL)
    return;
  g_free (scan->hot);
  g_free (scan->blocked);
  g_free (scan->col_of);
  g_free (scan->avail_tab);
  g_free (scan->sa_ok);
  g_free (scan->sa_comp);
  g_free (scan->sa_overlap);
  g_free (scan->sr_far);
  g_free (scan->sr_comp);
  g_free (scan->topic_tab);
  g_free (scan->groups);
  g_free (scan->entries);
  g_free (scan);
}

/* Whether the sets of supporter @s and request @r meet beyond their first words. */
static gboolean
langs_meet_rest (const PmMatchCompiled *c, guint r, guint s)
{
  return pm_match_sets_meet (c->r_lang + (gsize)r * c->lang_words + 1,
                             c->s_lang + (gsize)s * c->lang_words + 1, c->lang_words - 1);
}

static inline __attribute__ ((always_inline)) guint
shared_topics_rest (const PmMatchCompiled *c, guint r, guint s, gboolean hw)
{
  const guint64 *t = c->r_topics + (gsize)r * c->tag_words;
  const guint64 *e = c->s_exp + (gsize)s * c->tag_words;
  guint shared = 0;

  for (guint k = 1; k < c->tag_words; k++)
    shared += popcount64 (t[k] & e[k], hw);
  return shared;
}

/* The rows and invariants of request @r. */
static void
prepare_request (PmMatchScan *scan, guint r)
{
  PmMatchCompiled *c = scan->c;
  PmMatchRequestRow *rq = &scan->rq;
  guint ra = c->r_avail[r], rr = c->r_region[r], n_topics = c->r_n_topics[r];
  double w_service = c->weight[PM_COMPONENT_SERVICE];

  if (ra != scan->last_ra)
    {
      const guint16 *overlap;

      if (c->overlap != NULL)
        {
          /* Fill the whole row of the lazy table once: the scan reads all of it. */
          guint16 *row = c->overlap + (gsize)ra * c->n_savail;

          for (guint sa = 0; sa < c->n_savail; sa++)
            if (row[sa] == PM_MATCH_OVERLAP_UNKNOWN)
              row[sa] = (guint16)pm_availability_overlap (c->ravail[ra], c->savail[sa]);
          overlap = row;
        }
      else
        {
          for (guint sa = 0; sa < c->n_savail; sa++)
            scan->sa_overlap[sa] = (guint16)pm_availability_overlap (c->ravail[ra], c->savail[sa]);
          overlap = scan->sa_overlap;
        }
      for (guint sa = 0; sa < c->n_savail; sa++)
        {
          scan->sa_ok[sa] = overlap[sa] >= c->min_overlap;
          scan->sa_comp[sa] = avail_lookup (scan, overlap[sa]);
        }
      scan->last_ra = ra;
    }
  if (rr != scan->last_rr)
    {
      for (guint sr = 0; sr < c->n_sreg; sr++)
        {
          gint h = pm_match_hops (c, rr, sr);

          scan->sr_far[sr] = h < 0 || (guint)h > c->max_hops;
          scan->sr_comp[sr] = region_lookup (scan, h);
        }
      scan->last_rr = rr;
    }
  for (guint k = 0; k <= n_topics; k++)
    scan->topic_tab[k] = topic_component (c, k, n_topics);
  rq->r = r;
  rq->modes = c->r_modes[r];
  rq->person = c->r_person[r];
  rq->tin = c->r_tin[r];
  rq->tout = c->r_tout[r];
  rq->gender = c->r_gender[r];
  rq->any_gender = c->r_gender[r] < 0;
  /* Supporters' values are -1 when unset: these never equal one. */
  rq->team = c->avoid_same_team && c->r_team[r] >= 0 ? c->r_team[r] : G_MININT32;
  rq->service = c->r_service[r] >= 0 ? c->r_service[r] : G_MININT32;
  rq->role = c->r_role[r] >= 0 ? c->r_role[r] : G_MININT32;
  rq->lang = c->r_lang[(gsize)r * c->lang_words];
  rq->topics = c->r_topics[(gsize)r * c->tag_words];
  switch (c->r_pref[r])
    {
      case PM_SERVICE_PREF_SAME:
        rq->service_val[0] = 0.0;
        rq->service_val[1] = w_service;
        break;
      case PM_SERVICE_PREF_OTHER:
        rq->service_val[0] = w_service;
        rq->service_val[1] = 0.0;
        break;
      default:
        rq->service_val[0] = rq->service_val[1] = w_service;
        break;
    }
  rq->role_val[0] = 0.0;
  rq->role_val[1] = c->weight[PM_COMPONENT_ROLE];
}

/* Rules 1, 3, 4 and 8 to 12 for the prepared request (2 is the caller's): every rule
 * evaluated, no early exit, so nothing branches on the data. */
static inline __attribute__ ((always_inline)) guint
hot_ok (const PmMatchScan *scan, const PmMatchRequestRow *rq, guint col)
{
  const PmMatchHot *h = &scan->hot[col];
  guint modes = rq->modes & h->modes, ok, lang_ok;

  ok = (modes != 0) & (h->person != rq->person) & (rq->any_gender | (h->gender == rq->gender))
       & (h->team != rq->team);
  /* Not line managed either way; not too far when in person is the only mode. */
  ok &= ((rq->tin >= h->tin) | (h->tin >= rq->tout)) & ((h->tin >= rq->tin) | (rq->tin >= h->tout));
  ok &= ((modes != PM_MODES_IN_PERSON) | (scan->sr_far[h->region] == 0)) & scan->sa_ok[h->avail];
  lang_ok = (h->lang & rq->lang) != 0;
  if (scan->c->lang_words > 1)
    lang_ok |= langs_meet_rest (scan->c, rq->r, scan->act[col]);
  return ok & lang_ok;
}

/* The quantised score of an eligible column, summed in pm_match_score()'s order. */
static inline __attribute__ ((always_inline)) gint64
hot_score (const PmMatchScan *scan, const PmMatchRequestRow *rq, guint col, gboolean hw)
{
  const PmMatchHot *h = &scan->hot[col];
  guint shared = popcount64 (rq->topics & h->exp, hw);
  double score;

  if (scan->c->tag_words > 1)
    shared += shared_topics_rest (scan->c, rq->r, scan->act[col], hw);
  score = 0.0;
  score += scan->topic_tab[shared];
  score += scan->sr_comp[h->region];
  score += rq->service_val[h->service == rq->service];
  score += scan->sa_comp[h->avail];
  score += rq->role_val[h->role == rq->role];
  score += h->load;
  return pm_match_quantise (score, scan->q_min, scan->q_max);
}

static inline __attribute__ ((always_inline)) guint
scan_kernel (const PmMatchScan *scan, guint *cols, gint64 *qs, gboolean hw)
{
  const PmMatchRequestRow rq = scan->rq;
  const guint8 *blocked = scan->blocked;
  const guint n_act = scan->n_act;
  guint n = 0;

  /* The verdicts first, the column kept only when all hold... */
  for (guint col = 0; col < n_act; col++)
    {
      cols[n] = col;
      n += hot_ok (scan, &rq, col) & (blocked[col] == 0);
    }
  /* ... then the scores of the eligible ones. */
  for (guint i = 0; i < n; i++)
    qs[i] = hot_score (scan, &rq, cols[i], hw);
  return n;
}

#if SCAN_DISPATCH
__attribute__ ((target ("popcnt"))) static guint
scan_kernel_popcnt (const PmMatchScan *scan, guint *cols, gint64 *qs)
{
  return scan_kernel (scan, cols, qs, TRUE);
}
#endif

static guint
scan_kernel_plain (const PmMatchScan *scan, guint *cols, gint64 *qs)
{
  return scan_kernel (scan, cols, qs, FALSE);
}

guint
pm_match_scan_request (PmMatchScan *scan, guint r, guint *cols, gint64 *qs)
{
  const PmMatchCompiled *c = scan->c;
  guint n;

  prepare_request (scan, r);
  scan->price_calls = PRICE_PREPARE;
  for (guint e = c->r_excl[r]; e < c->r_excl[r + 1]; e++)
    if (scan->col_of[c->excl[e]] != G_MAXUINT)
      scan->blocked[scan->col_of[c->excl[e]]] = 1;
#if SCAN_DISPATCH
  if (scan->popcnt)
    n = scan_kernel_popcnt (scan, cols, qs);
  else
#endif
    n = scan_kernel_plain (scan, cols, qs);
  for (guint e = c->r_excl[r]; e < c->r_excl[r + 1]; e++)
    if (scan->col_of[c->excl[e]] != G_MAXUINT)
      scan->blocked[scan->col_of[c->excl[e]]] = 0;
  return n;
}

/* One pair without the request's rows: the same values, from the compiled tables. */
static gboolean
pair_direct (PmMatchScan *scan, guint r, guint col, gint64 *q)
{
  PmMatchCompiled *c = scan->c;
  const PmMatchHot *h = &scan->hot[col];
  guint s = scan->act[col], modes = c->r_modes[r] & h->modes, overlap, shared, ok, lang_ok;
  gint32 gender = c->r_gender[r], team = c->r_team[r], service = c->r_service[r];
  gint32 tin = c->r_tin[r], tout = c->r_tout[r];
  gint hops = pm_match_hops (c, c->r_region[r], h->region);
  double score, service_val[2];

  overlap = pm_match_overlap (c, c->r_avail[r], h->avail);
  ok = (modes != 0) & (h->person != c->r_person[r]) & ((gender < 0) | (h->gender == gender));
  ok &= (c->avoid_same_team == 0) | (team < 0) | (h->team != team);
  ok &= ((tin >= h->tin) | (h->tin >= tout)) & ((h->tin >= tin) | (tin >= h->tout));
  ok &= (modes != PM_MODES_IN_PERSON) | ((hops >= 0) & ((guint)hops <= c->max_hops));
  lang_ok = (h->lang & c->r_lang[(gsize)r * c->lang_words]) != 0;
  if (c->lang_words > 1 && !lang_ok)
    lang_ok = langs_meet_rest (c, r, s);
  ok &= (overlap >= c->min_overlap) & lang_ok;
  if (!ok || (c->r_excl[r] != c->r_excl[r + 1] && pm_match_is_excluded (c, r, s)))
    return FALSE;
  shared = popcount64 (c->r_topics[(gsize)r * c->tag_words] & h->exp, FALSE)
           + shared_topics_rest (c, r, s, FALSE);
  switch (c->r_pref[r])
    {
      case PM_SERVICE_PREF_SAME:
        service_val[0] = 0.0;
        service_val[1] = c->weight[PM_COMPONENT_SERVICE];
        break;
      case PM_SERVICE_PREF_OTHER:
        service_val[0] = c->weight[PM_COMPONENT_SERVICE];
        service_val[1] = 0.0;
        break;
      default:
        service_val[0] = service_val[1] = c->weight[PM_COMPONENT_SERVICE];
        break;
    }
  score = 0.0;
  score += topic_component (c, shared, c->r_n_topics[r]);
  score += region_lookup (scan, hops);
  score += service_val[(service >= 0) & (service == h->service)];
  score += avail_lookup (scan, overlap);
  score += c->r_role[r] >= 0 && c->r_role[r] == h->role ? c->weight[PM_COMPONENT_ROLE] : 0.0;
  score += h->load;
  *q = pm_match_quantise (score, scan->q_min, scan->q_max);
  return TRUE;
}

gboolean
pm_match_scan_pair (PmMatchScan *scan, guint r, guint col, gint64 *q)
{
  PmMatchCompiled *c = scan->c;

  /* Pricing asks about many columns of one row in a row: after a few, the request's rows
   * pay off. Before that (and if the calls jump between rows) each pair is looked up on
   * its own, so no order of calls makes this much slower than that. */
  if (r != scan->rq.r)
    {
      scan->rq.r = r;
      scan->price_calls = 0;
    }
  if (scan->price_calls < PRICE_PREPARE)
    {
      if (++scan->price_calls < PRICE_PREPARE)
        return pair_direct (scan, r, col, q);
      prepare_request (scan, r);
    }
  if (!hot_ok (scan, &scan->rq, col)
      || (c->r_excl[r] != c->r_excl[r + 1] && pm_match_is_excluded (c, r, scan->act[col])))
    return FALSE;
  *q = hot_score (scan, &scan->rq, col, FALSE);
  return TRUE;
}

/* ---- diagnostics: rules 8 to 12 in the spec's order, for whole groups of columns
 *
 * Unmatched requests need their counts after the solve, about half of a batch's requests,
 * so this must cost a fraction of the scan. Rules 8 to 10 read only the supporter's gender,
 * languages and modes, so the columns are grouped by those once and each group is charged
 * whole; only a group passing them looks at its columns' regions and availabilities, kept
 * as distinct (region, availability) values with their counts. */

static int
compare_for_count (const void *a, const void *b, void *user_data)
{
  const PmMatchScan *scan = user_data;
  const PmMatchCompiled *c = scan->c;
  guint x = *(const guint *)a, y = *(const guint *)b;
  const PmMatchHot *hx = &scan->hot[x], *hy = &scan->hot[y];
  const guint64 *lx = c->s_lang + (gsize)scan->act[x] * c->lang_words;
  const guint64 *ly = c->s_lang + (gsize)scan->act[y] * c->lang_words;

  if (hx->gender != hy->gender)
    return hx->gender < hy->gender ? -1 : 1;
  if (hx->modes != hy->modes)
    return hx->modes < hy->modes ? -1 : 1;
  for (guint w = 0; w < c->lang_words; w++)
    if (lx[w] != ly[w])
      return lx[w] < ly[w] ? -1 : 1;
  if (hx->region != hy->region)
    return hx->region < hy->region ? -1 : 1;
  if (hx->avail != hy->avail)
    return hx->avail < hy->avail ? -1 : 1;
  return (x > y) - (x < y);
}

static void
build_count_groups (PmMatchScan *scan)
{
  g_autofree guint *order = g_new (guint, MAX (1u, scan->n_act));
  guint n_groups = 0, n_entries = 0;

  for (guint col = 0; col < scan->n_act; col++)
    order[col] = col;
  g_qsort_with_data (order, (gint)scan->n_act, sizeof (guint), compare_for_count, scan);
  scan->groups = g_new (PmMatchCountGroup, scan->n_act + 1);
  scan->entries = g_new (PmMatchCountEntry, MAX (1u, scan->n_act));
  for (guint i = 0; i < scan->n_act; i++)
    {
      const PmMatchHot *h = &scan->hot[order[i]];
      gboolean new_group = i == 0, new_entry;

      if (!new_group)
        {
          const PmMatchHot *p = &scan->hot[order[i - 1]];
          const guint64 *lh = scan->c->s_lang + (gsize)scan->act[order[i]] * scan->c->lang_words;
          const guint64 *lp
              = scan->c->s_lang + (gsize)scan->act[order[i - 1]] * scan->c->lang_words;

          new_group = h->gender != p->gender || h->modes != p->modes
                      || memcmp (lh, lp, sizeof (guint64) * scan->c->lang_words) != 0;
          new_entry = new_group || h->region != p->region || h->avail != p->avail;
        }
      else
        new_entry = TRUE;
      if (new_group)
        scan->groups[n_groups++] = (PmMatchCountGroup){ order[i], n_entries, 0 };
      if (new_entry)
        scan->entries[n_entries++] = (PmMatchCountEntry){ h->region, h->avail, 0 };
      scan->groups[n_groups - 1].n_cols++;
      scan->entries[n_entries - 1].count++;
    }
  scan->groups[n_groups] = (PmMatchCountGroup){ 0, n_entries, 0 };
  scan->n_groups = n_groups;
}

guint
pm_match_scan_count (PmMatchScan *scan, guint r, guint counts[PM_REASON_N])
{
  const PmMatchCompiled *c = scan->c;
  const PmMatchRequestRow *rq = &scan->rq;
  guint n_gender = 0, n_lang = 0, n_mode = 0, n_distance = 0, n_avail = 0;

  if (scan->groups == NULL)
    build_count_groups (scan);
  prepare_request (scan, r);
  scan->price_calls = PRICE_PREPARE;
  for (guint g = 0; g < scan->n_groups; g++)
    {
      const PmMatchCountGroup *group = &scan->groups[g];
      const PmMatchHot *h = &scan->hot[group->col];
      guint modes = rq->modes & h->modes, in_person;
      gboolean lang_ok;

      if (!rq->any_gender && h->gender != rq->gender)
        {
          n_gender += group->n_cols;
          continue;
        }
      lang_ok = (h->lang & rq->lang) != 0;
      if (c->lang_words > 1 && !lang_ok)
        lang_ok = langs_meet_rest (c, r, scan->act[group->col]);
      if (!lang_ok)
        {
          n_lang += group->n_cols;
          continue;
        }
      if (modes == 0)
        {
          n_mode += group->n_cols;
          continue;
        }
      in_person = modes == PM_MODES_IN_PERSON;
      for (guint e = group->first; e < group[1].first; e++)
        {
          const PmMatchCountEntry *entry = &scan->entries[e];
          guint far = in_person & scan->sr_far[entry->region];

          n_distance += far * entry->count;
          n_avail += (far == 0) * (scan->sa_ok[entry->avail] == 0) * entry->count;
        }
    }
  counts[PM_REASON_GENDER] += n_gender;
  counts[PM_REASON_LANGUAGE] += n_lang;
  counts[PM_REASON_MODE] += n_mode;
  counts[PM_REASON_DISTANCE] += n_distance;
  counts[PM_REASON_AVAILABILITY] += n_avail;
  return scan->n_act - n_gender - n_lang - n_mode - n_distance - n_avail;
}
