/* peermatch: a broken hard rule of a rota, and the rule codes.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"
#include "pm-rota-private.h"

/* The codes as written in outputs (spec/rota.md "Hard rules"), in PmRotaRule order. */
static const char *const rule_names[PM_ROTA_RULE_N] = {
  [PM_ROTA_RULE_ONE_PER_DAY] = "one_per_day",
  [PM_ROTA_RULE_SUCCESSION] = "succession",
  [PM_ROTA_RULE_MAX_PER_SHIFT] = "max_per_shift",
  [PM_ROTA_RULE_MAX_SHIFTS] = "max_shifts",
  [PM_ROTA_RULE_MAX_MINUTES] = "max_minutes",
  [PM_ROTA_RULE_MIN_MINUTES] = "min_minutes",
  [PM_ROTA_RULE_MAX_CONSECUTIVE] = "max_consecutive",
  [PM_ROTA_RULE_MIN_CONSECUTIVE] = "min_consecutive",
  [PM_ROTA_RULE_MIN_DAYS_OFF] = "min_days_off",
  [PM_ROTA_RULE_MAX_WEEKENDS] = "max_weekends",
  [PM_ROTA_RULE_DAY_OFF] = "day_off",
  [PM_ROTA_RULE_NOT_ALLOWED] = "not_allowed",
};

/**
 * pm_rota_rule_to_string:
 * @rule: a hard rule of a rota
 *
 * Returns: (transfer none): the rule's code as written in outputs, such as
 *   `max_consecutive`
 *
 * Since: 0.1
 */
const char *
pm_rota_rule_to_string (PmRotaRule rule)
{
  g_return_val_if_fail ((int)rule >= 0 && rule < PM_ROTA_RULE_N, NULL);
  return rule_names[rule];
}

G_DEFINE_BOXED_TYPE (PmRotaViolation, pm_rota_violation, pm_rota_violation_copy,
                     pm_rota_violation_free)

/**
 * pm_rota_violation_copy:
 * @self: a #PmRotaViolation
 *
 * Returns: (transfer full): a copy of @self
 *
 * Since: 0.1
 */
PmRotaViolation *
pm_rota_violation_copy (const PmRotaViolation *self)
{
  PmRotaViolation *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_new0 (PmRotaViolation, 1);
  *copy = *self;
  copy->person_id = g_strdup (self->person_id);
  copy->message = g_strdup (self->message);
  return copy;
}

/**
 * pm_rota_violation_free:
 * @self: (nullable): a #PmRotaViolation
 *
 * Frees @self. %NULL is ignored.
 *
 * Since: 0.1
 */
void
pm_rota_violation_free (PmRotaViolation *self)
{
  if (self == NULL)
    return;
  g_free (self->person_id);
  g_free (self->message);
  g_free (self);
}

/**
 * pm_rota_violation_get_rule:
 * @self: a #PmRotaViolation
 *
 * Returns: the rule broken
 *
 * Since: 0.1
 */
PmRotaRule
pm_rota_violation_get_rule (const PmRotaViolation *self)
{
  g_return_val_if_fail (self != NULL, PM_ROTA_RULE_ONE_PER_DAY);
  return self->rule;
}

/**
 * pm_rota_violation_get_person_id:
 * @self: a #PmRotaViolation
 *
 * Returns: (transfer none): the id of the person whose row breaks the rule (every hard
 *   rule is about one person)
 *
 * Since: 0.1
 */
const char *
pm_rota_violation_get_person_id (const PmRotaViolation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->person_id;
}

/**
 * pm_rota_violation_get_day:
 * @self: a #PmRotaViolation
 *
 * The day a violation is about: for a succession the first of the two days, for a run of
 * days (consecutive working days, days off) its first day, for a shift on a day off or
 * outside availability that day. Rules over the whole horizon (totals, minutes, weekends,
 * shifts of one type) have no day.
 *
 * Returns: the day (0 = the first day of the horizon), or -1 for the whole horizon
 *
 * Since: 0.1
 */
gint
pm_rota_violation_get_day (const PmRotaViolation *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->day;
}

/**
 * pm_rota_violation_get_message:
 * @self: a #PmRotaViolation
 *
 * A sentence for a coordinator that starts with the person's id, such as
 * `S12: 4 working days in a row from 2026-12-09 (at most 3)`, followed by the cause when one
 * is known from the problem alone (after `: `). It names no leave reasons, requests or
 * health data.
 *
 * Returns: (transfer none): the message
 *
 * Since: 0.1
 */
const char *
pm_rota_violation_get_message (const PmRotaViolation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->message;
}
