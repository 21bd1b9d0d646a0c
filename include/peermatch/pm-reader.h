/* peermatch: readers for supporters, requests, org charts, region trees and policies.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(PEERMATCH_INSIDE) && !defined(PEERMATCH_COMPILATION)
#error "Only <peermatch/peermatch.h> can be included directly."
#endif

#include <glib-object.h>
#include "pm-version.h"
#include "pm-diagnostics.h"
#include "pm-network.h"
#include "pm-rota-problem.h"
#include "pm-rota.h"

G_BEGIN_DECLS

PM_AVAILABLE_IN_ALL
PmRegionTree *
pm_reader_read_regions (const char *path, PmDiagnostics *diagnostics, GError **error);
PM_AVAILABLE_IN_ALL
PmPolicy *
pm_reader_read_policy (const char *path, PmDiagnostics *diagnostics, GError **error);
PM_AVAILABLE_IN_ALL
gboolean
pm_reader_read_org_chart (PmOrgChart *chart, const char *path, PmDiagnostics *diagnostics,
                          GError **error);
PM_AVAILABLE_IN_ALL
gboolean
pm_reader_read_supporters (PmNetwork *network, const char *path, PmDiagnostics *diagnostics,
                           GError **error);
PM_AVAILABLE_IN_ALL
gboolean
pm_reader_read_requests (PmNetwork *network, const char *path, PmDiagnostics *diagnostics,
                         GError **error);
PM_AVAILABLE_IN_ALL
PmRotaProblem *
pm_reader_read_rota_problem (PmNetwork *network, const char *rota_path, const char *limits_path,
                             const char *leave_path, const char *prefs_path,
                             PmDiagnostics *diagnostics, GError **error);
PM_AVAILABLE_IN_ALL
PmRotaProblem *
pm_reader_read_benchmark (const char *path, PmDiagnostics *diagnostics, GError **error);
PM_AVAILABLE_IN_ALL
PmRota *
pm_reader_read_rota (PmRotaProblem *problem, const char *path, PmDiagnostics *diagnostics,
                     GError **error);
PM_AVAILABLE_IN_ALL
gboolean
pm_reader_read_busy (PmRotaProblem *problem, const char *dir, PmDiagnostics *diagnostics,
                     GError **error);

G_END_DECLS
