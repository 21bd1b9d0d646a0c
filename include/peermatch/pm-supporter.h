/* peermatch: a trained peer supporter.
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

#define PM_TYPE_SUPPORTER (pm_supporter_get_type ())
PM_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PmSupporter, pm_supporter, PM, SUPPORTER, GObject)

PM_AVAILABLE_IN_ALL
PmSupporter *
pm_supporter_new (const char *id);
PM_AVAILABLE_IN_ALL
const char *
pm_supporter_get_id (PmSupporter *self);
PM_AVAILABLE_IN_ALL
const char *
pm_supporter_get_name (PmSupporter *self);
PM_AVAILABLE_IN_ALL
void
pm_supporter_set_name (PmSupporter *self, const char *name);
PM_AVAILABLE_IN_ALL
const char *
pm_supporter_get_service (PmSupporter *self);
PM_AVAILABLE_IN_ALL
void
pm_supporter_set_service (PmSupporter *self, const char *service);
PM_AVAILABLE_IN_ALL
const char *
pm_supporter_get_organisation (PmSupporter *self);
PM_AVAILABLE_IN_ALL
void
pm_supporter_set_organisation (PmSupporter *self, const char *organisation);
PM_AVAILABLE_IN_ALL
const char *
pm_supporter_get_region (PmSupporter *self);
PM_AVAILABLE_IN_ALL
void
pm_supporter_set_region (PmSupporter *self, const char *region);
PM_AVAILABLE_IN_ALL
const char *
pm_supporter_get_role (PmSupporter *self);
PM_AVAILABLE_IN_ALL
void
pm_supporter_set_role (PmSupporter *self, const char *role);
PM_AVAILABLE_IN_ALL
const char *const *
pm_supporter_get_experience (PmSupporter *self);
PM_AVAILABLE_IN_ALL
void
pm_supporter_set_experience (PmSupporter *self, const char *const *tags);
PM_AVAILABLE_IN_ALL
const char *const *
pm_supporter_get_languages (PmSupporter *self);
PM_AVAILABLE_IN_ALL
void
pm_supporter_set_languages (PmSupporter *self, const char *const *languages);
PM_AVAILABLE_IN_ALL
PmModes
pm_supporter_get_modes (PmSupporter *self);
PM_AVAILABLE_IN_ALL
void
pm_supporter_set_modes (PmSupporter *self, PmModes modes);
PM_AVAILABLE_IN_ALL
const char *
pm_supporter_get_gender (PmSupporter *self);
PM_AVAILABLE_IN_ALL
void
pm_supporter_set_gender (PmSupporter *self, const char *gender);
PM_AVAILABLE_IN_ALL
guint
pm_supporter_get_capacity (PmSupporter *self);
PM_AVAILABLE_IN_ALL
void
pm_supporter_set_capacity (PmSupporter *self, guint capacity);
PM_AVAILABLE_IN_ALL
guint
pm_supporter_get_load (PmSupporter *self);
PM_AVAILABLE_IN_ALL
void
pm_supporter_set_load (PmSupporter *self, guint load);
PM_AVAILABLE_IN_ALL
const GDate *
pm_supporter_get_trained_until (PmSupporter *self);
PM_AVAILABLE_IN_ALL
void
pm_supporter_set_trained_until (PmSupporter *self, const GDate *date);
PM_AVAILABLE_IN_ALL
const GDate *
pm_supporter_get_paused_until (PmSupporter *self);
PM_AVAILABLE_IN_ALL
void
pm_supporter_set_paused_until (PmSupporter *self, const GDate *date);
PM_AVAILABLE_IN_ALL
const char *
pm_supporter_get_manager (PmSupporter *self);
PM_AVAILABLE_IN_ALL
void
pm_supporter_set_manager (PmSupporter *self, const char *manager);
PM_AVAILABLE_IN_ALL
const char *
pm_supporter_get_team (PmSupporter *self);
PM_AVAILABLE_IN_ALL
void
pm_supporter_set_team (PmSupporter *self, const char *team);
PM_AVAILABLE_IN_ALL
const char *const *
pm_supporter_get_skills (PmSupporter *self);
PM_AVAILABLE_IN_ALL
void
pm_supporter_set_skills (PmSupporter *self, const char *const *skills);
PM_AVAILABLE_IN_ALL
gboolean
pm_supporter_has_skill (PmSupporter *self, const char *skill);
PM_AVAILABLE_IN_ALL
const PmAvailability *
pm_supporter_get_availability (PmSupporter *self);
PM_AVAILABLE_IN_ALL
void
pm_supporter_set_availability (PmSupporter *self, const PmAvailability *availability);

G_END_DECLS
