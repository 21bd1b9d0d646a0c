/* peermatch: the iCalendar line scanner (see pm-ical-reader-private.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Line ends may be CRLF (RFC 5545) or a bare LF (many exporters); a line starting with a
 * space or a tab continues the one before (folding). Blank lines are skipped, as every
 * calendar client does. Component names must be ~ [A-Za-z0-9-]+, so quoting one in a message
 * reveals nothing personal. */
#include "pm-ical-reader-private.h"

#include <string.h>

typedef struct
{
  PmTableCtx *ctx;
  GPtrArray *comps; /* every component, in BEGIN order */
  GPtrArray *open;  /* PmIcalComp* (borrowed), innermost last */
  gboolean ok;
} Scan;

static void
line_free (gpointer data)
{
  PmIcalLine *l = data;

  g_free (l->name);
  g_free (l->params);
  g_free (l->value);
  g_free (l);
}

static void
comp_free (gpointer data)
{
  PmIcalComp *c = data;

  g_free (c->name);
  g_ptr_array_unref (c->lines);
  g_free (c);
}

static void G_GNUC_PRINTF (4, 5)
    scan_error (Scan *s, guint line, const char *field, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  pm_table_report (s->ctx, PM_SEVERITY_ERROR, line, field, "%s", message);
  s->ok = FALSE;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-';
}

static const char *
skip_name (const char *p)
{
  while (is_name_char (*p))
    p++;
  return p;
}

/* One parameter value: a quoted string or SAFE-CHARs (RFC 5545 3.1). */
static const char *
skip_param_value (const char *p)
{
  if (*p == '"')
    {
      const char *q = strchr (p + 1, '"');

      return q != NULL ? q + 1 : NULL;
    }
  while (*p != '\0' && strchr (";:,\"", *p) == NULL)
    p++;
  return p;
}

/* `;NAME=VALUE[,VALUE]...` repeated; returns the ':' that ends them, or NULL. */
static const char *
skip_params (const char *p)
{
  while (*p == ';')
    {
      const char *end = skip_name (p + 1);

      if (end == p + 1 || *end != '=')
        return NULL;
      p = end;
      do
        {
          p = skip_param_value (p + 1);
          if (p == NULL)
            return NULL;
        }
      while (*p == ',');
    }
  return *p == ':' ? p : NULL;
}

static PmIcalLine *
parse_content_line (const char *text, guint line)
{
  const char *name_end = skip_name (text);
  const char *colon;
  PmIcalLine *l;

  if (name_end == text || (colon = skip_params (name_end)) == NULL)
    return NULL;
  l = g_new0 (PmIcalLine, 1);
  l->line = line;
  l->name = g_ascii_strup (text, name_end - text);
  l->params = g_strndup (name_end, colon - name_end);
  l->value = g_strdup (colon + 1);
  return l;
}

static gboolean
is_component_name (const char *value)
{
  return *value != '\0' && *skip_name (value) == '\0';
}

static void
scan_begin (Scan *s, PmIcalLine *l)
{
  PmIcalComp *c;

  if (!is_component_name (l->value))
    {
      scan_error (s, l->line, "BEGIN", "BEGIN: not a component name");
      return;
    }
  if (s->open->len == 0 && g_ascii_strcasecmp (l->value, "VCALENDAR") != 0)
    scan_error (s, l->line, "BEGIN", "BEGIN: a calendar starts with BEGIN:VCALENDAR");
  c = g_new0 (PmIcalComp, 1);
  c->name = g_ascii_strup (l->value, -1);
  c->depth = s->open->len;
  c->begin_line = l->line;
  c->lines = g_ptr_array_new_with_free_func (line_free);
  g_ptr_array_add (s->comps, c);
  g_ptr_array_add (s->open, c);
}

