/* peermatch: the error domain.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"

/**
 * pm_error_quark:
 *
 * Returns: the quark of the %PM_ERROR domain
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (peermatch - error - quark, pm_error)
