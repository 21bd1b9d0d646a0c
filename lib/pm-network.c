/* peermatch: the peer-support network (supporters, requests and their context).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"

#include <string.h>

/**
 * PmNetwork:
 *
 * Everything the matcher needs: the supporters and requests, the region tree their regions
 * belong to, the policy, and the line-management forest built from the org chart file and
 * the `manager` fields of supporters and requests.
 *
 * Supporters and requests keep the order they were added in; lookups by id go through hash
 * tables. Adding checks the rules of the data (unique ids, required fields, known regions,
 * a consistent line-management forest) and, on failure, leaves the network unchanged.
 *
 * Since: 0.1
 */

#define MAX_SUPPORTER_ID_BYTES 64

struct _PmNetwork
{
  GObject parent_instance;
  PmRegionTree *regions;
  PmPolicy *policy;
  PmOrgChart *org;
  GPtrArray *supporters;       /* PmSupporter, owned */
  GPtrArray *requests;         /* PmRequest, owned */
  GHashTable *supporter_by_id; /* id (borrowed) -> PmSupporter (borrowed) */
  GHashTable *request_by_id;   /* id (borrowed) -> PmRequest (borrowed) */
};

G_DEFINE_FINAL_TYPE (PmNetwork, pm_network, G_TYPE_OBJECT)

static void
pm_network_dispose (GObject *object)
{
  PmNetwork *self = PM_NETWORK (object);

  g_clear_pointer (&self->supporter_by_id, g_hash_table_unref);
  g_clear_pointer (&self->request_by_id, g_hash_table_unref);
  g_clear_pointer (&self->supporters, g_ptr_array_unref);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_object (&self->org);
  g_clear_object (&self->regions);
  g_clear_object (&self->policy);
  G_OBJECT_CLASS (pm_network_parent_class)->dispose (object);
}

static void
pm_network_class_init (PmNetworkClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pm_network_dispose;
}

static void
pm_network_init (PmNetwork *self)
{
  self->org = pm_org_chart_new ();
  self->supporters = g_ptr_array_new_with_free_func (g_object_unref);
  self->requests = g_ptr_array_new_with_free_func (g_object_unref);
  self->supporter_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->request_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * pm_network_new:
 * @regions: the region tree (the network keeps a reference)
 * @policy: the matching policy (the network keeps a reference)
 *
 * Creates an empty network with an empty line-management forest.
 *
 * Returns: (transfer full): a new network
 *
 * Since: 0.1
 */
PmNetwork *
pm_network_new (PmRegionTree *regions, PmPolicy *policy)
{
  PmNetwork *self;

  g_return_val_if_fail (PM_IS_REGION_TREE (regions), NULL);
  g_return_val_if_fail (PM_IS_POLICY (policy), NULL);
  self = g_object_new (PM_TYPE_NETWORK, NULL);
  self->regions = g_object_ref (regions);
  self->policy = g_object_ref (policy);
  return self;
}

/**
 * pm_network_get_regions:
 * @self: a #PmNetwork
 *
 * Returns: (transfer none): the region tree
 *
 * Since: 0.1
 */
PmRegionTree *
pm_network_get_regions (PmNetwork *self)
{
  g_return_val_if_fail (PM_IS_NETWORK (self), NULL);
  return self->regions;
}

/**
 * pm_network_get_policy:
 * @self: a #PmNetwork
 *
 * Returns: (transfer none): the policy
 *
 * Since: 0.1
 */
PmPolicy *
pm_network_get_policy (PmNetwork *self)
{
  g_return_val_if_fail (PM_IS_NETWORK (self), NULL);
  return self->policy;
}

/**
 * pm_network_get_org_chart:
 * @self: a #PmNetwork
 *
 * The line-management forest. Adding supporters and requests adds their manager links to
 * it; readers add the links of an org chart file with pm_org_chart_add().
 *
 * Returns: (transfer none): the org chart
 *
 * Since: 0.1
 */
PmOrgChart *
pm_network_get_org_chart (PmNetwork *self)
{
  g_return_val_if_fail (PM_IS_NETWORK (self), NULL);
  return self->org;
}

static gboolean
invalid (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError **error, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (PM_ERROR, PM_ERROR_INVALID_DATA, format, args));
  va_end (args);
  return FALSE;
}

/* The region checks shared by supporters and requests. */
static gboolean
check_region (PmNetwork *self, const char *what, const char *id, const char *region, GError **error)
{
  if (region == NULL)
    return invalid (error, "%s '%s': missing region", what, id);
  if (!pm_region_tree_contains (self->regions, region))
    return invalid (error, "%s '%s': unknown region '%s'", what, id, region);
  return TRUE;
}

/* Adds @person → @manager to the org chart, the last check before adding (so a failure
 * leaves the network unchanged, and the org chart is unchanged on failure too). */
static gboolean
add_manager_link (PmNetwork *self, const char *what, const char *id, const char *person,
                  const char *manager, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (manager == NULL)
    return TRUE;
  if (!pm_org_chart_add (self->org, person, manager, &local))
    return invalid (error, "%s '%s': %s", what, id, local->message);
  return TRUE;
}

