/* peermatch: the matching policy (weights, rules, vocabulary).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"

#include <math.h>

/**
 * PmPolicy:
 *
 * The tunable part of matching: the weight of each score component, the thresholds of the
 * eligibility rules and the vocabulary of lived-experience tags.
 *
 * Since: 0.1
 */

struct _PmPolicy
{
  GObject parent_instance;
  double weights[PM_COMPONENT_N];
  guint min_overlap_minutes;
  guint full_overlap_minutes;
  guint max_in_person_hops;
  gboolean avoid_same_team;
  char **vocabulary; /* normalised, no duplicates; empty: every tag is accepted */
};

G_DEFINE_FINAL_TYPE (PmPolicy, pm_policy, G_TYPE_OBJECT)

/* The spec's defaults: the weights add up to 100, so a score is between 0 and 100. */
static const double default_weights[PM_COMPONENT_N] = {
  [PM_COMPONENT_TOPICS] = 30.0,       [PM_COMPONENT_REGION] = 20.0, [PM_COMPONENT_SERVICE] = 15.0,
  [PM_COMPONENT_AVAILABILITY] = 15.0, [PM_COMPONENT_ROLE] = 10.0,   [PM_COMPONENT_LOAD] = 10.0,
};

static void
pm_policy_finalize (GObject *object)
{
  PmPolicy *self = PM_POLICY (object);

  g_strfreev (self->vocabulary);
  G_OBJECT_CLASS (pm_policy_parent_class)->finalize (object);
}

static void
pm_policy_class_init (PmPolicyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_policy_finalize;
}

static void
pm_policy_init (PmPolicy *self)
{
  for (guint i = 0; i < PM_COMPONENT_N; i++)
    self->weights[i] = default_weights[i];
  self->min_overlap_minutes = 60;
  self->full_overlap_minutes = 180;
  self->max_in_person_hops = 2;
  self->avoid_same_team = TRUE;
  self->vocabulary = g_new0 (char *, 1);
}

/**
 * pm_policy_new:
 *
 * Creates a policy with the default weights (topics 30, region 20, service 15,
 * availability 15, role 10, load 10) and rules (`min_overlap_minutes` 60,
 * `full_overlap_minutes` 180, `max_in_person_hops` 2, `avoid_same_team` true), and an
 * empty vocabulary, which accepts every tag. pm_policy_new_default() gives the same policy
 * with the built-in experience vocabulary.
 *
 * Returns: (transfer full): a new policy
 *
 * Since: 0.1
 */
PmPolicy *
pm_policy_new (void)
{
  return g_object_new (PM_TYPE_POLICY, NULL);
}

/**
 * pm_policy_get_weight:
 * @self: a #PmPolicy
 * @component: a score component
 *
 * Returns: the weight of @component in the score
 *
 * Since: 0.1
 */
double
pm_policy_get_weight (PmPolicy *self, PmComponent component)
{
  g_return_val_if_fail (PM_IS_POLICY (self), 0.0);
  g_return_val_if_fail ((guint)component < PM_COMPONENT_N, 0.0);
  return self->weights[component];
}

/**
 * pm_policy_set_weight:
 * @self: a #PmPolicy
 * @component: a score component
 * @weight: a finite weight, at least 0
 *
 * Sets the weight of @component in the score. Callers reading weights from files must
 * reject negative and non-finite values themselves: passing one is a programmer error.
 *
 * Since: 0.1
 */
void
pm_policy_set_weight (PmPolicy *self, PmComponent component, double weight)
{
  g_return_if_fail (PM_IS_POLICY (self));
  g_return_if_fail ((guint)component < PM_COMPONENT_N);
  g_return_if_fail (isfinite (weight) && weight >= 0.0);
  self->weights[component] = weight;
}

/**
 * pm_policy_get_min_overlap_minutes:
 * @self: a #PmPolicy
 *
 * Returns: the least weekly overlap, in minutes, for a pair to be eligible
 *
 * Since: 0.1
 */
guint
pm_policy_get_min_overlap_minutes (PmPolicy *self)
{
  g_return_val_if_fail (PM_IS_POLICY (self), 0);
  return self->min_overlap_minutes;
}

/**
 * pm_policy_set_min_overlap_minutes:
 * @self: a #PmPolicy
 * @minutes: the least weekly overlap for a pair to be eligible
 *
 * Sets the threshold of the `availability` rule.
 *
 * Since: 0.1
 */
void
pm_policy_set_min_overlap_minutes (PmPolicy *self, guint minutes)
{
  g_return_if_fail (PM_IS_POLICY (self));
  self->min_overlap_minutes = minutes;
}

/**
 * pm_policy_get_full_overlap_minutes:
 * @self: a #PmPolicy
 *
 * Returns: the weekly overlap that earns the whole availability component
 *
 * Since: 0.1
 */
guint
pm_policy_get_full_overlap_minutes (PmPolicy *self)
{
  g_return_val_if_fail (PM_IS_POLICY (self), 0);
  return self->full_overlap_minutes;
}

