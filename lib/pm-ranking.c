/* peermatch: the eligible supporters for one request, best first.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"

#include <string.h>

/**
 * PmRanking:
 *
 * The result of pm_matcher_rank(): the eligible supporters for one request, best score
 * first (ties by supporter id in byte order), cut to the requested number, and the count of
 * ineligible supporters charged to each rule.
 *
 * Since: 0.1
 */
struct _PmRanking
{
  GObject parent_instance;
  char *request_id;
  gboolean escalated;
  guint n_eligible;
  guint excluded[PM_REASON_N];
  GPtrArray *candidates;
};

G_DEFINE_FINAL_TYPE (PmRanking, pm_ranking, G_TYPE_OBJECT)

static void
pm_ranking_finalize (GObject *object)
{
  PmRanking *self = PM_RANKING (object);

  g_free (self->request_id);
  g_ptr_array_unref (self->candidates);
  G_OBJECT_CLASS (pm_ranking_parent_class)->finalize (object);
}

static void
pm_ranking_class_init (PmRankingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_ranking_finalize;
}

static void
pm_ranking_init (PmRanking *self)
{
  self->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify)pm_pair_free);
}

PmRanking *
pm_ranking_new (const char *request_id, gboolean escalated, guint n_eligible,
                const guint excluded[PM_REASON_N])
{
  PmRanking *self = g_object_new (PM_TYPE_RANKING, NULL);

  self->request_id = g_strdup (request_id);
  self->escalated = escalated;
  self->n_eligible = n_eligible;
  if (excluded != NULL)
    memcpy (self->excluded, excluded, sizeof self->excluded);
  return self;
}

void
pm_ranking_take_candidate (PmRanking *self, PmPair *pair)
{
  g_ptr_array_add (self->candidates, pair);
}

/**
 * pm_ranking_get_request_id:
 * @self: a #PmRanking
 *
 * Returns: (transfer none): the request ranked
 *
 * Since: 0.1
 */
const char *
pm_ranking_get_request_id (PmRanking *self)
{
  g_return_val_if_fail (PM_IS_RANKING (self), NULL);
  return self->request_id;
}

/**
 * pm_ranking_get_escalated:
 * @self: a #PmRanking
 *
 * Returns: %TRUE when the request is a crisis: it has no candidates and must be escalated
 *   to crisis services
 *
 * Since: 0.1
 */
gboolean
pm_ranking_get_escalated (PmRanking *self)
{
  g_return_val_if_fail (PM_IS_RANKING (self), FALSE);
  return self->escalated;
}

/**
 * pm_ranking_get_n_eligible:
 * @self: a #PmRanking
 *
 * Returns: the number of eligible supporters, before the cut to the top
 *
 * Since: 0.1
 */
guint
pm_ranking_get_n_eligible (PmRanking *self)
{
  g_return_val_if_fail (PM_IS_RANKING (self), 0);
  return self->n_eligible;
}

/**
 * pm_ranking_get_n_candidates:
 * @self: a #PmRanking
 *
 * Returns: the number of candidates kept
 *
 * Since: 0.1
 */
guint
pm_ranking_get_n_candidates (PmRanking *self)
{
  g_return_val_if_fail (PM_IS_RANKING (self), 0);
  return self->candidates->len;
}

/**
 * pm_ranking_get_candidate:
 * @self: a #PmRanking
 * @index: an index below pm_ranking_get_n_candidates()
 *
 * Returns: (transfer none): candidate @index, best first
 *
 * Since: 0.1
 */
const PmPair *
pm_ranking_get_candidate (PmRanking *self, guint index)
{
  g_return_val_if_fail (PM_IS_RANKING (self), NULL);
  g_return_val_if_fail (index < self->candidates->len, NULL);
  return g_ptr_array_index (self->candidates, index);
}

/**
 * pm_ranking_get_excluded_count:
 * @self: a #PmRanking
 * @reason: a rule
 *
 * Returns: the number of supporters whose first failing rule is @reason
 *
 * Since: 0.1
 */
guint
pm_ranking_get_excluded_count (PmRanking *self, PmReason reason)
{
  g_return_val_if_fail (PM_IS_RANKING (self), 0);
  g_return_val_if_fail ((guint)reason < PM_REASON_N, 0);
  return self->excluded[reason];
}
