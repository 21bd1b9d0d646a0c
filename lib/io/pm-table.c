/* peermatch: the table layer under the supporter, request, org-chart and region readers:
 * a CSV file with a header row or a JSON array of objects, seen as rows of cells, and the
 * checks on single cells. Also where every reader's problems go.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"
#include "pm-csv-private.h"
#include "pm-table-private.h"

#include <errno.h>
#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_ID_BYTES 64

/* ---- where problems go (see pm-table-private.h) */

typedef struct
{
  PmSeverity severity;
  guint line;
  char *field;
  char *message;
} Problem;

static void
problem_clear (gpointer data)
{
  Problem *p = data;

  g_free (p->field);
  g_free (p->message);
}

void
pm_table_ctx_init (PmTableCtx *ctx, const char *file, PmDiagnostics *diagnostics)
{
  ctx->file = file;
  ctx->diagnostics = diagnostics;
  ctx->n_errors = 0;
  ctx->first_error = NULL;
  ctx->pending = NULL;
}

void
pm_table_ctx_clear (PmTableCtx *ctx)
{
  g_clear_pointer (&ctx->first_error, g_free);
}

static void
emit (PmTableCtx *ctx, const Problem *p)
{
  if (ctx->diagnostics != NULL)
    pm_diagnostics_add (ctx->diagnostics, p->severity, ctx->file, p->line, p->field, p->message);
  if (p->severity == PM_SEVERITY_ERROR && ctx->first_error == NULL)
    ctx->first_error = p->line > 0 ? g_strdup_printf ("%s:%u: %s", ctx->file, p->line, p->message)
                                   : g_strdup_printf ("%s: %s", ctx->file, p->message);
}

void
pm_table_report (PmTableCtx *ctx, PmSeverity severity, guint line, const char *field,
                 const char *format, ...)
{
  Problem p = { severity, line, g_strdup (field), NULL };
  va_list args;

  va_start (args, format);
  p.message = g_strdup_vprintf (format, args);
  va_end (args);
  if (severity == PM_SEVERITY_ERROR)
    ctx->n_errors++;
  if (ctx->pending != NULL)
    {
      g_array_append_val (ctx->pending, p);
      return;
    }
  emit (ctx, &p);
  problem_clear (&p);
}

/* A JSON item's problems are found field by field in the item's order; list them by line. */
static void
ctx_hold (PmTableCtx *ctx)
{
  ctx->pending = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (ctx->pending, problem_clear);
}

static gint
problem_compare (gconstpointer a, gconstpointer b)
{
  guint la = ((const Problem *)a)->line, lb = ((const Problem *)b)->line;

  return la < lb ? -1 : la > lb;
}

static void
ctx_release (PmTableCtx *ctx)
{
  g_autoptr (GArray) pending = g_steal_pointer (&ctx->pending);

  g_array_sort (pending, problem_compare); /* stable: same-line problems keep their order */
  for (guint i = 0; i < pending->len; i++)
    emit (ctx, &g_array_index (pending, Problem, i));
}

void
pm_table_ctx_hold (PmTableCtx *ctx)
{
  g_return_if_fail (ctx->pending == NULL);
  ctx_hold (ctx);
}

void
pm_table_ctx_release (PmTableCtx *ctx)
{
  g_return_if_fail (ctx->pending != NULL);
  ctx_release (ctx);
}

gboolean
pm_table_ctx_finish (PmTableCtx *ctx, GError **error)
{
  if (ctx->n_errors == 0)
    return TRUE;
  if (ctx->n_errors == 1)
    g_set_error_literal (error, PM_ERROR, PM_ERROR_INVALID_DATA, ctx->first_error);
  else
    g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA, "%s (and %u more error%s)",
                 ctx->first_error, ctx->n_errors - 1, ctx->n_errors == 2 ? "" : "s");
  return FALSE;
}

/* ---- files */

