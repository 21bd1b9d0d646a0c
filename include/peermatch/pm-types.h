/* peermatch: small enumerations shared by several types.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(PEERMATCH_INSIDE) && !defined(PEERMATCH_COMPILATION)
#error "Only <peermatch/peermatch.h> can be included directly."
#endif

#include <glib.h>
#include "pm-version.h"

G_BEGIN_DECLS

/**
 * PmModes:
 * @PM_MODES_NONE: no mode
 * @PM_MODES_IN_PERSON: `in_person`
 * @PM_MODES_PHONE: `phone`
 * @PM_MODES_VIDEO: `video`
 * @PM_MODES_ALL: all three (the default for supporters and requests)
 *
 * The ways a peer-support conversation can take place.
 *
 * Since: 0.1
 */
typedef enum /*< flags >*/
{
  PM_MODES_NONE = 0,
  PM_MODES_IN_PERSON = 1 << 0,
  PM_MODES_PHONE = 1 << 1,
  PM_MODES_VIDEO = 1 << 2,
  PM_MODES_ALL = PM_MODES_IN_PERSON | PM_MODES_PHONE | PM_MODES_VIDEO,
} PmModes;

/**
 * PmUrgency:
 * @PM_URGENCY_ROUTINE: `routine` (the default)
 * @PM_URGENCY_PRIORITY: `priority`: matched first under the batch objective
 * @PM_URGENCY_CRISIS: `crisis`: never matched, always escalated
 *
 * How urgent a request is.
 *
 * Since: 0.1
 */
typedef enum
{
  PM_URGENCY_ROUTINE,
  PM_URGENCY_PRIORITY,
  PM_URGENCY_CRISIS,
} PmUrgency;

/**
 * PmServicePref:
 * @PM_SERVICE_PREF_ANY: `any` (the default)
 * @PM_SERVICE_PREF_SAME: `same`: the seeker prefers a supporter of their own service
 * @PM_SERVICE_PREF_OTHER: `other`: the seeker prefers a supporter of another service
 *
 * A seeker's preference about the supporter's service.
 *
 * Since: 0.1
 */
typedef enum
{
  PM_SERVICE_PREF_ANY,
  PM_SERVICE_PREF_SAME,
  PM_SERVICE_PREF_OTHER,
} PmServicePref;

/**
 * PmReason:
 * @PM_REASON_SELF: `self`: the supporter is the seeker
 * @PM_REASON_EXCLUDED: `excluded`: the seeker excluded this supporter
 * @PM_REASON_LINE_MANAGEMENT: `line_management`: one manages the other, at any depth
 * @PM_REASON_SAME_TEAM: `same_team`: same team, and the policy avoids that
 * @PM_REASON_TRAINING_EXPIRED: `training_expired`: training lapsed before the matching day
 * @PM_REASON_PAUSED: `paused`: the supporter takes no new cases on the matching day
 * @PM_REASON_NO_CAPACITY: `no_capacity`: load has reached capacity
 * @PM_REASON_GENDER: `gender`: the seeker asked for another gender
 * @PM_REASON_LANGUAGE: `language`: no language in common
 * @PM_REASON_MODE: `mode`: no mode in common
 * @PM_REASON_DISTANCE: `distance`: in person only, and too many region hops apart
 * @PM_REASON_AVAILABILITY: `availability`: too little weekly overlap
 * @PM_REASON_N: the number of reasons
 *
 * The eligibility rules, in the order they are checked. An ineligible pair is charged to
 * the first rule that fails.
 *
 * Since: 0.1
 */
typedef enum
{
  PM_REASON_SELF,
  PM_REASON_EXCLUDED,
  PM_REASON_LINE_MANAGEMENT,
  PM_REASON_SAME_TEAM,
  PM_REASON_TRAINING_EXPIRED,
  PM_REASON_PAUSED,
  PM_REASON_NO_CAPACITY,
  PM_REASON_GENDER,
  PM_REASON_LANGUAGE,
  PM_REASON_MODE,
  PM_REASON_DISTANCE,
  PM_REASON_AVAILABILITY,
  PM_REASON_N, /*< skip >*/
} PmReason;

/**
 * PmComponent:
 * @PM_COMPONENT_TOPICS: share of the requested topics the supporter has lived experience of
 * @PM_COMPONENT_REGION: 1 / (1 + region hops)
 * @PM_COMPONENT_SERVICE: agreement with the seeker's service preference
 * @PM_COMPONENT_AVAILABILITY: weekly overlap relative to the policy's full overlap
 * @PM_COMPONENT_ROLE: same role
 * @PM_COMPONENT_LOAD: the supporter's free share of capacity
 * @PM_COMPONENT_N: the number of components
 *
 * The components of a pair's score.
 *
 * Since: 0.1
 */
typedef enum
{
  PM_COMPONENT_TOPICS,
  PM_COMPONENT_REGION,
  PM_COMPONENT_SERVICE,
  PM_COMPONENT_AVAILABILITY,
  PM_COMPONENT_ROLE,
  PM_COMPONENT_LOAD,
  PM_COMPONENT_N, /*< skip >*/
} PmComponent;

