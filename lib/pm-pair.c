/* peermatch: a scored (request, supporter) pair.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"

G_DEFINE_BOXED_TYPE (PmPair, pm_pair, pm_pair_copy, pm_pair_free)

PmPair *
pm_pair_new (const char *request_id, const char *supporter_id)
{
  PmPair *self = g_new0 (PmPair, 1);

  self->request_id = g_strdup (request_id);
  self->supporter_id = g_strdup (supporter_id);
  self->hops = -1;
  return self;
}

/**
 * pm_pair_copy:
 * @self: a #PmPair
 *
 * Returns: (transfer full): a copy of @self
 *
 * Since: 0.1
 */
PmPair *
pm_pair_copy (const PmPair *self)
{
  PmPair *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_memdup2 (self, sizeof *self);
  copy->request_id = g_strdup (self->request_id);
  copy->supporter_id = g_strdup (self->supporter_id);
  return copy;
}

/**
 * pm_pair_free:
 * @self: (nullable): a #PmPair
 *
 * Frees @self.
 *
 * Since: 0.1
 */
void
pm_pair_free (PmPair *self)
{
  if (self == NULL)
    return;
  g_free (self->request_id);
  g_free (self->supporter_id);
  g_free (self);
}

/**
 * pm_pair_get_request_id:
 * @self: a #PmPair
 *
 * Returns: (transfer none): the request's id
 *
 * Since: 0.1
 */
const char *
pm_pair_get_request_id (const PmPair *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->request_id;
}

/**
 * pm_pair_get_supporter_id:
 * @self: a #PmPair
 *
 * Returns: (transfer none): the supporter's id
 *
 * Since: 0.1
 */
const char *
pm_pair_get_supporter_id (const PmPair *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->supporter_id;
}

/**
 * pm_pair_get_score:
 * @self: a #PmPair
 *
 * Returns: the score, the sum of the weighted components (0 to the sum of the weights)
 *
 * Since: 0.1
 */
double
pm_pair_get_score (const PmPair *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->score;
}

/**
 * pm_pair_get_component:
 * @self: a #PmPair
 * @component: a component
 *
 * Returns: the weighted contribution of @component to the score
 *
 * Since: 0.1
 */
double
pm_pair_get_component (const PmPair *self, PmComponent component)
{
  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail ((guint)component < PM_COMPONENT_N, 0.0);
  return self->components[component];
}

/**
 * pm_pair_get_overlap_minutes:
 * @self: a #PmPair
 *
 * Returns: the minutes per week both people are available
 *
 * Since: 0.1
 */
guint
pm_pair_get_overlap_minutes (const PmPair *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->overlap_minutes;
}

/**
 * pm_pair_get_hops:
 * @self: a #PmPair
 *
 * Returns: the region-tree edges between the two regions, or -1 when they share no root
 *
 * Since: 0.1
 */
gint
pm_pair_get_hops (const PmPair *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->hops;
}

/**
 * pm_pair_to_explanation:
 * @self: a #PmPair
 *
 * Explains the pair for a coordinator, component by component (numbers rounded to one
 * decimal), without naming anything sensitive (topics are counted, never named).
 *
 * Returns: (transfer full): one line of text, such as
 *   `score 83.5: topics 30, region 20 (same region), service 15, availability 15 (240 min/week),
 * role 0, load 3.5`
 *
 * Since: 0.1
 */
char *
pm_pair_to_explanation (const PmPair *self)
{
  GString *out;
  char buf[32];

  g_return_val_if_fail (self != NULL, NULL);
  out = g_string_new (NULL);
  g_string_append_printf (out, "score %s:", pm_double_format_brief (self->score, buf));
  for (guint c = 0; c < PM_COMPONENT_N; c++)
    {
      g_string_append_printf (out, "%s %s %s", c == 0 ? "" : ",", pm_component_to_string (c),
                              pm_double_format_brief (self->components[c], buf));
      if (c == PM_COMPONENT_REGION)
        {
          if (self->hops == 0)
            g_string_append (out, " (same region)");
          else if (self->hops > 0)
            g_string_append_printf (out, " (%d hop%s)", self->hops, self->hops == 1 ? "" : "s");
          else
            g_string_append (out, " (no common region)");
        }
      else if (c == PM_COMPONENT_AVAILABILITY)
        g_string_append_printf (out, " (%u min/week together)", self->overlap_minutes);
    }
  return g_string_free (out, FALSE);
}