gboolean
pm_table_load_file (const char *path, char **data, gsize *length, GError **error)
{
  g_autoptr (GString) buf = g_string_new (NULL);
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  int saved;

  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, PM_ERROR, PM_ERROR_OPEN, "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  for (;;)
    {
      char chunk[65536];
      ssize_t n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved = errno;
          close (fd);
          g_set_error (error, PM_ERROR, PM_ERROR_OPEN, "%s: %s", path, g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        break;
      g_string_append_len (buf, chunk, n);
    }
  close (fd);
  *length = buf->len;
  *data = g_string_free (g_steal_pointer (&buf), FALSE);
  return TRUE;
}

static gboolean
is_json_file (const char *file)
{
  gsize n = strlen (file);

  return n >= 5 && g_ascii_strcasecmp (file + n - 5, ".json") == 0;
}
/* ---- tables: CSV with a header row, or a JSON array of objects, seen as rows of cells */

typedef struct
{
  PmTableCtx *ctx;
  const PmTableColumn *columns;
  guint n_columns;
  PmTableRowFunc func;
  gpointer user_data;
} Table;

static void
row_clear (PmTableRow *row)
{
  for (guint i = 0; i < PM_TABLE_MAX_COLUMNS; i++)
    {
      g_free (row->text[i]);
      g_strfreev (row->list[i]);
    }
}

static gint
find_column (const Table *t, const char *name)
{
  g_autofree char *key = g_strstrip (g_ascii_strdown (name, -1));

  for (guint i = 0; i < t->n_columns; i++)
    if (strcmp (t->columns[i].name, key) == 0)
      return (gint)i;
  return -1;
}

static char *
trimmed_or_null (const char *raw)
{
  char *text = g_strstrip (g_strdup (raw));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Items trimmed, empties dropped. */
char **
pm_table_split_list (const char *raw)
{
  g_auto (GStrv) parts = g_strsplit (raw, ";", -1);
  GPtrArray *out = g_ptr_array_new_null_terminated (4, g_free, TRUE);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *item = trimmed_or_null (parts[i]);

      if (item != NULL)
        g_ptr_array_add (out, item);
    }
  return (char **)g_ptr_array_free (out, FALSE);
}

static void
set_cell (PmTableRow *row, guint col, PmTableKind kind, const char *raw, guint line)
{
  row->present[col] = TRUE;
  row->lines[col] = line;
  if (kind == PM_TABLE_KIND_LIST)
    row->list[col] = pm_table_split_list (raw);
  else
    row->text[col] = trimmed_or_null (raw);
}

/* Maps header fields to columns; FALSE when a required column is missing. */
static gboolean
csv_header (Table *t, char **header, guint line, gint *map)
{
  gboolean seen[PM_TABLE_MAX_COLUMNS] = { FALSE };
  gboolean ok = TRUE;

  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_ascii_strdown (header[i], -1));
      gint col = find_column (t, name);

      map[i] = -1;
      if (col < 0)
        pm_table_report (t->ctx, PM_SEVERITY_WARNING, line, name, "unknown column '%s' ignored",
                         name);
      else if (seen[col])
        {
          pm_table_report (t->ctx, PM_SEVERITY_ERROR, line, name, "column '%s' appears twice",
                           name);
          ok = FALSE;
        }
      else
        {
          seen[col] = TRUE;
          map[i] = col;
        }
    }
  for (guint c = 0; c < t->n_columns; c++)
    if (t->columns[c].required && !seen[c])
      {
        pm_table_report (t->ctx, PM_SEVERITY_ERROR, line, t->columns[c].name,
                         "missing required column '%s'", t->columns[c].name);
        ok = FALSE;
      }
  return ok;
}

