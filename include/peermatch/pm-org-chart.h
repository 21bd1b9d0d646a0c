/* peermatch: the line-management forest.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(PEERMATCH_INSIDE) && !defined(PEERMATCH_COMPILATION)
#error "Only <peermatch/peermatch.h> can be included directly."
#endif

#include <glib-object.h>
#include "pm-version.h"

G_BEGIN_DECLS

#define PM_TYPE_ORG_CHART (pm_org_chart_get_type ())
PM_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PmOrgChart, pm_org_chart, PM, ORG_CHART, GObject)

PM_AVAILABLE_IN_ALL
PmOrgChart *
pm_org_chart_new (void);
PM_AVAILABLE_IN_ALL
gboolean
pm_org_chart_add (PmOrgChart *self, const char *id, const char *manager, GError **error);
PM_AVAILABLE_IN_ALL
guint
pm_org_chart_get_n_people (PmOrgChart *self);
PM_AVAILABLE_IN_ALL
const char *
pm_org_chart_get_manager (PmOrgChart *self, const char *id);
PM_AVAILABLE_IN_ALL
gboolean
pm_org_chart_is_above (PmOrgChart *self, const char *upper, const char *lower);

G_END_DECLS
