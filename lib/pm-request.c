/* peermatch: a colleague's request for peer support.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"

/**
 * PmRequest:
 *
 * A colleague's request for peer support: who is asking, where and how they can meet, what
 * they would like their supporter to share, their constraints and weekly availability.
 *
 * Tokens (service, region, role, gender, topics, languages) are stored normalised: trimmed
 * and in ASCII lower case, a blank one unset. Ids (id, person, manager, team, the exclude
 * list) and free text (organisation) are kept exactly as given, a blank one unset. List
 * getters never return %NULL.
 *
 * Since: 0.1
 */

struct _PmRequest
{
  GObject parent_instance;
  char *id;
  char *person;
  char *service;
  char *organisation;
  char *region;
  char *role;
  char **topics;
  char **languages;
  PmModes modes;
  char *gender;
  PmServicePref service_pref;
  char *manager;
  char *team;
  char **exclude;
  PmUrgency urgency;
  PmAvailability *availability;
};

G_DEFINE_FINAL_TYPE (PmRequest, pm_request, G_TYPE_OBJECT)

static const char *const default_languages[] = { "en", NULL };

static void
pm_request_finalize (GObject *object)
{
  PmRequest *self = PM_REQUEST (object);

  g_free (self->id);
  g_free (self->person);
  g_free (self->service);
  g_free (self->organisation);
  g_free (self->region);
  g_free (self->role);
  g_strfreev (self->topics);
  g_strfreev (self->languages);
  g_free (self->gender);
  g_free (self->manager);
  g_free (self->team);
  g_strfreev (self->exclude);
  pm_availability_free (self->availability);
  G_OBJECT_CLASS (pm_request_parent_class)->finalize (object);
}

static void
pm_request_class_init (PmRequestClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_request_finalize;
}

static void
pm_request_init (PmRequest *self)
{
  self->topics = g_new0 (char *, 1);
  self->languages = g_strdupv ((char **)default_languages);
  self->modes = PM_MODES_ALL;
  self->service_pref = PM_SERVICE_PREF_ANY;
  self->exclude = g_new0 (char *, 1);
  self->urgency = PM_URGENCY_ROUTINE;
  self->availability = pm_availability_new ();
}

/* Free text and ids: kept as given, but blank means unset. */
static char *
text_or_null (const char *text)
{
  if (text == NULL)
    return NULL;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return g_strdup (text);
  return NULL;
}

/**
 * pm_request_new:
 * @id: the request's id (kept exactly as given)
 * @person: (nullable): the seeker's id (kept exactly as given; blank means unset, which
 *   pm_network_add_request() rejects)
 *
 * Creates a request with the defaults: languages `en`, all modes, service preference `any`,
 * urgency `routine`, and an empty availability (never available).
 *
 * Returns: (transfer full): a new request
 *
 * Since: 0.1
 */
PmRequest *
pm_request_new (const char *id, const char *person)
{
  PmRequest *self;

  g_return_val_if_fail (id != NULL, NULL);
  self = g_object_new (PM_TYPE_REQUEST, NULL);
  self->id = g_strdup (id);
  self->person = text_or_null (person);
  return self;
}

/**
 * pm_request_get_id:
 * @self: a #PmRequest
 *
 * Returns: (transfer none): the request's id, as given
 *
 * Since: 0.1
 */
const char *
pm_request_get_id (PmRequest *self)
{
  g_return_val_if_fail (PM_IS_REQUEST (self), NULL);
  return self->id;
}

/**
 * pm_request_get_person:
 * @self: a #PmRequest
 *
 * Returns: (transfer none) (nullable): the seeker's id, as given
 *
 * Since: 0.1
 */
const char *
pm_request_get_person (PmRequest *self)
{
  g_return_val_if_fail (PM_IS_REQUEST (self), NULL);
  return self->person;
}

/**
 * pm_request_get_service:
 * @self: a #PmRequest
 *
 * Returns: (transfer none) (nullable): the normalised service, such as `police`
 *
 * Since: 0.1
 */
const char *
pm_request_get_service (PmRequest *self)
{
  g_return_val_if_fail (PM_IS_REQUEST (self), NULL);
  return self->service;
}

