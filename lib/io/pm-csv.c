/* peermatch: an RFC 4180 CSV tokenizer.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-csv-private.h"

#include <string.h>

struct _PmCsvReader
{
  const char *p;   /* the next byte to read */
  const char *end; /* one past the last byte */
  guint line;      /* the 1-based line of @p */
};

PmCsvReader *
pm_csv_reader_new (const char *data, gsize length)
{
  PmCsvReader *self = g_new0 (PmCsvReader, 1);

  self->p = data;
  self->end = data + length;
  self->line = 1;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    self->p += 3;
  return self;
}

void
pm_csv_reader_free (PmCsvReader *self)
{
  g_free (self);
}

static gboolean
is_newline (const PmCsvReader *self)
{
  return self->p < self->end && (*self->p == '\n' || *self->p == '\r');
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* Consumes one LF, CRLF or lone CR. */
static void
skip_newline (PmCsvReader *self)
{
  if (*self->p == '\r' && self->p + 1 < self->end && self->p[1] == '\n')
    self->p++;
  self->p++;
  self->line++;
}

static void
skip_blanks (PmCsvReader *self)
{
  while (self->p < self->end && is_blank (*self->p))
    self->p++;
}

/* After a malformed field, resynchronise on the next line so the remaining records can
 * still be checked (a coordinator wants every problem at once). */
static void
skip_rest_of_line (PmCsvReader *self)
{
  while (self->p < self->end && !is_newline (self))
    self->p++;
  if (self->p < self->end)
    skip_newline (self);
}

/* The number of line breaks in [start, stop), counted as skip_newline() counts them. */
static guint
count_lines (const char *start, const char *stop)
{
  guint n = 0;

  for (const char *q = start; q < stop; q++)
    if (*q == '\n' || (*q == '\r' && (q + 1 >= stop || q[1] != '\n')))
      n++;
  return n;
}

static gboolean
read_quoted (PmCsvReader *self, GString *field, guint *line, GError **error)
{
  guint quote_line = self->line;

  self->p++; /* the opening quote */
  for (;;)
    {
      if (self->p >= self->end)
        {
          *line = quote_line;
          g_set_error_literal (error, PM_ERROR, PM_ERROR_INVALID_DATA, "unterminated quoted field");
          return FALSE;
        }
      if (*self->p == '"')
        {
          if (self->p + 1 < self->end && self->p[1] == '"')
            {
              g_string_append_c (field, '"');
              self->p += 2;
              continue;
            }
          self->p++;
          break;
        }
      if (is_newline (self))
        {
          /* Embedded line breaks come back as LF whatever the file used. */
          g_string_append_c (field, '\n');
          skip_newline (self);
          continue;
        }
      g_string_append_c (field, *self->p++);
    }
  skip_blanks (self);
  if (self->p < self->end && *self->p != ',' && !is_newline (self))
    {
      *line = self->line;
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                   "unexpected character '%c' after a closing quote (a quote inside a quoted "
                   "field must be doubled)",
                   *self->p);
      skip_rest_of_line (self);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_unquoted (PmCsvReader *self, GString *field, guint *line, GError **error)
{
  while (self->p < self->end && *self->p != ',' && !is_newline (self))
    {
      if (*self->p == '"')
        {
          *line = self->line;
          g_set_error_literal (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                               "stray quote inside an unquoted field (quote the whole field "
                               "and double the quote)");
          skip_rest_of_line (self);
          return FALSE;
        }
      g_string_append_c (field, *self->p++);
    }
  return TRUE;
}

/* Skips blank lines; FALSE at the end of the data. */
static gboolean
skip_blank_lines (PmCsvReader *self)
{
  for (;;)
    {
      const char *q = self->p;

      while (q < self->end && is_blank (*q))
        q++;
      if (q >= self->end)
        {
          self->p = self->end;
          return FALSE;
        }
      if (*q != '\n' && *q != '\r')
        return TRUE;
      self->p = q;
      skip_newline (self);
    }
}

static gboolean
read_record (PmCsvReader *self, GPtrArray *fields, guint *line, GError **error)
{
  for (;;)
    {
      g_autoptr (GString) field = g_string_new (NULL);
      const char *start = self->p;
      gboolean ok;

      skip_blanks (self);
      if (self->p < self->end && *self->p == '"')
        ok = read_quoted (self, field, line, error);
      else
        {
          self->p = start; /* unquoted fields keep their blanks */
          ok = read_unquoted (self, field, line, error);
        }
      if (!ok)
        return FALSE;
      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      if (self->p < self->end && *self->p == ',')
        {
          self->p++;
          continue;
        }
      return TRUE;
    }
}

PmCsvStatus
pm_csv_reader_next (PmCsvReader *self, char ***fields, guint *line, GError **error)
{
  g_autoptr (GPtrArray) record = NULL;
  const char *start;
  const char *bad;

  g_return_val_if_fail (self != NULL, PM_CSV_ERROR);
  if (!skip_blank_lines (self))
    return PM_CSV_END;
  start = self->p;
  *line = self->line;
  record = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  if (!read_record (self, record, line, error))
    return PM_CSV_ERROR;
  if (!g_utf8_validate_len (start, self->p - start, &bad))
    {
      *line += count_lines (start, bad);
      g_set_error_literal (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                           "invalid UTF-8 (save the file as UTF-8)");
      skip_rest_of_line (self);
      return PM_CSV_ERROR;
    }
  if (self->p < self->end)
    skip_newline (self);
  *fields = (char **)g_ptr_array_free (g_steal_pointer (&record), FALSE);
  return PM_CSV_RECORD;
}

void
pm_csv_append_field (GString *out, const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *q = value; *q != '\0'; q++)
    {
      if (*q == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *q);
    }
  g_string_append_c (out, '"');
}
