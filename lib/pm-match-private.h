/* peermatch: the matcher's compiled form of a network. Private: pm-matcher.c and the
 * pm-match-*.c files are its only users.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every rule and score component is evaluated millions of times in a batch (20,000 requests
 * × 5,000 supporters is 10^8 pairs), so the network is flattened once into arrays: tokens
 * and ids become small integers, language and topic sets become bitsets, line management an
 * Euler-tour interval per person, region hops a table between the regions in use and weekly
 * overlaps a lazily filled table between the distinct availabilities in use. Supporters and
 * requests are held sorted by id so that nothing downstream depends on the order rows were
 * added in. */
#pragma once

#include "pm-private.h"

G_BEGIN_DECLS

/* An overlap-cache slot not computed yet (overlaps are at most 10,080 minutes). */
#define PM_MATCH_OVERLAP_UNKNOWN G_MAXUINT16

typedef struct
{
  guint n_sup;
  guint n_req;
  PmSupporter **sup;     /* sorted by id (byte order); borrowed from the network */
  PmRequest **req;       /* sorted by id */
  GHashTable *req_by_id; /* request id (borrowed) -> index + 1 */

  /* policy */
  double weight[PM_COMPONENT_N];
  guint min_overlap;
  guint full_overlap;
  guint max_hops;
  gboolean avoid_same_team;

  guint lang_words; /* guint64 words per language set */
  guint tag_words;  /* guint64 words per topic / experience set */

  /* supporters, by index in id order */
  gint32 *s_person; /* person number (ids interned together with request persons) */
  gint32 *s_tin;    /* line management: preorder number, and one past the end of the */
  gint32 *s_tout;   /* person's subtree, so "u above v" is tin[u] < tin[v] < tout[u] */
  gint32 *s_team;   /* -1: unset (teams, genders, services, roles likewise) */
  gint32 *s_gender;
  gint32 *s_service;
  gint32 *s_role;
  guint8 *s_modes;
  guint8 *s_static; /* first failing supporter-only rule (5 to 7), or PM_REASON_N */
  guint32 *s_region;
  guint32 *s_avail;
  guint64 *s_lang; /* lang_words per supporter */
  guint64 *s_exp;  /* tag_words per supporter: only tags some request asks about */
  guint *s_free;   /* capacity - load when positive, else 0 */
  double *s_load;  /* the weighted load component */

  /* requests, by index in id order */
  gint32 *r_person;
  gint32 *r_tin;
  gint32 *r_tout;
  guint n_people;   /* everyone in the line-management forest */
  gint32 *p_parent; /* by preorder number: the manager's preorder number, or -1 */
  gint32 *r_team;
  gint32 *r_gender;
  gint32 *r_service;
  gint32 *r_role;
  guint8 *r_modes;
  guint8 *r_pref;
  guint8 *r_urgency;
  guint32 *r_region;
  guint32 *r_avail;
  guint64 *r_lang;
  guint64 *r_topics;
  guint *r_n_topics;
  guint *r_excl; /* r_excl[r] .. r_excl[r + 1]: request r's excluded supporters in excl */
  guint32 *excl; /* sorted supporter indices */

  /* hops between request region i and supporter region j: hops[i * n_sreg + j], -1 when
   * they share no root; NULL when the table would be too big (then asked of the tree) */
  PmRegionTree *tree;
  guint n_rreg;
  guint n_sreg;
  char **rreg;
  char **sreg;
  gint32 *hops;

  /* distinct availabilities and their overlaps, filled on first use; NULL when too big */
  guint n_ravail;
  guint n_savail;
  const PmAvailability **ravail;
  const PmAvailability **savail;
  guint16 *overlap;
} PmMatchCompiled;

/* What an eligible pair is worth. */
typedef struct
{
  guint overlap;
  gint hops;
  double components[PM_COMPONENT_N]; /* weighted */
  double score;                      /* their sum, in component order */
} PmMatchEval;

PmMatchCompiled *
pm_match_compiled_new (PmNetwork *network, const GDate *on);
void
pm_match_compiled_free (PmMatchCompiled *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmMatchCompiled, pm_match_compiled_free)

/* Request @r's index of supporter id order; G_MAXUINT when unknown. */
guint
pm_match_compiled_lookup_request (PmMatchCompiled *self, const char *request_id);

/* All twelve rules in the order of the spec: the first failing one, or PM_REASON_N when
 * the pair is eligible (then @eval is filled). */
