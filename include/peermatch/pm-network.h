/* peermatch: the peer-support network (supporters, requests and their context).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(PEERMATCH_INSIDE) && !defined(PEERMATCH_COMPILATION)
#error "Only <peermatch/peermatch.h> can be included directly."
#endif

#include <glib-object.h>
#include "pm-version.h"
#include "pm-region-tree.h"
#include "pm-org-chart.h"
#include "pm-policy.h"
#include "pm-supporter.h"
#include "pm-request.h"

G_BEGIN_DECLS

#define PM_TYPE_NETWORK (pm_network_get_type ())
PM_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PmNetwork, pm_network, PM, NETWORK, GObject)

PM_AVAILABLE_IN_ALL
PmNetwork *
pm_network_new (PmRegionTree *regions, PmPolicy *policy);
PM_AVAILABLE_IN_ALL
PmRegionTree *
pm_network_get_regions (PmNetwork *self);
PM_AVAILABLE_IN_ALL
PmPolicy *
pm_network_get_policy (PmNetwork *self);
PM_AVAILABLE_IN_ALL
PmOrgChart *
pm_network_get_org_chart (PmNetwork *self);
PM_AVAILABLE_IN_ALL
gboolean
pm_network_add_supporter (PmNetwork *self, PmSupporter *supporter, GError **error);
PM_AVAILABLE_IN_ALL
gboolean
pm_network_add_request (PmNetwork *self, PmRequest *request, GError **error);
PM_AVAILABLE_IN_ALL
guint
pm_network_get_n_supporters (PmNetwork *self);
PM_AVAILABLE_IN_ALL
PmSupporter *
pm_network_get_supporter (PmNetwork *self, guint index);
PM_AVAILABLE_IN_ALL
PmSupporter *
pm_network_lookup_supporter (PmNetwork *self, const char *id);
PM_AVAILABLE_IN_ALL
guint
pm_network_get_n_requests (PmNetwork *self);
PM_AVAILABLE_IN_ALL
PmRequest *
pm_network_get_request (PmNetwork *self, guint index);
PM_AVAILABLE_IN_ALL
PmRequest *
pm_network_lookup_request (PmNetwork *self, const char *id);

G_END_DECLS
