/* peermatch: the assignment solver's state, shared by its two halves: pm-assign.c (the
 * solve) and pm-assign-price.c (pricing). Private to them; the matcher uses
 * pm-assign-private.h.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "pm-assign-private.h"

G_BEGIN_DECLS

/* The solver's per-column search record (pm-assign.c). */
typedef struct _ColHot ColHot;

typedef struct
{
  guint n, alloc;
  guint *cols;
  gint64 *weights;
} AssignRow;

struct _PmAssign
{
  guint n_rows, n_cols;
  guint *cap;
  AssignRow *rows;
  gint64 *bound;  /* upper bound on the weight of a non-candidate edge of the row */
  gint64 *cbound; /* the same for a column */

  /* pricing (pm-assign-price.c): the duals of the last complete pass, while its proof stands */
  gboolean priced;
  gint64 *pu, *pv;

  /* the last solution; dummy is n_cols */
  gboolean solved;
  guint *row_col;
  gint64 *u, *v;
  gint64 total;

  /* solve work: candidate edges in CSR form (only to columns with capacity) */
  guint *off, *ecol;
  gint64 *ew;
  ColHot *hot;
  guint *head, *next, *prev; /* rows of each column, a doubly linked list */
  guint *heap, *pos, *settled;
  guint heap_n, n_settled, stamp;
  /* warm start: see the top comment of pm-assign.c */
  gboolean cold;      /* edges may have been removed since the last solve */
  guint n_warm;       /* solves that repaired the previous optimum (for the tests) */
  guint *pcol;        /* reverse search: the column pred[c] moves into */
  guint *toff, *trow; /* candidate edges by column (transpose of the CSR), built on demand */
  gint64 *tw;
  guint8 *out; /* row taken out, not yet re-inserted */
};

G_END_DECLS
