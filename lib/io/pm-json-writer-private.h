/* peermatch: a tiny streaming JSON emitter. Never installed.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "pm-private.h"

G_BEGIN_DECLS

/* Writes compact JSON (no blanks) into a GString, inserting the commas itself. The output
 * depends only on the calls made, so the same data always gives the same bytes. Nesting
 * deeper than 64 levels is a programmer error. */
typedef struct
{
  GString *out;
  guint depth;
  guint64 has_items; /* bit d: the container at depth d already holds an item */
  gboolean after_key;
} PmJsonWriter;

void
pm_json_writer_init (PmJsonWriter *self, GString *out);
void
pm_json_writer_begin_object (PmJsonWriter *self);
void
pm_json_writer_end_object (PmJsonWriter *self);
void
pm_json_writer_begin_array (PmJsonWriter *self);
void
pm_json_writer_end_array (PmJsonWriter *self);
void
pm_json_writer_key (PmJsonWriter *self, const char *key);
/* NULL writes null. */
void
pm_json_writer_string (PmJsonWriter *self, const char *value);
/* The shortest decimal that parses back to @value; null when it is not finite. */
void
pm_json_writer_double (PmJsonWriter *self, double value);
void
pm_json_writer_int (PmJsonWriter *self, gint64 value);
void
pm_json_writer_null (PmJsonWriter *self);
void
pm_json_writer_boolean (PmJsonWriter *self, gboolean value);

/* Appends @value as a JSON string literal, quotes included. */
void
pm_json_append_string (GString *out, const char *value);

G_END_DECLS
