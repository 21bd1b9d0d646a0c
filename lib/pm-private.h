/* peermatch: private declarations shared inside the library. Never installed.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "peermatch.h"

G_BEGIN_DECLS

/* ---- availability: disjoint, sorted, half-open [start, end) minute intervals of the week */
struct _PmAvailability
{
  guint n;     /* number of intervals */
  guint alloc; /* allocated intervals */
  guint32 *iv; /* 2 * n values: start0, end0, start1, end1, ... */
};

/* ---- pairs */
struct _PmPair
{
  char *request_id;
  char *supporter_id;
  double score;
  double components[PM_COMPONENT_N]; /* weighted: they add up to score */
  guint overlap_minutes;
  gint hops; /* -1: the regions share no root */
};

PmPair *
pm_pair_new (const char *request_id, const char *supporter_id);

/* ---- results (built by the matcher) */
PmRanking *
pm_ranking_new (const char *request_id, gboolean escalated, guint n_eligible,
                const guint excluded[PM_REASON_N]);
/* takes ownership of @pair; candidates keep the order they are added in */
void
pm_ranking_take_candidate (PmRanking *self, PmPair *pair);

PmMatching *
pm_matching_new (const GDate *on, guint n_requests);
/* pairs, unmatched and escalated are added in request-id order */
void
pm_matching_take_pair (PmMatching *self, PmPair *pair, gboolean priority);
void
pm_matching_add_unmatched (PmMatching *self, const char *request_id, PmUnmatchedReason reason,
                           guint eligible, const guint excluded[PM_REASON_N]);
void
pm_matching_add_escalated (PmMatching *self, const char *request_id);

/* ---- diagnostics */
void
pm_diagnostics_addf (PmDiagnostics *self, PmSeverity severity, const char *file, guint line,
                     const char *field, const char *format, ...) G_GNUC_PRINTF (6, 7);

/* ---- small utilities (pm-util.c) */
/* A token as compared by the rules: trimmed, ASCII lower case. NULL or blank gives NULL. */
char *
pm_token_normalize (const char *text);
/* A NULL-terminated list of normalised tokens, empties dropped, duplicates kept once in
 * first-seen order. NULL input gives an empty list. */
char **
pm_tokens_normalize (const char *const *tokens);
/* Strict YYYY-MM-DD with a real calendar date. */
gboolean
pm_date_parse (const char *text, GDate *date);
/* YYYY-MM-DD into buf (at least 11 bytes). */
const char *
pm_date_format (const GDate *date, char buf[static 11]);
/* The shortest decimal that parses back to the same double (at least 32 bytes). */
const char *
pm_double_format (double value, char buf[static 32]);
/* At most one decimal, for text meant for people ("86.7", "84"). */
const char *
pm_double_format_brief (double value, char buf[static 32]);
gboolean
pm_strv_contains (const char *const *strv, const char *str);

G_END_DECLS
