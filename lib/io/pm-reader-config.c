/* peermatch: readers for org charts, region trees and policies.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"
#include "pm-table-private.h"
#include "pm-reader-private.h"

#include <math.h>
#include <string.h>

/* ---- org chart */

static const PmTableColumn org_columns[] = {
  { "id", TRUE, PM_TABLE_KIND_TEXT },
  { "manager", TRUE, PM_TABLE_KIND_TEXT },
};

static void
org_row (PmTableCtx *ctx, const PmTableRow *row, gpointer user_data)
{
  PmOrgChart *chart = user_data;
  g_autoptr (GError) error = NULL;
  guint errors = ctx->n_errors;
  const char *id = pm_table_cell_id (ctx, row, org_columns, 0);
  const char *manager = row->text[1];

  /* An empty manager: someone at the top of a tree, nothing to record. */
  if (row->broken || errors != ctx->n_errors || manager == NULL)
    return;
  if (!pm_org_chart_add (chart, id, manager, &error))
    pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[1], "manager", "manager: %s",
                     error->message);
}

/**
 * pm_reader_read_org_chart:
 * @chart: the chart to add the line-management links to
 * @path: a CSV file with the columns `id,manager`, or JSON when the name ends in `.json`
 * @diagnostics: (nullable): where every problem found goes, warnings included
 * @error: return location for a #GError
 *
 * Reads line-management links. A row with an empty manager is someone at the top; a
 * person given two different managers, or a link closing a cycle, is an error.
 *
 * Returns: %TRUE when there was no error; otherwise %FALSE with @error set as for
 *   pm_reader_read_supporters()
 *
 * Since: 0.1
 */
gboolean
pm_reader_read_org_chart (PmOrgChart *chart, const char *path, PmDiagnostics *diagnostics,
                          GError **error)
{
  g_autofree char *data = NULL;
  gsize length;
  PmTableCtx ctx;
  gboolean ok;

  g_return_val_if_fail (PM_IS_ORG_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!pm_table_load_file (path, &data, &length, error))
    return FALSE;
  pm_table_ctx_init (&ctx, path, diagnostics);
  pm_table_read (&ctx, data, length, org_columns, G_N_ELEMENTS (org_columns), org_row, chart);
  ok = pm_table_ctx_finish (&ctx, error);
  pm_table_ctx_clear (&ctx);
  return ok;
}

/* ---- regions */

static const PmTableColumn region_columns[] = {
  { "id", TRUE, PM_TABLE_KIND_TEXT },
  { "parent", TRUE, PM_TABLE_KIND_TEXT },
  { "name", FALSE, PM_TABLE_KIND_TEXT },
};

typedef struct
{
  guint line;
  char *id;     /* normalised */
  char *parent; /* normalised; NULL for a root */
  char *name;
  gboolean added;
} RegionRow;

static void
region_row_clear (gpointer data)
{
  RegionRow *r = data;

  g_free (r->id);
  g_free (r->parent);
  g_free (r->name);
}

typedef struct
{
  GArray *rows;      /* RegionRow */
  GHashTable *by_id; /* id → index + 1 */
} RegionReading;

static void
region_row (PmTableCtx *ctx, const PmTableRow *row, gpointer user_data)
{
  RegionReading *r = user_data;
  guint errors = ctx->n_errors;
  g_autofree char *id = pm_token_normalize (pm_table_cell_text (ctx, row, region_columns, 0));
  gpointer first;
  RegionRow region;

  if (id == NULL || row->broken || errors != ctx->n_errors)
    return;
  first = g_hash_table_lookup (r->by_id, id);
  if (first != NULL)
    {
      pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[0], "id",
                       "id: duplicate region '%s' (first on line %u)", id,
                       g_array_index (r->rows, RegionRow, GPOINTER_TO_UINT (first) - 1).line);
      return;
    }
  region.line = row->line;
  region.id = g_steal_pointer (&id);
  region.parent = pm_token_normalize (row->text[1]);
  region.name = g_strdup (row->text[2] != NULL ? row->text[2] : region.id);
  region.added = FALSE;
  g_array_append_val (r->rows, region);
  g_hash_table_insert (r->by_id, region.id, GUINT_TO_POINTER (r->rows->len));
}

