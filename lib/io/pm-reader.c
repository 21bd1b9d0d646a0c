/* peermatch: readers for supporters and requests.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"
#include "pm-table-private.h"

/* ---- checking the cells of people */

static PmModes
cell_modes (PmTableCtx *ctx, const PmTableRow *row, const PmTableColumn *columns, guint col)
{
  const char *const *items = pm_table_cell_list (row, col);
  PmModes modes = PM_MODES_NONE;

  for (guint i = 0; items[i] != NULL; i++)
    {
      PmModes mode;

      if (pm_modes_from_string (items[i], &mode))
        modes |= mode;
      else
        pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[col], columns[col].name,
                         "%s: '%s' is not a mode (in_person, phone or video)", columns[col].name,
                         items[i]);
    }
  return modes == PM_MODES_NONE ? PM_MODES_ALL : modes;
}

/* A typo in a tag silently breaks matching, so say so (but it is not an error). */
static void
cell_check_tags (PmTableCtx *ctx, const PmTableRow *row, const PmTableColumn *columns, guint col,
                 PmPolicy *policy)
{
  const char *const *items = pm_table_cell_list (row, col);

  for (guint i = 0; items[i] != NULL; i++)
    if (!pm_policy_has_tag (policy, items[i]))
      pm_table_report (ctx, PM_SEVERITY_WARNING, row->lines[col], columns[col].name,
                       "%s: '%s' is not in the policy's vocabulary", columns[col].name, items[i]);
}

static const char *const *
cell_languages (const PmTableRow *row, guint col)
{
  static const char *const english[] = { "en", NULL };
  const char *const *items = pm_table_cell_list (row, col);

  return items[0] != NULL ? items : english;
}

static PmAvailability *
cell_availability (PmTableCtx *ctx, const PmTableRow *row, const PmTableColumn *columns, guint col)
{
  g_autoptr (GError) error = NULL;
  PmAvailability *availability;

  if (row->text[col] == NULL)
    return pm_availability_new ();
  availability = pm_availability_new_from_string (row->text[col], &error);
  if (availability == NULL)
    pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[col], columns[col].name, "%s: %s",
                     columns[col].name, error->message);
  return availability;
}

static void
cell_check_region (PmTableCtx *ctx, const PmTableRow *row, const PmTableColumn *columns, guint col,
                   PmRegionTree *regions)
{
  const char *region = row->text[col];

  if (region != NULL && !pm_region_tree_contains (regions, region))
    pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[col], columns[col].name,
                     "%s: unknown region '%s'", columns[col].name, region);
}

/* Ids must be unique within the file: keep the line of the first of each. */
static gboolean
check_unique (PmTableCtx *ctx, GHashTable *seen, const PmTableRow *row,
              const PmTableColumn *columns, guint col, const char *id)
{
  gpointer first = g_hash_table_lookup (seen, id);

  if (first != NULL)
    {
      pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[col], columns[col].name,
                       "%s: duplicate id '%s' (first on line %u)", columns[col].name, id,
                       GPOINTER_TO_UINT (first));
      return FALSE;
    }
  g_hash_table_insert (seen, g_strdup (id), GUINT_TO_POINTER (MAX (row->line, 1)));
  return TRUE;
}

typedef struct
{
  PmNetwork *network;
  GHashTable *seen; /* id → line of its first row */
} EntityReading;

/* ---- supporters */

enum
{
  S_ID,
  S_NAME,
  S_SERVICE,
  S_ORGANISATION,
  S_REGION,
  S_ROLE,
  S_EXPERIENCE,
  S_LANGUAGES,
  S_MODES,
  S_GENDER,
  S_CAPACITY,
  S_LOAD,
  S_TRAINED_UNTIL,
  S_PAUSED_UNTIL,
  S_MANAGER,
  S_TEAM,
  S_SKILLS,
  S_AVAILABILITY,
  S_N
};