static void
read_csv_table (Table *t, const char *data, gsize length)
{
  g_autoptr (PmCsvReader) reader = pm_csv_reader_new (data, length);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) header = NULL;
  g_autofree gint *map = NULL;
  guint n_header, line = 0;
  gboolean header_ok;
  PmCsvStatus status = pm_csv_reader_next (reader, &header, &line, &error);

  if (status == PM_CSV_END)
    {
      pm_table_report (t->ctx, PM_SEVERITY_ERROR, 0, NULL,
                       "the file is empty (expected a header line)");
      return;
    }
  if (status == PM_CSV_ERROR)
    {
      /* Without the header no row can be read. */
      pm_table_report (t->ctx, PM_SEVERITY_ERROR, line, NULL, "%s", error->message);
      return;
    }
  n_header = g_strv_length (header);
  map = g_new (gint, n_header);
  header_ok = csv_header (t, header, line, map);
  for (;;)
    {
      g_auto (GStrv) fields = NULL;
      PmTableRow row = { 0 };

      g_clear_error (&error);
      status = pm_csv_reader_next (reader, &fields, &line, &error);
      if (status == PM_CSV_END)
        break;
      if (status == PM_CSV_ERROR)
        {
          pm_table_report (t->ctx, PM_SEVERITY_ERROR, line, NULL, "%s", error->message);
          continue;
        }
      if (g_strv_length (fields) != n_header)
        {
          pm_table_report (t->ctx, PM_SEVERITY_ERROR, line, NULL,
                           "the row has %u fields, the header %u", g_strv_length (fields),
                           n_header);
          continue;
        }
      row.line = line;
      row.broken = !header_ok;
      for (guint i = 0; i < n_header; i++)
        if (map[i] >= 0)
          set_cell (&row, map[i], t->columns[map[i]].kind, fields[i], line);
      t->func (t->ctx, &row, t->user_data);
      row_clear (&row);
    }
}

/* json-glib does not say where a node is, so find the line of every item of the top-level
 * array and of the keys of those items by scanning the text, which is known to be valid
 * JSON. */
typedef struct
{
  guint line;
  GHashTable *keys; /* lower-case key → line */
} ItemPos;

static void
item_pos_clear (gpointer data)
{
  g_clear_pointer (&((ItemPos *)data)->keys, g_hash_table_unref);
}

static GArray *
scan_json_items (const char *data, gsize length)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (ItemPos));
  g_autoptr (GString) key = NULL;
  guint line = 1, depth = 0, key_line = 0;
  gboolean in_string = FALSE, expect_item = FALSE, expect_key = FALSE, item_is_object = FALSE;

  g_array_set_clear_func (items, item_pos_clear);
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            {
              if (key != NULL)
                g_string_append_len (key, data + i, 2);
              i++;
            }
          else if (c == '"')
            {
              in_string = FALSE;
              if (key != NULL)
                {
                  ItemPos *pos = &g_array_index (items, ItemPos, items->len - 1);

                  g_hash_table_replace (pos->keys, g_strstrip (g_ascii_strdown (key->str, -1)),
                                        GUINT_TO_POINTER (key_line));
                  g_string_free (g_steal_pointer (&key), TRUE);
                }
            }
          else if (key != NULL)
            g_string_append_c (key, c);
          continue;
        }
      if (c == '\n')
        line++;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        continue;
      if (expect_item && depth == 1 && c != ']')
        {
          ItemPos pos = { line, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };

          g_array_append_val (items, pos);
          item_is_object = c == '{';
        }
      expect_item = FALSE;
      switch (c)
        {
          case '"':
            in_string = TRUE;
            if (depth == 2 && item_is_object && expect_key)
              {
                key = g_string_new (NULL);
                key_line = line;
              }
            expect_key = FALSE;
            break;
          case '{':
          case '[':
            depth++;
            expect_item = depth == 1;
            expect_key = depth == 2 && c == '{';
            break;
          case '}':
          case ']':
            depth--;
            break;
          case ',':
            expect_item = depth == 1;
            expect_key = depth == 2 && item_is_object;
            break;
          default:
            break;
        }
    }
  return items;
}

/* The strings of a JSON array, trimmed, empties dropped; NULL when @node is not an array of
 * strings. */
static char **
json_string_array (JsonNode *node)
{
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  g_autoptr (GPtrArray) items = NULL;

  if (array == NULL)
    return NULL;
  items = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      char *text;

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        return NULL;
      text = trimmed_or_null (json_node_get_string (item));
      if (text != NULL)
        g_ptr_array_add (items, text);
    }
  return (char **)g_ptr_array_free (g_steal_pointer (&items), FALSE);
}

