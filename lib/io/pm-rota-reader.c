/* peermatch: the rota.ini reader, and the files a rota is read from (how they map onto the
 * rota model: pm-rota-reader-private.h); the people and their limits, leave and request tables
 * are read in pm-rota-people-reader.c.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The key file is read group kind by group kind, in the order the model must be built in:
 * [rota] (the horizon), [rules], every [shift ID], the successions, the people, then every
 * [cover NAME]. A shift with a bad value still enters the model with placeholder times, so
 * that the groups and tables naming it are checked as usual; any error discards the model.
 * The key file's problems are listed in line order. One problem context collects the problems of
 * all the files (its file name switches as they are read), so that the GError names the first error
 * of the whole run. */
#include "pm-rota-reader-private.h"
#include "pm-reader-private.h"
#include "pm-table-private.h"

#include <string.h>

#define DEFAULT_TIMEZONE "Europe/London"

typedef struct
{
  PmTableCtx *ctx;
  GKeyFile *keys;
  const char *text;
  PmNetwork *network;
  PmRotaModel *model;
  gboolean loaded;     /* the key file could be parsed: shift ids are known */
  gboolean horizon_ok; /* the model's days are the rota's, not placeholders */
  int limits[PM_ROTA_N_LIMITS];
  int min_rest;
  gboolean ignore_availability;
} Ini;

/* ---- values */

static void G_GNUC_PRINTF (4, 5)
    ini_error (Ini *ini, const char *group, const char *key, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  pm_table_report (ini->ctx, PM_SEVERITY_ERROR, pm_key_file_find_line (ini->text, group, key), key,
                   "%s: %s", key, message);
}

/* The trimmed value, NULL when the key is absent or empty (both mean the default). */
static char *
ini_value (Ini *ini, const char *group, const char *key)
{
  g_autofree char *raw = g_key_file_get_value (ini->keys, group, key, NULL);

  if (raw == NULL)
    return NULL;
  g_strstrip (raw);
  return *raw != '\0' ? g_steal_pointer (&raw) : NULL;
}

static char *
ini_required (Ini *ini, const char *group, const char *key)
{
  char *value = ini_value (ini, group, key);

  if (value == NULL)
    pm_table_report (ini->ctx, PM_SEVERITY_ERROR, pm_key_file_find_line (ini->text, group, NULL),
                     key, "%s: a value is required in [%s]", key, group);
  return value;
}

gboolean
pm_rota_parse_int (const char *text, int *value)
{
  guint n;

  if (!pm_table_parse_count (text, &n) || n > G_MAXINT)
    return FALSE;
  *value = (int)n;
  return TRUE;
}

/* FALSE only on a bad value (reported); an absent key leaves @value alone. */
static gboolean
ini_int (Ini *ini, const char *group, const char *key, int min, int max, int *value)
{
  g_autofree char *text = ini_value (ini, group, key);
  int n;

  if (text == NULL)
    return TRUE;
  if (!pm_rota_parse_int (text, &n))
    ini_error (ini, group, key, "'%s' is not a whole number ≥ 0", text);
  else if (n < min || n > max)
    ini_error (ini, group, key, "'%s' is out of range (%d to %d)", text, min, max);
  else
    {
      *value = n;
      return TRUE;
    }
  return FALSE;
}

/* HH:MM, 00:00 to 23:59. */
static gboolean
parse_clock (const char *text, int *minute)
{
  int hours, mins;

  if (strlen (text) != 5 || text[2] != ':' || !g_ascii_isdigit (text[0])
      || !g_ascii_isdigit (text[1]) || !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;
  hours = (text[0] - '0') * 10 + (text[1] - '0');
  mins = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || mins > 59)
    return FALSE;
  *minute = hours * 60 + mins;
  return TRUE;
}

/* Only the shape of an IANA name (Area/Location, or UTC): resolving it is the calendar's. */
static gboolean
plausible_timezone (const char *name)
{
  g_auto (GStrv) parts = NULL;

  if (strlen (name) > 255 || !g_ascii_isalpha (name[0]))
    return FALSE;
  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0 || strcmp (parts[i], "..") == 0)
        return FALSE;
      for (const char *p = parts[i]; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && strchr ("_+-.", *p) == NULL)
          return FALSE;
    }
  return TRUE;
}

