/* peermatch: matching and rota planning for blue-light peer support.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The one header consumers include. */
#pragma once

#define PEERMATCH_INSIDE
#include "pm-version.h"
#include "pm-error.h"
#include "pm-types.h"
#include "pm-enum-types.h"
#include "pm-availability.h"
#include "pm-region-tree.h"
#include "pm-org-chart.h"
#include "pm-policy.h"
#include "pm-supporter.h"
#include "pm-request.h"
#include "pm-network.h"
#include "pm-diagnostics.h"
#include "pm-pair.h"
#include "pm-ranking.h"
#include "pm-matching.h"
#include "pm-matcher.h"
#include "pm-rota-problem.h"
#include "pm-rota-violation.h"
#include "pm-rota.h"
#include "pm-rota-planner.h"
#include "pm-reader.h"
#include "pm-writer.h"
#undef PEERMATCH_INSIDE
