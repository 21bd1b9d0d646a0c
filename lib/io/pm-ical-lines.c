/* peermatch: iCalendar content lines (RFC 5545 3.1 and 3.3.11) for the rota export.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Lines are folded at 75 octets (continuations begin with one space, which counts), never
 * inside a UTF-8 character or a backslash escape (readers that unescape before unfolding, or
 * that check each physical line's encoding, would break either) and never right after a
 * blank, so that no physical line ends with white space (mail and editors strip it, and the
 * spec forbids it): the fold moves back to before the blank, which then starts the next line
 * after the folding space. TEXT values escape backslash, semicolon, comma and newline (`\n`);
 * other control characters are dropped (RFC 5545 allows none in TEXT), runs of blanks become
 * one space and blanks at either end or around a newline are dropped, which keeps any value a
 * fold can be placed in. Invalid UTF-8 is repaired (U+FFFD) rather than written. */
#include "pm-ical-private.h"

#include <string.h>

#define LINE_OCTETS 75 /* without the CRLF */

/* Whether a physical line may end before byte @i of @line (which starts at @start). */
static gboolean
can_break (const char *line, gsize start, gsize i)
{
  gsize backslashes = 0;

  if (((guchar)line[i] & 0xC0) == 0x80 || line[i - 1] == ' ' || line[i - 1] == '\t')
    return FALSE;
  for (gsize j = i; j > start && line[j - 1] == '\\'; j--)
    backslashes++;
  return backslashes % 2 == 0; /* an odd run ends with a backslash that escapes line[i] */
}

static void
append_folded (GString *out, const char *line, gsize length)
{
  gsize pos = 0, limit = LINE_OCTETS;

  while (length - pos > limit)
    {
      gsize brk = pos + limit;

      while (brk > pos + 1 && !can_break (line, pos, brk))
        brk--;
      if (brk == pos + 1 && !can_break (line, pos, brk))
        {
          /* nowhere clean (a long run of blanks): at least never split a character */
          for (brk = pos + limit; brk > pos + 1 && ((guchar)line[brk] & 0xC0) == 0x80; brk--)
            ;
        }
      g_string_append_len (out, line + pos, (gssize)(brk - pos));
      g_string_append (out, "\r\n ");
      pos = brk;
      limit = LINE_OCTETS - 1; /* the leading space counts */
    }
  g_string_append_len (out, line + pos, (gssize)(length - pos));
  g_string_append (out, "\r\n");
}

void
pm_ical_append_line (GString *out, const char *name, const char *value)
{
  gsize name_length = strlen (name), value_length = strlen (value);
  gsize start = out->len;

  g_string_append_len (out, name, (gssize)name_length);
  g_string_append_c (out, ':');
  g_string_append_len (out, value, (gssize)value_length);
  if (name_length + 1 + value_length <= LINE_OCTETS)
    {
      g_string_append (out, "\r\n");
      return;
    }
  {
    g_autofree char *line = g_strndup (out->str + start, out->len - start);

    g_string_truncate (out, start);
    append_folded (out, line, name_length + 1 + value_length);
  }
}

void
pm_ical_escape_text (GString *out, const char *text)
{
  g_autofree char *valid = NULL;
  gboolean blank = FALSE, line_start = TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\n' || c == '\r')
        {
          g_string_append (out, "\\n");
          blank = FALSE;
          line_start = TRUE;
          continue;
        }
      if (c == ' ' || c == '\t')
        {
          blank = !line_start;
          continue;
        }
      if (c < 0x20 || c == 0x7F)
        continue;
      if (blank)
        g_string_append_c (out, ' ');
      blank = line_start = FALSE;
      if (c == '\\' || c == ';' || c == ',')
        g_string_append_c (out, '\\');
      g_string_append_c (out, (char)c);
    }
}

void
pm_ical_append_text (GString *out, const char *name, const char *text)
{
  g_autoptr (GString) value = g_string_new (NULL);

  pm_ical_escape_text (value, text);
  pm_ical_append_line (out, name, value->str);
}

/* ---- person ids as calendar file names (the rules: pm-ical-private.h) */

static gboolean
reserved_name (const char *id)
{
  static const char *const devices[] = { "con", "prn", "aux", "nul", NULL };
  g_autofree char *lower = g_ascii_strdown (id, -1);

  if (strcmp (lower, "rota") == 0 || g_strv_contains (devices, lower))
    return TRUE;
  return strlen (lower) == 4 && (g_str_has_prefix (lower, "com") || g_str_has_prefix (lower, "lpt"))
         && g_ascii_isdigit (lower[3]);
}

const char *
pm_ical_file_name_problem (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > PM_ICAL_MAX_ID_BYTES)
    return "it is empty or longer than 200 bytes";
  if (!g_utf8_validate (id, (gssize)length, NULL))
    return "it is not UTF-8";
  for (const char *p = id; *p != '\0'; p++)
    if ((guchar)*p < 0x20 || *p == 0x7F || strchr ("/\\:*?\"<>|", *p) != NULL)
      return "it holds a control character or one of / \\ : * ? \" < > |";
  if (id[0] == '.' || id[0] == '-')
    return "it starts with '.' or '-'";
  if (id[length - 1] == ' ' || id[length - 1] == '.')
    return "it ends with a space or '.'";
  if (reserved_name (id))
    return "it is a reserved name (rota, or a Windows device name)";
  return NULL;
}

char *
pm_ical_shown_id (const char *id)
{
  char exceptions[129] = { 0 };

  /* escape control characters, keep UTF-8 letters */
  for (int c = 0x80; c <= 0xFF; c++)
    exceptions[c - 0x80] = (char)c;
  return g_strescape (id, exceptions);
}