static const PmTableColumn supporter_columns[S_N] = {
  { "id", TRUE, PM_TABLE_KIND_TEXT },
  { "name", FALSE, PM_TABLE_KIND_TEXT },
  { "service", TRUE, PM_TABLE_KIND_TEXT },
  { "organisation", FALSE, PM_TABLE_KIND_TEXT },
  { "region", TRUE, PM_TABLE_KIND_TEXT },
  { "role", FALSE, PM_TABLE_KIND_TEXT },
  { "experience", FALSE, PM_TABLE_KIND_LIST },
  { "languages", FALSE, PM_TABLE_KIND_LIST },
  { "modes", FALSE, PM_TABLE_KIND_LIST },
  { "gender", FALSE, PM_TABLE_KIND_TEXT },
  { "capacity", TRUE, PM_TABLE_KIND_COUNT },
  { "load", FALSE, PM_TABLE_KIND_COUNT },
  { "trained_until", TRUE, PM_TABLE_KIND_DATE },
  { "paused_until", FALSE, PM_TABLE_KIND_DATE },
  { "manager", FALSE, PM_TABLE_KIND_TEXT },
  { "team", FALSE, PM_TABLE_KIND_TEXT },
  { "skills", FALSE, PM_TABLE_KIND_LIST },
  { "availability", TRUE, PM_TABLE_KIND_AVAILABILITY },
};

/* Adds an entity whose row was clean; the network's own checks (a duplicate of an id
 * read from another file, conflicting line managers, ...) become diagnostics too. */
typedef gboolean (*AddFunc) (PmNetwork *network, gpointer entity, GError **error);

static void
add_checked (PmTableCtx *ctx, const PmTableRow *row, guint errors_before, AddFunc add,
             PmNetwork *network, gpointer entity, const char *manager)
{
  g_autoptr (GError) error = NULL;

  if (row->broken || ctx->n_errors != errors_before)
    return;
  if (!add (network, entity, &error))
    pm_table_report (ctx, PM_SEVERITY_ERROR, row->line, manager != NULL ? "manager" : NULL, "%s%s",
                     manager != NULL ? "manager: " : "", error->message);
}

static gboolean
add_supporter (PmNetwork *network, gpointer entity, GError **error)
{
  return pm_network_add_supporter (network, entity, error);
}

static gboolean
add_request (PmNetwork *network, gpointer entity, GError **error)
{
  return pm_network_add_request (network, entity, error);
}

static void
supporter_dates (PmTableCtx *ctx, const PmTableRow *row, PmSupporter *s)
{
  const PmTableColumn *c = supporter_columns;
  GDate date;

  if (pm_table_cell_date (ctx, row, c, S_TRAINED_UNTIL, &date))
    pm_supporter_set_trained_until (s, &date);
  if (pm_table_cell_date (ctx, row, c, S_PAUSED_UNTIL, &date))
    pm_supporter_set_paused_until (s, &date);
}

static void
supporter_row (PmTableCtx *ctx, const PmTableRow *row, gpointer user_data)
{
  EntityReading *r = user_data;
  const PmTableColumn *c = supporter_columns;
  PmPolicy *policy = pm_network_get_policy (r->network);
  guint errors = ctx->n_errors;
  const char *id = pm_table_cell_id (ctx, row, c, S_ID);
  g_autoptr (PmSupporter) s = pm_supporter_new (id != NULL ? id : "?");
  g_autoptr (PmAvailability) availability = NULL;
  guint count;

  if (id != NULL && check_unique (ctx, r->seen, row, c, S_ID, id)
      && pm_network_lookup_supporter (r->network, id) != NULL)
    pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[S_ID], "id",
                     "id: duplicate supporter id '%s'", id);
  pm_supporter_set_name (s, row->text[S_NAME]);
  pm_supporter_set_service (s, pm_table_cell_text (ctx, row, c, S_SERVICE));
  pm_supporter_set_organisation (s, row->text[S_ORGANISATION]);
  cell_check_region (ctx, row, c, S_REGION, pm_network_get_regions (r->network));
  pm_supporter_set_region (s, pm_table_cell_text (ctx, row, c, S_REGION));
  pm_supporter_set_role (s, row->text[S_ROLE]);
  cell_check_tags (ctx, row, c, S_EXPERIENCE, policy);
  pm_supporter_set_experience (s, pm_table_cell_list (row, S_EXPERIENCE));
  pm_supporter_set_languages (s, cell_languages (row, S_LANGUAGES));
  pm_supporter_set_modes (s, cell_modes (ctx, row, c, S_MODES));
  pm_supporter_set_gender (s, row->text[S_GENDER]);
  if (pm_table_cell_count (ctx, row, c, S_CAPACITY, &count))
    pm_supporter_set_capacity (s, count);
  if (pm_table_cell_count (ctx, row, c, S_LOAD, &count))
    pm_supporter_set_load (s, count);
  supporter_dates (ctx, row, s);
  pm_supporter_set_manager (s, row->text[S_MANAGER]);
  pm_supporter_set_team (s, row->text[S_TEAM]);
  pm_supporter_set_skills (s, pm_table_cell_list (row, S_SKILLS));
  availability = cell_availability (ctx, row, c, S_AVAILABILITY);
  if (availability != NULL)
    pm_supporter_set_availability (s, availability);
  add_checked (ctx, row, errors, add_supporter, r->network, s, row->text[S_MANAGER]);
}

