/* peermatch: the people of a rota, and the limits, leave and request tables about them (how
 * they map onto the rota model: pm-rota-reader-private.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Split from pm-rota-reader.c, which reads the key file and calls in here: first
 * pm_rota_add_people() while the model is built, then the tables once it is finished. The
 * tables report to the same problem context as the key file, switching its file name. */
#include "pm-rota-reader-private.h"
#include "pm-table-private.h"

/* ---- limits */

/* The per-person limits, named as in [rules] and in the limits table, in its column order. */
const char *const pm_rota_limit_names[PM_ROTA_N_LIMITS] = {
  "max_shifts",      "max_minutes",  "min_minutes",  "max_consecutive",
  "min_consecutive", "min_days_off", "max_weekends",
};

static const gsize limit_offsets[PM_ROTA_N_LIMITS] = {
  G_STRUCT_OFFSET (PmRotaPerson, max_shifts),      G_STRUCT_OFFSET (PmRotaPerson, max_minutes),
  G_STRUCT_OFFSET (PmRotaPerson, min_minutes),     G_STRUCT_OFFSET (PmRotaPerson, max_consecutive),
  G_STRUCT_OFFSET (PmRotaPerson, min_consecutive), G_STRUCT_OFFSET (PmRotaPerson, min_days_off),
  G_STRUCT_OFFSET (PmRotaPerson, max_weekends),
};

#define LIMIT(person, i) (*(int *)((char *)(person) + limit_offsets[i]))

/* A minimum above its maximum makes every rota invalid: say so where it is written. */
void
pm_rota_check_min_max (PmTableCtx *ctx, const int *limits, guint line_min_minutes,
                       guint line_min_consecutive)
{
  if (limits[PM_ROTA_LIMIT_MIN_MINUTES] > limits[PM_ROTA_LIMIT_MAX_MINUTES])
    pm_table_report (ctx, PM_SEVERITY_ERROR, line_min_minutes, "min_minutes",
                     "min_minutes: %d is more than max_minutes (%d)",
                     limits[PM_ROTA_LIMIT_MIN_MINUTES], limits[PM_ROTA_LIMIT_MAX_MINUTES]);
  if (limits[PM_ROTA_LIMIT_MIN_CONSECUTIVE] > limits[PM_ROTA_LIMIT_MAX_CONSECUTIVE])
    pm_table_report (ctx, PM_SEVERITY_ERROR, line_min_consecutive, "min_consecutive",
                     "min_consecutive: %d is more than max_consecutive (%d)",
                     limits[PM_ROTA_LIMIT_MIN_CONSECUTIVE], limits[PM_ROTA_LIMIT_MAX_CONSECUTIVE]);
}

/* ---- people */

static void
person_days_off (PmRotaModel *model, PmRotaPerson *person, PmSupporter *supporter)
{
  const GDate *paused = pm_supporter_get_paused_until (supporter);
  const GDate *trained = pm_supporter_get_trained_until (supporter);
  GDate date = model->first_day;

  for (int d = 0; d < model->n_days; d++, g_date_add_days (&date, 1))
    if ((paused != NULL && g_date_compare (&date, paused) <= 0) || trained == NULL
        || g_date_compare (&date, trained) > 0)
      person->day_off[d] = 1;
}

/* A shift of day d starts at weekday(d) * 1440 + start on the weekly grid, and may run past
 * midnight, Sunday into Monday: pm_availability_contains() wraps. */
static void
person_allowed (PmRotaModel *model, PmRotaPerson *person, PmSupporter *supporter)
{
  const PmAvailability *availability = pm_supporter_get_availability (supporter);
  int n_shifts = PM_ROTA_N_SHIFTS (model);
  GDate date = model->first_day;

  for (int d = 0; d < model->n_days; d++, g_date_add_days (&date, 1))
    {
      guint weekday = (guint)g_date_get_weekday (&date) - 1; /* Monday 0 */

      for (int s = 0; s < n_shifts; s++)
        {
          const PmRotaShift *shift = PM_ROTA_SHIFT (model, s);
          guint start = weekday * PM_ROTA_MINUTES_PER_DAY + (guint)shift->start_minute;

          person->allowed[d * n_shifts + s]
              = pm_availability_contains (availability, start, (guint)shift->minutes);
        }
    }
}

