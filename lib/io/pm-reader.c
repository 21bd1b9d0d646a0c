/* peermatch: readers for supporters, requests, org charts, region trees and policies.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"
#include "pm-csv-private.h"
#include "pm-reader-private.h"

#include <errno.h>
#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_ID_BYTES 64
#define MAX_COLUMNS 20

/* ---- where problems go
 *
 * Every reader goes on after a problem, so that one run lists them all; the GError it
 * returns names the first error and how many more there are. */

typedef struct
{
  PmSeverity severity;
  guint line;
  char *field;
  char *message;
} Problem;

typedef struct
{
  const char *file;
  PmDiagnostics *diagnostics; /* nullable */
  guint n_errors;
  char *first_error; /* "FILE:LINE: message" */
  GArray *pending;   /* Problem: held back to be listed in line order; NULL when not */
} Ctx;

static void
problem_clear (gpointer data)
{
  Problem *p = data;

  g_free (p->field);
  g_free (p->message);
}

static void
ctx_init (Ctx *ctx, const char *file, PmDiagnostics *diagnostics)
{
  ctx->file = file;
  ctx->diagnostics = diagnostics;
  ctx->n_errors = 0;
  ctx->first_error = NULL;
  ctx->pending = NULL;
}

static void
ctx_clear (Ctx *ctx)
{
  g_clear_pointer (&ctx->first_error, g_free);
}

static void
emit (Ctx *ctx, const Problem *p)
{
  if (ctx->diagnostics != NULL)
    pm_diagnostics_add (ctx->diagnostics, p->severity, ctx->file, p->line, p->field, p->message);
  if (p->severity == PM_SEVERITY_ERROR && ctx->first_error == NULL)
    ctx->first_error = p->line > 0 ? g_strdup_printf ("%s:%u: %s", ctx->file, p->line, p->message)
                                   : g_strdup_printf ("%s: %s", ctx->file, p->message);
}

static void
report (Ctx *ctx, PmSeverity severity, guint line, const char *field, const char *format, ...)
    G_GNUC_PRINTF (5, 6);

static void
report (Ctx *ctx, PmSeverity severity, guint line, const char *field, const char *format, ...)
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
ctx_hold (Ctx *ctx)
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
ctx_release (Ctx *ctx)
{
  g_autoptr (GArray) pending = g_steal_pointer (&ctx->pending);

  g_array_sort (pending, problem_compare); /* stable: same-line problems keep their order */
  for (guint i = 0; i < pending->len; i++)
    emit (ctx, &g_array_index (pending, Problem, i));
}

static gboolean
ctx_finish (Ctx *ctx, GError **error)
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

static gboolean
load_file (const char *path, char **data, gsize *length, GError **error)
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

typedef enum
{
  KIND_TEXT,         /* CSV text; JSON string (or an integer, as HR systems write ids) */
  KIND_LIST,         /* CSV `;`-separated; JSON array of strings */
  KIND_COUNT,        /* integer ≥ 0; JSON number */
  KIND_DATE,         /* YYYY-MM-DD; JSON string */
  KIND_AVAILABILITY, /* the availability grammar; JSON string or array of window strings */
} Kind;

typedef struct
{
  const char *name;
  gboolean required;
  Kind kind;
} Column;

typedef struct
{
  guint line;
  gboolean broken; /* the table layer found a problem: check the cells, but add nothing */
  gboolean present[MAX_COLUMNS]; /* the column or field is there with a usable value */
  gboolean bad[MAX_COLUMNS];     /* the field is there with a value of the wrong type */
  guint lines[MAX_COLUMNS];
  char *text[MAX_COLUMNS]; /* trimmed; NULL when empty */
  char **list[MAX_COLUMNS];
} Row;

typedef void (*RowFunc) (Ctx *ctx, const Row *row, gpointer user_data);

typedef struct
{
  Ctx *ctx;
  const Column *columns;
  guint n_columns;
  RowFunc func;
  gpointer user_data;
} Table;