PmReason
pm_match_check (PmMatchCompiled *self, guint r, guint s, PmMatchEval *eval);
/* Its two halves: rules 1 to 4 (how the two people are related), and rules 5 to 12. */
PmReason
pm_match_check_related (PmMatchCompiled *self, guint r, guint s);
PmReason
pm_match_check_rest (PmMatchCompiled *self, guint r, guint s, PmMatchEval *eval);

/* The pair-only rules (1 to 4 and 8 to 12, any order: only the verdict matters) for a
 * supporter that passed rules 5 to 7; @excluded says whether rule 2 fails. On success
 * @overlap and @hops are set. Inline: the batch scan calls it 10^8 times. */
static inline guint
pm_match_overlap (PmMatchCompiled *self, guint ra, guint sa)
{
  guint16 *slot;

  if (self->overlap == NULL)
    return pm_availability_overlap (self->ravail[ra], self->savail[sa]);
  slot = &self->overlap[(gsize)ra * self->n_savail + sa];
  if (*slot == PM_MATCH_OVERLAP_UNKNOWN)
    *slot = (guint16)pm_availability_overlap (self->ravail[ra], self->savail[sa]);
  return *slot;
}

static inline gint
pm_match_hops (PmMatchCompiled *self, guint rr, guint sr)
{
  if (self->hops != NULL)
    return self->hops[(gsize)rr * self->n_sreg + sr];
  return pm_region_tree_hops (self->tree, self->rreg[rr], self->sreg[sr]);
}

static inline gboolean
pm_match_sets_meet (const guint64 *a, const guint64 *b, guint words)
{
  for (guint w = 0; w < words; w++)
    if ((a[w] & b[w]) != 0)
      return TRUE;
  return FALSE;
}

/* A person above the other in the line-management forest, either way round. */
static inline gboolean
pm_match_line_managed (gint32 tin_a, gint32 tout_a, gint32 tin_b, gint32 tout_b)
{
  return (tin_a < tin_b && tin_b < tout_a) || (tin_b < tin_a && tin_a < tout_b);
}

static inline gboolean
pm_match_pair_ok (PmMatchCompiled *self, guint r, guint s, gboolean excluded, guint *overlap,
                  gint *hops)
{
  guint modes = self->r_modes[r] & self->s_modes[s];
  gint h;

  if (modes == 0 || excluded || self->s_person[s] == self->r_person[r])
    return FALSE;
  if (self->r_gender[r] >= 0 && self->s_gender[s] != self->r_gender[r])
    return FALSE;
  if (!pm_match_sets_meet (self->r_lang + (gsize)r * self->lang_words,
                           self->s_lang + (gsize)s * self->lang_words, self->lang_words))
    return FALSE;
  if (self->avoid_same_team && self->r_team[r] >= 0 && self->s_team[s] == self->r_team[r])
    return FALSE;
  if (pm_match_line_managed (self->r_tin[r], self->r_tout[r], self->s_tin[s], self->s_tout[s]))
    return FALSE;
  h = pm_match_hops (self, self->r_region[r], self->s_region[s]);
  if (modes == PM_MODES_IN_PERSON && (h < 0 || (guint)h > self->max_hops))
    return FALSE;
  *overlap = pm_match_overlap (self, self->r_avail[r], self->s_avail[s]);
  *hops = h;
  return *overlap >= self->min_overlap;
}

/* How many candidate edges per request the batch gives the solver before pricing (default
 * 16): tests make it tiny to exercise pricing, the benchmark tunes it. */
void
pm_matcher_set_top_k (PmMatcher *self, guint k);

/* The score of a pair already known to be eligible (inline: the batch scan calls it for
 * every eligible pair). */