static void
warn_unknown_keys (Ini *ini, const char *group, const char *const *known)
{
  g_auto (GStrv) keys = g_key_file_get_keys (ini->keys, group, NULL, NULL);

  for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
    if (!pm_strv_contains (known, keys[k]))
      pm_table_report (ini->ctx, PM_SEVERITY_WARNING,
                       pm_key_file_find_line (ini->text, group, keys[k]), keys[k],
                       "unknown key '%s' in [%s] ignored", keys[k], group);
}

/* The id after "shift " or "cover ", trimmed; NULL when @group is not of that kind. */
static char *
group_id (const char *group, const char *kind)
{
  gsize n = strlen (kind);

  if (strncmp (group, kind, n) != 0 || (group[n] != '\0' && group[n] != ' ' && group[n] != '\t'))
    return NULL;
  return g_strstrip (g_strdup (group + n));
}

/* ---- [rota] and [rules] */

static const char *const rota_keys[] = { "name", "start", "days", "timezone", NULL };

static void
read_rota (Ini *ini, const char *file, GDate *start, int *n_days, char **name, char **timezone)
{
  g_autofree char *start_text = NULL;
  g_autofree char *days_text = NULL;
  g_autofree char *value = NULL;

  g_date_clear (start, 1);
  g_date_set_dmy (start, 1, G_DATE_JANUARY, 2000);
  *n_days = 1;
  *name = g_path_get_basename (file);
  *timezone = g_strdup (DEFAULT_TIMEZONE);
  if (!ini->loaded)
    return;
  if (!g_key_file_has_group (ini->keys, "rota"))
    {
      pm_table_report (ini->ctx, PM_SEVERITY_ERROR, 0, NULL,
                       "missing group [rota] (with start and days)");
      return;
    }
  warn_unknown_keys (ini, "rota", rota_keys);
  start_text = ini_required (ini, "rota", "start");
  ini->horizon_ok = start_text != NULL;
  if (start_text != NULL && !pm_date_parse (start_text, start))
    {
      ini_error (ini, "rota", "start", "'%s' is not a date (YYYY-MM-DD)", start_text);
      ini->horizon_ok = FALSE;
    }
  days_text = ini_required (ini, "rota", "days");
  if (days_text == NULL || !ini_int (ini, "rota", "days", 1, PM_ROTA_MAX_DAYS, n_days))
    ini->horizon_ok = FALSE;
  value = ini_value (ini, "rota", "name");
  if (value != NULL)
    {
      g_free (*name);
      *name = g_steal_pointer (&value);
    }
  value = ini_value (ini, "rota", "timezone");
  if (value != NULL && !plausible_timezone (value))
    ini_error (ini, "rota", "timezone", "'%s' is not a time zone name such as Europe/London",
               value);
  else if (value != NULL)
    {
      g_free (*timezone);
      *timezone = g_steal_pointer (&value);
    }
}

static const char *const rule_keys[] = {
  "min_rest_minutes", "max_shifts",   "max_minutes",  "min_minutes",         "max_consecutive",
  "min_consecutive",  "min_days_off", "max_weekends", "ignore_availability", NULL,
};

static void
read_rules (Ini *ini)
{
  g_autofree char *flag = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; i < PM_ROTA_N_LIMITS; i++)
    ini->limits[i] = PM_ROTA_UNLIMITED;
  ini->limits[PM_ROTA_LIMIT_MIN_MINUTES] = 0;
  ini->limits[PM_ROTA_LIMIT_MIN_CONSECUTIVE] = 1;
  ini->limits[PM_ROTA_LIMIT_MIN_DAYS_OFF] = 1;
  if (!ini->loaded || !g_key_file_has_group (ini->keys, "rules"))
    return;
  warn_unknown_keys (ini, "rules", rule_keys);
  ini_int (ini, "rules", "min_rest_minutes", 0, G_MAXINT, &ini->min_rest);
  for (guint i = 0; i < PM_ROTA_N_LIMITS; i++)
    ok &= ini_int (ini, "rules", pm_rota_limit_names[i], 0, G_MAXINT, &ini->limits[i]);
  if (ok)
    pm_rota_check_min_max (ini->ctx, ini->limits,
                           pm_key_file_find_line (ini->text, "rules", "min_minutes"),
                           pm_key_file_find_line (ini->text, "rules", "min_consecutive"));
  flag = ini_value (ini, "rules", "ignore_availability");
  if (flag == NULL)
    return;
  if (g_ascii_strcasecmp (flag, "true") == 0 || strcmp (flag, "1") == 0)
    ini->ignore_availability = TRUE;
  else if (g_ascii_strcasecmp (flag, "false") != 0 && strcmp (flag, "0") != 0)
    ini_error (ini, "rules", "ignore_availability", "'%s' is not true or false", flag);
}