/**
 * PmUnmatchedReason:
 * @PM_UNMATCHED_NO_ELIGIBLE_SUPPORTER: `no_eligible_supporter`: every supporter fails a rule
 * @PM_UNMATCHED_CAPACITY_TAKEN: `capacity_taken`: eligible supporters exist, but the optimal
 *   assignment gives their capacity to other requests
 *
 * Why a request stays unmatched.
 *
 * Since: 0.1
 */
typedef enum
{
  PM_UNMATCHED_NO_ELIGIBLE_SUPPORTER,
  PM_UNMATCHED_CAPACITY_TAKEN,
} PmUnmatchedReason;

/**
 * PmRotaRule:
 * @PM_ROTA_RULE_ONE_PER_DAY: `one_per_day`: a second shift for a person on one day (only a
 *   rota read from a file can say so; the extra shift is not counted anywhere else)
 * @PM_ROTA_RULE_SUCCESSION: `succession`: a shift type followed the next day by one that may
 *   not follow it (including too little rest, rules `not_followed_by` and `min_rest_minutes`)
 * @PM_ROTA_RULE_MAX_PER_SHIFT: `max_per_shift`: more shifts of one type than allowed
 * @PM_ROTA_RULE_MAX_SHIFTS: `max_shifts`: more shifts in total than allowed
 * @PM_ROTA_RULE_MAX_MINUTES: `max_minutes`: more minutes in total than allowed
 * @PM_ROTA_RULE_MIN_MINUTES: `min_minutes`: fewer minutes in total than required
 * @PM_ROTA_RULE_MAX_CONSECUTIVE: `max_consecutive`: more working days in a row than allowed
 * @PM_ROTA_RULE_MIN_CONSECUTIVE: `min_consecutive`: a run of working days shorter than
 *   required (runs touching the first or last day of the horizon are exempt)
 * @PM_ROTA_RULE_MIN_DAYS_OFF: `min_days_off`: a run of days off shorter than required (runs
 *   touching the first or last day of the horizon are exempt)
 * @PM_ROTA_RULE_MAX_WEEKENDS: `max_weekends`: more weekends worked than allowed
 * @PM_ROTA_RULE_DAY_OFF: `day_off`: a shift on a day off (leave, paused, training lapsed)
 * @PM_ROTA_RULE_NOT_ALLOWED: `not_allowed`: a shift outside the person's weekly availability
 *   or over busy time from their calendar
 *
 * A hard rule of a rota (spec/rota.md "Hard rules"), in the order violations are listed.
 *
 * Since: 0.1
 */
typedef enum
{
  PM_ROTA_RULE_ONE_PER_DAY,
  PM_ROTA_RULE_SUCCESSION,
  PM_ROTA_RULE_MAX_PER_SHIFT,
  PM_ROTA_RULE_MAX_SHIFTS,
  PM_ROTA_RULE_MAX_MINUTES,
  PM_ROTA_RULE_MIN_MINUTES,
  PM_ROTA_RULE_MAX_CONSECUTIVE,
  PM_ROTA_RULE_MIN_CONSECUTIVE,
  PM_ROTA_RULE_MIN_DAYS_OFF,
  PM_ROTA_RULE_MAX_WEEKENDS,
  PM_ROTA_RULE_DAY_OFF,
  PM_ROTA_RULE_NOT_ALLOWED,
} PmRotaRule;

/**
 * PmRotaCostPart:
 * @PM_ROTA_COST_UNDER: `under`: Σ under_weight × people missing from a cover group
 * @PM_ROTA_COST_OVER: `over`: Σ over_weight × people beyond a cover group's need
 * @PM_ROTA_COST_REQUESTS: `requests`: Σ weight of on-requests not granted and off-requests
 *   not honoured
 *
 * The parts of a rota's objective (spec/rota.md "Objective"); the objective is their sum.
 *
 * Since: 0.1
 */
typedef enum
{
  PM_ROTA_COST_UNDER,
  PM_ROTA_COST_OVER,
  PM_ROTA_COST_REQUESTS,
} PmRotaCostPart;

PM_AVAILABLE_IN_ALL
const char *
pm_reason_to_string (PmReason reason);
PM_AVAILABLE_IN_ALL
const char *
pm_component_to_string (PmComponent component);
PM_AVAILABLE_IN_ALL
const char *
pm_unmatched_reason_to_string (PmUnmatchedReason reason);
PM_AVAILABLE_IN_ALL
const char *
pm_urgency_to_string (PmUrgency urgency);
PM_AVAILABLE_IN_ALL
const char *
pm_service_pref_to_string (PmServicePref pref);
PM_AVAILABLE_IN_ALL
const char *
pm_rota_rule_to_string (PmRotaRule rule);
PM_AVAILABLE_IN_ALL
const char *
pm_rota_cost_part_to_string (PmRotaCostPart part);
PM_AVAILABLE_IN_ALL
gboolean
pm_modes_from_string (const char *text, PmModes *modes);
PM_AVAILABLE_IN_ALL
gboolean
pm_urgency_from_string (const char *text, PmUrgency *urgency);
PM_AVAILABLE_IN_ALL
gboolean
pm_service_pref_from_string (const char *text, PmServicePref *pref);

G_END_DECLS
