/* peermatch: a tiny streaming JSON emitter.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-json-writer-private.h"

#include <math.h>

void
pm_json_writer_init (PmJsonWriter *self, GString *out)
{
  self->out = out;
  self->depth = 0;
  self->has_items = 0;
  self->after_key = FALSE;
}

/* Every value and key goes through here: it writes the comma that separates it from the
 * previous item of the same container. */
static void
before_item (PmJsonWriter *self)
{
  guint64 bit = G_GUINT64_CONSTANT (1) << self->depth;

  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }
  if (self->has_items & bit)
    g_string_append_c (self->out, ',');
  self->has_items |= bit;
}

static void
begin (PmJsonWriter *self, char bracket)
{
  before_item (self);
  g_return_if_fail (self->depth < 63);
  g_string_append_c (self->out, bracket);
  self->depth++;
  self->has_items &= ~(G_GUINT64_CONSTANT (1) << self->depth);
}

static void
end (PmJsonWriter *self, char bracket)
{
  g_return_if_fail (self->depth > 0 && !self->after_key);
  self->depth--;
  g_string_append_c (self->out, bracket);
}

void
pm_json_writer_begin_object (PmJsonWriter *self)
{
  begin (self, '{');
}

void
pm_json_writer_end_object (PmJsonWriter *self)
{
  end (self, '}');
}

void
pm_json_writer_begin_array (PmJsonWriter *self)
{
  begin (self, '[');
}

void
pm_json_writer_end_array (PmJsonWriter *self)
{
  end (self, ']');
}

void
pm_json_writer_key (PmJsonWriter *self, const char *key)
{
  g_return_if_fail (!self->after_key);
  before_item (self);
  pm_json_append_string (self->out, key);
  g_string_append_c (self->out, ':');
  self->after_key = TRUE;
}

void
pm_json_writer_string (PmJsonWriter *self, const char *value)
{
  before_item (self);
  if (value == NULL)
    g_string_append (self->out, "null");
  else
    pm_json_append_string (self->out, value);
}

void
pm_json_writer_double (PmJsonWriter *self, double value)
{
  char buf[32];

  before_item (self);
  if (!isfinite (value))
    g_string_append (self->out, "null");
  else
    g_string_append (self->out, pm_double_format (value, buf));
}

void
pm_json_writer_int (PmJsonWriter *self, gint64 value)
{
  before_item (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
pm_json_writer_null (PmJsonWriter *self)
{
  before_item (self);
  g_string_append (self->out, "null");
}

void
pm_json_writer_boolean (PmJsonWriter *self, gboolean value)
{
  before_item (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
pm_json_append_string (GString *out, const char *value)
{
  g_string_append_c (out, '"');
  for (const unsigned char *q = (const unsigned char *)value; *q != '\0'; q++)
    {
      switch (*q)
        {
          case '"':
            g_string_append (out, "\\\"");
            break;
          case '\\':
            g_string_append (out, "\\\\");
            break;
          case '\b':
            g_string_append (out, "\\b");
            break;
          case '\f':
            g_string_append (out, "\\f");
            break;
          case '\n':
            g_string_append (out, "\\n");
            break;
          case '\r':
            g_string_append (out, "\\r");
            break;
          case '\t':
            g_string_append (out, "\\t");
            break;
          default:
            if (*q < 0x20 || *q == 0x7f)
              g_string_append_printf (out, "\\u%04x", *q);
            else
              g_string_append_c (out, (char)*q);
        }
    }
  g_string_append_c (out, '"');
}
