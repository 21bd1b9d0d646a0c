/* peermatch: the reader of a rota as `rota plan` writes it, for `rota check`.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Two forms, told apart by the content rather than the file name (a coordinator renames
 * files): JSON when the first byte other than blanks, after an optional UTF-8 byte-order
 * mark, is `{`; else CSV.
 *   - JSON: the object pm_rota_to_data() writes; only "assignments" is read, an array of
 *     objects with "date", "shift" and "person" and, optionally, "day" (which must then agree
 *     with the date). Other members are what the planner computed and are recomputed, not
 *     trusted.
 *   - CSV: a header with the columns `date,shift,person` (others are ignored with a warning).
 * The rows go through the shared table layer, which gives every problem its line. Since
 * that layer tells JSON from CSV by the file name and wants a JSON array at the top, the
 * JSON object's "assignments" array is handed to it alone, in a copy of the text in which
 * everything else is blanked out (line breaks kept, so lines stay right), and its problems
 * are passed on under the real file name.
 *
 * Errors (the rota is then not returned): an unknown person or shift, a date that is no date
 * or lies outside the horizon, a "day" that does not agree with its date. A second shift for
 * a person on one day is no input error but a broken hard rule (one_per_day): the first is
 * kept and the rota records the violation. The same assignment twice is a warning. */
#include "pm-private.h"
#include "pm-rota-api-private.h"
#include "pm-table-private.h"

#include <json-glib/json-glib.h>
#include <string.h>

enum
{
  COL_DATE,
  COL_SHIFT,
  COL_PERSON,
  COL_DAY, /* JSON only */
  N_COLS,
};

static const PmTableColumn columns[N_COLS] = {
  [COL_DATE] = { "date", TRUE, PM_TABLE_KIND_DATE },
  [COL_SHIFT] = { "shift", TRUE, PM_TABLE_KIND_TEXT },
  [COL_PERSON] = { "person", TRUE, PM_TABLE_KIND_TEXT },
  [COL_DAY] = { "day", FALSE, PM_TABLE_KIND_COUNT },
};

typedef struct
{
  PmRota *rota;
  const PmRotaModel *model;
  GHashTable *seen; /* "person\x1fday\x1fshift" → first line */
} Reader;

static const char *
day_date (const PmRotaModel *model, int day, char buf[static 11])
{
  GDate date = model->first_day;

  g_date_add_days (&date, (guint)day);
  return pm_date_format (&date, buf);
}

/* The day of the row's date, or -1 (reported) when it is no date of the horizon. */
static int
row_day (PmTableCtx *ctx, const Reader *r, const PmTableRow *row)
{
  GDate date;
  char first[11], last[11];
  int day;

  if (!pm_table_cell_date (ctx, row, columns, COL_DATE, &date))
    return -1;
  day = (int)g_date_days_between (&r->model->first_day, &date);
  if (day >= 0 && day < r->model->n_days)
    return day;
  pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[COL_DATE], "date",
                   "date: %s is outside the rota (%s to %s)", row->text[COL_DATE],
                   day_date (r->model, 0, first), day_date (r->model, r->model->n_days - 1, last));
  return -1;
}

/* FALSE (reported) when the row gives a "day" that is not its date's. */
static gboolean
day_agrees (PmTableCtx *ctx, const Reader *r, const PmTableRow *row, int day)
{
  guint given;
  char date[11];

  if (!row->present[COL_DAY] || !pm_table_cell_count (ctx, row, columns, COL_DAY, &given))
    return !row->bad[COL_DAY];
  if (day < 0 || given == (guint)day)
    return TRUE;
  pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[COL_DAY], "day",
                   "day: %u is not the day of %s (day %d)", given, day_date (r->model, day, date),
                   day);
  return FALSE;
}

static int
row_index (PmTableCtx *ctx, const PmTableRow *row, guint col, int index, const char *what)
{
  const char *id = pm_table_cell_text (ctx, row, columns, col);

  if (id != NULL && index < 0)
    pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[col], columns[col].name,
                     "%s: unknown %s '%s'", columns[col].name, what, id);
  return id != NULL ? index : -1;
}