/* ---- [shift ID] */

static const char *const shift_keys[] = {
  "start", "minutes", "not_followed_by", "max_per_person", NULL,
};

static void
add_shift (Ini *ini, const char *group, const char *id)
{
  g_autofree char *start_text = ini_required (ini, group, "start");
  g_autofree char *minutes_text = ini_required (ini, group, "minutes");
  g_autoptr (GError) error = NULL;
  int start = 0, minutes = 1, max = PM_ROTA_UNLIMITED, index;
  gboolean ok = start_text != NULL && minutes_text != NULL;

  warn_unknown_keys (ini, group, shift_keys);
  if (start_text != NULL && !parse_clock (start_text, &start))
    {
      ini_error (ini, group, "start", "'%s' is not a time (HH:MM, 00:00 to 23:59)", start_text);
      ok = FALSE;
    }
  if (minutes_text != NULL)
    ok &= ini_int (ini, group, "minutes", 1, PM_ROTA_MINUTES_PER_DAY, &minutes);
  ok &= ini_int (ini, group, "max_per_person", 0, G_MAXINT, &max);
  if (!ok) /* placeholders: the id stays known, the model is dropped anyway */
    start = 0, minutes = 1;
  index = pm_rota_model_add_shift (ini->model, id, start, minutes, &error);
  if (index < 0)
    pm_table_report (ini->ctx, PM_SEVERITY_ERROR, pm_key_file_find_line (ini->text, group, NULL),
                     NULL, "%s", error->message);
  else
    PM_ROTA_SHIFT (ini->model, index)->max_per_person = max;
}

static void
read_shifts (Ini *ini, const char *const *groups)
{
  for (guint g = 0; groups[g] != NULL; g++)
    {
      g_autofree char *id = group_id (groups[g], "shift");

      if (id == NULL)
        continue;
      if (*id == '\0' || strchr (id, ';') != NULL || strlen (id) > 64)
        pm_table_report (ini->ctx, PM_SEVERITY_ERROR,
                         pm_key_file_find_line (ini->text, groups[g], NULL), NULL,
                         "[%s]: a shift id is 1 to 64 bytes without ';'", groups[g]);
      else
        add_shift (ini, groups[g], id);
    }
  if (ini->loaded && PM_ROTA_N_SHIFTS (ini->model) == 0)
    pm_table_report (ini->ctx, PM_SEVERITY_ERROR, 0, NULL,
                     "no [shift ID] group: a rota needs "
                     "at least one shift type");
}

/* A list of shift ids as indices; unknown ids are reported and left out. */
static GArray *
shift_list (Ini *ini, const char *group, const char *key)
{
  g_autofree char *raw = g_key_file_get_value (ini->keys, group, key, NULL);
  g_auto (GStrv) ids = pm_table_split_list (raw != NULL ? raw : "");
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      int s = pm_rota_model_find_shift (ini->model, ids[i]);

      if (s < 0)
        ini_error (ini, group, key, "unknown shift '%s'", ids[i]);
      else
        g_array_append_val (out, s);
    }
  return out;
}

static void
read_successions (Ini *ini, const char *const *groups)
{
  for (guint g = 0; groups[g] != NULL; g++)
    {
      g_autofree char *id = group_id (groups[g], "shift");
      g_autoptr (GArray) next = NULL;
      int s;

      if (id == NULL || (s = pm_rota_model_find_shift (ini->model, id)) < 0)
        continue;
      next = shift_list (ini, groups[g], "not_followed_by");
      for (guint i = 0; i < next->len; i++)
        pm_rota_model_forbid (ini->model, s, g_array_index (next, int, i));
    }
}

