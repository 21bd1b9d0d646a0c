/* peermatch: names of the shared enumerations, as they appear in files and outputs.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"

#include <string.h>

static const char *const reason_names[PM_REASON_N] = {
  "self",        "excluded", "line_management", "same_team", "training_expired", "paused",
  "no_capacity", "gender",   "language",        "mode",      "distance",         "availability",
};

static const char *const component_names[PM_COMPONENT_N] = {
  "topics", "region", "service", "availability", "role", "load",
};

/**
 * pm_reason_to_string:
 * @reason: a rule
 *
 * Returns: (transfer none): the rule's reason code, such as `training_expired`
 *
 * Since: 0.1
 */
const char *
pm_reason_to_string (PmReason reason)
{
  g_return_val_if_fail ((guint)reason < PM_REASON_N, NULL);
  return reason_names[reason];
}

/**
 * pm_component_to_string:
 * @component: a score component
 *
 * Returns: (transfer none): the component's name, such as `topics`
 *
 * Since: 0.1
 */
const char *
pm_component_to_string (PmComponent component)
{
  g_return_val_if_fail ((guint)component < PM_COMPONENT_N, NULL);
  return component_names[component];
}

/**
 * pm_unmatched_reason_to_string:
 * @reason: why a request stayed unmatched
 *
 * Returns: (transfer none): `no_eligible_supporter` or `capacity_taken`
 *
 * Since: 0.1
 */
const char *
pm_unmatched_reason_to_string (PmUnmatchedReason reason)
{
  switch (reason)
    {
      case PM_UNMATCHED_NO_ELIGIBLE_SUPPORTER:
        return "no_eligible_supporter";
      case PM_UNMATCHED_CAPACITY_TAKEN:
        return "capacity_taken";
      default:
        g_return_val_if_reached (NULL);
    }
}

/**
 * pm_urgency_to_string:
 * @urgency: an urgency
 *
 * Returns: (transfer none): `routine`, `priority` or `crisis`
 *
 * Since: 0.1
 */
const char *
pm_urgency_to_string (PmUrgency urgency)
{
  switch (urgency)
    {
      case PM_URGENCY_ROUTINE:
        return "routine";
      case PM_URGENCY_PRIORITY:
        return "priority";
      case PM_URGENCY_CRISIS:
        return "crisis";
      default:
        g_return_val_if_reached (NULL);
    }
}

/**
 * pm_service_pref_to_string:
 * @pref: a service preference
 *
 * Returns: (transfer none): `any`, `same` or `other`
 *
 * Since: 0.1
 */
const char *
pm_service_pref_to_string (PmServicePref pref)
{
  switch (pref)
    {
      case PM_SERVICE_PREF_ANY:
        return "any";
      case PM_SERVICE_PREF_SAME:
        return "same";
      case PM_SERVICE_PREF_OTHER:
        return "other";
      default:
        g_return_val_if_reached (NULL);
    }
}

/**
 * pm_rota_cost_part_to_string:
 * @part: a part of a rota's objective
 *
 * Returns: (transfer none): the part's name as written in outputs: `under`, `over` or
 *   `requests`
 *
 * Since: 0.1
 */
const char *
pm_rota_cost_part_to_string (PmRotaCostPart part)
{
  switch (part)
    {
      case PM_ROTA_COST_UNDER:
        return "under";
      case PM_ROTA_COST_OVER:
        return "over";
      case PM_ROTA_COST_REQUESTS:
        return "requests";
      default:
        g_return_val_if_reached (NULL);
    }
}

/**
 * pm_modes_from_string:
 * @text: one mode token (`in_person`, `phone` or `video`; case and surrounding white space
 *   do not matter)
 * @modes: (out): the mode
 *
 * Returns: %TRUE if @text names a mode
 *
 * Since: 0.1
 */
gboolean
pm_modes_from_string (const char *text, PmModes *modes)
{
  g_autofree char *token = pm_token_normalize (text);

  g_return_val_if_fail (modes != NULL, FALSE);
  if (token == NULL)
    return FALSE;
  if (strcmp (token, "in_person") == 0)
    *modes = PM_MODES_IN_PERSON;
  else if (strcmp (token, "phone") == 0)
    *modes = PM_MODES_PHONE;
  else if (strcmp (token, "video") == 0)
    *modes = PM_MODES_VIDEO;
  else
    return FALSE;
  return TRUE;
}

/**
 * pm_urgency_from_string:
 * @text: `routine`, `priority` or `crisis` (case and surrounding white space do not matter)
 * @urgency: (out): the urgency
 *
 * Returns: %TRUE if @text names an urgency
 *
 * Since: 0.1
 */
gboolean
pm_urgency_from_string (const char *text, PmUrgency *urgency)
{
  g_autofree char *token = pm_token_normalize (text);

  g_return_val_if_fail (urgency != NULL, FALSE);
  if (token == NULL)
    return FALSE;
  for (guint i = PM_URGENCY_ROUTINE; i <= PM_URGENCY_CRISIS; i++)
    if (strcmp (token, pm_urgency_to_string (i)) == 0)
      {
        *urgency = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * pm_service_pref_from_string:
 * @text: `any`, `same` or `other` (case and surrounding white space do not matter)
 * @pref: (out): the preference
 *
 * Returns: %TRUE if @text names a service preference
 *
 * Since: 0.1
 */
gboolean
pm_service_pref_from_string (const char *text, PmServicePref *pref)
{
  g_autofree char *token = pm_token_normalize (text);

  g_return_val_if_fail (pref != NULL, FALSE);
  if (token == NULL)
    return FALSE;
  for (guint i = PM_SERVICE_PREF_ANY; i <= PM_SERVICE_PREF_OTHER; i++)
    if (strcmp (token, pm_service_pref_to_string (i)) == 0)
      {
        *pref = i;
        return TRUE;
      }
  return FALSE;
}