/* Closes the innermost open component of that name, and the ones left open inside it. */
static void
scan_end (Scan *s, PmIcalLine *l)
{
  guint i = s->open->len;

  if (!is_component_name (l->value))
    {
      scan_error (s, l->line, "END", "END: not a component name");
      return;
    }
  while (i > 0
         && g_ascii_strcasecmp (((PmIcalComp *)g_ptr_array_index (s->open, i - 1))->name, l->value)
                != 0)
    i--;
  if (i == 0)
    {
      g_autofree char *name = g_ascii_strup (l->value, -1);

      scan_error (s, l->line, "END", "END:%s: no BEGIN:%s is open", name, name);
      return;
    }
  while (s->open->len > i)
    {
      PmIcalComp *c = g_ptr_array_index (s->open, s->open->len - 1);

      scan_error (s, c->begin_line, "BEGIN", "BEGIN:%s: no END:%s", c->name, c->name);
      g_ptr_array_remove_index (s->open, s->open->len - 1);
    }
  g_ptr_array_remove_index (s->open, i - 1);
}

/* One unfolded content line; takes @text. */
static void
scan_line (Scan *s, char *text, guint line)
{
  g_autofree char *owned = text;
  PmIcalLine *l;

  if (*text == '\0')
    return;
  l = parse_content_line (text, line);
  if (l == NULL)
    {
      scan_error (s, line, NULL, "not an iCalendar content line (NAME;PARAM=VALUE:VALUE)");
      return;
    }
  if (strcmp (l->name, "BEGIN") == 0)
    scan_begin (s, l);
  else if (strcmp (l->name, "END") == 0)
    scan_end (s, l);
  else if (s->open->len == 0)
    scan_error (s, line, NULL, "content outside BEGIN:VCALENDAR ... END:VCALENDAR");
  else
    {
      PmIcalComp *top = g_ptr_array_index (s->open, s->open->len - 1);

      g_ptr_array_add (top->lines, g_steal_pointer (&l));
      return;
    }
  line_free (l);
}

/* Unfolds the physical lines of @text into content lines. */
static void
scan_lines (Scan *s, const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GString *current = NULL;
  guint current_line = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *raw = lines[i];
      gsize n = strlen (raw);

      if (n > 0 && raw[n - 1] == '\r')
        raw[--n] = '\0';
      if ((raw[0] == ' ' || raw[0] == '\t') && current != NULL)
        {
          g_string_append (current, raw + 1);
          continue;
        }
      if (current != NULL)
        scan_line (s, g_string_free (current, FALSE), current_line);
      current = g_string_new (raw[0] == ' ' || raw[0] == '\t' ? raw + 1 : raw);
      current_line = i + 1;
    }
  if (current != NULL)
    scan_line (s, g_string_free (current, FALSE), current_line);
}

gboolean
pm_ical_scan (PmTableCtx *ctx, const char *text, gsize length, GPtrArray **comps)
{
  Scan s = { ctx, g_ptr_array_new_with_free_func (comp_free), g_ptr_array_new (), TRUE };

  if (strlen (text) != length)
    scan_error (&s, 0, NULL, "not a text file (it holds a NUL byte)");
  else
    scan_lines (&s, text);
  for (guint i = s.open->len; i > 0; i--)
    {
      PmIcalComp *c = g_ptr_array_index (s.open, i - 1);

      scan_error (&s, c->begin_line, "BEGIN", "BEGIN:%s: no END:%s", c->name, c->name);
    }
  if (s.ok && s.comps->len == 0)
    scan_error (&s, 0, NULL, "not an iCalendar file (no BEGIN:VCALENDAR)");
  g_ptr_array_unref (s.open);
  *comps = s.comps;
  return s.ok;
}

guint
pm_ical_comp_find_line (const PmIcalComp *comp, const char *name, const char *needle)
{
  guint first = 0;

  for (guint i = 0; i < comp->lines->len; i++)
    {
      const PmIcalLine *l = g_ptr_array_index (comp->lines, i);

      if (strcmp (l->name, name) != 0)
        continue;
      if (needle == NULL || strstr (l->params, needle) != NULL || strstr (l->value, needle) != NULL)
        return l->line;
      if (first == 0)
        first = l->line;
    }
  return first != 0 ? first : comp->begin_line;
}