/**
 * pm_network_add_supporter:
 * @self: a #PmNetwork
 * @supporter: (transfer none): a supporter (the network keeps a reference)
 * @error: return location for a #GError
 *
 * Adds @supporter after checking it. Fails with %PM_ERROR_INVALID_DATA, leaving the network
 * unchanged, when the id is empty, longer than 64 bytes or already taken by another
 * supporter; when the service, the region or trained_until is missing; when the region is
 * not in the region tree; or when the supporter's manager link conflicts with the
 * line-management forest (a second manager or a cycle). The messages name the supporter
 * and the field, but no file or line: readers add those.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
pm_network_add_supporter (PmNetwork *self, PmSupporter *supporter, GError **error)
{
  const char *id;

  g_return_val_if_fail (PM_IS_NETWORK (self), FALSE);
  g_return_val_if_fail (PM_IS_SUPPORTER (supporter), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  id = pm_supporter_get_id (supporter);
  if (*id == '\0')
    return invalid (error, "supporter id is empty");
  if (strlen (id) > MAX_SUPPORTER_ID_BYTES)
    return invalid (error, "supporter id '%s' is longer than %d bytes", id, MAX_SUPPORTER_ID_BYTES);
  if (g_hash_table_contains (self->supporter_by_id, id))
    return invalid (error, "duplicate supporter id '%s'", id);
  if (pm_supporter_get_service (supporter) == NULL)
    return invalid (error, "supporter '%s': missing service", id);
  if (!check_region (self, "supporter", id, pm_supporter_get_region (supporter), error))
    return FALSE;
  if (pm_supporter_get_trained_until (supporter) == NULL)
    return invalid (error, "supporter '%s': missing trained_until", id);
  if (!add_manager_link (self, "supporter", id, id, pm_supporter_get_manager (supporter), error))
    return FALSE;
  g_ptr_array_add (self->supporters, g_object_ref (supporter));
  g_hash_table_insert (self->supporter_by_id, (gpointer)id, supporter);
  return TRUE;
}

/**
 * pm_network_add_request:
 * @self: a #PmNetwork
 * @request: (transfer none): a request (the network keeps a reference)
 * @error: return location for a #GError
 *
 * Adds @request after checking it. Fails with %PM_ERROR_INVALID_DATA, leaving the network
 * unchanged, when the id is empty or already taken by another request; when the person, the
 * service or the region is missing; when the region is not in the region tree; or when the
 * seeker's manager link conflicts with the line-management forest. The messages name the
 * request and the field, but no file or line: readers add those.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
pm_network_add_request (PmNetwork *self, PmRequest *request, GError **error)
{
  const char *id, *person;

  g_return_val_if_fail (PM_IS_NETWORK (self), FALSE);
  g_return_val_if_fail (PM_IS_REQUEST (request), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  id = pm_request_get_id (request);
  person = pm_request_get_person (request);
  if (*id == '\0')
    return invalid (error, "request id is empty");
  if (g_hash_table_contains (self->request_by_id, id))
    return invalid (error, "duplicate request id '%s'", id);
  if (person == NULL)
    return invalid (error, "request '%s': missing person", id);
  if (pm_request_get_service (request) == NULL)
    return invalid (error, "request '%s': missing service", id);
  if (!check_region (self, "request", id, pm_request_get_region (request), error))
    return FALSE;
  if (!add_manager_link (self, "request", id, person, pm_request_get_manager (request), error))
    return FALSE;
  g_ptr_array_add (self->requests, g_object_ref (request));
  g_hash_table_insert (self->request_by_id, (gpointer)id, request);
  return TRUE;
}

/**
 * pm_network_get_n_supporters:
 * @self: a #PmNetwork
 *
 * Returns: the number of supporters
 *
 * Since: 0.1
 */
guint
pm_network_get_n_supporters (PmNetwork *self)
{
  g_return_val_if_fail (PM_IS_NETWORK (self), 0);
  return self->supporters->len;
}

/**
 * pm_network_get_supporter:
 * @self: a #PmNetwork
 * @index: an index below pm_network_get_n_supporters()
 *
 * Returns: (transfer none): the supporter at @index, in the order they were added
 *
 * Since: 0.1
 */
PmSupporter *
pm_network_get_supporter (PmNetwork *self, guint index)
{
  g_return_val_if_fail (PM_IS_NETWORK (self), NULL);
  g_return_val_if_fail (index < self->supporters->len, NULL);
  return g_ptr_array_index (self->supporters, index);
}

/**
 * pm_network_lookup_supporter:
 * @self: a #PmNetwork
 * @id: a supporter id (compared exactly)
 *
 * Returns: (transfer none) (nullable): the supporter, or %NULL when there is none with @id
 *
 * Since: 0.1
 */
PmSupporter *
pm_network_lookup_supporter (PmNetwork *self, const char *id)
{
  g_return_val_if_fail (PM_IS_NETWORK (self), NULL);
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->supporter_by_id, id);
}

/**
 * pm_network_get_n_requests:
 * @self: a #PmNetwork
 *
 * Returns: the number of requests
 *
 * Since: 0.1
 */
guint
pm_network_get_n_requests (PmNetwork *self)
{
  g_return_val_if_fail (PM_IS_NETWORK (self), 0);
  return self->requests->len;
}

/**
 * pm_network_get_request:
 * @self: a #PmNetwork
 * @index: an index below pm_network_get_n_requests()
 *
 * Returns: (transfer none): the request at @index, in the order they were added
 *
 * Since: 0.1
 */
PmRequest *
pm_network_get_request (PmNetwork *self, guint index)
{
  g_return_val_if_fail (PM_IS_NETWORK (self), NULL);
  g_return_val_if_fail (index < self->requests->len, NULL);
  return g_ptr_array_index (self->requests, index);
}

/**
 * pm_network_lookup_request:
 * @self: a #PmNetwork
 * @id: a request id (compared exactly)
 *
 * Returns: (transfer none) (nullable): the request, or %NULL when there is none with @id
 *
 * Since: 0.1
 */
PmRequest *
pm_network_lookup_request (PmNetwork *self, const char *id)
{
  g_return_val_if_fail (PM_IS_NETWORK (self), NULL);
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->request_by_id, id);
}