/* Why region @index could not be added: its parent is unknown, or it is on a cycle. Rows
 * that merely descend from such a row are not problems of their own. */
static void
report_unplaced (PmTableCtx *ctx, RegionReading *r, guint index)
{
  RegionRow *row = &g_array_index (r->rows, RegionRow, index);
  g_autoptr (GString) cycle = g_string_new (row->id);
  guint steps = 0;
  guint at = index;

  if (g_hash_table_lookup (r->by_id, row->parent) == NULL)
    {
      pm_table_report (ctx, PM_SEVERITY_ERROR, row->line, "parent", "parent: unknown region '%s'",
                       row->parent);
      return;
    }
  /* Walk up at most n steps: coming back to @index means @index is on a cycle. */
  while (steps++ < r->rows->len)
    {
      RegionRow *up = &g_array_index (r->rows, RegionRow, at);
      gpointer next = up->parent != NULL ? g_hash_table_lookup (r->by_id, up->parent) : NULL;

      if (next == NULL)
        return;
      at = GPOINTER_TO_UINT (next) - 1;
      g_string_append_printf (cycle, " → %s", g_array_index (r->rows, RegionRow, at).id);
      if (at == index)
        {
          pm_table_report (ctx, PM_SEVERITY_ERROR, row->line, "parent", "parent: region cycle %s",
                           cycle->str);
          return;
        }
    }
}

/* Parents may come after their children in the file: add in dependency order. */
static void
place_regions (PmTableCtx *ctx, RegionReading *r, PmRegionTree *tree)
{
  gboolean progress = TRUE;

  while (progress)
    {
      progress = FALSE;
      for (guint i = 0; i < r->rows->len; i++)
        {
          RegionRow *row = &g_array_index (r->rows, RegionRow, i);
          g_autoptr (GError) error = NULL;

          if (row->added || (row->parent != NULL && !pm_region_tree_contains (tree, row->parent)))
            continue;
          row->added = TRUE;
          progress = TRUE;
          if (!pm_region_tree_add (tree, row->id, row->parent, row->name, &error))
            pm_table_report (ctx, PM_SEVERITY_ERROR, row->line, "id", "id: %s", error->message);
        }
    }
  for (guint i = 0; i < r->rows->len; i++)
    if (!g_array_index (r->rows, RegionRow, i).added)
      report_unplaced (ctx, r, i);
}

PmRegionTree *
pm_reader_parse_regions (const char *data, gsize length, const char *file,
                         PmDiagnostics *diagnostics, GError **error)
{
  g_autoptr (PmRegionTree) tree = pm_region_tree_new ();
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (RegionRow));
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  RegionReading r = { rows, by_id };
  PmTableCtx ctx;
  gboolean ok;

  g_array_set_clear_func (rows, region_row_clear);
  pm_table_ctx_init (&ctx, file, diagnostics);
  pm_table_read (&ctx, data, length, region_columns, G_N_ELEMENTS (region_columns), region_row, &r);
  place_regions (&ctx, &r, tree);
  ok = pm_table_ctx_finish (&ctx, error);
  pm_table_ctx_clear (&ctx);
  return ok ? g_steal_pointer (&tree) : NULL;
}

/**
 * pm_reader_read_regions:
 * @path: a CSV file with the columns `id,parent,name` (an empty parent makes a root), or
 *   JSON when the name ends in `.json`
 * @diagnostics: (nullable): where every problem found goes, warnings included
 * @error: return location for a #GError
 *
 * Reads a region tree. Parents may come after their children in the file; an unknown
 * parent, a duplicate id or a cycle is an error naming the line. An empty name defaults
 * to the id.
 *
 * Returns: (transfer full) (nullable): the tree, or %NULL with @error set as for
 *   pm_reader_read_supporters()
 *
 * Since: 0.1
 */
PmRegionTree *
pm_reader_read_regions (const char *path, PmDiagnostics *diagnostics, GError **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!pm_table_load_file (path, &data, &length, error))
    return NULL;
  return pm_reader_parse_regions (data, length, path, diagnostics, error);
}

/* ---- policy */

