/* peermatch: the rota search (spec/rota.md). Private: the rota commands and (later) the
 * public rota API call it.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every hard rule of spec/rota.md is per person, so a rota is valid exactly when each
 * person's row is. The search builds each row separately with a depth-first search that
 * never breaks a rule, then improves the objective by simulated annealing over moves that
 * are checked incrementally against every hard rule of the people they touch: a move that
 * would break a rule is never made (no repair afterwards). */
#pragma once

#include <gio/gio.h>

#include "pm-rota-private.h"

G_BEGIN_DECLS

/* A monotonic clock in microseconds (e.g. g_get_monotonic_time): the core never reads it. */
typedef gint64 (*PmRotaClockFunc) (void);
/* Called at most about four times a second (with a clock; else eight times over the run)
 * with the objective of the best rota found so far and its hard penalty (0 = valid). */
typedef void (*PmRotaProgressFunc) (gint64 best_objective, gint64 hard_penalty, gpointer user_data);

typedef struct
{
  guint64 seed;
  /* 0: no limit; the search does a fixed number of moves (iterations below) and its output
   * depends only on the model and the seed. Above 0: it stops after that many seconds on
   * @clock (required then) and returns the best rota found; the output then depends on
   * the machine's speed. */
  double time_limit_seconds;
  /* Moves without a time limit; 0 = 4000 per person and day (at least 200,000). */
  guint64 iterations;
  PmRotaClockFunc clock;
  /* With a time limit, the threads the annealing may use: 0 = as many as help (two when
   * the machine has two processors or more), 1 = one. Without, it always uses one. */
  int threads;
  PmRotaProgressFunc progress; /* nullable */
  gpointer progress_data;
} PmRotaSearchOptions;

/* Searches a rota for @model (finished). @rota_out receives n_people * n_days shift indices
 * (person-major, PM_ROTA_OFF for none) and @cost_out (nullable) its objective.
 *
 * When no person's row can break no rule (a person whose limits contradict each other, or
 * whose row the construction could not find), the search still returns TRUE with the
 * least-violating rota it found: the moves never increase any person's violations, and
 * they reduce them when they can. The caller finds what is broken, for whom and why, with
 * pm_rota_check(). Returns FALSE with @error only when @cancellable is cancelled; @rota_out
 * then holds the best rota found so far. */
gboolean
pm_rota_search (const PmRotaModel *model, const PmRotaSearchOptions *options, int *rota_out,
                PmRotaCost *cost_out, GCancellable *cancellable, GError **error);

G_END_DECLS
