/* peermatch: problems found in input data, with where they are.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"

/**
 * PmDiagnostics:
 *
 * An ordered list of warnings and errors found while reading input, each with the file,
 * the line (0 when the problem concerns the whole file) and, where it applies, the field.
 *
 * Readers add every problem they find, not just the first, so that `peermatch check` can
 * list them all.
 *
 * Since: 0.1
 */

typedef struct
{
  PmSeverity severity;
  char *file;
  guint line;
  char *field;
  char *message;
} Item;

struct _PmDiagnostics
{
  GObject parent_instance;
  GArray *items;
  guint n_errors;
};

G_DEFINE_FINAL_TYPE (PmDiagnostics, pm_diagnostics, G_TYPE_OBJECT)

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->file);
  g_free (item->field);
  g_free (item->message);
}

static void
pm_diagnostics_finalize (GObject *object)
{
  PmDiagnostics *self = PM_DIAGNOSTICS (object);

  g_array_unref (self->items);
  G_OBJECT_CLASS (pm_diagnostics_parent_class)->finalize (object);
}

static void
pm_diagnostics_class_init (PmDiagnosticsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_diagnostics_finalize;
}

static void
pm_diagnostics_init (PmDiagnostics *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
}

/**
 * pm_diagnostics_new:
 *
 * Returns: (transfer full): an empty list of diagnostics
 *
 * Since: 0.1
 */
PmDiagnostics *
pm_diagnostics_new (void)
{
  return g_object_new (PM_TYPE_DIAGNOSTICS, NULL);
}

/**
 * pm_diagnostics_add:
 * @self: a #PmDiagnostics
 * @severity: warning or error
 * @file: (nullable): the file concerned
 * @line: the 1-based line, or 0
 * @field: (nullable): the field or column concerned
 * @message: what is wrong, for a coordinator to read
 *
 * Appends a diagnostic.
 *
 * Since: 0.1
 */
void
pm_diagnostics_add (PmDiagnostics *self, PmSeverity severity, const char *file, guint line,
                    const char *field, const char *message)
{
  Item item = { severity, g_strdup (file), line, g_strdup (field), g_strdup (message) };

  g_return_if_fail (PM_IS_DIAGNOSTICS (self));
  g_return_if_fail (message != NULL);
  g_array_append_val (self->items, item);
  if (severity == PM_SEVERITY_ERROR)
    self->n_errors++;
}

void
pm_diagnostics_addf (PmDiagnostics *self, PmSeverity severity, const char *file, guint line,
                     const char *field, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  pm_diagnostics_add (self, severity, file, line, field, message);
}

static Item *
get_item (PmDiagnostics *self, guint index)
{
  g_return_val_if_fail (PM_IS_DIAGNOSTICS (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return &g_array_index (self->items, Item, index);
}

/**
 * pm_diagnostics_get_n_items:
 * @self: a #PmDiagnostics
 *
 * Returns: the number of diagnostics, warnings included
 *
 * Since: 0.1
 */
guint
pm_diagnostics_get_n_items (PmDiagnostics *self)
{
  g_return_val_if_fail (PM_IS_DIAGNOSTICS (self), 0);
  return self->items->len;
}

/**
 * pm_diagnostics_get_n_errors:
 * @self: a #PmDiagnostics
 *
 * Returns: the number of diagnostics of severity %PM_SEVERITY_ERROR
 *
 * Since: 0.1
 */
guint
pm_diagnostics_get_n_errors (PmDiagnostics *self)
{
  g_return_val_if_fail (PM_IS_DIAGNOSTICS (self), 0);
  return self->n_errors;
}

/**
 * pm_diagnostics_get_severity:
 * @self: a #PmDiagnostics
 * @index: an index below pm_diagnostics_get_n_items()
 *
 * Returns: the severity of diagnostic @index
 *
 * Since: 0.1
 */
PmSeverity
pm_diagnostics_get_severity (PmDiagnostics *self, guint index)
{
  Item *item = get_item (self, index);
  return item ? item->severity : PM_SEVERITY_ERROR;
}

/**
 * pm_diagnostics_get_file:
 * @self: a #PmDiagnostics
 * @index: an index below pm_diagnostics_get_n_items()
 *
 * Returns: (transfer none) (nullable): the file of diagnostic @index
 *
 * Since: 0.1
 */
const char *
pm_diagnostics_get_file (PmDiagnostics *self, guint index)
{
  Item *item = get_item (self, index);
  return item ? item->file : NULL;
}

/**
 * pm_diagnostics_get_line:
 * @self: a #PmDiagnostics
 * @index: an index below pm_diagnostics_get_n_items()
 *
 * Returns: the 1-based line of diagnostic @index, or 0 when it concerns the whole file
 *
 * Since: 0.1
 */
guint
pm_diagnostics_get_line (PmDiagnostics *self, guint index)
{
  Item *item = get_item (self, index);
  return item ? item->line : 0;
}

/**
 * pm_diagnostics_get_field:
 * @self: a #PmDiagnostics
 * @index: an index below pm_diagnostics_get_n_items()
 *
 * Returns: (transfer none) (nullable): the field of diagnostic @index
 *
 * Since: 0.1
 */
const char *
pm_diagnostics_get_field (PmDiagnostics *self, guint index)
{
  Item *item = get_item (self, index);
  return item ? item->field : NULL;
}

/**
 * pm_diagnostics_get_message:
 * @self: a #PmDiagnostics
 * @index: an index below pm_diagnostics_get_n_items()
 *
 * Returns: (transfer none): the message of diagnostic @index
 *
 * Since: 0.1
 */
const char *
pm_diagnostics_get_message (PmDiagnostics *self, guint index)
{
  Item *item = get_item (self, index);
  return item ? item->message : NULL;
}

/**
 * pm_diagnostics_format_item:
 * @self: a #PmDiagnostics
 * @index: an index below pm_diagnostics_get_n_items()
 *
 * Formats diagnostic @index as `FILE:LINE: message` (warnings as
 * `FILE:LINE: warning: message`; `FILE: message` when the line is 0).
 *
 * Returns: (transfer full): the formatted diagnostic
 *
 * Since: 0.1
 */
char *
pm_diagnostics_format_item (PmDiagnostics *self, guint index)
{
  Item *item = get_item (self, index);
  GString *out;

  g_return_val_if_fail (item != NULL, NULL);
  out = g_string_new (NULL);
  if (item->file != NULL)
    {
      g_string_append (out, item->file);
      if (item->line > 0)
        g_string_append_printf (out, ":%u", item->line);
      g_string_append (out, ": ");
    }
  if (item->severity == PM_SEVERITY_WARNING)
    g_string_append (out, "warning: ");
  g_string_append (out, item->message);
  return g_string_free (out, FALSE);
}