/**
 * pm_policy_set_full_overlap_minutes:
 * @self: a #PmPolicy
 * @minutes: the weekly overlap that earns the whole availability component, at least 1
 *
 * Sets the divisor of the availability component, min(1, overlap / @minutes). Zero would
 * divide by zero: passing it is a programmer error.
 *
 * Since: 0.1
 */
void
pm_policy_set_full_overlap_minutes (PmPolicy *self, guint minutes)
{
  g_return_if_fail (PM_IS_POLICY (self));
  g_return_if_fail (minutes > 0);
  self->full_overlap_minutes = minutes;
}

/**
 * pm_policy_get_max_in_person_hops:
 * @self: a #PmPolicy
 *
 * Returns: the most region hops for a pair whose only common mode is in person
 *
 * Since: 0.1
 */
guint
pm_policy_get_max_in_person_hops (PmPolicy *self)
{
  g_return_val_if_fail (PM_IS_POLICY (self), 0);
  return self->max_in_person_hops;
}

/**
 * pm_policy_set_max_in_person_hops:
 * @self: a #PmPolicy
 * @hops: the most region hops for a pair whose only common mode is in person
 *
 * Sets the threshold of the `distance` rule.
 *
 * Since: 0.1
 */
void
pm_policy_set_max_in_person_hops (PmPolicy *self, guint hops)
{
  g_return_if_fail (PM_IS_POLICY (self));
  self->max_in_person_hops = hops;
}

/**
 * pm_policy_get_avoid_same_team:
 * @self: a #PmPolicy
 *
 * Returns: whether a supporter from the seeker's own team is ineligible
 *
 * Since: 0.1
 */
gboolean
pm_policy_get_avoid_same_team (PmPolicy *self)
{
  g_return_val_if_fail (PM_IS_POLICY (self), FALSE);
  return self->avoid_same_team;
}

/**
 * pm_policy_set_avoid_same_team:
 * @self: a #PmPolicy
 * @avoid: whether a supporter from the seeker's own team is ineligible
 *
 * Turns the `same_team` rule on or off.
 *
 * Since: 0.1
 */
void
pm_policy_set_avoid_same_team (PmPolicy *self, gboolean avoid)
{
  g_return_if_fail (PM_IS_POLICY (self));
  self->avoid_same_team = !!avoid;
}

/**
 * pm_policy_set_vocabulary:
 * @self: a #PmPolicy
 * @tags: (array zero-terminated=1) (nullable): the known lived-experience tags
 *
 * Replaces the vocabulary. Tags are stored normalised (trimmed, lower case), blanks and
 * duplicates dropped. An empty or %NULL list means no vocabulary: every tag is accepted.
 *
 * Since: 0.1
 */
void
pm_policy_set_vocabulary (PmPolicy *self, const char *const *tags)
{
  g_return_if_fail (PM_IS_POLICY (self));
  g_strfreev (self->vocabulary);
  self->vocabulary = pm_tokens_normalize (tags);
}

/**
 * pm_policy_get_n_vocabulary:
 * @self: a #PmPolicy
 *
 * Returns: the number of tags in the vocabulary (0: no vocabulary)
 *
 * Since: 0.1
 */
guint
pm_policy_get_n_vocabulary (PmPolicy *self)
{
  g_return_val_if_fail (PM_IS_POLICY (self), 0);
  return g_strv_length (self->vocabulary);
}

/**
 * pm_policy_get_vocabulary_item:
 * @self: a #PmPolicy
 * @index: an index below pm_policy_get_n_vocabulary()
 *
 * Returns: (transfer none): the normalised tag at @index, in the order given
 *
 * Since: 0.1
 */
const char *
pm_policy_get_vocabulary_item (PmPolicy *self, guint index)
{
  g_return_val_if_fail (PM_IS_POLICY (self), NULL);
  g_return_val_if_fail (index < g_strv_length (self->vocabulary), NULL);
  return self->vocabulary[index];
}

/**
 * pm_policy_has_tag:
 * @self: a #PmPolicy
 * @tag: (nullable): a tag (case and surrounding white space do not matter)
 *
 * Tells whether @tag is a known tag. With an empty vocabulary every tag is accepted, so
 * this returns %TRUE for any non-blank @tag; a blank or %NULL @tag is never a tag.
 *
 * Returns: %TRUE if @tag is in the vocabulary or there is no vocabulary
 *
 * Since: 0.1
 */
gboolean
pm_policy_has_tag (PmPolicy *self, const char *tag)
{
  g_autofree char *token = NULL;

  g_return_val_if_fail (PM_IS_POLICY (self), FALSE);
  token = pm_token_normalize (tag);
  if (token == NULL)
    return FALSE;
  if (self->vocabulary[0] == NULL)
    return TRUE;
  return pm_strv_contains ((const char *const *)self->vocabulary, token);
}