/* ---- [cover NAME] */

typedef struct
{
  char *name;
  GArray *shifts; /* int */
  guint days;     /* bit w: weekday w (Monday 0) */
  int need, under, over;
  guint8 *member; /* n_people */
} Cover;

static void
cover_clear (gpointer data)
{
  Cover *c = data;

  g_free (c->name);
  g_clear_pointer (&c->shifts, g_array_unref);
  g_free (c->member);
}

static const char *const cover_keys[] = {
  "region", "skills", "shifts", "days", "need", "under_weight", "over_weight", NULL,
};

/* Day specs of the availability grammar, read back from a whole-day window on those days. */
static gboolean
cover_days (Ini *ini, const char *group, guint *mask)
{
  g_autofree char *text = ini_value (ini, group, "days");
  g_autofree char *window = NULL;
  g_autoptr (PmAvailability) days = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *prefix = NULL;

  *mask = 0x7f;
  if (text == NULL)
    return TRUE;
  g_strdelimit (text, ";", ',');
  window = g_strdup_printf ("%s 00:00-24:00", text);
  days = pm_availability_new_from_string (window, &error);
  if (days == NULL)
    {
      const char *why = error->message;

      prefix = g_strdup_printf ("window '%s': ", window);
      if (g_str_has_prefix (why, prefix))
        why += strlen (prefix);
      ini_error (ini, group, "days", "'%s' is not a list of days (%s)", text, why);
      return FALSE;
    }
  *mask = 0;
  for (guint w = 0; w < 7; w++)
    if (pm_availability_contains (days, w * PM_ROTA_MINUTES_PER_DAY, PM_ROTA_MINUTES_PER_DAY))
      *mask |= 1u << w;
  return TRUE;
}

static void
cover_members (Ini *ini, Cover *cover, const char *region, char **skills)
{
  PmRegionTree *tree = pm_network_get_regions (ini->network);
  int n = PM_ROTA_N_PEOPLE (ini->model);

  cover->member = g_new0 (guint8, MAX (n, 1));
  for (int p = 0; p < n; p++)
    {
      PmSupporter *supporter = pm_network_get_supporter (ini->network, (guint)p);
      const char *home = pm_supporter_get_region (supporter);
      gboolean in
          = region == NULL || (home != NULL && pm_region_tree_is_within (tree, home, region));

      for (guint k = 0; in && skills[k] != NULL; k++)
        in = pm_supporter_has_skill (supporter, skills[k]);
      cover->member[p] = in;
    }
}

static gboolean
read_cover (Ini *ini, const char *group, Cover *cover)
{
  g_autofree char *raw_region = ini_value (ini, group, "region");
  g_autofree char *region = pm_token_normalize (raw_region);
  g_autofree char *raw_skills = g_key_file_get_value (ini->keys, group, "skills", NULL);
  g_auto (GStrv) skills = pm_table_split_list (raw_skills != NULL ? raw_skills : "");
  g_autofree char *need = ini_required (ini, group, "need");
  guint errors = ini->ctx->n_errors;

  warn_unknown_keys (ini, group, cover_keys);
  if (region != NULL && !pm_region_tree_contains (pm_network_get_regions (ini->network), region))
    ini_error (ini, group, "region", "unknown region '%s'", region);
  if (g_key_file_has_key (ini->keys, group, "shifts", NULL))
    cover->shifts = shift_list (ini, group, "shifts");
  else
    {
      cover->shifts = g_array_new (FALSE, FALSE, sizeof (int));
      for (int s = 0; s < PM_ROTA_N_SHIFTS (ini->model); s++)
        g_array_append_val (cover->shifts, s);
    }
  cover_days (ini, group, &cover->days);
  cover->under = 100;
  if (need != NULL)
    ini_int (ini, group, "need", 0, G_MAXINT, &cover->need);
  ini_int (ini, group, "under_weight", 0, G_MAXINT, &cover->under);
  ini_int (ini, group, "over_weight", 0, G_MAXINT, &cover->over);
  if (errors != ini->ctx->n_errors)
    return FALSE;
  cover_members (ini, cover, region, skills);
  return TRUE;
}

