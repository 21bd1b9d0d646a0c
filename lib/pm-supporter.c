/* peermatch: a trained peer supporter.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"

/**
 * PmSupporter:
 *
 * A trained peer supporter: who they are, where and how they can meet, their lived
 * experience, capacity, training and weekly availability.
 *
 * Tokens (service, region, role, gender, experience, languages, skills) are stored
 * normalised: trimmed and in ASCII lower case, a blank one unset. Ids (id, manager, team)
 * and free text (name, organisation) are kept exactly as given, a blank one unset. List
 * getters never return %NULL.
 *
 * Since: 0.1
 */

struct _PmSupporter
{
  GObject parent_instance;
  char *id;
  char *name;
  char *service;
  char *organisation;
  char *region;
  char *role;
  char **experience;
  char **languages;
  PmModes modes;
  char *gender;
  guint capacity;
  guint load;
  GDate trained_until;
  gboolean has_trained_until;
  GDate paused_until;
  gboolean has_paused_until;
  char *manager;
  char *team;
  char **skills;
  PmAvailability *availability;
};

G_DEFINE_FINAL_TYPE (PmSupporter, pm_supporter, G_TYPE_OBJECT)

static const char *const default_languages[] = { "en", NULL };

static void
pm_supporter_finalize (GObject *object)
{
  PmSupporter *self = PM_SUPPORTER (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->service);
  g_free (self->organisation);
  g_free (self->region);
  g_free (self->role);
  g_strfreev (self->experience);
  g_strfreev (self->languages);
  g_free (self->gender);
  g_free (self->manager);
  g_free (self->team);
  g_strfreev (self->skills);
  pm_availability_free (self->availability);
  G_OBJECT_CLASS (pm_supporter_parent_class)->finalize (object);
}

static void
pm_supporter_class_init (PmSupporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_supporter_finalize;
}

