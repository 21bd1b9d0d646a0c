/* peermatch: why a person's row of a rota cannot meet a hard rule. Private: the rota API and
 * the tools append it to the checker's violations.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The checker (pm_rota_check) names the rule, the person and the day; this says why, from the
 * model alone, when no rota at all could meet the rule for that person whatever the search
 * does. A row that is all days off meets every hard rule but min_minutes, so a static cause
 * always involves the minutes a person must work: min_minutes above max_minutes, out of reach
 * of max_shifts, or out of reach of the row's workable days under the run, weekend and
 * per-type limits (found by a dynamic programme over the row). Messages are for a
 * coordinator: ids and numbers only; days off are counted, never explained (leave, pause or
 * lapsed training stay private). */
#pragma once

#include "pm-rota-private.h"

G_BEGIN_DECLS

/* Returns: (transfer full) (nullable): a sentence saying why @person's row cannot meet @rule
 * whatever the search does, or NULL when no static cause is found. */
char *
pm_rota_explain (const PmRotaModel *model, int person, PmRotaRule rule);

G_END_DECLS