void
pm_rota_add_people (PmTableCtx *ctx, PmRotaModel *model, PmNetwork *network, const int *limits,
                    gboolean ignore_availability)
{
  guint n = pm_network_get_n_supporters (network);

  for (guint i = 0; i < n; i++)
    {
      PmSupporter *supporter = pm_network_get_supporter (network, i);
      g_autoptr (GError) error = NULL;
      int index = pm_rota_model_add_person (model, pm_supporter_get_id (supporter),
                                            pm_supporter_get_name (supporter), &error);
      PmRotaPerson *person;

      if (index < 0) /* the network has unique ids: cannot happen */
        {
          pm_table_report (ctx, PM_SEVERITY_ERROR, 0, NULL, "%s", error->message);
          continue;
        }
      person = PM_ROTA_PERSON (model, index);
      for (guint l = 0; l < PM_ROTA_N_LIMITS; l++)
        LIMIT (person, l) = limits[l];
      person_days_off (model, person, supporter);
      if (!ignore_availability)
        person_allowed (model, person, supporter);
    }
}

/* ---- the tables */

typedef struct
{
  PmRotaModel *model;
  gboolean horizon_ok; /* the model's days are the rota's, not placeholders (leave, prefs) */
  GHashTable *seen;    /* person id → line (limits) */
} Tables;

static int
table_person (PmTableCtx *ctx, const PmTableRow *row, const PmTableColumn *columns,
              PmRotaModel *model)
{
  const char *id = pm_table_cell_id (ctx, row, columns, 0);
  int p;

  if (id == NULL)
    return -1;
  p = pm_rota_model_find_person (model, id);
  if (p < 0)
    pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[0], columns[0].name,
                     "%s: unknown supporter '%s'", columns[0].name, id);
  return p;
}

static const PmTableColumn limit_columns[] = {
  { "person", TRUE, PM_TABLE_KIND_TEXT },
  { "max_shifts", FALSE, PM_TABLE_KIND_COUNT },
  { "max_minutes", FALSE, PM_TABLE_KIND_COUNT },
  { "min_minutes", FALSE, PM_TABLE_KIND_COUNT },
  { "max_consecutive", FALSE, PM_TABLE_KIND_COUNT },
  { "min_consecutive", FALSE, PM_TABLE_KIND_COUNT },
  { "min_days_off", FALSE, PM_TABLE_KIND_COUNT },
  { "max_weekends", FALSE, PM_TABLE_KIND_COUNT },
};

static void
limit_row (PmTableCtx *ctx, const PmTableRow *row, gpointer user_data)
{
  Tables *t = user_data;
  PmRotaModel *model = t->model;
  guint errors = ctx->n_errors;
  int p = table_person (ctx, row, limit_columns, model);
  int limits[PM_ROTA_N_LIMITS];
  gpointer first;

  if (p >= 0 && (first = g_hash_table_lookup (t->seen, GINT_TO_POINTER (p + 1))) != NULL)
    pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[0], "person",
                     "person: '%s' is listed twice (first on line %u)",
                     PM_ROTA_PERSON (model, p)->id, GPOINTER_TO_UINT (first));
  for (guint l = 0; l < PM_ROTA_N_LIMITS; l++)
    {
      guint n;

      limits[l] = p >= 0 ? LIMIT (PM_ROTA_PERSON (model, p), l) : 0;
      if (!pm_table_cell_count (ctx, row, limit_columns, l + 1, &n))
        continue;
      if (n > G_MAXINT)
        pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[l + 1], pm_rota_limit_names[l],
                         "%s: %u is too large", pm_rota_limit_names[l], n);
      limits[l] = (int)MIN (n, (guint)G_MAXINT);
    }
  if (p < 0 || row->broken || errors != ctx->n_errors)
    return;
  g_hash_table_insert (t->seen, GINT_TO_POINTER (p + 1), GUINT_TO_POINTER (row->line));
  pm_rota_check_min_max (ctx, limits, row->line, row->line);
  for (guint l = 0; l < PM_ROTA_N_LIMITS; l++)
    LIMIT (PM_ROTA_PERSON (model, p), l) = limits[l];
}

static const PmTableColumn leave_columns[] = {
  { "person", TRUE, PM_TABLE_KIND_TEXT },
  { "from", TRUE, PM_TABLE_KIND_DATE },
  { "to", TRUE, PM_TABLE_KIND_DATE },
};

static void
leave_row (PmTableCtx *ctx, const PmTableRow *row, gpointer user_data)
{
  Tables *t = user_data;
  PmRotaModel *model = t->model;
  guint errors = ctx->n_errors;
  int p = table_person (ctx, row, leave_columns, model);
  GDate from, to;
  gboolean have_from = pm_table_cell_date (ctx, row, leave_columns, 1, &from);
  gboolean have_to = pm_table_cell_date (ctx, row, leave_columns, 2, &to);
  char a[11], b[11];
  int first, last;

  if (have_from && have_to && g_date_compare (&to, &from) < 0)
    pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[2], "to", "to: %s is before from (%s)",
                     pm_date_format (&to, a), pm_date_format (&from, b));
  if (p < 0 || !have_from || !have_to || row->broken || errors != ctx->n_errors || !t->horizon_ok)
    return;
  first = MAX (g_date_days_between (&model->first_day, &from), 0);
  last = MIN (g_date_days_between (&model->first_day, &to), model->n_days - 1);
  for (int d = first; d <= last; d++)
    PM_ROTA_PERSON (model, p)->day_off[d] = 1;
}

