/* peermatch: the table layer the readers share: where problems go, and CSV or JSON input
 * seen as rows of cells. Never installed.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "pm-private.h"

G_BEGIN_DECLS

#define PM_TABLE_MAX_COLUMNS 20

/* ---- where problems go
 *
 * Every reader goes on after a problem, so that one run lists them all; the GError it
 * returns names the first error and how many more there are. */

typedef struct
{
  const char *file;
  PmDiagnostics *diagnostics; /* nullable */
  guint n_errors;
  char *first_error; /* "FILE:LINE: message" */
  GArray *pending;   /* Problem: held back to be listed in line order; NULL when not */
} PmTableCtx;

void
pm_table_ctx_init (PmTableCtx *ctx, const char *file, PmDiagnostics *diagnostics);

void
pm_table_ctx_clear (PmTableCtx *ctx);

/* Counts errors, and sends the problem to the diagnostics (if any). */
void
pm_table_report (PmTableCtx *ctx, PmSeverity severity, guint line, const char *field,
                 const char *format, ...) G_GNUC_PRINTF (5, 6);

/* Between hold and release, problems are held back, then listed in line order (ties keep
 * the order found): for readers that find them in another order, such as a key file read
 * group kind by group kind. Not around pm_table_read(), which holds JSON items itself. */
void
pm_table_ctx_hold (PmTableCtx *ctx);
void
pm_table_ctx_release (PmTableCtx *ctx);

/* TRUE when no error was reported; otherwise sets @error from the first one. */
gboolean
pm_table_ctx_finish (PmTableCtx *ctx, GError **error);

/* The whole of @path, NUL-terminated; %PM_ERROR_OPEN when it cannot be read. */
gboolean
pm_table_load_file (const char *path, char **data, gsize *length, GError **error);

/* ---- tables: CSV with a header row, or a JSON array of objects, seen as rows of cells */

typedef enum
{
  PM_TABLE_KIND_TEXT,         /* CSV text; JSON string (or an integer, as HR systems write ids) */
  PM_TABLE_KIND_LIST,         /* CSV `;`-separated; JSON array of strings */
  PM_TABLE_KIND_COUNT,        /* integer ≥ 0; JSON number */
  PM_TABLE_KIND_DATE,         /* YYYY-MM-DD; JSON string */
  PM_TABLE_KIND_AVAILABILITY, /* the availability grammar; JSON string or array of window strings */
} PmTableKind;

typedef struct
{
  const char *name;
  gboolean required;
  PmTableKind kind;
} PmTableColumn;

typedef struct
{
  guint line;
  gboolean broken; /* the table layer found a problem: check the cells, but add nothing */
  gboolean present[PM_TABLE_MAX_COLUMNS]; /* the column or field is there with a usable value */
  gboolean bad[PM_TABLE_MAX_COLUMNS];     /* the field is there with a value of the wrong type */
  guint lines[PM_TABLE_MAX_COLUMNS];
  char *text[PM_TABLE_MAX_COLUMNS]; /* trimmed; NULL when empty */
  char **list[PM_TABLE_MAX_COLUMNS];
} PmTableRow;

typedef void (*PmTableRowFunc) (PmTableCtx *ctx, const PmTableRow *row, gpointer user_data);

/* Calls @func on every row of @data: JSON when @ctx's file name ends in `.json`, else CSV. */
void
pm_table_read (PmTableCtx *ctx, const char *data, gsize length, const PmTableColumn *columns,
               guint n_columns, PmTableRowFunc func, gpointer user_data);

/* `;`-separated items, trimmed, empties dropped. */
char **
pm_table_split_list (const char *raw);

/* ---- checking cells */

const char *
pm_table_cell_text (PmTableCtx *ctx, const PmTableRow *row, const PmTableColumn *columns,
                    guint col);

const char *
pm_table_cell_id (PmTableCtx *ctx, const PmTableRow *row, const PmTableColumn *columns, guint col);

gboolean
pm_table_parse_count (const char *text, guint *value);

gboolean
pm_table_cell_count (PmTableCtx *ctx, const PmTableRow *row, const PmTableColumn *columns,
                     guint col, guint *value);

gboolean
pm_table_cell_date (PmTableCtx *ctx, const PmTableRow *row, const PmTableColumn *columns, guint col,
                    GDate *date);

/* Never NULL: an empty list when the cell is empty. */
const char *const *
pm_table_cell_list (const PmTableRow *row, guint col);

G_END_DECLS