/**
 * pm_request_set_service:
 * @self: a #PmRequest
 * @service: (nullable): the seeker's service (a token)
 *
 * Since: 0.1
 */
void
pm_request_set_service (PmRequest *self, const char *service)
{
  char *value;

  g_return_if_fail (PM_IS_REQUEST (self));
  value = pm_token_normalize (service);
  g_free (self->service);
  self->service = value;
}

/**
 * pm_request_get_organisation:
 * @self: a #PmRequest
 *
 * Returns: (transfer none) (nullable): the organisation, as given
 *
 * Since: 0.1
 */
const char *
pm_request_get_organisation (PmRequest *self)
{
  g_return_val_if_fail (PM_IS_REQUEST (self), NULL);
  return self->organisation;
}

/**
 * pm_request_set_organisation:
 * @self: a #PmRequest
 * @organisation: (nullable): the organisation (free text, kept as given); blank clears it
 *
 * Since: 0.1
 */
void
pm_request_set_organisation (PmRequest *self, const char *organisation)
{
  char *value;

  g_return_if_fail (PM_IS_REQUEST (self));
  value = text_or_null (organisation);
  g_free (self->organisation);
  self->organisation = value;
}

/**
 * pm_request_get_region:
 * @self: a #PmRequest
 *
 * Returns: (transfer none) (nullable): the normalised region id
 *
 * Since: 0.1
 */
const char *
pm_request_get_region (PmRequest *self)
{
  g_return_val_if_fail (PM_IS_REQUEST (self), NULL);
  return self->region;
}

/**
 * pm_request_set_region:
 * @self: a #PmRequest
 * @region: (nullable): the id of a region in the network's region tree (a token)
 *
 * Since: 0.1
 */
void
pm_request_set_region (PmRequest *self, const char *region)
{
  char *value;

  g_return_if_fail (PM_IS_REQUEST (self));
  value = pm_token_normalize (region);
  g_free (self->region);
  self->region = value;
}

/**
 * pm_request_get_role:
 * @self: a #PmRequest
 *
 * Returns: (transfer none) (nullable): the normalised role
 *
 * Since: 0.1
 */
const char *
pm_request_get_role (PmRequest *self)
{
  g_return_val_if_fail (PM_IS_REQUEST (self), NULL);
  return self->role;
}

/**
 * pm_request_set_role:
 * @self: a #PmRequest
 * @role: (nullable): the seeker's role (a token)
 *
 * Since: 0.1
 */
void
pm_request_set_role (PmRequest *self, const char *role)
{
  char *value;

  g_return_if_fail (PM_IS_REQUEST (self));
  value = pm_token_normalize (role);
  g_free (self->role);
  self->role = value;
}

/**
 * pm_request_get_topics:
 * @self: a #PmRequest
 *
 * Returns: (transfer none) (array zero-terminated=1): the normalised topics (possibly empty)
 *
 * Since: 0.1
 */
const char *const *
pm_request_get_topics (PmRequest *self)
{
  g_return_val_if_fail (PM_IS_REQUEST (self), NULL);
  return (const char *const *)self->topics;
}

/**
 * pm_request_set_topics:
 * @self: a #PmRequest
 * @topics: (array zero-terminated=1) (nullable): lived-experience tags the seeker would like the
 * supporter to share; stored normalised, blanks and duplicates dropped
 *
 * Since: 0.1
 */
void
pm_request_set_topics (PmRequest *self, const char *const *topics)
{
  char **value;

  g_return_if_fail (PM_IS_REQUEST (self));
  value = pm_tokens_normalize (topics);
  g_strfreev (self->topics);
  self->topics = value;
}

/**
 * pm_request_get_gender:
 * @self: a #PmRequest
 *
 * Returns: (transfer none) (nullable): the normalised gender the supporter must have, or %NULL for
 * any
 *
 * Since: 0.1
 */
const char *
pm_request_get_gender (PmRequest *self)
{
  g_return_val_if_fail (PM_IS_REQUEST (self), NULL);
  return self->gender;
}

