/* peermatch: the line-management forest.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"

#include <string.h>

/**
 * PmOrgChart:
 *
 * The line-management forest: who manages whom. Ids are compared exactly (they are staff
 * or pseudonymous ids, not tokens). Every person has at most one manager and the links never
 * form a cycle; pm_org_chart_add() refuses any link that would break either rule, so the
 * chart is a forest at all times and climbing from a person to the top always ends.
 *
 * Since: 0.1
 */

struct _PmOrgChart
{
  GObject parent_instance;
  GHashTable *people;  /* every id seen, as id or manager: owns the strings (key = value) */
  GHashTable *manager; /* id -> manager id, both borrowed from people */
};

G_DEFINE_FINAL_TYPE (PmOrgChart, pm_org_chart, G_TYPE_OBJECT)

static void
pm_org_chart_finalize (GObject *object)
{
  PmOrgChart *self = PM_ORG_CHART (object);

  g_hash_table_unref (self->manager);
  g_hash_table_unref (self->people);
  G_OBJECT_CLASS (pm_org_chart_parent_class)->finalize (object);
}

static void
pm_org_chart_class_init (PmOrgChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_org_chart_finalize;
}

static void
pm_org_chart_init (PmOrgChart *self)
{
  self->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->manager = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * pm_org_chart_new:
 *
 * Returns: (transfer full): an empty org chart
 *
 * Since: 0.1
 */
PmOrgChart *
pm_org_chart_new (void)
{
  return g_object_new (PM_TYPE_ORG_CHART, NULL);
}

static const char *
intern (PmOrgChart *self, const char *id)
{
  char *stored = g_hash_table_lookup (self->people, id);

  if (stored == NULL)
    {
      stored = g_strdup (id);
      g_hash_table_add (self->people, stored);
    }
  return stored;
}

/* The message for the cycle @id → @manager → ... → @id (the chain above @manager is known
 * to reach @id). */
static void
set_cycle_error (PmOrgChart *self, const char *id, const char *manager, GError **error)
{
  g_autoptr (GString) path = g_string_new ("line-management cycle: ");
  const char *person = manager;

  g_string_append (path, id);
  for (;;)
    {
      g_string_append (path, " → ");
      g_string_append (path, person);
      if (strcmp (person, id) == 0)
        break;
      person = g_hash_table_lookup (self->manager, person);
    }
  g_set_error_literal (error, PM_ERROR, PM_ERROR_INVALID_DATA, path->str);
}

/**
 * pm_org_chart_add:
 * @self: a #PmOrgChart
 * @id: a person's id
 * @manager: the id of @id's line manager
 * @error: return location for a #GError
 *
 * Records that @manager line-manages @id. Adding a link that is already there changes
 * nothing. Fails with %PM_ERROR_INVALID_DATA, leaving the chart unchanged, when an id is
 * empty, when @id already has a different manager (the message names both), or when the
 * link would close a cycle, @id managing itself included (the message shows the cycle, such
 * as `line-management cycle: A → B → C → A`).
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
pm_org_chart_add (PmOrgChart *self, const char *id, const char *manager, GError **error)
{
  const char *current;

  g_return_val_if_fail (PM_IS_ORG_CHART (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (manager != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (*id == '\0' || *manager == '\0')
    {
      g_set_error_literal (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                           "line-management link with an empty id");
      return FALSE;
    }
  current = g_hash_table_lookup (self->manager, id);
  if (current != NULL)
    {
      if (strcmp (current, manager) == 0)
        return TRUE;
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                   "'%s' has two different line managers: '%s' and '%s'", id, current, manager);
      return FALSE;
    }
  /* The chart is a forest, so this climb ends; it meets @id only if the link closes a
   * cycle. */
  for (const char *above = manager; above != NULL;
       above = g_hash_table_lookup (self->manager, above))
    if (strcmp (above, id) == 0)
      {
        set_cycle_error (self, id, manager, error);
        return FALSE;
      }
  g_hash_table_insert (self->manager, (gpointer)intern (self, id),
                       (gpointer)intern (self, manager));
  return TRUE;
}

/**
 * pm_org_chart_get_n_people:
 * @self: a #PmOrgChart
 *
 * Returns: the number of distinct ids in the chart, as people or as managers
 *
 * Since: 0.1
 */
guint
pm_org_chart_get_n_people (PmOrgChart *self)
{
  g_return_val_if_fail (PM_IS_ORG_CHART (self), 0);
  return g_hash_table_size (self->people);
}

/**
 * pm_org_chart_get_manager:
 * @self: a #PmOrgChart
 * @id: a person's id
 *
 * Returns: (transfer none) (nullable): @id's line manager, or %NULL when none is known
 *
 * Since: 0.1
 */
const char *
pm_org_chart_get_manager (PmOrgChart *self, const char *id)
{
  g_return_val_if_fail (PM_IS_ORG_CHART (self), NULL);
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->manager, id);
}

/**
 * pm_org_chart_is_above:
 * @self: a #PmOrgChart
 * @upper: a person's id
 * @lower: another person's id
 *
 * Tells whether @upper line-manages @lower at any depth: @lower's manager, their manager,
 * and so on. Costs O(depth of @lower). Nobody is above themselves.
 *
 * Returns: %TRUE if @upper is above @lower
 *
 * Since: 0.1
 */
gboolean
pm_org_chart_is_above (PmOrgChart *self, const char *upper, const char *lower)
{
  g_return_val_if_fail (PM_IS_ORG_CHART (self), FALSE);
  if (upper == NULL || lower == NULL)
    return FALSE;
  for (const char *above = g_hash_table_lookup (self->manager, lower); above != NULL;
       above = g_hash_table_lookup (self->manager, above))
    if (strcmp (above, upper) == 0)
      return TRUE;
  return FALSE;
}
