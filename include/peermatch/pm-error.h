/* peermatch: the error domain.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(PEERMATCH_INSIDE) && !defined(PEERMATCH_COMPILATION)
#error "Only <peermatch/peermatch.h> can be included directly."
#endif

#include <glib.h>
#include "pm-version.h"

G_BEGIN_DECLS

/**
 * PM_ERROR:
 *
 * The error domain of every #GError peermatch returns.
 *
 * Since: 0.1
 */
#define PM_ERROR (pm_error_quark ())

/**
 * PmError:
 * @PM_ERROR_INVALID_DATA: input data breaks the format or a rule (bad field, unknown
 *   region, duplicate id, management cycle, ...). The CLI exits 65.
 * @PM_ERROR_NOT_FOUND: an id passed by the caller is not in the data. The CLI exits 64.
 * @PM_ERROR_OPEN: an input cannot be opened or read. The CLI exits 66.
 * @PM_ERROR_CREATE: an output cannot be created. The CLI exits 73.
 * @PM_ERROR_IO: another input/output error. The CLI exits 74.
 * @PM_ERROR_LIMIT: the instance is beyond what the engine can solve exactly (for example
 *   weights that would overflow 64-bit arithmetic). The CLI exits 65.
 *
 * The few error codes of the %PM_ERROR domain.
 *
 * Since: 0.1
 */
typedef enum
{
  PM_ERROR_INVALID_DATA,
  PM_ERROR_NOT_FOUND,
  PM_ERROR_OPEN,
  PM_ERROR_CREATE,
  PM_ERROR_IO,
  PM_ERROR_LIMIT,
} PmError;

PM_AVAILABLE_IN_ALL
GQuark
pm_error_quark (void);

G_END_DECLS