/* GKeyFile does not say where a key is: find the line of its last occurrence (the one
 * GKeyFile keeps) by reading the text, or of the group when @key is NULL. 0 if not found. */
guint
pm_key_file_find_line (const char *data, const char *group, const char *key)
{
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  gboolean in_group = FALSE;
  guint found = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (line[0] == '[')
        {
          g_autofree char *name = g_strndup (line + 1, strcspn (line + 1, "]"));

          in_group = strcmp (name, group) == 0;
          if (in_group && key == NULL && found == 0)
            found = i + 1;
        }
      else if (in_group && key != NULL && g_str_has_prefix (line, key))
        {
          const char *rest = line + strlen (key);

          while (*rest == ' ' || *rest == '\t')
            rest++;
          if (*rest == '=')
            found = i + 1;
        }
    }
  return found;
}

/* The first line GKeyFile cannot make sense of: neither blank, a comment, a group nor a
 * key=value pair. */
guint
pm_key_file_find_bad_line (const char *data)
{
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (line[0] == '\0' || line[0] == '#')
        continue;
      if (line[0] == '[' ? strchr (line, ']') == NULL : strchr (line, '=') == NULL)
        return i + 1;
    }
  return 0;
}

typedef struct
{
  PmTableCtx *ctx;
  GKeyFile *keys;
  const char *data;
  PmPolicy *policy;
} PolicyReading;

static void
policy_error (PolicyReading *p, const char *group, const char *key, const char *format, ...)
    G_GNUC_PRINTF (4, 5);

static void
policy_error (PolicyReading *p, const char *group, const char *key, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  pm_table_report (p->ctx, PM_SEVERITY_ERROR, pm_key_file_find_line (p->data, group, key), key,
                   "%s: %s", key, message);
}

static void
policy_weight (PolicyReading *p, const char *key, const char *value)
{
  g_autofree char *text = g_strstrip (g_strdup (value));
  char *end = NULL;
  double weight;

  for (guint c = 0; c < PM_COMPONENT_N; c++)
    if (strcmp (key, pm_component_to_string (c)) == 0)
      {
        weight = g_ascii_strtod (text, &end);
        if (*text == '\0' || *end != '\0' || !isfinite (weight) || weight < 0.0)
          policy_error (p, "weights", key, "'%s' is not a number ≥ 0", text);
        else
          pm_policy_set_weight (p->policy, c, weight);
        return;
      }
  pm_table_report (p->ctx, PM_SEVERITY_WARNING, pm_key_file_find_line (p->data, "weights", key),
                   key, "unknown key '%s' in [weights] ignored", key);
}

static void
policy_rule (PolicyReading *p, const char *key, const char *value)
{
  g_autofree char *text = g_strstrip (g_strdup (value));
  g_autofree char *lower = g_ascii_strdown (text, -1);
  guint n = 0;

  if (strcmp (key, "avoid_same_team") == 0)
    {
      if (strcmp (lower, "true") == 0 || strcmp (lower, "1") == 0)
        pm_policy_set_avoid_same_team (p->policy, TRUE);
      else if (strcmp (lower, "false") == 0 || strcmp (lower, "0") == 0)
        pm_policy_set_avoid_same_team (p->policy, FALSE);
      else
        policy_error (p, "rules", key, "'%s' is not true or false", text);
      return;
    }
  if (strcmp (key, "min_overlap_minutes") != 0 && strcmp (key, "full_overlap_minutes") != 0
      && strcmp (key, "max_in_person_hops") != 0)
    {
      pm_table_report (p->ctx, PM_SEVERITY_WARNING, pm_key_file_find_line (p->data, "rules", key),
                       key, "unknown key '%s' in [rules] ignored", key);
      return;
    }
  if (!pm_table_parse_count (text, &n))
    policy_error (p, "rules", key, "'%s' is not a whole number ≥ 0", text);
  else if (strcmp (key, "min_overlap_minutes") == 0)
    pm_policy_set_min_overlap_minutes (p->policy, n);
  else if (strcmp (key, "max_in_person_hops") == 0)
    pm_policy_set_max_in_person_hops (p->policy, n);
  else if (n == 0) /* the availability component divides by it */
    policy_error (p, "rules", key, "'%s' must be at least 1", text);
  else
    pm_policy_set_full_overlap_minutes (p->policy, n);
}

