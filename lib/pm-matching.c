/* peermatch: the result of a batch matching.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"

#include <string.h>

/**
 * PmMatching:
 *
 * The result of pm_matcher_solve(): the pairs of the optimal assignment in request-id
 * order, every request left unmatched with the reason, and the escalated crisis requests.
 *
 * Since: 0.1
 */

typedef struct
{
  char *request_id;
  PmUnmatchedReason reason;
  guint eligible;
  guint excluded[PM_REASON_N];
} Unmatched;

struct _PmMatching
{
  GObject parent_instance;
  GDate date;
  guint n_requests;
  guint n_priority;
  double total_score;
  GPtrArray *pairs;
  GArray *unmatched;
  GPtrArray *escalated;
};

G_DEFINE_FINAL_TYPE (PmMatching, pm_matching, G_TYPE_OBJECT)

static void
unmatched_clear (gpointer data)
{
  g_free (((Unmatched *)data)->request_id);
}

static void
pm_matching_finalize (GObject *object)
{
  PmMatching *self = PM_MATCHING (object);

  g_ptr_array_unref (self->pairs);
  g_array_unref (self->unmatched);
  g_ptr_array_unref (self->escalated);
  G_OBJECT_CLASS (pm_matching_parent_class)->finalize (object);
}

static void
pm_matching_class_init (PmMatchingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_matching_finalize;
}

static void
pm_matching_init (PmMatching *self)
{
  self->pairs = g_ptr_array_new_with_free_func ((GDestroyNotify)pm_pair_free);
  self->unmatched = g_array_new (FALSE, TRUE, sizeof (Unmatched));
  g_array_set_clear_func (self->unmatched, unmatched_clear);
  self->escalated = g_ptr_array_new_with_free_func (g_free);
}

PmMatching *
pm_matching_new (const GDate *on, guint n_requests)
{
  PmMatching *self = g_object_new (PM_TYPE_MATCHING, NULL);

  self->date = *on;
  self->n_requests = n_requests;
  return self;
}

void
pm_matching_take_pair (PmMatching *self, PmPair *pair, gboolean priority)
{
  g_ptr_array_add (self->pairs, pair);
  self->total_score += pair->score;
  if (priority)
    self->n_priority++;
}

void
pm_matching_add_unmatched (PmMatching *self, const char *request_id, PmUnmatchedReason reason,
                           guint eligible, const guint excluded[PM_REASON_N])
{
  Unmatched u = { g_strdup (request_id), reason, eligible, { 0 } };

  if (excluded != NULL)
    memcpy (u.excluded, excluded, sizeof u.excluded);
  g_array_append_val (self->unmatched, u);
}

void
pm_matching_add_escalated (PmMatching *self, const char *request_id)
{
  g_ptr_array_add (self->escalated, g_strdup (request_id));
}

static Unmatched *
get_unmatched (PmMatching *self, guint index)
{
  g_return_val_if_fail (PM_IS_MATCHING (self), NULL);
  g_return_val_if_fail (index < self->unmatched->len, NULL);
  return &g_array_index (self->unmatched, Unmatched, index);
}

/**
 * pm_matching_get_date:
 * @self: a #PmMatching
 *
 * Returns: (transfer none): the matching day the rules were checked on
 *
 * Since: 0.1
 */
const GDate *
pm_matching_get_date (PmMatching *self)
{
  g_return_val_if_fail (PM_IS_MATCHING (self), NULL);
  return &self->date;
}

/**
 * pm_matching_get_n_requests:
 * @self: a #PmMatching
 *
 * Returns: the number of requests considered (matched, unmatched and escalated)
 *
 * Since: 0.1
 */
guint
pm_matching_get_n_requests (PmMatching *self)
{
  g_return_val_if_fail (PM_IS_MATCHING (self), 0);
  return self->n_requests;
}

/**
 * pm_matching_get_total_score:
 * @self: a #PmMatching
 *
 * Returns: the sum of the scores of the pairs
 *
 * Since: 0.1
 */
double
pm_matching_get_total_score (PmMatching *self)
{
  g_return_val_if_fail (PM_IS_MATCHING (self), 0.0);
  return self->total_score;
}

/**
 * pm_matching_get_n_matched_priority:
 * @self: a #PmMatching
 *
 * Returns: the number of `priority` requests matched
 *
 * Since: 0.1
 */