/**
 * pm_request_set_gender:
 * @self: a #PmRequest
 * @gender: (nullable): if set, the supporter's gender must equal it (a token); blank clears it
 *
 * Since: 0.1
 */
void
pm_request_set_gender (PmRequest *self, const char *gender)
{
  char *value;

  g_return_if_fail (PM_IS_REQUEST (self));
  value = pm_token_normalize (gender);
  g_free (self->gender);
  self->gender = value;
}

/**
 * pm_request_get_manager:
 * @self: a #PmRequest
 *
 * Returns: (transfer none) (nullable): the seeker's line manager id, as given
 *
 * Since: 0.1
 */
const char *
pm_request_get_manager (PmRequest *self)
{
  g_return_val_if_fail (PM_IS_REQUEST (self), NULL);
  return self->manager;
}

/**
 * pm_request_set_manager:
 * @self: a #PmRequest
 * @manager: (nullable): the seeker's line manager id (kept exactly as given); blank clears it
 *
 * Since: 0.1
 */
void
pm_request_set_manager (PmRequest *self, const char *manager)
{
  char *value;

  g_return_if_fail (PM_IS_REQUEST (self));
  value = text_or_null (manager);
  g_free (self->manager);
  self->manager = value;
}

/**
 * pm_request_get_team:
 * @self: a #PmRequest
 *
 * Returns: (transfer none) (nullable): the seeker's team id, as given
 *
 * Since: 0.1
 */
const char *
pm_request_get_team (PmRequest *self)
{
  g_return_val_if_fail (PM_IS_REQUEST (self), NULL);
  return self->team;
}

/**
 * pm_request_set_team:
 * @self: a #PmRequest
 * @team: (nullable): the seeker's team id (kept exactly as given); blank clears it
 *
 * Since: 0.1
 */
void
pm_request_set_team (PmRequest *self, const char *team)
{
  char *value;

  g_return_if_fail (PM_IS_REQUEST (self));
  value = text_or_null (team);
  g_free (self->team);
  self->team = value;
}

/**
 * pm_request_get_languages:
 * @self: a #PmRequest
 *
 * Returns: (transfer none) (array zero-terminated=1): the normalised acceptable languages
 *   (by default `en`); any one suffices
 *
 * Since: 0.1
 */
const char *const *
pm_request_get_languages (PmRequest *self)
{
  g_return_val_if_fail (PM_IS_REQUEST (self), NULL);
  return (const char *const *)self->languages;
}

/**
 * pm_request_set_languages:
 * @self: a #PmRequest
 * @languages: (array zero-terminated=1) (nullable): the acceptable languages; stored
 *   normalised, blanks and duplicates dropped
 *
 * Sets the acceptable languages. A %NULL or empty list (after dropping blanks) restores the
 * default, `en`.
 *
 * Since: 0.1
 */
void
pm_request_set_languages (PmRequest *self, const char *const *languages)
{
  g_auto (GStrv) list = NULL;

  g_return_if_fail (PM_IS_REQUEST (self));
  list = pm_tokens_normalize (languages);
  if (list[0] == NULL)
    {
      g_strfreev (list);
      list = g_strdupv ((char **)default_languages);
    }
  g_strfreev (self->languages);
  self->languages = g_steal_pointer (&list);
}

/**
 * pm_request_get_modes:
 * @self: a #PmRequest
 *
 * Returns: the acceptable ways to meet (by default %PM_MODES_ALL)
 *
 * Since: 0.1
 */
PmModes
pm_request_get_modes (PmRequest *self)
{
  g_return_val_if_fail (PM_IS_REQUEST (self), PM_MODES_NONE);
  return self->modes;
}

/**
 * pm_request_set_modes:
 * @self: a #PmRequest
 * @modes: the acceptable ways to meet
 *
 * Sets the modes, kept as given (%PM_MODES_NONE included: such a request matches nobody).
 *
 * Since: 0.1
 */
void
pm_request_set_modes (PmRequest *self, PmModes modes)
{
  g_return_if_fail (PM_IS_REQUEST (self));
  g_return_if_fail ((modes & ~PM_MODES_ALL) == 0);
  self->modes = modes;
}

