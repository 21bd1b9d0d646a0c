/* peermatch: the region tree.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(PEERMATCH_INSIDE) && !defined(PEERMATCH_COMPILATION)
#error "Only <peermatch/peermatch.h> can be included directly."
#endif

#include <glib-object.h>
#include "pm-version.h"

G_BEGIN_DECLS

#define PM_TYPE_REGION_TREE (pm_region_tree_get_type ())
PM_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PmRegionTree, pm_region_tree, PM, REGION_TREE, GObject)

PM_AVAILABLE_IN_ALL
PmRegionTree *
pm_region_tree_new (void);
PM_AVAILABLE_IN_ALL
PmRegionTree *
pm_region_tree_new_default (void);
PM_AVAILABLE_IN_ALL
gboolean
pm_region_tree_add (PmRegionTree *self, const char *id, const char *parent, const char *name,
                    GError **error);
PM_AVAILABLE_IN_ALL
gboolean
pm_region_tree_contains (PmRegionTree *self, const char *id);
PM_AVAILABLE_IN_ALL
guint
pm_region_tree_get_n_regions (PmRegionTree *self);
PM_AVAILABLE_IN_ALL
const char *
pm_region_tree_get_id (PmRegionTree *self, guint index);
PM_AVAILABLE_IN_ALL
const char *
pm_region_tree_get_parent (PmRegionTree *self, const char *id);
PM_AVAILABLE_IN_ALL
const char *
pm_region_tree_get_name (PmRegionTree *self, const char *id);
PM_AVAILABLE_IN_ALL
gint
pm_region_tree_hops (PmRegionTree *self, const char *a, const char *b);
PM_AVAILABLE_IN_ALL
gboolean
pm_region_tree_is_within (PmRegionTree *self, const char *id, const char *ancestor);

G_END_DECLS
