/* peermatch: the region tree.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"

#include <string.h>

/**
 * PmRegionTree:
 *
 * A forest of regions (nations, blue-light network areas, local authority areas, ...),
 * each with a token id, an optional parent and an optional display name. Ids are compared
 * like every token: case-insensitively after trimming, and stored normalised.
 *
 * Each region keeps its parent's index and its depth, so the distance between two regions
 * (pm_region_tree_hops()) costs one climb to their lowest common ancestor, O(depth).
 *
 * Since: 0.1
 */

typedef struct
{
  char *id; /* normalised */
  char *name;
  gint parent; /* index, or -1 for a root */
  guint depth; /* 0 for a root */
} Region;

struct _PmRegionTree
{
  GObject parent_instance;
  GArray *regions;   /* Region, in the order they were added */
  GHashTable *by_id; /* normalised id (borrowed) -> index + 1 */
};

G_DEFINE_FINAL_TYPE (PmRegionTree, pm_region_tree, G_TYPE_OBJECT)

static void
region_clear (gpointer data)
{
  Region *region = data;

  g_free (region->id);
  g_free (region->name);
}

static void
pm_region_tree_finalize (GObject *object)
{
  PmRegionTree *self = PM_REGION_TREE (object);

  g_hash_table_unref (self->by_id);
  g_array_unref (self->regions);
  G_OBJECT_CLASS (pm_region_tree_parent_class)->finalize (object);
}

static void
pm_region_tree_class_init (PmRegionTreeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_region_tree_finalize;
}