/* A JSON value as a cell; FALSE (and the row is broken) when it has the wrong type. */
static gboolean
set_json_cell (Table *t, PmTableRow *row, guint col, JsonNode *node, guint line)
{
  const PmTableColumn *column = &t->columns[col];
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  char buf[32];

  row->present[col] = TRUE;
  row->lines[col] = line;
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  switch (column->kind)
    {
      case PM_TABLE_KIND_COUNT:
        if (type == G_TYPE_INT64)
          row->text[col] = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          row->text[col] = g_strdup (pm_double_format (json_node_get_double (node), buf));
        else
          break;
        return TRUE;
      case PM_TABLE_KIND_TEXT:
        if (type == G_TYPE_INT64)
          {
            row->text[col] = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
            return TRUE;
          }
        G_GNUC_FALLTHROUGH;
      case PM_TABLE_KIND_DATE:
        if (type != G_TYPE_STRING)
          break;
        row->text[col] = trimmed_or_null (json_node_get_string (node));
        return TRUE;
      case PM_TABLE_KIND_AVAILABILITY:
        if (type == G_TYPE_STRING)
          {
            row->text[col] = trimmed_or_null (json_node_get_string (node));
            return TRUE;
          }
        G_GNUC_FALLTHROUGH;
      case PM_TABLE_KIND_LIST:
      default:
        {
          g_auto (GStrv) strv = json_string_array (node);

          if (strv == NULL)
            break;
          if (column->kind == PM_TABLE_KIND_LIST)
            row->list[col] = g_steal_pointer (&strv);
          else
            row->text[col] = g_strjoinv (";", strv);
          return TRUE;
        }
    }
  pm_table_report (t->ctx, PM_SEVERITY_ERROR, line, column->name, "%s: expected %s", column->name,
                   column->kind == PM_TABLE_KIND_COUNT          ? "a number"
                   : column->kind == PM_TABLE_KIND_LIST         ? "an array of strings"
                   : column->kind == PM_TABLE_KIND_AVAILABILITY ? "a string or an array of strings"
                                                                : "a string");
  row->present[col] = FALSE;
  row->bad[col] = TRUE;
  row->broken = TRUE;
  return FALSE;
}

static void
json_item (Table *t, JsonObject *object, const ItemPos *pos, GHashTable *warned)
{
  g_autoptr (GList) members = json_object_get_members (object);
  PmTableRow row = { 0 };

  row.line = pos->line;
  ctx_hold (t->ctx);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *key = g_strstrip (g_ascii_strdown (name, -1));
      gint col = find_column (t, key);
      gpointer key_line = g_hash_table_lookup (pos->keys, key);
      guint line = key_line != NULL ? GPOINTER_TO_UINT (key_line) : pos->line;

      if (col < 0)
        {
          if (g_hash_table_add (warned, g_strdup (key)))
            pm_table_report (t->ctx, PM_SEVERITY_WARNING, line, key, "unknown field '%s' ignored",
                             key);
          continue;
        }
      g_clear_pointer (&row.text[col], g_free);
      g_clear_pointer (&row.list[col], g_strfreev);
      row.bad[col] = FALSE;
      set_json_cell (t, &row, col, json_object_get_member (object, name), line);
    }
  for (guint c = 0; c < t->n_columns; c++)
    if (t->columns[c].required && !row.present[c] && !row.bad[c])
      {
        pm_table_report (t->ctx, PM_SEVERITY_ERROR, pos->line, t->columns[c].name,
                         "missing required field '%s'", t->columns[c].name);
        row.broken = TRUE;
      }
  t->func (t->ctx, &row, t->user_data);
  ctx_release (t->ctx);
  row_clear (&row);
}

/* "<data>:3:9: Parse error: unexpected ..." → 3 and the message after the prefix. */
static void
report_json_error (PmTableCtx *ctx, const GError *error)
{
  const char *message = error->message;
  guint line = 0;

  if (g_str_has_prefix (message, "<data>:"))
    {
      char *end;

      line = (guint)strtoul (message + 7, &end, 10);
      message = strstr (end, ": ");
      message = message != NULL ? message + 2 : error->message;
      if (g_str_has_prefix (message, "Parse error: "))
        message += strlen ("Parse error: ");
    }
  pm_table_report (ctx, PM_SEVERITY_ERROR, line, NULL, "invalid JSON: %s", message);
}

