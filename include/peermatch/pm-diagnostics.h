/* peermatch: problems found in input data, with where they are.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(PEERMATCH_INSIDE) && !defined(PEERMATCH_COMPILATION)
#error "Only <peermatch/peermatch.h> can be included directly."
#endif

#include <glib-object.h>
#include "pm-version.h"

G_BEGIN_DECLS

/**
 * PmSeverity:
 * @PM_SEVERITY_WARNING: suspicious but usable (an unknown column, a tag outside the
 *   vocabulary)
 * @PM_SEVERITY_ERROR: the input cannot be used
 *
 * How serious a diagnostic is.
 *
 * Since: 0.1
 */
typedef enum
{
  PM_SEVERITY_WARNING,
  PM_SEVERITY_ERROR,
} PmSeverity;

#define PM_TYPE_DIAGNOSTICS (pm_diagnostics_get_type ())
PM_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PmDiagnostics, pm_diagnostics, PM, DIAGNOSTICS, GObject)

PM_AVAILABLE_IN_ALL
PmDiagnostics *
pm_diagnostics_new (void);
PM_AVAILABLE_IN_ALL
void
pm_diagnostics_add (PmDiagnostics *self, PmSeverity severity, const char *file, guint line,
                    const char *field, const char *message);
PM_AVAILABLE_IN_ALL
guint
pm_diagnostics_get_n_items (PmDiagnostics *self);
PM_AVAILABLE_IN_ALL
guint
pm_diagnostics_get_n_errors (PmDiagnostics *self);
PM_AVAILABLE_IN_ALL
PmSeverity
pm_diagnostics_get_severity (PmDiagnostics *self, guint index);
PM_AVAILABLE_IN_ALL
const char *
pm_diagnostics_get_file (PmDiagnostics *self, guint index);
PM_AVAILABLE_IN_ALL
guint
pm_diagnostics_get_line (PmDiagnostics *self, guint index);
PM_AVAILABLE_IN_ALL
const char *
pm_diagnostics_get_field (PmDiagnostics *self, guint index);
PM_AVAILABLE_IN_ALL
const char *
pm_diagnostics_get_message (PmDiagnostics *self, guint index);
PM_AVAILABLE_IN_ALL
char *
pm_diagnostics_format_item (PmDiagnostics *self, guint index);

G_END_DECLS
