/* peermatch: a colleague's request for peer support.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(PEERMATCH_INSIDE) && !defined(PEERMATCH_COMPILATION)
#error "Only <peermatch/peermatch.h> can be included directly."
#endif

#include <glib-object.h>
#include "pm-version.h"
#include "pm-types.h"
#include "pm-availability.h"

G_BEGIN_DECLS

#define PM_TYPE_REQUEST (pm_request_get_type ())
PM_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PmRequest, pm_request, PM, REQUEST, GObject)

PM_AVAILABLE_IN_ALL
PmRequest *
pm_request_new (const char *id, const char *person);
PM_AVAILABLE_IN_ALL
const char *
pm_request_get_id (PmRequest *self);
PM_AVAILABLE_IN_ALL
const char *
pm_request_get_person (PmRequest *self);
PM_AVAILABLE_IN_ALL
const char *
pm_request_get_service (PmRequest *self);
PM_AVAILABLE_IN_ALL
void
pm_request_set_service (PmRequest *self, const char *service);
PM_AVAILABLE_IN_ALL
const char *
pm_request_get_organisation (PmRequest *self);
PM_AVAILABLE_IN_ALL
void
pm_request_set_organisation (PmRequest *self, const char *organisation);
PM_AVAILABLE_IN_ALL
const char *
pm_request_get_region (PmRequest *self);
PM_AVAILABLE_IN_ALL
void
pm_request_set_region (PmRequest *self, const char *region);
PM_AVAILABLE_IN_ALL
const char *
pm_request_get_role (PmRequest *self);
PM_AVAILABLE_IN_ALL
void
pm_request_set_role (PmRequest *self, const char *role);
PM_AVAILABLE_IN_ALL
const char *const *
pm_request_get_topics (PmRequest *self);
PM_AVAILABLE_IN_ALL
void
pm_request_set_topics (PmRequest *self, const char *const *topics);
PM_AVAILABLE_IN_ALL
const char *const *
pm_request_get_languages (PmRequest *self);
PM_AVAILABLE_IN_ALL
void
pm_request_set_languages (PmRequest *self, const char *const *languages);
PM_AVAILABLE_IN_ALL
PmModes
pm_request_get_modes (PmRequest *self);
PM_AVAILABLE_IN_ALL
void
pm_request_set_modes (PmRequest *self, PmModes modes);
PM_AVAILABLE_IN_ALL
const char *
pm_request_get_gender (PmRequest *self);
PM_AVAILABLE_IN_ALL
void
pm_request_set_gender (PmRequest *self, const char *gender);
PM_AVAILABLE_IN_ALL
PmServicePref
pm_request_get_service_pref (PmRequest *self);
PM_AVAILABLE_IN_ALL
void
pm_request_set_service_pref (PmRequest *self, PmServicePref pref);
PM_AVAILABLE_IN_ALL
const char *
pm_request_get_manager (PmRequest *self);
PM_AVAILABLE_IN_ALL
void
pm_request_set_manager (PmRequest *self, const char *manager);
PM_AVAILABLE_IN_ALL
const char *
pm_request_get_team (PmRequest *self);
PM_AVAILABLE_IN_ALL
void
pm_request_set_team (PmRequest *self, const char *team);
PM_AVAILABLE_IN_ALL
const char *const *
pm_request_get_exclude (PmRequest *self);
PM_AVAILABLE_IN_ALL
void
pm_request_set_exclude (PmRequest *self, const char *const *supporter_ids);
PM_AVAILABLE_IN_ALL
PmUrgency
pm_request_get_urgency (PmRequest *self);
PM_AVAILABLE_IN_ALL
void
pm_request_set_urgency (PmRequest *self, PmUrgency urgency);
PM_AVAILABLE_IN_ALL
const PmAvailability *
pm_request_get_availability (PmRequest *self);
PM_AVAILABLE_IN_ALL
void
pm_request_set_availability (PmRequest *self, const PmAvailability *availability);

G_END_DECLS
