/* peermatch: an RFC 4180 CSV tokenizer. Never installed.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "pm-private.h"

G_BEGIN_DECLS

/* Reads records one by one from a buffer (which must outlive the reader). Accepts what
 * spreadsheets and HR systems write: quoted fields with embedded commas, doubled quotes and
 * line breaks; LF, CRLF or CR line ends; a leading UTF-8 byte-order mark. Lines that are
 * empty or hold only blanks are skipped. Blanks around a quoted field are dropped; the
 * fields themselves are not trimmed (that is the reader's business). */
typedef struct _PmCsvReader PmCsvReader;

typedef enum
{
  PM_CSV_RECORD, /* a record was read */
  PM_CSV_END,    /* no more records */
  PM_CSV_ERROR,  /* a malformed record: skipped; reading can go on with the next one */
} PmCsvStatus;

PmCsvReader *
pm_csv_reader_new (const char *data, gsize length);
void
pm_csv_reader_free (PmCsvReader *self);

/* On PM_CSV_RECORD, @fields (transfer full, NULL-terminated) and @line (the 1-based line
 * where the record starts) are set. On PM_CSV_ERROR, @line is the line of the problem and
 * @error (PM_ERROR_INVALID_DATA) says what it is, without any file or line prefix; the
 * reader has skipped past the malformed record. */
PmCsvStatus
pm_csv_reader_next (PmCsvReader *self, char ***fields, guint *line, GError **error);

/* Appends @value to @out as one CSV field, quoted only when it has to be (a comma, a quote,
 * a line break, or blanks at either end). NULL is an empty field. */
void
pm_csv_append_field (GString *out, const char *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmCsvReader, pm_csv_reader_free)

G_END_DECLS