guint
pm_matching_get_n_matched_priority (PmMatching *self)
{
  g_return_val_if_fail (PM_IS_MATCHING (self), 0);
  return self->n_priority;
}

/**
 * pm_matching_get_n_pairs:
 * @self: a #PmMatching
 *
 * Returns: the number of matched requests
 *
 * Since: 0.1
 */
guint
pm_matching_get_n_pairs (PmMatching *self)
{
  g_return_val_if_fail (PM_IS_MATCHING (self), 0);
  return self->pairs->len;
}

/**
 * pm_matching_get_pair:
 * @self: a #PmMatching
 * @index: an index below pm_matching_get_n_pairs()
 *
 * Returns: (transfer none): pair @index, in request-id order
 *
 * Since: 0.1
 */
const PmPair *
pm_matching_get_pair (PmMatching *self, guint index)
{
  g_return_val_if_fail (PM_IS_MATCHING (self), NULL);
  g_return_val_if_fail (index < self->pairs->len, NULL);
  return g_ptr_array_index (self->pairs, index);
}

/**
 * pm_matching_get_n_unmatched:
 * @self: a #PmMatching
 *
 * Returns: the number of requests left unmatched (crisis requests are not among them)
 *
 * Since: 0.1
 */
guint
pm_matching_get_n_unmatched (PmMatching *self)
{
  g_return_val_if_fail (PM_IS_MATCHING (self), 0);
  return self->unmatched->len;
}

/**
 * pm_matching_get_unmatched_request_id:
 * @self: a #PmMatching
 * @index: an index below pm_matching_get_n_unmatched()
 *
 * Returns: (transfer none): the id of unmatched request @index, in request-id order
 *
 * Since: 0.1
 */
const char *
pm_matching_get_unmatched_request_id (PmMatching *self, guint index)
{
  Unmatched *u = get_unmatched (self, index);
  return u ? u->request_id : NULL;
}

/**
 * pm_matching_get_unmatched_reason:
 * @self: a #PmMatching
 * @index: an index below pm_matching_get_n_unmatched()
 *
 * Returns: why unmatched request @index stayed unmatched
 *
 * Since: 0.1
 */
PmUnmatchedReason
pm_matching_get_unmatched_reason (PmMatching *self, guint index)
{
  Unmatched *u = get_unmatched (self, index);
  return u ? u->reason : PM_UNMATCHED_NO_ELIGIBLE_SUPPORTER;
}

/**
 * pm_matching_get_unmatched_eligible:
 * @self: a #PmMatching
 * @index: an index below pm_matching_get_n_unmatched()
 *
 * Returns: the number of supporters eligible for unmatched request @index
 *
 * Since: 0.1
 */
guint
pm_matching_get_unmatched_eligible (PmMatching *self, guint index)
{
  Unmatched *u = get_unmatched (self, index);
  return u ? u->eligible : 0;
}

/**
 * pm_matching_get_unmatched_excluded_count:
 * @self: a #PmMatching
 * @index: an index below pm_matching_get_n_unmatched()
 * @reason: a rule
 *
 * Returns: the number of supporters whose first failing rule for unmatched request @index
 *   is @reason
 *
 * Since: 0.1
 */
guint
pm_matching_get_unmatched_excluded_count (PmMatching *self, guint index, PmReason reason)
{
  Unmatched *u = get_unmatched (self, index);

  g_return_val_if_fail ((guint)reason < PM_REASON_N, 0);
  return u ? u->excluded[reason] : 0;
}

/**
 * pm_matching_get_n_escalated:
 * @self: a #PmMatching
 *
 * Returns: the number of crisis requests escalated
 *
 * Since: 0.1
 */
guint
pm_matching_get_n_escalated (PmMatching *self)
{
  g_return_val_if_fail (PM_IS_MATCHING (self), 0);
  return self->escalated->len;
}

/**
 * pm_matching_get_escalated_request_id:
 * @self: a #PmMatching
 * @index: an index below pm_matching_get_n_escalated()
 *
 * Returns: (transfer none): the id of escalated request @index, in request-id order
 *
 * Since: 0.1
 */
const char *
pm_matching_get_escalated_request_id (PmMatching *self, guint index)
{
  g_return_val_if_fail (PM_IS_MATCHING (self), NULL);
  g_return_val_if_fail (index < self->escalated->len, NULL);
  return g_ptr_array_index (self->escalated, index);
}