static inline void
pm_match_score (PmMatchCompiled *self, guint r, guint s, guint overlap, gint hops,
                PmMatchEval *eval)
{
  const double *w = self->weight;
  double *c = eval->components;
  guint n_topics = self->r_n_topics[r];
  gboolean same_service;

  eval->overlap = overlap;
  eval->hops = hops;
  if (n_topics > 0)
    {
      const guint64 *t = self->r_topics + (gsize)r * self->tag_words;
      const guint64 *e = self->s_exp + (gsize)s * self->tag_words;
      guint shared = 0;

      for (guint k = 0; k < self->tag_words; k++)
        shared += (guint)__builtin_popcountll (t[k] & e[k]);
      c[PM_COMPONENT_TOPICS] = w[PM_COMPONENT_TOPICS] * ((double)shared / (double)n_topics);
    }
  else
    c[PM_COMPONENT_TOPICS] = 0.0;
  /* Regions with no common root are infinitely far: 1 / (1 + inf) = 0. */
  c[PM_COMPONENT_REGION] = hops < 0 ? 0.0 : w[PM_COMPONENT_REGION] * (1.0 / (1.0 + hops));
  same_service = self->r_service[r] >= 0 && self->r_service[r] == self->s_service[s];
  switch (self->r_pref[r])
    {
      case PM_SERVICE_PREF_SAME:
        c[PM_COMPONENT_SERVICE] = same_service ? w[PM_COMPONENT_SERVICE] : 0.0;
        break;
      case PM_SERVICE_PREF_OTHER:
        c[PM_COMPONENT_SERVICE] = same_service ? 0.0 : w[PM_COMPONENT_SERVICE];
        break;
      default:
        c[PM_COMPONENT_SERVICE] = w[PM_COMPONENT_SERVICE];
        break;
    }
  /* A zero "full overlap" makes any overlap full. */
  c[PM_COMPONENT_AVAILABILITY]
      = self->full_overlap == 0 || overlap >= self->full_overlap
            ? w[PM_COMPONENT_AVAILABILITY]
            : w[PM_COMPONENT_AVAILABILITY] * ((double)overlap / (double)self->full_overlap);
  c[PM_COMPONENT_ROLE]
      = self->r_role[r] >= 0 && self->r_role[r] == self->s_role[s] ? w[PM_COMPONENT_ROLE] : 0.0;
  c[PM_COMPONENT_LOAD] = self->s_load[s];
  /* Summed in component order, so the printed components add up to the printed score. */
  eval->score = 0.0;
  for (guint k = 0; k < PM_COMPONENT_N; k++)
    eval->score += c[k];
}

/* Whether supporter @s is in request @r's exclude list. */
gboolean
pm_match_is_excluded (PmMatchCompiled *self, guint r, guint s);

/* llround (score * 1e6) clamped to [@q_min, @q_max], without the libm call: for |x| < 2^53
 * the truncation q and x - q are exact, so rounding half away from zero on the fraction
 * gives exactly llround's result; scores are far inside that range (weights are at most
 * 1e9, components at most 1). */
static inline gint64
pm_match_quantise (double score, gint64 q_min, gint64 q_max)
{
  double x = score * 1e6;
  gint64 q = (gint64)x;
  double frac = x - (double)q;

  q += (gint64)(frac >= 0.5) - (gint64)(frac <= -0.5);
  return q < q_min ? q_min : q > q_max ? q_max : q;
}

/* The batch's pair checks and scores (pm-match-scan.c): the same verdicts and quantised
 * scores as pm_match_check() and pm_match_quantise() give, much faster. Columns are the
 * active supporters @act[0 .. @n_act - 1] (borrowed), those passing rules 5 to 7. */
typedef struct _PmMatchScan PmMatchScan;

PmMatchScan *
pm_match_scan_new (PmMatchCompiled *c, const guint *act, guint n_act, gint64 q_min, gint64 q_max);
void
pm_match_scan_free (PmMatchScan *scan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmMatchScan, pm_match_scan_free)

/* Request @r against every column: the eligible columns in increasing order, and their
 * quantised scores, into @cols and @qs (room for n_act each); returns how many. */
guint
pm_match_scan_request (PmMatchScan *scan, guint r, guint *cols, gint64 *qs);

/* One pair, for pricing: FALSE when ineligible, else its quantised score in @q. */
gboolean
pm_match_scan_pair (PmMatchScan *scan, guint r, guint col, gint64 *q);

/* Diagnostics: adds each column's first failing rule among 8 to 12, in the spec's order,
 * to @counts and returns how many columns pass them all. Rules 1 to 4 are not looked at
 * (pm_match_diag_count() corrects for the few supporters they catch). */
guint
pm_match_scan_count (PmMatchScan *scan, guint r, guint counts[PM_REASON_N]);

/* The first-failing-rule counts of unmatched requests (pm-match-diag.c), over every
 * supporter, exactly as pm_match_check() charges them, at a fraction of its cost. */
typedef struct _PmMatchDiag PmMatchDiag;

PmMatchDiag *
pm_match_diag_new (PmMatchCompiled *c, PmMatchScan *scan);
void
pm_match_diag_free (PmMatchDiag *diag);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmMatchDiag, pm_match_diag_free)

/* Request @r against every supporter: @excluded by first failing rule; returns the number
 * of eligible supporters (so the two add up to the number of supporters). */
guint
pm_match_diag_count (PmMatchDiag *diag, guint r, guint excluded[PM_REASON_N]);

G_END_DECLS