/* One cover per (day on a listed weekday, listed shift), day-major, then by shift index, then
 * in group order; a shift listed twice in a group still gives one cover. */
static void
expand_covers (Ini *ini, GArray *covers)
{
  PmRotaModel *model = ini->model;
  GDate date = model->first_day;

  for (int d = 0; d < model->n_days; d++, g_date_add_days (&date, 1))
    {
      guint weekday = (guint)g_date_get_weekday (&date) - 1;

      for (int s = 0; s < PM_ROTA_N_SHIFTS (model); s++)
        for (guint c = 0; c < covers->len; c++)
          {
            const Cover *cover = &g_array_index (covers, Cover, c);
            gboolean listed = FALSE;
            int index;

            for (guint i = 0; i < cover->shifts->len && !listed; i++)
              listed = g_array_index (cover->shifts, int, i) == s;
            if (!listed || !(cover->days & (1u << weekday)))
              continue;
            index = pm_rota_model_add_cover (model, cover->name, d, s, cover->need, cover->under,
                                             cover->over, NULL);
            memcpy (PM_ROTA_COVER (model, index)->member, cover->member,
                    (gsize)PM_ROTA_N_PEOPLE (model));
          }
    }
}

static void
add_covers (Ini *ini, const char *const *groups)
{
  g_autoptr (GArray) covers = g_array_new (FALSE, TRUE, sizeof (Cover));

  g_array_set_clear_func (covers, cover_clear);
  for (guint g = 0; groups[g] != NULL; g++)
    {
      g_autofree char *name = group_id (groups[g], "cover");
      Cover cover = { 0 };

      if (name == NULL)
        continue;
      if (*name == '\0')
        {
          pm_table_report (ini->ctx, PM_SEVERITY_ERROR,
                           pm_key_file_find_line (ini->text, groups[g], NULL), NULL,
                           "[%s]: a cover group needs a name", groups[g]);
          continue;
        }
      cover.name = g_steal_pointer (&name);
      if (read_cover (ini, groups[g], &cover))
        g_array_append_val (covers, cover);
      else
        cover_clear (&cover);
    }
  if (ini->horizon_ok)
    expand_covers (ini, covers);
}

/* ---- the key file */

static void
warn_unknown_groups (Ini *ini, const char *const *groups)
{
  for (guint g = 0; groups[g] != NULL; g++)
    {
      g_autofree char *shift = group_id (groups[g], "shift");
      g_autofree char *cover = group_id (groups[g], "cover");

      if (shift == NULL && cover == NULL && strcmp (groups[g], "rota") != 0
          && strcmp (groups[g], "rules") != 0)
        pm_table_report (ini->ctx, PM_SEVERITY_WARNING,
                         pm_key_file_find_line (ini->text, groups[g], NULL), NULL,
                         "unknown group [%s] ignored", groups[g]);
    }
}

/* Always returns a model, with placeholder days when the horizon is unusable, so that the
 * tables can still be checked; the caller drops it if there was an error. */
static PmRotaModel *
parse_ini (Ini *ini, const char *data, gsize length, const char *file)
{
  g_autoptr (GError) local = NULL;
  g_auto (GStrv) groups = NULL;
  g_autofree char *name = NULL;
  g_autofree char *timezone = NULL;
  GDate start;
  int n_days;

  pm_table_ctx_hold (ini->ctx);
  if (strlen (ini->text) != length || !g_utf8_validate (ini->text, -1, NULL))
    pm_table_report (ini->ctx, PM_SEVERITY_ERROR, 0, NULL,
                     "invalid UTF-8 (save the file as UTF-8)");
  else if (!g_key_file_load_from_data (ini->keys, data, length, G_KEY_FILE_NONE, &local))
    pm_table_report (ini->ctx, PM_SEVERITY_ERROR, pm_key_file_find_bad_line (ini->text), NULL, "%s",
                     local->message);
  else
    ini->loaded = TRUE;
  groups = ini->loaded ? g_key_file_get_groups (ini->keys, NULL) : g_new0 (char *, 1);
  warn_unknown_groups (ini, (const char *const *)groups);
  read_rota (ini, file, &start, &n_days, &name, &timezone);
  ini->model = pm_rota_model_new (name, &start, n_days);
  ini->model->timezone = g_steal_pointer (&timezone);
  read_rules (ini);
  read_shifts (ini, (const char *const *)groups);
  read_successions (ini, (const char *const *)groups);
  pm_rota_add_people (ini->ctx, ini->model, ini->network, ini->limits, ini->ignore_availability);
  add_covers (ini, (const char *const *)groups);
  pm_rota_model_finish (ini->model, ini->min_rest);
  pm_table_ctx_release (ini->ctx);
  return ini->model;
}

