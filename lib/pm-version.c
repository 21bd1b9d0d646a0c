/* peermatch: runtime version functions.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"

/**
 * pm_get_version_string:
 *
 * Returns: (transfer none): the version of the peermatch library loaded at run time
 *
 * Since: 0.1
 */
const char *
pm_get_version_string (void)
{
  return PM_VERSION_STRING;
}

/**
 * pm_get_major_version:
 *
 * Returns: the major version of the library loaded at run time
 *
 * Since: 0.1
 */
guint
pm_get_major_version (void)
{
  return PM_MAJOR_VERSION;
}

/**
 * pm_get_minor_version:
 *
 * Returns: the minor version of the library loaded at run time
 *
 * Since: 0.1
 */
guint
pm_get_minor_version (void)
{
  return PM_MINOR_VERSION;
}

/**
 * pm_get_micro_version:
 *
 * Returns: the micro version of the library loaded at run time
 *
 * Since: 0.1
 */
guint
pm_get_micro_version (void)
{
  return PM_MICRO_VERSION;
}