static void
read_json_table (Table *t, const char *data, gsize length)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) items = NULL;
  g_autoptr (GHashTable) warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *bad;
  JsonNode *root;
  JsonArray *array;

  if (!g_utf8_validate_len (data, length, &bad))
    {
      guint line = 1;

      for (const char *q = data; q < bad; q++)
        line += *q == '\n';
      pm_table_report (t->ctx, PM_SEVERITY_ERROR, line, NULL,
                       "invalid UTF-8 (save the file as UTF-8)");
      return;
    }
  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      report_json_error (t->ctx, error);
      return;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      pm_table_report (t->ctx, PM_SEVERITY_ERROR, 0, NULL,
                       "the file is empty (expected a JSON array of objects)");
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      pm_table_report (t->ctx, PM_SEVERITY_ERROR, 1, NULL, "expected a JSON array of objects");
      return;
    }
  array = json_node_get_array (root);
  items = scan_json_items (data, length);
  g_return_if_fail (items->len == json_array_get_length (array));
  for (guint i = 0; i < items->len; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const ItemPos *pos = &g_array_index (items, ItemPos, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        pm_table_report (t->ctx, PM_SEVERITY_ERROR, pos->line, NULL, "item %u is not an object",
                         i + 1);
      else
        json_item (t, json_node_get_object (node), pos, warned);
    }
}

void
pm_table_read (PmTableCtx *ctx, const char *data, gsize length, const PmTableColumn *columns,
               guint n_columns, PmTableRowFunc func, gpointer user_data)
{
  Table t = { ctx, columns, n_columns, func, user_data };

  g_assert (n_columns <= PM_TABLE_MAX_COLUMNS);
  if (is_json_file (ctx->file))
    read_json_table (&t, data, length);
  else
    read_csv_table (&t, data, length);
}
/* ---- checking cells */

/* The text of a column; an error when the column is there but the value is empty and the
 * column is required. */
const char *
pm_table_cell_text (PmTableCtx *ctx, const PmTableRow *row, const PmTableColumn *columns, guint col)
{
  if (row->present[col] && row->text[col] == NULL && columns[col].required)
    pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[col], columns[col].name,
                     "%s: a value is required", columns[col].name);
  return row->text[col];
}

const char *
pm_table_cell_id (PmTableCtx *ctx, const PmTableRow *row, const PmTableColumn *columns, guint col)
{
  const char *id = pm_table_cell_text (ctx, row, columns, col);

  if (id != NULL && strlen (id) > MAX_ID_BYTES)
    {
      pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[col], columns[col].name,
                       "%s: '%s' is longer than %d bytes", columns[col].name, id, MAX_ID_BYTES);
      return NULL;
    }
  return id;
}

gboolean
pm_table_parse_count (const char *text, guint *value)
{
  guint64 n = 0;

  for (const char *q = text; *q != '\0'; q++)
    {
      if (!g_ascii_isdigit (*q))
        return FALSE;
      n = n * 10 + (guint64)(*q - '0');
      if (n > G_MAXUINT)
        return FALSE;
    }
  *value = (guint)n;
  return *text != '\0';
}

/* FALSE when the cell is empty or wrong (wrong is reported). */
gboolean
pm_table_cell_count (PmTableCtx *ctx, const PmTableRow *row, const PmTableColumn *columns,
                     guint col, guint *value)
{
  const char *text = pm_table_cell_text (ctx, row, columns, col);

  if (text == NULL)
    return FALSE;
  if (pm_table_parse_count (text, value))
    return TRUE;
  pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[col], columns[col].name,
                   "%s: '%s' is not a whole number ≥ 0", columns[col].name, text);
  return FALSE;
}

gboolean
pm_table_cell_date (PmTableCtx *ctx, const PmTableRow *row, const PmTableColumn *columns, guint col,
                    GDate *date)
{
  const char *text = pm_table_cell_text (ctx, row, columns, col);

  if (text == NULL)
    return FALSE;
  if (pm_date_parse (text, date))
    return TRUE;
  pm_table_report (ctx, PM_SEVERITY_ERROR, row->lines[col], columns[col].name,
                   "%s: '%s' is not a date (YYYY-MM-DD)", columns[col].name, text);
  return FALSE;
}

const char *const *
pm_table_cell_list (const PmTableRow *row, guint col)
{
  static const char *const empty[] = { NULL };

  return row->list[col] != NULL ? (const char *const *)row->list[col] : empty;
}