static void
pm_supporter_init (PmSupporter *self)
{
  self->experience = g_new0 (char *, 1);
  self->languages = g_strdupv ((char **)default_languages);
  self->modes = PM_MODES_ALL;
  self->skills = g_new0 (char *, 1);
  g_date_clear (&self->trained_until, 1);
  g_date_clear (&self->paused_until, 1);
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
 * pm_supporter_new:
 * @id: the supporter's id (kept exactly as given)
 *
 * Creates a supporter with the defaults: languages `en`, all modes, capacity and load 0,
 * no dates, and an empty availability (never available).
 *
 * Returns: (transfer full): a new supporter
 *
 * Since: 0.1
 */
PmSupporter *
pm_supporter_new (const char *id)
{
  PmSupporter *self;

  g_return_val_if_fail (id != NULL, NULL);
  self = g_object_new (PM_TYPE_SUPPORTER, NULL);
  self->id = g_strdup (id);
  return self;
}

/**
 * pm_supporter_get_id:
 * @self: a #PmSupporter
 *
 * Returns: (transfer none): the supporter's id, as given
 *
 * Since: 0.1
 */
const char *
pm_supporter_get_id (PmSupporter *self)
{
  g_return_val_if_fail (PM_IS_SUPPORTER (self), NULL);
  return self->id;
}

/**
 * pm_supporter_get_name:
 * @self: a #PmSupporter
 *
 * Returns: (transfer none) (nullable): the display name, as given
 *
 * Since: 0.1
 */
const char *
pm_supporter_get_name (PmSupporter *self)
{
  g_return_val_if_fail (PM_IS_SUPPORTER (self), NULL);
  return self->name;
}

/**
 * pm_supporter_set_name:
 * @self: a #PmSupporter
 * @name: (nullable): the display name; blank clears it
 *
 * Since: 0.1
 */
void
pm_supporter_set_name (PmSupporter *self, const char *name)
{
  char *value;

  g_return_if_fail (PM_IS_SUPPORTER (self));
  value = text_or_null (name);
  g_free (self->name);
  self->name = value;
}

/**
 * pm_supporter_get_service:
 * @self: a #PmSupporter
 *
 * Returns: (transfer none) (nullable): the normalised service, such as `police`
 *
 * Since: 0.1
 */
const char *
pm_supporter_get_service (PmSupporter *self)
{
  g_return_val_if_fail (PM_IS_SUPPORTER (self), NULL);
  return self->service;
}

/**
 * pm_supporter_set_service:
 * @self: a #PmSupporter
 * @service: (nullable): the service (a token)
 *
 * Since: 0.1
 */
void
pm_supporter_set_service (PmSupporter *self, const char *service)
{
  char *value;

  g_return_if_fail (PM_IS_SUPPORTER (self));
  value = pm_token_normalize (service);
  g_free (self->service);
  self->service = value;
}

/**
 * pm_supporter_get_organisation:
 * @self: a #PmSupporter
 *
 * Returns: (transfer none) (nullable): the organisation, as given
 *
 * Since: 0.1
 */
const char *
pm_supporter_get_organisation (PmSupporter *self)
{
  g_return_val_if_fail (PM_IS_SUPPORTER (self), NULL);
  return self->organisation;
}

/**
 * pm_supporter_set_organisation:
 * @self: a #PmSupporter
 * @organisation: (nullable): the organisation (free text, kept as given); blank clears it
 *
 * Since: 0.1
 */
void
pm_supporter_set_organisation (PmSupporter *self, const char *organisation)
{
  char *value;

  g_return_if_fail (PM_IS_SUPPORTER (self));
  value = text_or_null (organisation);
  g_free (self->organisation);
  self->organisation = value;
}

/**
 * pm_supporter_get_region:
 * @self: a #PmSupporter
 *
 * Returns: (transfer none) (nullable): the normalised region id
 *
 * Since: 0.1
 */
const char *
pm_supporter_get_region (PmSupporter *self)
{
  g_return_val_if_fail (PM_IS_SUPPORTER (self), NULL);
  return self->region;
}

/**
 * pm_supporter_set_region:
 * @self: a #PmSupporter
 * @region: (nullable): the id of a region in the network's region tree (a token)
 *
 * Since: 0.1
 */
void
pm_supporter_set_region (PmSupporter *self, const char *region)
{
  char *value;

  g_return_if_fail (PM_IS_SUPPORTER (self));
  value = pm_token_normalize (region);
  g_free (self->region);
  self->region = value;
}

/**
 * pm_supporter_get_role:
 * @self: a #PmSupporter
 *
 * Returns: (transfer none) (nullable): the normalised role, such as `frontline`
 *
 * Since: 0.1
 */
const char *
pm_supporter_get_role (PmSupporter *self)
{
  g_return_val_if_fail (PM_IS_SUPPORTER (self), NULL);
  return self->role;
}

/**
 * pm_supporter_set_role:
 * @self: a #PmSupporter
 * @role: (nullable): the role (a token)
 *
 * Since: 0.1
 */
void
pm_supporter_set_role (PmSupporter *self, const char *role)
{
  char *value;

  g_return_if_fail (PM_IS_SUPPORTER (self));
  value = pm_token_normalize (role);
  g_free (self->role);
  self->role = value;
}

/**
 * pm_supporter_get_experience:
 * @self: a #PmSupporter
 *
 * Returns: (transfer none) (array zero-terminated=1): the normalised lived-experience tags
 * (possibly empty)
 *
 * Since: 0.1
 */
const char *const *
pm_supporter_get_experience (PmSupporter *self)
{
  g_return_val_if_fail (PM_IS_SUPPORTER (self), NULL);
  return (const char *const *)self->experience;
}

/**
 * pm_supporter_set_experience:
 * @self: a #PmSupporter
 * @tags: (array zero-terminated=1) (nullable): the lived-experience tags the supporter has
 * consented to be matched on; stored normalised, blanks and duplicates dropped
 *
 * Since: 0.1
 */
void
pm_supporter_set_experience (PmSupporter *self, const char *const *tags)
{
  char **value;

  g_return_if_fail (PM_IS_SUPPORTER (self));
  value = pm_tokens_normalize (tags);
  g_strfreev (self->experience);
  self->experience = value;
}

/**
 * pm_supporter_get_gender:
 * @self: a #PmSupporter
 *
 * Returns: (transfer none) (nullable): the normalised gender
 *
 * Since: 0.1
 */
const char *
pm_supporter_get_gender (PmSupporter *self)
{
  g_return_val_if_fail (PM_IS_SUPPORTER (self), NULL);
  return self->gender;
}

/**
 * pm_supporter_set_gender:
 * @self: a #PmSupporter
 * @gender: (nullable): the gender (a free token)
 *
 * Since: 0.1
 */
void
pm_supporter_set_gender (PmSupporter *self, const char *gender)
{
  char *value;

  g_return_if_fail (PM_IS_SUPPORTER (self));
  value = pm_token_normalize (gender);
  g_free (self->gender);
  self->gender = value;
}

/**
 * pm_supporter_get_capacity:
 * @self: a #PmSupporter
 *
 * Returns: the most concurrent supportees (default 0)
 *
 * Since: 0.1
 */
guint
pm_supporter_get_capacity (PmSupporter *self)
{
  g_return_val_if_fail (PM_IS_SUPPORTER (self), 0);
  return self->capacity;
}

/**
 * pm_supporter_set_capacity:
 * @self: a #PmSupporter
 * @capacity: the most concurrent supportees
 *
 * Since: 0.1
 */
void
pm_supporter_set_capacity (PmSupporter *self, guint capacity)
{
  g_return_if_fail (PM_IS_SUPPORTER (self));
  self->capacity = capacity;
}

/**
 * pm_supporter_get_load:
 * @self: a #PmSupporter
 *
 * Returns: the current active supportees (default 0)
 *
 * Since: 0.1
 */
guint
pm_supporter_get_load (PmSupporter *self)
{
  g_return_val_if_fail (PM_IS_SUPPORTER (self), 0);
  return self->load;
}

/**
 * pm_supporter_set_load:
 * @self: a #PmSupporter
 * @load: the current active supportees
 *
 * Since: 0.1
 */
void
pm_supporter_set_load (PmSupporter *self, guint load)
{
  g_return_if_fail (PM_IS_SUPPORTER (self));
  self->load = load;
}

/**
 * pm_supporter_get_trained_until:
 * @self: a #PmSupporter
 *
 * Returns: (transfer none) (nullable): the last day the training is current, or %NULL when unset
 *
 * Since: 0.1
 */
const GDate *
pm_supporter_get_trained_until (PmSupporter *self)
{
  g_return_val_if_fail (PM_IS_SUPPORTER (self), NULL);
  return self->has_trained_until ? &self->trained_until : NULL;
}

/**
 * pm_supporter_set_trained_until:
 * @self: a #PmSupporter
 * @date: (nullable): the last day the peer-support training is current (copied); %NULL unsets it
 *
 * Since: 0.1
 */
void
pm_supporter_set_trained_until (PmSupporter *self, const GDate *date)
{
  g_return_if_fail (PM_IS_SUPPORTER (self));
  g_return_if_fail (date == NULL || g_date_valid (date));
  self->has_trained_until = date != NULL;
  if (date != NULL)
    self->trained_until = *date;
}

/**
 * pm_supporter_get_paused_until:
 * @self: a #PmSupporter
 *
 * Returns: (transfer none) (nullable): the last day of a pause, or %NULL when there is none
 *
 * Since: 0.1
 */
const GDate *
pm_supporter_get_paused_until (PmSupporter *self)
{
  g_return_val_if_fail (PM_IS_SUPPORTER (self), NULL);
  return self->has_paused_until ? &self->paused_until : NULL;
}

/**
 * pm_supporter_set_paused_until:
 * @self: a #PmSupporter
 * @date: (nullable): the supporter takes no new cases up to and including this day (copied); %NULL
 * ends the pause
 *
 * Since: 0.1
 */
void
pm_supporter_set_paused_until (PmSupporter *self, const GDate *date)
{
  g_return_if_fail (PM_IS_SUPPORTER (self));
  g_return_if_fail (date == NULL || g_date_valid (date));
  self->has_paused_until = date != NULL;
  if (date != NULL)
    self->paused_until = *date;
}

/**
 * pm_supporter_get_manager:
 * @self: a #PmSupporter
 *
 * Returns: (transfer none) (nullable): the line manager's id, as given
 *
 * Since: 0.1
 */
const char *
pm_supporter_get_manager (PmSupporter *self)
{
  g_return_val_if_fail (PM_IS_SUPPORTER (self), NULL);
  return self->manager;
}

/**
 * pm_supporter_set_manager:
 * @self: a #PmSupporter
 * @manager: (nullable): the line manager's id (kept exactly as given); blank clears it
 *
 * Since: 0.1
 */
void
pm_supporter_set_manager (PmSupporter *self, const char *manager)
{
  char *value;

  g_return_if_fail (PM_IS_SUPPORTER (self));
  value = text_or_null (manager);
  g_free (self->manager);
  self->manager = value;
}

/**
 * pm_supporter_get_team:
 * @self: a #PmSupporter
 *
 * Returns: (transfer none) (nullable): the team, station or watch id, as given
 *
 * Since: 0.1
 */
const char *
pm_supporter_get_team (PmSupporter *self)
{
  g_return_val_if_fail (PM_IS_SUPPORTER (self), NULL);
  return self->team;
}

/**
 * pm_supporter_set_team:
 * @self: a #PmSupporter
 * @team: (nullable): the team, station or watch id (kept exactly as given); blank clears it
 *
 * Since: 0.1
 */
void
pm_supporter_set_team (PmSupporter *self, const char *team)
{
  char *value;

  g_return_if_fail (PM_IS_SUPPORTER (self));
  value = text_or_null (team);
  g_free (self->team);
  self->team = value;
}

/**
 * pm_supporter_get_skills:
 * @self: a #PmSupporter
 *
 * Returns: (transfer none) (array zero-terminated=1): the normalised skills (possibly empty)
 *
 * Since: 0.1
 */
const char *const *
pm_supporter_get_skills (PmSupporter *self)
{
  g_return_val_if_fail (PM_IS_SUPPORTER (self), NULL);
  return (const char *const *)self->skills;
}

/**
 * pm_supporter_set_skills:
 * @self: a #PmSupporter
 * @skills: (array zero-terminated=1) (nullable): skills such as `trim` or `mhfa`; stored
 * normalised, blanks and duplicates dropped
 *
 * Since: 0.1
 */
void
pm_supporter_set_skills (PmSupporter *self, const char *const *skills)
{
  char **value;

  g_return_if_fail (PM_IS_SUPPORTER (self));
  value = pm_tokens_normalize (skills);
  g_strfreev (self->skills);
  self->skills = value;
}

/**
 * pm_supporter_get_languages:
 * @self: a #PmSupporter
 *
 * Returns: (transfer none) (array zero-terminated=1): the normalised languages (by default
 *   `en`)
 *
 * Since: 0.1
 */
const char *const *
pm_supporter_get_languages (PmSupporter *self)
{
  g_return_val_if_fail (PM_IS_SUPPORTER (self), NULL);
  return (const char *const *)self->languages;
}

/**
 * pm_supporter_set_languages:
 * @self: a #PmSupporter
 * @languages: (array zero-terminated=1) (nullable): the languages the supporter can offer
 *   support in; stored normalised, blanks and duplicates dropped
 *
 * Sets the languages. A %NULL or empty list (after dropping blanks) restores the default,
 * `en`: nobody speaks no language.
 *
 * Since: 0.1
 */
void
pm_supporter_set_languages (PmSupporter *self, const char *const *languages)
{
  g_auto (GStrv) list = NULL;

  g_return_if_fail (PM_IS_SUPPORTER (self));
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
 * pm_supporter_get_modes:
 * @self: a #PmSupporter
 *
 * Returns: the ways the supporter can meet (by default %PM_MODES_ALL)
 *
 * Since: 0.1
 */
PmModes
pm_supporter_get_modes (PmSupporter *self)
{
  g_return_val_if_fail (PM_IS_SUPPORTER (self), PM_MODES_NONE);
  return self->modes;
}

/**
 * pm_supporter_set_modes:
 * @self: a #PmSupporter
 * @modes: the ways the supporter can meet
 *
 * Sets the modes, kept as given (%PM_MODES_NONE included: such a supporter matches nobody).
 *
 * Since: 0.1
 */
void
pm_supporter_set_modes (PmSupporter *self, PmModes modes)
{
  g_return_if_fail (PM_IS_SUPPORTER (self));
  g_return_if_fail ((modes & ~PM_MODES_ALL) == 0);
  self->modes = modes;
}

/**
 * pm_supporter_has_skill:
 * @self: a #PmSupporter
 * @skill: (nullable): a skill (case and surrounding white space do not matter)
 *
 * Returns: %TRUE if the supporter has @skill
 *
 * Since: 0.1
 */
gboolean
pm_supporter_has_skill (PmSupporter *self, const char *skill)
{
  g_autofree char *token = NULL;

  g_return_val_if_fail (PM_IS_SUPPORTER (self), FALSE);
  token = pm_token_normalize (skill);
  return pm_strv_contains ((const char *const *)self->skills, token);
}

/**
 * pm_supporter_get_availability:
 * @self: a #PmSupporter
 *
 * Returns: (transfer none): the weekly availability (by default empty: never available)
 *
 * Since: 0.1
 */
const PmAvailability *
pm_supporter_get_availability (PmSupporter *self)
{
  g_return_val_if_fail (PM_IS_SUPPORTER (self), NULL);
  return self->availability;
}

/**
 * pm_supporter_set_availability:
 * @self: a #PmSupporter
 * @availability: (nullable): the weekly availability (copied); %NULL for never available
 *
 * Since: 0.1
 */
void
pm_supporter_set_availability (PmSupporter *self, const PmAvailability *availability)
{
  PmAvailability *value;

  g_return_if_fail (PM_IS_SUPPORTER (self));
  value = availability != NULL ? pm_availability_copy (availability) : pm_availability_new ();
  pm_availability_free (self->availability);
  self->availability = value;
}