/**
 * pm_request_get_service_pref:
 * @self: a #PmRequest
 *
 * Returns: the seeker's preference about the supporter's service (by default
 *   %PM_SERVICE_PREF_ANY)
 *
 * Since: 0.1
 */
PmServicePref
pm_request_get_service_pref (PmRequest *self)
{
  g_return_val_if_fail (PM_IS_REQUEST (self), PM_SERVICE_PREF_ANY);
  return self->service_pref;
}

/**
 * pm_request_set_service_pref:
 * @self: a #PmRequest
 * @pref: the seeker's preference about the supporter's service
 *
 * Since: 0.1
 */
void
pm_request_set_service_pref (PmRequest *self, PmServicePref pref)
{
  g_return_if_fail (PM_IS_REQUEST (self));
  g_return_if_fail ((guint)pref <= PM_SERVICE_PREF_OTHER);
  self->service_pref = pref;
}

/**
 * pm_request_get_exclude:
 * @self: a #PmRequest
 *
 * The exclude list is private to the seeker: it must never be shown to anyone else.
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of supporters the seeker must
 *   never be matched with (possibly empty)
 *
 * Since: 0.1
 */
const char *const *
pm_request_get_exclude (PmRequest *self)
{
  g_return_val_if_fail (PM_IS_REQUEST (self), NULL);
  return (const char *const *)self->exclude;
}

/**
 * pm_request_set_exclude:
 * @self: a #PmRequest
 * @supporter_ids: (array zero-terminated=1) (nullable): supporter ids, kept exactly as
 *   given; blank ones and repeats are dropped
 *
 * Sets the supporters the seeker must never be matched with.
 *
 * Since: 0.1
 */
void
pm_request_set_exclude (PmRequest *self, const char *const *supporter_ids)
{
  GPtrArray *list;

  g_return_if_fail (PM_IS_REQUEST (self));
  list = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  for (guint i = 0; supporter_ids != NULL && supporter_ids[i] != NULL; i++)
    {
      char *id = text_or_null (supporter_ids[i]);

      if (id == NULL || pm_strv_contains ((const char *const *)list->pdata, id))
        g_free (id);
      else
        g_ptr_array_add (list, id);
    }
  g_strfreev (self->exclude);
  self->exclude = (char **)g_ptr_array_free (list, FALSE);
}

/**
 * pm_request_get_urgency:
 * @self: a #PmRequest
 *
 * Returns: the urgency (by default %PM_URGENCY_ROUTINE)
 *
 * Since: 0.1
 */
PmUrgency
pm_request_get_urgency (PmRequest *self)
{
  g_return_val_if_fail (PM_IS_REQUEST (self), PM_URGENCY_ROUTINE);
  return self->urgency;
}

/**
 * pm_request_set_urgency:
 * @self: a #PmRequest
 * @urgency: the urgency; a crisis request is never matched, always escalated
 *
 * Since: 0.1
 */
void
pm_request_set_urgency (PmRequest *self, PmUrgency urgency)
{
  g_return_if_fail (PM_IS_REQUEST (self));
  g_return_if_fail ((guint)urgency <= PM_URGENCY_CRISIS);
  self->urgency = urgency;
}

/**
 * pm_request_get_availability:
 * @self: a #PmRequest
 *
 * Returns: (transfer none): the weekly availability (by default empty: never available)
 *
 * Since: 0.1
 */
const PmAvailability *
pm_request_get_availability (PmRequest *self)
{
  g_return_val_if_fail (PM_IS_REQUEST (self), NULL);
  return self->availability;
}

/**
 * pm_request_set_availability:
 * @self: a #PmRequest
 * @availability: (nullable): the weekly availability (copied); %NULL for never available
 *
 * Since: 0.1
 */
void
pm_request_set_availability (PmRequest *self, const PmAvailability *availability)
{
  PmAvailability *value;

  g_return_if_fail (PM_IS_REQUEST (self));
  value = availability != NULL ? pm_availability_copy (availability) : pm_availability_new ();
  pm_availability_free (self->availability);
  self->availability = value;
}