static void
pm_region_tree_init (PmRegionTree *self)
{
  self->regions = g_array_new (FALSE, TRUE, sizeof (Region));
  g_array_set_clear_func (self->regions, region_clear);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * pm_region_tree_new:
 *
 * Returns: (transfer full): an empty region tree (see also pm_region_tree_new_default())
 *
 * Since: 0.1
 */
PmRegionTree *
pm_region_tree_new (void)
{
  return g_object_new (PM_TYPE_REGION_TREE, NULL);
}

/* The index of region @id, or -1. Ids are usually already normalised (they come from
 * supporters and requests), so try the text as it is before normalising a copy. */
static gint
lookup (PmRegionTree *self, const char *id)
{
  gpointer value;
  g_autofree char *token = NULL;

  if (id == NULL)
    return -1;
  value = g_hash_table_lookup (self->by_id, id);
  if (value == NULL)
    {
      token = pm_token_normalize (id);
      if (token == NULL || strcmp (token, id) == 0)
        return -1;
      value = g_hash_table_lookup (self->by_id, token);
    }
  return value == NULL ? -1 : GPOINTER_TO_INT (value) - 1;
}

static const Region *
region_at (PmRegionTree *self, gint index)
{
  return &g_array_index (self->regions, Region, index);
}

/**
 * pm_region_tree_add:
 * @self: a #PmRegionTree
 * @id: the region's id (a token)
 * @parent: (nullable): the parent region's id, which must have been added already; %NULL
 *   or blank for a root
 * @name: (nullable): a display name
 * @error: return location for a #GError
 *
 * Adds a region. Fails with %PM_ERROR_INVALID_DATA when @id is blank or already present, or
 * when @parent is not in the tree yet; the tree is then unchanged.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
pm_region_tree_add (PmRegionTree *self, const char *id, const char *parent, const char *name,
                    GError **error)
{
  g_autofree char *token = NULL;
  g_autofree char *parent_token = NULL;
  Region region = { NULL, NULL, -1, 0 };

  g_return_val_if_fail (PM_IS_REGION_TREE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  token = pm_token_normalize (id);
  parent_token = pm_token_normalize (parent);
  if (token == NULL)
    {
      g_set_error_literal (error, PM_ERROR, PM_ERROR_INVALID_DATA, "region id is empty");
      return FALSE;
    }
  if (lookup (self, token) >= 0)
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA, "duplicate region '%s'", token);
      return FALSE;
    }
  if (parent_token != NULL)
    {
      region.parent = lookup (self, parent_token);
      if (region.parent < 0)
        {
          g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                       "region '%s': parent '%s' is not defined before it", token, parent_token);
          return FALSE;
        }
      region.depth = region_at (self, region.parent)->depth + 1;
    }
  region.id = g_steal_pointer (&token);
  region.name = g_strdup (name);
  g_array_append_val (self->regions, region);
  g_hash_table_insert (self->by_id, region.id, GINT_TO_POINTER ((gint)self->regions->len));
  return TRUE;
}

/**
 * pm_region_tree_contains:
 * @self: a #PmRegionTree
 * @id: (nullable): a region id (case and surrounding white space do not matter)
 *
 * Returns: %TRUE if the region is in the tree
 *
 * Since: 0.1
 */
gboolean
pm_region_tree_contains (PmRegionTree *self, const char *id)
{
  g_return_val_if_fail (PM_IS_REGION_TREE (self), FALSE);
  return lookup (self, id) >= 0;
}

/**
 * pm_region_tree_get_n_regions:
 * @self: a #PmRegionTree
 *
 * Returns: the number of regions
 *
 * Since: 0.1
 */
guint
pm_region_tree_get_n_regions (PmRegionTree *self)
{
  g_return_val_if_fail (PM_IS_REGION_TREE (self), 0);
  return self->regions->len;
}

/**
 * pm_region_tree_get_id:
 * @self: a #PmRegionTree
 * @index: an index below pm_region_tree_get_n_regions()
 *
 * Regions are indexed in the order they were added, so a parent comes before its children.
 *
 * Returns: (transfer none): the normalised id of the region at @index
 *
 * Since: 0.1
 */
const char *
pm_region_tree_get_id (PmRegionTree *self, guint index)
{
  g_return_val_if_fail (PM_IS_REGION_TREE (self), NULL);
  g_return_val_if_fail (index < self->regions->len, NULL);
  return region_at (self, (gint)index)->id;
}

/**
 * pm_region_tree_get_parent:
 * @self: a #PmRegionTree
 * @id: a region id
 *
 * Returns: (transfer none) (nullable): the normalised id of the parent, or %NULL for a root
 *   or an unknown region
 *
 * Since: 0.1
 */
const char *
pm_region_tree_get_parent (PmRegionTree *self, const char *id)
{
  gint index;

  g_return_val_if_fail (PM_IS_REGION_TREE (self), NULL);
  index = lookup (self, id);
  if (index < 0 || region_at (self, index)->parent < 0)
    return NULL;
  return region_at (self, region_at (self, index)->parent)->id;
}

/**
 * pm_region_tree_get_name:
 * @self: a #PmRegionTree
 * @id: a region id
 *
 * Returns: (transfer none) (nullable): the display name as given, or %NULL when the region
 *   has none or is unknown
 *
 * Since: 0.1
 */
const char *
pm_region_tree_get_name (PmRegionTree *self, const char *id)
{
  gint index;

  g_return_val_if_fail (PM_IS_REGION_TREE (self), NULL);
  index = lookup (self, id);
  return index < 0 ? NULL : region_at (self, index)->name;
}

/**
 * pm_region_tree_hops:
 * @self: a #PmRegionTree
 * @a: a region id
 * @b: another region id
 *
 * Counts the tree edges on the path between @a and @b: 0 when they are equal, 1 between a
 * region and its parent, 2 between siblings, and so on. Costs O(depth).
 *
 * Returns: the number of edges, or -1 when @a and @b lie under different roots (infinitely
 *   far apart) or either is unknown
 *
 * Since: 0.1
 */
gint
pm_region_tree_hops (PmRegionTree *self, const char *a, const char *b)
{
  gint x, y, hops = 0;

  g_return_val_if_fail (PM_IS_REGION_TREE (self), -1);
  x = lookup (self, a);
  y = lookup (self, b);
  if (x < 0 || y < 0)
    return -1;
  /* Climb the deeper one to the other's depth, then both together until they meet. */
  while (region_at (self, x)->depth > region_at (self, y)->depth)
    {
      x = region_at (self, x)->parent;
      hops++;
    }
  while (region_at (self, y)->depth > region_at (self, x)->depth)
    {
      y = region_at (self, y)->parent;
      hops++;
    }
  while (x != y)
    {
      x = region_at (self, x)->parent;
      y = region_at (self, y)->parent;
      if (x < 0 || y < 0)
        return -1;
      hops += 2;
    }
  return hops;
}

/**
 * pm_region_tree_is_within:
 * @self: a #PmRegionTree
 * @id: a region id
 * @ancestor: another region id
 *
 * Returns: %TRUE if @id equals @ancestor or lies anywhere below it; %FALSE when either is
 *   unknown
 *
 * Since: 0.1
 */
gboolean
pm_region_tree_is_within (PmRegionTree *self, const char *id, const char *ancestor)
{
  gint x, y;

  g_return_val_if_fail (PM_IS_REGION_TREE (self), FALSE);
  x = lookup (self, id);
  y = lookup (self, ancestor);
  if (x < 0 || y < 0)
    return FALSE;
  while (region_at (self, x)->depth > region_at (self, y)->depth)
    x = region_at (self, x)->parent;
  return x == y;
}