static const PmTableColumn pref_columns[] = {
  { "person", TRUE, PM_TABLE_KIND_TEXT },   { "date", TRUE, PM_TABLE_KIND_DATE },
  { "shift", TRUE, PM_TABLE_KIND_TEXT },    { "kind", TRUE, PM_TABLE_KIND_TEXT },
  { "weight", FALSE, PM_TABLE_KIND_COUNT },
};

/* The day of a request; -1 when unusable (reported). Quotes the cell only when it is a date:
 * anything else typed there may be personal. */
static int
pref_day (PmTableCtx *ctx, const PmTableRow *row, Tables *t)
{
  const char *text = pm_table_cell_text (ctx, row, pref_columns, 1);
  PmRotaModel *model = t->model;
  GDate date, last;
  char a[11], b[11];
  int d;

  if (text == NULL)
    return -1;
  if (!pm_date_parse (text, &date))
    {
      pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[1], "date",
                       "date: not a date (YYYY-MM-DD)");
      return -1;
    }
  if (!t->horizon_ok)
    return -1;
  d = g_date_days_between (&model->first_day, &date);
  if (d < 0 || d >= model->n_days)
    {
      last = model->first_day;
      g_date_add_days (&last, (guint)model->n_days - 1);
      pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[1], "date",
                       "date: %s is outside the rota (%s to %s)", text,
                       pm_date_format (&model->first_day, a), pm_date_format (&last, b));
      return -1;
    }
  return d;
}

static void
pref_row (PmTableCtx *ctx, const PmTableRow *row, gpointer user_data)
{
  Tables *t = user_data;
  PmRotaModel *model = t->model;
  guint errors = ctx->n_errors;
  int p = table_person (ctx, row, pref_columns, model);
  int d = pref_day (ctx, row, t);
  const char *shift = pm_table_cell_text (ctx, row, pref_columns, 2);
  const char *kind = pm_table_cell_text (ctx, row, pref_columns, 3);
  int s = shift != NULL ? pm_rota_model_find_shift (model, shift) : -1;
  gboolean on = kind != NULL && g_ascii_strcasecmp (kind, "on") == 0;
  int weight = 1;

  if (shift != NULL && s < 0)
    pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[2], "shift", "shift: unknown shift '%s'",
                     shift);
  if (kind != NULL && !on && g_ascii_strcasecmp (kind, "off") != 0)
    pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[3], "kind", "kind: must be on or off");
  if (row->text[4] != NULL && !pm_rota_parse_int (row->text[4], &weight))
    pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[4], "weight",
                     "weight: not a whole number ≥ 0");
  if (p < 0 || d < 0 || s < 0 || kind == NULL || row->broken || errors != ctx->n_errors)
    return;
  pm_rota_model_add_request (model, p, d, s, on ? PM_ROTA_REQUEST_ON : PM_ROTA_REQUEST_OFF, weight,
                             NULL);
}

static void
read_table (PmTableCtx *ctx, Tables *t, const char *path, const char *data, gsize length,
            const PmTableColumn *columns, guint n_columns, PmTableRowFunc func)
{
  ctx->file = path;
  pm_table_read (ctx, data, length, columns, n_columns, func, t);
}

void
pm_rota_read_limits (PmTableCtx *ctx, PmRotaModel *model, const char *path, const char *data,
                     gsize length)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  Tables t = { .model = model, .seen = seen };

  read_table (ctx, &t, path, data, length, limit_columns, G_N_ELEMENTS (limit_columns), limit_row);
}

void
pm_rota_read_leave (PmTableCtx *ctx, PmRotaModel *model, gboolean horizon_ok, const char *path,
                    const char *data, gsize length)
{
  Tables t = { .model = model, .horizon_ok = horizon_ok };

  read_table (ctx, &t, path, data, length, leave_columns, G_N_ELEMENTS (leave_columns), leave_row);
}

void
pm_rota_read_prefs (PmTableCtx *ctx, PmRotaModel *model, gboolean horizon_ok, const char *path,
                    const char *data, gsize length)
{
  Tables t = { .model = model, .horizon_ok = horizon_ok };

  read_table (ctx, &t, path, data, length, pref_columns, G_N_ELEMENTS (pref_columns), pref_row);
}