/* ---- requests */

enum
{
  R_ID,
  R_PERSON,
  R_SERVICE,
  R_ORGANISATION,
  R_REGION,
  R_ROLE,
  R_TOPICS,
  R_LANGUAGES,
  R_MODES,
  R_GENDER,
  R_SERVICE_PREF,
  R_MANAGER,
  R_TEAM,
  R_EXCLUDE,
  R_URGENCY,
  R_AVAILABILITY,
  R_N
};

static const PmTableColumn request_columns[R_N] = {
  { "id", TRUE, PM_TABLE_KIND_TEXT },
  { "person", TRUE, PM_TABLE_KIND_TEXT },
  { "service", TRUE, PM_TABLE_KIND_TEXT },
  { "organisation", FALSE, PM_TABLE_KIND_TEXT },
  { "region", TRUE, PM_TABLE_KIND_TEXT },
  { "role", FALSE, PM_TABLE_KIND_TEXT },
  { "topics", FALSE, PM_TABLE_KIND_LIST },
  { "languages", FALSE, PM_TABLE_KIND_LIST },
  { "modes", FALSE, PM_TABLE_KIND_LIST },
  { "gender", FALSE, PM_TABLE_KIND_TEXT },
  { "service_pref", FALSE, PM_TABLE_KIND_TEXT },
  { "manager", FALSE, PM_TABLE_KIND_TEXT },
  { "team", FALSE, PM_TABLE_KIND_TEXT },
  { "exclude", FALSE, PM_TABLE_KIND_LIST },
  { "urgency", FALSE, PM_TABLE_KIND_TEXT },
  { "availability", TRUE, PM_TABLE_KIND_AVAILABILITY },
};

static void
request_tokens (PmTableCtx *ctx, const PmTableRow *row, PmRequest *q)
{
  const PmTableColumn *c = request_columns;
  PmServicePref pref;
  PmUrgency urgency;

  if (row->text[R_SERVICE_PREF] != NULL)
    {
      if (pm_service_pref_from_string (row->text[R_SERVICE_PREF], &pref))
        pm_request_set_service_pref (q, pref);
      else
        pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[R_SERVICE_PREF], c[R_SERVICE_PREF].name,
                         "service_pref: '%s' is not any, same or other", row->text[R_SERVICE_PREF]);
    }
  if (row->text[R_URGENCY] != NULL)
    {
      if (pm_urgency_from_string (row->text[R_URGENCY], &urgency))
        pm_request_set_urgency (q, urgency);
      else
        pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[R_URGENCY], c[R_URGENCY].name,
                         "urgency: '%s' is not routine, priority or crisis", row->text[R_URGENCY]);
    }
}