/* The person already has @shift that day: the same line twice, or a second shift. */
static void
second_shift (PmTableCtx *ctx, Reader *r, const PmTableRow *row, int person, int day, int shift)
{
  const PmRotaModel *model = r->model;
  g_autofree char *key = g_strdup_printf ("%d\x1f%d\x1f%d", person, day, shift);
  const char *pid = PM_ROTA_PERSON (model, person)->id;
  int first = pm_rota_get_cells (r->rota)[(gsize)person * (gsize)model->n_days + (gsize)day];
  gpointer line = g_hash_table_lookup (r->seen, key);
  PmRotaViolation *v;
  char date[11];

  if (line != NULL)
    {
      pm_table_report (ctx, PM_SEVERITY_WARNING, row->line, "person",
                       "person: %s is given %s on %s twice (first on line %u); counted once", pid,
                       PM_ROTA_SHIFT (model, shift)->id, day_date (model, day, date),
                       GPOINTER_TO_UINT (line));
      return;
    }
  g_hash_table_insert (r->seen, g_steal_pointer (&key), GUINT_TO_POINTER (row->line));
  v = g_new0 (PmRotaViolation, 1);
  v->rule = PM_ROTA_RULE_ONE_PER_DAY;
  v->person = person;
  v->person_id = g_strdup (pid);
  v->day = day;
  v->message = g_strdup_printf ("%s: two shifts on %s (%s and %s); only %s is counted", pid,
                                day_date (model, day, date), PM_ROTA_SHIFT (model, first)->id,
                                PM_ROTA_SHIFT (model, shift)->id, PM_ROTA_SHIFT (model, first)->id);
  pm_rota_take_extra_violation (r->rota, v);
}

static void
assignment_row (PmTableCtx *ctx, const PmTableRow *row, gpointer user_data)
{
  Reader *r = user_data;
  const PmRotaModel *model = r->model;
  guint errors = ctx->n_errors;
  int day = row_day (ctx, r, row);
  gboolean agrees = day_agrees (ctx, r, row, day);
  int shift = row_index (ctx, row, COL_SHIFT,
                         pm_rota_model_find_shift (model, row->text[COL_SHIFT]), "shift");
  int person = row_index (ctx, row, COL_PERSON,
                          pm_rota_model_find_person (model, row->text[COL_PERSON]), "person");
  int current;

  if (row->broken || ctx->n_errors > errors || !agrees || day < 0 || shift < 0 || person < 0)
    return;
  current = pm_rota_get_cells (r->rota)[(gsize)person * (gsize)model->n_days + (gsize)day];
  if (current != PM_ROTA_OFF)
    {
      second_shift (ctx, r, row, person, day, shift);
      return;
    }
  pm_rota_set_cell (r->rota, person, day, shift);
  g_hash_table_insert (r->seen, g_strdup_printf ("%d\x1f%d\x1f%d", person, day, shift),
                       GUINT_TO_POINTER (row->line));
}

/* ---- JSON: the "assignments" member of the top-level object */

static guint
line_at (const char *data, gsize offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    line += data[i] == '\n';
  return line;
}

/* Finds the value of the top-level object's member "assignments" in @data (valid JSON, an
 * object): the offsets of its first and last bytes. With the key given twice, the last
 * wins, as in json-glib. FALSE when there is no such member. */
static gboolean
find_assignments (const char *data, gsize length, gsize *start, gsize *end)
{
  static const char key[] = "\"assignments\"";
  guint depth = 0;
  gboolean found = FALSE, closed = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        {
          gsize close = i + 1;

          while (close < length && data[close] != '"')
            close += data[close] == '\\' ? 2 : 1;
          if (depth == 1 && close - i + 1 == strlen (key)
              && memcmp (data + i, key, strlen (key)) == 0)
            {
              gsize v = close + 1;

              while (v < length && (g_ascii_isspace (data[v]) || data[v] == ':'))
                v++;
              *start = v;
              found = TRUE;
              closed = FALSE;
            }
          i = close;
        }
      else if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        {
          depth--;
          /* The first container to close back to the object's level after the key is
           * its value (when the value is a container at all). */
          if (found && !closed && depth == 1)
            {
              *end = i;
              closed = TRUE;
            }
        }
    }
  return found;
}

/* "<data>:3:9: Parse error: unexpected ..." → line 3, "unexpected ...". */
static void
report_parse_error (PmTableCtx *ctx, const GError *error)
{
  const char *message = error->message;
  guint line = 0;

  if (g_str_has_prefix (message, "<data>:"))
    {
      char *rest;

      line = (guint)g_ascii_strtoull (message + 7, &rest, 10);
      message = strstr (rest, ": ");
      message = message != NULL ? message + 2 : error->message;
      if (g_str_has_prefix (message, "Parse error: "))
        message += strlen ("Parse error: ");
    }
  pm_table_report (ctx, PM_SEVERITY_ERROR, line, NULL, "invalid JSON: %s", message);
}

/* A copy of @data with only the bytes from @start to @end (the array) and the line breaks. */
static char *
only_array (const char *data, gsize length, gsize start, gsize end)
{
  char *copy = g_strndup (data, length);

  for (gsize i = 0; i < length; i++)
    if ((i < start || i > end) && copy[i] != '\n')
      copy[i] = ' ';
  return copy;
}

