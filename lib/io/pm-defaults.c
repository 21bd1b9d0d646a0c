/* peermatch: the built-in region tree and policy, parsed from the library's resources.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"
#include "pm-reader-private.h"
#include "pm-resources.h"

#include <gio/gio.h>

/* The built-in data ships inside the library and is covered by the tests, so failing to
 * read it is a programming error, not an input error. */
static GBytes *
lookup (const char *path)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes
      = g_resource_lookup_data (pm_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  if (bytes == NULL)
    g_critical ("built-in resource %s: %s", path, error->message);
  return bytes;
}

/**
 * pm_region_tree_new_default:
 *
 * Creates the built-in region tree: the UK (`uk`), its nations (`england`, `wales`,
 * `scotland`, `northern_ireland`), and the blue-light network areas with their local
 * authority areas: `merseyside`, `inner_london` (the 32 London boroughs and the City of
 * London), `cambridgeshire_peterborough`, `north_east` and `bedfordshire` in England, and
 * Wales with its 22 principal areas. Ids are lower-case snake_case, such as `st_helens`.
 *
 * Returns: (transfer full): a new region tree
 *
 * Since: 0.1
 */
PmRegionTree *
pm_region_tree_new_default (void)
{
  g_autoptr (GBytes) bytes = lookup ("/org/peermatch/regions.csv");
  g_autoptr (GError) error = NULL;
  PmRegionTree *tree = NULL;
  gsize length = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : "";

  tree = pm_reader_parse_regions (data, length, "regions.csv", NULL, &error);
  if (tree == NULL)
    {
      g_critical ("built-in regions: %s", error->message);
      tree = pm_region_tree_new ();
    }
  return tree;
}

/**
 * pm_policy_new_default:
 *
 * Creates the built-in policy of the specification: the default weights and rules, as
 * pm_policy_new() has them, and the experience vocabulary `bereavement`, `suicide_loss`,
 * `ptsd`, `trauma`, `depression`, `anxiety`, `addiction`, `menopause`, `lgbtq`, `racism`,
 * `disability`, `assault`, `leavers`, `family` and `finances`.
 *
 * Returns: (transfer full): a new policy
 *
 * Since: 0.1
 */
PmPolicy *
pm_policy_new_default (void)
{
  g_autoptr (GBytes) bytes = lookup ("/org/peermatch/default-policy.ini");
  g_autoptr (GError) error = NULL;
  PmPolicy *policy = pm_policy_new ();
  gsize length = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : "";

  if (!pm_reader_parse_policy (policy, data, length, "default-policy.ini", NULL, &error))
    g_critical ("built-in policy: %s", error->message);
  return policy;
}