static void
row_clear (Row *row)
{
  for (guint i = 0; i < MAX_COLUMNS; i++)
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
static char **
split_list (const char *raw)
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
set_cell (Row *row, guint col, Kind kind, const char *raw, guint line)
{
  row->present[col] = TRUE;
  row->lines[col] = line;
  if (kind == KIND_LIST)
    row->list[col] = split_list (raw);
  else
    row->text[col] = trimmed_or_null (raw);
}

/* Maps header fields to columns; FALSE when a required column is missing. */
static gboolean
csv_header (Table *t, char **header, guint line, gint *map)
{
  gboolean seen[MAX_COLUMNS] = { FALSE };
  gboolean ok = TRUE;

  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_ascii_strdown (header[i], -1));
      gint col = find_column (t, name);

      map[i] = -1;
      if (col < 0)
        report (t->ctx, PM_SEVERITY_WARNING, line, name, "unknown column '%s' ignored", name);
      else if (seen[col])
        {
          report (t->ctx, PM_SEVERITY_ERROR, line, name, "column '%s' appears twice", name);
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
        report (t->ctx, PM_SEVERITY_ERROR, line, t->columns[c].name, "missing required column '%s'",
                t->columns[c].name);
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
      report (t->ctx, PM_SEVERITY_ERROR, 0, NULL, "the file is empty (expected a header line)");
      return;
    }
  if (status == PM_CSV_ERROR)
    {
      /* Without the header no row can be read. */
      report (t->ctx, PM_SEVERITY_ERROR, line, NULL, "%s", error->message);
      return;
    }
  n_header = g_strv_length (header);
  map = g_new (gint, n_header);
  header_ok = csv_header (t, header, line, map);
  for (;;)
    {
      g_auto (GStrv) fields = NULL;
      Row row = { 0 };

      g_clear_error (&error);
      status = pm_csv_reader_next (reader, &fields, &line, &error);
      if (status == PM_CSV_END)
        break;
      if (status == PM_CSV_ERROR)
        {
          report (t->ctx, PM_SEVERITY_ERROR, line, NULL, "%s", error->message);
          continue;
        }
      if (g_strv_length (fields) != n_header)
        {
          report (t->ctx, PM_SEVERITY_ERROR, line, NULL, "the row has %u fields, the header %u",
                  g_strv_length (fields), n_header);
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

/* A JSON value as a cell; FALSE (and the row is broken) when it has the wrong type. */
static gboolean
set_json_cell (Table *t, Row *row, guint col, JsonNode *node, guint line)
{
  const Column *column = &t->columns[col];
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  char buf[32];

  row->present[col] = TRUE;
  row->lines[col] = line;
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  switch (column->kind)
    {
      case KIND_COUNT:
        if (type == G_TYPE_INT64)
          row->text[col] = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          row->text[col] = g_strdup (pm_double_format (json_node_get_double (node), buf));
        else
          break;
        return TRUE;
      case KIND_TEXT:
        if (type == G_TYPE_INT64)
          {
            row->text[col] = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
            return TRUE;
          }
        G_GNUC_FALLTHROUGH;
      case KIND_DATE:
        if (type != G_TYPE_STRING)
          break;
        row->text[col] = trimmed_or_null (json_node_get_string (node));
        return TRUE;
      case KIND_AVAILABILITY:
        if (type == G_TYPE_STRING)
          {
            row->text[col] = trimmed_or_null (json_node_get_string (node));
            return TRUE;
          }
        G_GNUC_FALLTHROUGH;
      case KIND_LIST:
      default:
        {
          JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
          GPtrArray *items = g_ptr_array_new_null_terminated (4, g_free, TRUE);
          g_auto (GStrv) strv = NULL;

          for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
            {
              JsonNode *item = json_array_get_element (array, i);
              char *text;

              if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
                {
                  array = NULL;
                  break;
                }
              text = trimmed_or_null (json_node_get_string (item));
              if (text != NULL)
                g_ptr_array_add (items, text);
            }
          strv = (char **)g_ptr_array_free (items, FALSE);
          if (array == NULL)
            break;
          if (column->kind == KIND_LIST)
            row->list[col] = g_steal_pointer (&strv);
          else
            row->text[col] = g_strjoinv (";", strv);
          return TRUE;
        }
    }
  report (t->ctx, PM_SEVERITY_ERROR, line, column->name, "%s: expected %s", column->name,
          column->kind == KIND_COUNT          ? "a number"
          : column->kind == KIND_LIST         ? "an array of strings"
          : column->kind == KIND_AVAILABILITY ? "a string or an array of strings"
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
  Row row = { 0 };

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
            report (t->ctx, PM_SEVERITY_WARNING, line, key, "unknown field '%s' ignored", key);
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
        report (t->ctx, PM_SEVERITY_ERROR, pos->line, t->columns[c].name,
                "missing required field '%s'", t->columns[c].name);
        row.broken = TRUE;
      }
  t->func (t->ctx, &row, t->user_data);
  ctx_release (t->ctx);
  row_clear (&row);
}

/* "<data>:3:9: Parse error: unexpected ..." → 3 and the message after the prefix. */
static void
report_json_error (Ctx *ctx, const GError *error)
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
  report (ctx, PM_SEVERITY_ERROR, line, NULL, "invalid JSON: %s", message);
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
      report (t->ctx, PM_SEVERITY_ERROR, line, NULL, "invalid UTF-8 (save the file as UTF-8)");
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
      report (t->ctx, PM_SEVERITY_ERROR, 0, NULL,
              "the file is empty (expected a JSON array of objects)");
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      report (t->ctx, PM_SEVERITY_ERROR, 1, NULL, "expected a JSON array of objects");
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
        report (t->ctx, PM_SEVERITY_ERROR, pos->line, NULL, "item %u is not an object", i + 1);
      else
        json_item (t, json_node_get_object (node), pos, warned);
    }
}

static void
read_table (Ctx *ctx, const char *data, gsize length, const Column *columns, guint n_columns,
            RowFunc func, gpointer user_data)
{
  Table t = { ctx, columns, n_columns, func, user_data };

  g_assert (n_columns <= MAX_COLUMNS);
  if (is_json_file (ctx->file))
    read_json_table (&t, data, length);
  else
    read_csv_table (&t, data, length);
}

/* ---- checking cells */

/* The text of a column; an error when the column is there but the value is empty and the
 * column is required. */
static const char *
cell_text (Ctx *ctx, const Row *row, const Column *columns, guint col)
{
  if (row->present[col] && row->text[col] == NULL && columns[col].required)
    report (ctx, PM_SEVERITY_ERROR, row->lines[col], columns[col].name, "%s: a value is required",
            columns[col].name);
  return row->text[col];
}

static const char *
cell_id (Ctx *ctx, const Row *row, const Column *columns, guint col)
{
  const char *id = cell_text (ctx, row, columns, col);

  if (id != NULL && strlen (id) > MAX_ID_BYTES)
    {
      report (ctx, PM_SEVERITY_ERROR, row->lines[col], columns[col].name,
              "%s: '%s' is longer than %d bytes", columns[col].name, id, MAX_ID_BYTES);
      return NULL;
    }
  return id;
}

static gboolean
parse_count (const char *text, guint *value)
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
static gboolean
cell_count (Ctx *ctx, const Row *row, const Column *columns, guint col, guint *value)
{
  const char *text = cell_text (ctx, row, columns, col);

  if (text == NULL)
    return FALSE;
  if (parse_count (text, value))
    return TRUE;
  report (ctx, PM_SEVERITY_ERROR, row->lines[col], columns[col].name,
          "%s: '%s' is not a whole number ≥ 0", columns[col].name, text);
  return FALSE;
}

static gboolean
cell_date (Ctx *ctx, const Row *row, const Column *columns, guint col, GDate *date)
{
  const char *text = cell_text (ctx, row, columns, col);

  if (text == NULL)
    return FALSE;
  if (pm_date_parse (text, date))
    return TRUE;
  report (ctx, PM_SEVERITY_ERROR, row->lines[col], columns[col].name,
          "%s: '%s' is not a date (YYYY-MM-DD)", columns[col].name, text);
  return FALSE;
}

static const char *const *
cell_list (const Row *row, guint col)
{
  static const char *const empty[] = { NULL };

  return row->list[col] != NULL ? (const char *const *)row->list[col] : empty;
}

static PmModes
cell_modes (Ctx *ctx, const Row *row, const Column *columns, guint col)
{
  const char *const *items = cell_list (row, col);
  PmModes modes = PM_MODES_NONE;

  for (guint i = 0; items[i] != NULL; i++)
    {
      PmModes mode;

      if (pm_modes_from_string (items[i], &mode))
        modes |= mode;
      else
        report (ctx, PM_SEVERITY_ERROR, row->lines[col], columns[col].name,
                "%s: '%s' is not a mode (in_person, phone or video)", columns[col].name, items[i]);
    }
  return modes == PM_MODES_NONE ? PM_MODES_ALL : modes;
}

/* A typo in a tag silently breaks matching, so say so (but it is not an error). */
static void
cell_check_tags (Ctx *ctx, const Row *row, const Column *columns, guint col, PmPolicy *policy)
{
  const char *const *items = cell_list (row, col);

  for (guint i = 0; items[i] != NULL; i++)
    if (!pm_policy_has_tag (policy, items[i]))
      report (ctx, PM_SEVERITY_WARNING, row->lines[col], columns[col].name,
              "%s: '%s' is not in the policy's vocabulary", columns[col].name, items[i]);
}

static const char *const *
cell_languages (const Row *row, guint col)
{
  static const char *const english[] = { "en", NULL };
  const char *const *items = cell_list (row, col);

  return items[0] != NULL ? items : english;
}

static PmAvailability *
cell_availability (Ctx *ctx, const Row *row, const Column *columns, guint col)
{
  g_autoptr (GError) error = NULL;
  PmAvailability *availability;

  if (row->text[col] == NULL)
    return pm_availability_new ();
  availability = pm_availability_new_from_string (row->text[col], &error);
  if (availability == NULL)
    report (ctx, PM_SEVERITY_ERROR, row->lines[col], columns[col].name, "%s: %s", columns[col].name,
            error->message);
  return availability;
}

static void
cell_check_region (Ctx *ctx, const Row *row, const Column *columns, guint col,
                   PmRegionTree *regions)
{
  const char *region = row->text[col];

  if (region != NULL && !pm_region_tree_contains (regions, region))
    report (ctx, PM_SEVERITY_ERROR, row->lines[col], columns[col].name, "%s: unknown region '%s'",
            columns[col].name, region);
}

/* Ids must be unique within the file: keep the line of the first of each. */
static gboolean
check_unique (Ctx *ctx, GHashTable *seen, const Row *row, const Column *columns, guint col,
              const char *id)
{
  gpointer first = g_hash_table_lookup (seen, id);

  if (first != NULL)
    {
      report (ctx, PM_SEVERITY_ERROR, row->lines[col], columns[col].name,
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

static const Column supporter_columns[S_N] = {
  { "id", TRUE, KIND_TEXT },
  { "name", FALSE, KIND_TEXT },
  { "service", TRUE, KIND_TEXT },
  { "organisation", FALSE, KIND_TEXT },
  { "region", TRUE, KIND_TEXT },
  { "role", FALSE, KIND_TEXT },
  { "experience", FALSE, KIND_LIST },
  { "languages", FALSE, KIND_LIST },
  { "modes", FALSE, KIND_LIST },
  { "gender", FALSE, KIND_TEXT },
  { "capacity", TRUE, KIND_COUNT },
  { "load", FALSE, KIND_COUNT },
  { "trained_until", TRUE, KIND_DATE },
  { "paused_until", FALSE, KIND_DATE },
  { "manager", FALSE, KIND_TEXT },
  { "team", FALSE, KIND_TEXT },
  { "skills", FALSE, KIND_LIST },
  { "availability", TRUE, KIND_AVAILABILITY },
};

/* Adds an entity whose row was clean; the network's own checks (a duplicate of an id
 * read from another file, conflicting line managers, ...) become diagnostics too. */
typedef gboolean (*AddFunc) (PmNetwork *network, gpointer entity, GError **error);

static void
add_checked (Ctx *ctx, const Row *row, guint errors_before, AddFunc add, PmNetwork *network,
             gpointer entity, const char *manager)
{
  g_autoptr (GError) error = NULL;

  if (row->broken || ctx->n_errors != errors_before)
    return;
  if (!add (network, entity, &error))
    report (ctx, PM_SEVERITY_ERROR, row->line, manager != NULL ? "manager" : NULL, "%s%s",
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
supporter_dates (Ctx *ctx, const Row *row, PmSupporter *s)
{
  const Column *c = supporter_columns;
  GDate date;

  if (cell_date (ctx, row, c, S_TRAINED_UNTIL, &date))
    pm_supporter_set_trained_until (s, &date);
  if (cell_date (ctx, row, c, S_PAUSED_UNTIL, &date))
    pm_supporter_set_paused_until (s, &date);
}

static void
supporter_row (Ctx *ctx, const Row *row, gpointer user_data)
{
  EntityReading *r = user_data;
  const Column *c = supporter_columns;
  PmPolicy *policy = pm_network_get_policy (r->network);
  guint errors = ctx->n_errors;
  const char *id = cell_id (ctx, row, c, S_ID);
  g_autoptr (PmSupporter) s = pm_supporter_new (id != NULL ? id : "?");
  g_autoptr (PmAvailability) availability = NULL;
  guint count;

  if (id != NULL && check_unique (ctx, r->seen, row, c, S_ID, id)
      && pm_network_lookup_supporter (r->network, id) != NULL)
    report (ctx, PM_SEVERITY_ERROR, row->lines[S_ID], "id", "id: duplicate supporter id '%s'", id);
  pm_supporter_set_name (s, row->text[S_NAME]);
  pm_supporter_set_service (s, cell_text (ctx, row, c, S_SERVICE));
  pm_supporter_set_organisation (s, row->text[S_ORGANISATION]);
  cell_check_region (ctx, row, c, S_REGION, pm_network_get_regions (r->network));
  pm_supporter_set_region (s, cell_text (ctx, row, c, S_REGION));
  pm_supporter_set_role (s, row->text[S_ROLE]);
  cell_check_tags (ctx, row, c, S_EXPERIENCE, policy);
  pm_supporter_set_experience (s, cell_list (row, S_EXPERIENCE));
  pm_supporter_set_languages (s, cell_languages (row, S_LANGUAGES));
  pm_supporter_set_modes (s, cell_modes (ctx, row, c, S_MODES));
  pm_supporter_set_gender (s, row->text[S_GENDER]);
  if (cell_count (ctx, row, c, S_CAPACITY, &count))
    pm_supporter_set_capacity (s, count);
  if (cell_count (ctx, row, c, S_LOAD, &count))
    pm_supporter_set_load (s, count);
  supporter_dates (ctx, row, s);
  pm_supporter_set_manager (s, row->text[S_MANAGER]);
  pm_supporter_set_team (s, row->text[S_TEAM]);
  pm_supporter_set_skills (s, cell_list (row, S_SKILLS));
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

static const Column request_columns[R_N] = {
  { "id", TRUE, KIND_TEXT },
  { "person", TRUE, KIND_TEXT },
  { "service", TRUE, KIND_TEXT },
  { "organisation", FALSE, KIND_TEXT },
  { "region", TRUE, KIND_TEXT },
  { "role", FALSE, KIND_TEXT },
  { "topics", FALSE, KIND_LIST },
  { "languages", FALSE, KIND_LIST },
  { "modes", FALSE, KIND_LIST },
  { "gender", FALSE, KIND_TEXT },
  { "service_pref", FALSE, KIND_TEXT },
  { "manager", FALSE, KIND_TEXT },
  { "team", FALSE, KIND_TEXT },
  { "exclude", FALSE, KIND_LIST },
  { "urgency", FALSE, KIND_TEXT },
  { "availability", TRUE, KIND_AVAILABILITY },
};

static void
request_tokens (Ctx *ctx, const Row *row, PmRequest *q)
{
  const Column *c = request_columns;
  PmServicePref pref;
  PmUrgency urgency;

  if (row->text[R_SERVICE_PREF] != NULL)
    {
      if (pm_service_pref_from_string (row->text[R_SERVICE_PREF], &pref))
        pm_request_set_service_pref (q, pref);
      else
        report (ctx, PM_SEVERITY_ERROR, row->lines[R_SERVICE_PREF], c[R_SERVICE_PREF].name,
                "service_pref: '%s' is not any, same or other", row->text[R_SERVICE_PREF]);
    }
  if (row->text[R_URGENCY] != NULL)
    {
      if (pm_urgency_from_string (row->text[R_URGENCY], &urgency))
        pm_request_set_urgency (q, urgency);
      else
        report (ctx, PM_SEVERITY_ERROR, row->lines[R_URGENCY], c[R_URGENCY].name,
                "urgency: '%s' is not routine, priority or crisis", row->text[R_URGENCY]);
    }
}

static void
request_row (Ctx *ctx, const Row *row, gpointer user_data)
{
  EntityReading *r = user_data;
  const Column *c = request_columns;
  PmPolicy *policy = pm_network_get_policy (r->network);
  guint errors = ctx->n_errors;
  const char *id = cell_id (ctx, row, c, R_ID);
  const char *person = cell_id (ctx, row, c, R_PERSON);
  g_autoptr (PmRequest) q = pm_request_new (id != NULL ? id : "?", person != NULL ? person : "?");
  g_autoptr (PmAvailability) availability = NULL;

  if (id != NULL && check_unique (ctx, r->seen, row, c, R_ID, id)
      && pm_network_lookup_request (r->network, id) != NULL)
    report (ctx, PM_SEVERITY_ERROR, row->lines[R_ID], "id", "id: duplicate request id '%s'", id);
  pm_request_set_service (q, cell_text (ctx, row, c, R_SERVICE));
  pm_request_set_organisation (q, row->text[R_ORGANISATION]);
  cell_check_region (ctx, row, c, R_REGION, pm_network_get_regions (r->network));
  pm_request_set_region (q, cell_text (ctx, row, c, R_REGION));
  pm_request_set_role (q, row->text[R_ROLE]);
  cell_check_tags (ctx, row, c, R_TOPICS, policy);
  pm_request_set_topics (q, cell_list (row, R_TOPICS));
  pm_request_set_languages (q, cell_languages (row, R_LANGUAGES));
  pm_request_set_modes (q, cell_modes (ctx, row, c, R_MODES));
  pm_request_set_gender (q, row->text[R_GENDER]);
  pm_request_set_manager (q, row->text[R_MANAGER]);
  pm_request_set_team (q, row->text[R_TEAM]);
  pm_request_set_exclude (q, cell_list (row, R_EXCLUDE));
  request_tokens (ctx, row, q);
  availability = cell_availability (ctx, row, c, R_AVAILABILITY);
  if (availability != NULL)
    pm_request_set_availability (q, availability);
  add_checked (ctx, row, errors, add_request, r->network, q, row->text[R_MANAGER]);
}

static gboolean
read_entities (PmNetwork *network, const char *path, PmDiagnostics *diagnostics,
               const Column *columns, guint n_columns, RowFunc func, GError **error)
{
  g_autofree char *data = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  EntityReading r = { network, seen };
  gsize length;
  Ctx ctx;
  gboolean ok;

  g_return_val_if_fail (PM_IS_NETWORK (network), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (diagnostics == NULL || PM_IS_DIAGNOSTICS (diagnostics), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!load_file (path, &data, &length, error))
    return FALSE;
  ctx_init (&ctx, path, diagnostics);
  read_table (&ctx, data, length, columns, n_columns, func, &r);
  ok = ctx_finish (&ctx, error);
  ctx_clear (&ctx);
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

/* ---- org chart */

static const Column org_columns[] = {
  { "id", TRUE, KIND_TEXT },
  { "manager", TRUE, KIND_TEXT },
};

static void
org_row (Ctx *ctx, const Row *row, gpointer user_data)
{
  PmOrgChart *chart = user_data;
  g_autoptr (GError) error = NULL;
  guint errors = ctx->n_errors;
  const char *id = cell_id (ctx, row, org_columns, 0);
  const char *manager = row->text[1];

  /* An empty manager: someone at the top of a tree, nothing to record. */
  if (row->broken || errors != ctx->n_errors || manager == NULL)
    return;
  if (!pm_org_chart_add (chart, id, manager, &error))
    report (ctx, PM_SEVERITY_ERROR, row->lines[1], "manager", "manager: %s", error->message);
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
  Ctx ctx;
  gboolean ok;

  g_return_val_if_fail (PM_IS_ORG_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!load_file (path, &data, &length, error))
    return FALSE;
  ctx_init (&ctx, path, diagnostics);
  read_table (&ctx, data, length, org_columns, G_N_ELEMENTS (org_columns), org_row, chart);
  ok = ctx_finish (&ctx, error);
  ctx_clear (&ctx);
  return ok;
}

/* ---- regions */

static const Column region_columns[] = {
  { "id", TRUE, KIND_TEXT },
  { "parent", TRUE, KIND_TEXT },
  { "name", FALSE, KIND_TEXT },
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
region_row (Ctx *ctx, const Row *row, gpointer user_data)
{
  RegionReading *r = user_data;
  guint errors = ctx->n_errors;
  g_autofree char *id = pm_token_normalize (cell_text (ctx, row, region_columns, 0));
  gpointer first;
  RegionRow region;

  if (id == NULL || row->broken || errors != ctx->n_errors)
    return;
  first = g_hash_table_lookup (r->by_id, id);
  if (first != NULL)
    {
      report (ctx, PM_SEVERITY_ERROR, row->lines[0], "id",
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
report_unplaced (Ctx *ctx, RegionReading *r, guint index)
{
  RegionRow *row = &g_array_index (r->rows, RegionRow, index);
  g_autoptr (GString) cycle = g_string_new (row->id);
  guint steps = 0;
  guint at = index;

  if (g_hash_table_lookup (r->by_id, row->parent) == NULL)
    {
      report (ctx, PM_SEVERITY_ERROR, row->line, "parent", "parent: unknown region '%s'",
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
          report (ctx, PM_SEVERITY_ERROR, row->line, "parent", "parent: region cycle %s",
                  cycle->str);
          return;
        }
    }
}

/* Parents may come after their children in the file: add in dependency order. */
static void
place_regions (Ctx *ctx, RegionReading *r, PmRegionTree *tree)
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
            report (ctx, PM_SEVERITY_ERROR, row->line, "id", "id: %s", error->message);
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
  Ctx ctx;
  gboolean ok;

  g_array_set_clear_func (rows, region_row_clear);
  ctx_init (&ctx, file, diagnostics);
  read_table (&ctx, data, length, region_columns, G_N_ELEMENTS (region_columns), region_row, &r);
  place_regions (&ctx, &r, tree);
  ok = ctx_finish (&ctx, error);
  ctx_clear (&ctx);
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
  if (!load_file (path, &data, &length, error))
    return NULL;
  return pm_reader_parse_regions (data, length, path, diagnostics, error);
}

/* ---- policy */

/* GKeyFile does not say where a key is: find the line of its last occurrence (the one
 * GKeyFile keeps) by reading the text, or of the group when @key is NULL. 0 if not found. */
static guint
find_key_line (const char *data, const char *group, const char *key)
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
static guint
find_bad_line (const char *data)
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
  Ctx *ctx;
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
  report (p->ctx, PM_SEVERITY_ERROR, find_key_line (p->data, group, key), key, "%s: %s", key,
          message);
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
  report (p->ctx, PM_SEVERITY_WARNING, find_key_line (p->data, "weights", key), key,
          "unknown key '%s' in [weights] ignored", key);
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
      report (p->ctx, PM_SEVERITY_WARNING, find_key_line (p->data, "rules", key), key,
              "unknown key '%s' in [rules] ignored", key);
      return;
    }
  if (!parse_count (text, &n))
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
      report (p->ctx, PM_SEVERITY_WARNING, find_key_line (p->data, "vocabulary", key), key,
              "unknown key '%s' in [vocabulary] ignored", key);
      return;
    }
  tags = split_list (value);
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
  Ctx ctx;
  gboolean ok;

  ctx_init (&ctx, file, diagnostics);
  p.ctx = &ctx;
  if (strlen (text) != length || !g_utf8_validate (text, -1, NULL))
    report (&ctx, PM_SEVERITY_ERROR, 0, NULL, "invalid UTF-8 (save the file as UTF-8)");
  else if (!g_key_file_load_from_data (keys, text, length, G_KEY_FILE_NONE, &local))
    report (&ctx, PM_SEVERITY_ERROR, find_bad_line (text), NULL, "%s", local->message);
  else
    groups = g_key_file_get_groups (keys, NULL);
  for (guint g = 0; groups != NULL && groups[g] != NULL; g++)
    {
      if (strcmp (groups[g], "weights") == 0 || strcmp (groups[g], "rules") == 0
          || strcmp (groups[g], "vocabulary") == 0)
        policy_group (&p, groups[g]);
      else
        report (&ctx, PM_SEVERITY_WARNING, find_key_line (text, groups[g], NULL), NULL,
                "unknown group [%s] ignored", groups[g]);
    }
  ok = ctx_finish (&ctx, error);
  ctx_clear (&ctx);
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
  if (!load_file (path, &data, &length, error))
    return NULL;
  policy = pm_policy_new_default ();
  if (!pm_reader_parse_policy (policy, data, length, path, diagnostics, error))
    return NULL;
  return g_steal_pointer (&policy);
}