static void
policy_vocabulary (PolicyReading *p, const char *key, const char *value)
{
  g_auto (GStrv) tags = NULL;

  if (strcmp (key, "experience") != 0)
    {
      pm_table_report (p->ctx, PM_SEVERITY_WARNING,
                       pm_key_file_find_line (p->data, "vocabulary", key), key,
                       "unknown key '%s' in [vocabulary] ignored", key);
      return;
    }
  tags = pm_table_split_list (value);
  pm_policy_set_vocabulary (p->policy, (const char *const *)tags);
}

static void
policy_group (PolicyReading *p, const char *group)
{
  g_auto (GStrv) keys = g_key_file_get_keys (p->keys, group, NULL, NULL);

  for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
    {
      g_autofree char *value = g_key_file_get_value (p->keys, group, keys[k], NULL);

      if (value == NULL)
        continue;
      if (strcmp (group, "weights") == 0)
        policy_weight (p, keys[k], value);
      else if (strcmp (group, "rules") == 0)
        policy_rule (p, keys[k], value);
      else
        policy_vocabulary (p, keys[k], value);
    }
}

gboolean
pm_reader_parse_policy (PmPolicy *policy, const char *data, gsize length, const char *file,
                        PmDiagnostics *diagnostics, GError **error)
{
  g_autoptr (GKeyFile) keys = g_key_file_new ();
  g_autoptr (GError) local = NULL;
  g_autofree char *text = g_strndup (data, length);
  g_auto (GStrv) groups = NULL;
  PolicyReading p = { NULL, keys, text, policy };
  PmTableCtx ctx;
  gboolean ok;

  pm_table_ctx_init (&ctx, file, diagnostics);
  p.ctx = &ctx;
  if (strlen (text) != length || !g_utf8_validate (text, -1, NULL))
    pm_table_report (&ctx, PM_SEVERITY_ERROR, 0, NULL, "invalid UTF-8 (save the file as UTF-8)");
  else if (!g_key_file_load_from_data (keys, text, length, G_KEY_FILE_NONE, &local))
    pm_table_report (&ctx, PM_SEVERITY_ERROR, pm_key_file_find_bad_line (text), NULL, "%s",
                     local->message);
  else
    groups = g_key_file_get_groups (keys, NULL);
  for (guint g = 0; groups != NULL && groups[g] != NULL; g++)
    {
      if (strcmp (groups[g], "weights") == 0 || strcmp (groups[g], "rules") == 0
          || strcmp (groups[g], "vocabulary") == 0)
        policy_group (&p, groups[g]);
      else
        pm_table_report (&ctx, PM_SEVERITY_WARNING, pm_key_file_find_line (text, groups[g], NULL),
                         NULL, "unknown group [%s] ignored", groups[g]);
    }
  ok = pm_table_ctx_finish (&ctx, error);
  pm_table_ctx_clear (&ctx);
  return ok;
}

/**
 * pm_reader_read_policy:
 * @path: a key file with the groups `[weights]`, `[rules]` and `[vocabulary]`
 * @diagnostics: (nullable): where every problem found goes, warnings included
 * @error: return location for a #GError
 *
 * Reads a matching policy: the built-in default policy (pm_policy_new_default()) with the
 * keys present in the file overriding it. Unknown groups and keys are warnings; a value
 * that is not a number ≥ 0 (weights), a whole number ≥ 0 (rules; `full_overlap_minutes` at
 * least 1) or a boolean (`avoid_same_team`) is an error naming the key's line.
 *
 * Returns: (transfer full) (nullable): the policy, or %NULL with @error set as for
 *   pm_reader_read_supporters()
 *
 * Since: 0.1
 */
PmPolicy *
pm_reader_read_policy (const char *path, PmDiagnostics *diagnostics, GError **error)
{
  g_autofree char *data = NULL;
  g_autoptr (PmPolicy) policy = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!pm_table_load_file (path, &data, &length, error))
    return NULL;
  policy = pm_policy_new_default ();
  if (!pm_reader_parse_policy (policy, data, length, path, diagnostics, error))
    return NULL;
  return g_steal_pointer (&policy);
}
