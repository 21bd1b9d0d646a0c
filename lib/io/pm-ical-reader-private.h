/* peermatch: the busy-time reader's parts (spec/calendar.md "Import of busy times"):
 * pm-busy-reader.c (the public entry, the people and their files), pm-ical-reader.c (one
 * file through libical, the only source that includes it) and pm-ical-scan.c (a line scanner
 * beside libical). Never installed.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The scanner: libical keeps no line numbers and quietly drops what it cannot place (text before
 * BEGIN:VCALENDAR, a mismatched END, unknown components), so the busy-time reader first scans
 * the text itself: it unfolds the lines, checks each is `NAME *(;PARAM=VALUE) : VALUE` and
 * that BEGIN and END nest, and records every component (in the order of their BEGIN lines,
 * which is libical's depth-first order) with its own content lines. Messages quote no value:
 * calendar text is personal. */
#pragma once

#include "pm-private.h"
#include "pm-table-private.h"

G_BEGIN_DECLS

/* ---- the shifts busy time is checked against (pm-busy-reader.c) */

typedef struct
{
  GTimeZone *tz; /* the rota's: floating times and dates are in it */
  gint64 from;   /* UTC, Unix seconds: the start of the first shift */
  gint64 to;     /* the end of the last shift */
  gint64 *spans; /* [2 * (day * n_shifts + shift)]: start, end */
  int n_cells;   /* n_days * n_shifts */
} PmIcalWindow;

/* ---- one calendar (pm-ical-reader.c) */

/* The cells of @w (n_cells, 1 = blocked) that the busy times of the iCalendar text @data
 * (@length bytes, NUL-terminated) overlap; NULL when none, or when a problem was reported to
 * @ctx (which names the file), in line order. */
guint8 *
pm_ical_read_busy (PmTableCtx *ctx, const PmIcalWindow *w, const char *data, gsize length);

/* ---- the line scanner (pm-ical-scan.c) */

typedef struct
{
  guint line;   /* the physical line (1-based) the content line starts on */
  char *name;   /* upper case */
  char *params; /* the raw text between the name and the ':', "" or starting with ';' */
  char *value;  /* the raw text after the ':' */
} PmIcalLine;

typedef struct
{
  char *name;  /* upper case, as after BEGIN: */
  guint depth; /* 0 for a VCALENDAR */
  guint begin_line;
  GPtrArray *lines; /* PmIcalLine*: its own content lines, not those of nested components */
} PmIcalComp;

/* Scans the @length bytes of @text, reporting every problem to @ctx (which names the file);
 * @comps receives the components (PmIcalComp*, freed with the array). Returns FALSE when a
 * problem was reported: the text is then not given to libical. */
gboolean
pm_ical_scan (PmTableCtx *ctx, const char *text, gsize length, GPtrArray **comps);

/* The line of the first content line of @comp named @name (upper case) whose parameters or
 * value contain @needle (nullable: any), else of the first named @name, else @comp's BEGIN. */
guint
pm_ical_comp_find_line (const PmIcalComp *comp, const char *name, const char *needle);

G_END_DECLS