static void
request_row (PmTableCtx *ctx, const PmTableRow *row, gpointer user_data)
{
  EntityReading *r = user_data;
  const PmTableColumn *c = request_columns;
  PmPolicy *policy = pm_network_get_policy (r->network);
  guint errors = ctx->n_errors;
  const char *id = pm_table_cell_id (ctx, row, c, R_ID);
  const char *person = pm_table_cell_id (ctx, row, c, R_PERSON);
  g_autoptr (PmRequest) q = pm_request_new (id != NULL ? id : "?", person != NULL ? person : "?");
  g_autoptr (PmAvailability) availability = NULL;

  if (id != NULL && check_unique (ctx, r->seen, row, c, R_ID, id)
      && pm_network_lookup_request (r->network, id) != NULL)
    pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[R_ID], "id",
                     "id: duplicate request id '%s'", id);
  pm_request_set_service (q, pm_table_cell_text (ctx, row, c, R_SERVICE));
  pm_request_set_organisation (q, row->text[R_ORGANISATION]);
  cell_check_region (ctx, row, c, R_REGION, pm_network_get_regions (r->network));
  pm_request_set_region (q, pm_table_cell_text (ctx, row, c, R_REGION));
  pm_request_set_role (q, row->text[R_ROLE]);
  cell_check_tags (ctx, row, c, R_TOPICS, policy);
  pm_request_set_topics (q, pm_table_cell_list (row, R_TOPICS));
  pm_request_set_languages (q, cell_languages (row, R_LANGUAGES));
  pm_request_set_modes (q, cell_modes (ctx, row, c, R_MODES));
  pm_request_set_gender (q, row->text[R_GENDER]);
  pm_request_set_manager (q, row->text[R_MANAGER]);
  pm_request_set_team (q, row->text[R_TEAM]);
  pm_request_set_exclude (q, pm_table_cell_list (row, R_EXCLUDE));
  request_tokens (ctx, row, q);
  availability = cell_availability (ctx, row, c, R_AVAILABILITY);
  if (availability != NULL)
    pm_request_set_availability (q, availability);
  add_checked (ctx, row, errors, add_request, r->network, q, row->text[R_MANAGER]);
}

static gboolean
read_entities (PmNetwork *network, const char *path, PmDiagnostics *diagnostics,
               const PmTableColumn *columns, guint n_columns, PmTableRowFunc func, GError **error)
{
  g_autofree char *data = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  EntityReading r = { network, seen };
  gsize length;
  PmTableCtx ctx;
  gboolean ok;

  g_return_val_if_fail (PM_IS_NETWORK (network), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (diagnostics == NULL || PM_IS_DIAGNOSTICS (diagnostics), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!pm_table_load_file (path, &data, &length, error))
    return FALSE;
  pm_table_ctx_init (&ctx, path, diagnostics);
  pm_table_read (&ctx, data, length, columns, n_columns, func, &r);
  ok = pm_table_ctx_finish (&ctx, error);
  pm_table_ctx_clear (&ctx);
  return ok;
}

/**
 * pm_reader_read_supporters:
 * @network: the network to add the supporters to
 * @path: a CSV file, or JSON when the name ends in `.json`
 * @diagnostics: (nullable): where every problem found goes, warnings included
 * @error: return location for a #GError
 *
 * Reads supporters as the specification describes (columns `id`, `name`, `service`,
 * `organisation`, `region`, `role`, `experience`, `languages`, `modes`, `gender`,
 * `capacity`, `load`, `trained_until`, `paused_until`, `manager`, `team`, `skills`,
 * `availability`) and adds every row without an error to @network. Reading goes on after a
 * problem, so @diagnostics gets them all, each with the file, the line and the field.
 * Unknown columns and experience tags outside the policy's vocabulary are warnings.
 *
 * Returns: %TRUE when there was no error (warnings allowed). Otherwise %FALSE with
 *   %PM_ERROR_INVALID_DATA, the message being `FILE:LINE: message` of the first error and
 *   ` (and N more errors)`; or %PM_ERROR_OPEN, `FILE: reason`, when the file cannot be read
 *
 * Since: 0.1
 */
gboolean
pm_reader_read_supporters (PmNetwork *network, const char *path, PmDiagnostics *diagnostics,
                           GError **error)
{
  return read_entities (network, path, diagnostics, supporter_columns, S_N, supporter_row, error);
}

/**
 * pm_reader_read_requests:
 * @network: the network to add the requests to
 * @path: a CSV file, or JSON when the name ends in `.json`
 * @diagnostics: (nullable): where every problem found goes, warnings included
 * @error: return location for a #GError
 *
 * Reads requests as the specification describes (columns `id`, `person`, `service`,
 * `organisation`, `region`, `role`, `topics`, `languages`, `modes`, `gender`,
 * `service_pref`, `manager`, `team`, `exclude`, `urgency`, `availability`) and adds every
 * row without an error to @network, as pm_reader_read_supporters() does. Topics outside
 * the policy's vocabulary are warnings.
 *
 * Returns: %TRUE when there was no error (warnings allowed); otherwise %FALSE with @error
 *   set as for pm_reader_read_supporters()
 *
 * Since: 0.1
 */
gboolean
pm_reader_read_requests (PmNetwork *network, const char *path, PmDiagnostics *diagnostics,
                         GError **error)
{
  return read_entities (network, path, diagnostics, request_columns, R_N, request_row, error);
}