/* The text of the "assignments" array, blanked around, or NULL (reported). */
static char *
json_assignments (PmTableCtx *ctx, const char *data, gsize length)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;
  JsonNode *member;
  const char *bad;
  gsize start = 0, end = 0;

  if (!g_utf8_validate_len (data, length, &bad))
    {
      pm_table_report (ctx, PM_SEVERITY_ERROR, line_at (data, (gsize)(bad - data)), NULL,
                       "invalid UTF-8 (save the file as UTF-8)");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize)length, &error))
    {
      report_parse_error (ctx, error);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      pm_table_report (ctx, PM_SEVERITY_ERROR, 1, NULL, "expected a JSON object");
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  member = json_object_get_member (root, "assignments");
  if (member == NULL || !find_assignments (data, length, &start, &end))
    {
      pm_table_report (ctx, PM_SEVERITY_ERROR, 1, "assignments",
                       "assignments: missing (expected an array of {date, shift, person})");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (member))
    {
      pm_table_report (ctx, PM_SEVERITY_ERROR, line_at (data, start), "assignments",
                       "assignments: expected an array of {date, shift, person}");
      return NULL;
    }
  return only_array (data, length, start, end);
}

/* ---- the reader */

/* The table layer's problems, found under a stand-in name, passed on under the real one. */
static void
relay (PmTableCtx *ctx, PmDiagnostics *found)
{
  for (guint i = 0; i < pm_diagnostics_get_n_items (found); i++)
    pm_table_report (ctx, pm_diagnostics_get_severity (found, i),
                     pm_diagnostics_get_line (found, i), pm_diagnostics_get_field (found, i), "%s",
                     pm_diagnostics_get_message (found, i));
}

static gboolean
looks_like_json (const char *data, gsize length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return i < length && data[i] == '{';
}

static void
read_rows (PmTableCtx *ctx, Reader *r, char *data, gsize length)
{
  g_autoptr (PmDiagnostics) found = pm_diagnostics_new ();
  g_autofree char *array = NULL;
  PmTableCtx inner;

  if (looks_like_json (data, length))
    {
      if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        memset (data, ' ', 3);
      array = json_assignments (ctx, data, length);
      if (array == NULL)
        return;
      pm_table_ctx_init (&inner, "assignments.json", found);
      pm_table_read (&inner, array, length, columns, N_COLS, assignment_row, r);
    }
  else
    {
      pm_table_ctx_init (&inner, "assignments.csv", found);
      pm_table_read (&inner, data, length, columns, COL_DAY, assignment_row, r);
    }
  pm_table_ctx_clear (&inner);
  relay (ctx, found);
}

/**
 * pm_reader_read_rota:
 * @problem: the problem the rota is for
 * @path: a rota as `peermatch rota plan` writes it: its JSON object (only `assignments` is
 *   read) or a CSV file with the columns `date,shift,person`
 * @diagnostics: (nullable): where every problem found goes, warnings included
 * @error: return location for a #GError
 *
 * Reads a rota, for instance to check one made or edited by hand. JSON is recognised by its
 * first character `{` (after blanks and an optional byte-order mark), whatever the file's
 * name. Each assignment gives a `date` within the horizon, a `shift` type id and a `person`
 * id of @problem; in JSON a `day`, when given, must be the date's day number. Reading goes on
 * after a problem, so @diagnostics gets them all with the line and the field.
 *
 * A second shift for a person on a day they already have one is not an error in the file
 * but a broken hard rule: the first is kept and the rota has a `one_per_day` violation
 * saying so. The same assignment given twice is a warning.
 *
 * Returns: (transfer full): the rota; %NULL with %PM_ERROR_INVALID_DATA (`FILE:LINE:
 *   message` of the first error and ` (and N more errors)`), or %PM_ERROR_OPEN when @path
 *   cannot be read
 *
 * Since: 0.1
 */
PmRota *
pm_reader_read_rota (PmRotaProblem *problem, const char *path, PmDiagnostics *diagnostics,
                     GError **error)
{
  g_autoptr (PmRota) rota = NULL;
  g_autoptr (GHashTable) seen = NULL;
  g_autofree char *data = NULL;
  gsize length;
  PmTableCtx ctx;
  Reader r;
  gboolean ok;

  g_return_val_if_fail (PM_IS_ROTA_PROBLEM (problem), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (diagnostics == NULL || PM_IS_DIAGNOSTICS (diagnostics), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!pm_table_load_file (path, &data, &length, error))
    return NULL;
  rota = pm_rota_new (problem);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r = (Reader){ rota, pm_rota_problem_get_model (problem), seen };
  pm_table_ctx_init (&ctx, path, diagnostics);
  read_rows (&ctx, &r, data, length);
  ok = pm_table_ctx_finish (&ctx, error);
  pm_table_ctx_clear (&ctx);
  return ok ? g_steal_pointer (&rota) : NULL;
}