/* Editors on Windows save key files with a byte-order mark, which GKeyFile rejects. */
static void
skip_bom (const char **data, gsize *length)
{
  if (*length >= 3 && memcmp (*data, "\xEF\xBB\xBF", 3) == 0)
    {
      *data += 3;
      *length -= 3;
    }
}

static void
ini_init (Ini *ini, PmTableCtx *ctx, PmNetwork *network, const char *text)
{
  memset (ini, 0, sizeof *ini);
  ini->ctx = ctx;
  ini->keys = g_key_file_new ();
  ini->text = text;
  ini->network = network;
}

PmRotaModel *
pm_rota_parse_ini (PmNetwork *network, const char *data, gsize length, const char *file,
                   PmDiagnostics *diagnostics, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (PmRotaModel) model = NULL;
  PmTableCtx ctx;
  Ini ini;
  gboolean ok;

  g_return_val_if_fail (PM_IS_NETWORK (network), NULL);
  g_return_val_if_fail (data != NULL && file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  skip_bom (&data, &length);
  text = g_strndup (data, length);
  pm_table_ctx_init (&ctx, file, diagnostics);
  ini_init (&ini, &ctx, network, text);
  model = parse_ini (&ini, data, length, file);
  g_key_file_unref (ini.keys);
  ok = pm_table_ctx_finish (&ctx, error);
  pm_table_ctx_clear (&ctx);
  return ok ? g_steal_pointer (&model) : NULL;
}

/* ---- files */

static gboolean
load_optional (const char *path, char **data, gsize *length, GError **error)
{
  return path == NULL || pm_table_load_file (path, data, length, error);
}

PmRotaModel *
pm_rota_read (PmNetwork *network, const char *rota_ini, const char *limits, const char *leave,
              const char *prefs, PmDiagnostics *diagnostics, GError **error)
{
  g_autofree char *ini_data = NULL, *limit_data = NULL, *leave_data = NULL, *pref_data = NULL;
  g_autofree char *text = NULL;
  const char *ini_text;
  g_autoptr (PmRotaModel) model = NULL;
  gsize ini_len = 0, limit_len = 0, leave_len = 0, pref_len = 0;
  PmTableCtx ctx;
  Ini ini;
  gboolean ok;

  g_return_val_if_fail (PM_IS_NETWORK (network), NULL);
  g_return_val_if_fail (rota_ini != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!pm_table_load_file (rota_ini, &ini_data, &ini_len, error)
      || !load_optional (limits, &limit_data, &limit_len, error)
      || !load_optional (leave, &leave_data, &leave_len, error)
      || !load_optional (prefs, &pref_data, &pref_len, error))
    return NULL;
  ini_text = ini_data;
  skip_bom (&ini_text, &ini_len);
  text = g_strndup (ini_text, ini_len);
  pm_table_ctx_init (&ctx, rota_ini, diagnostics);
  ini_init (&ini, &ctx, network, text);
  model = parse_ini (&ini, ini_text, ini_len, rota_ini);
  /* Without the key file the shift ids are unknown: the tables would only echo that. */
  if (ini.loaded && limits != NULL)
    pm_rota_read_limits (&ctx, model, limits, limit_data, limit_len);
  if (ini.loaded && leave != NULL)
    pm_rota_read_leave (&ctx, model, ini.horizon_ok, leave, leave_data, leave_len);
  if (ini.loaded && prefs != NULL)
    pm_rota_read_prefs (&ctx, model, ini.horizon_ok, prefs, pref_data, pref_len);
  g_key_file_unref (ini.keys);
  ok = pm_table_ctx_finish (&ctx, error);
  pm_table_ctx_clear (&ctx);
  return ok ? g_steal_pointer (&model) : NULL;
}
