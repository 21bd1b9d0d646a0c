/* peermatch: small helpers shared by the core and the readers.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

char *
pm_token_normalize (const char *text)
{
  char *token;

  if (text == NULL)
    return NULL;
  token = g_ascii_strdown (text, -1);
  g_strstrip (token);
  if (*token == '\0')
    {
      g_free (token);
      return NULL;
    }
  return token;
}

char **
pm_tokens_normalize (const char *const *tokens)
{
  GPtrArray *out = g_ptr_array_new_null_terminated (4, g_free, TRUE);

  for (guint i = 0; tokens != NULL && tokens[i] != NULL; i++)
    {
      char *token = pm_token_normalize (tokens[i]);

      if (token == NULL || pm_strv_contains ((const char *const *)out->pdata, token))
        g_free (token);
      else
        g_ptr_array_add (out, token);
    }
  return (char **)g_ptr_array_free (out, FALSE);
}

gboolean
pm_strv_contains (const char *const *strv, const char *str)
{
  if (strv == NULL || str == NULL)
    return FALSE;
  for (guint i = 0; strv[i] != NULL; i++)
    if (strcmp (strv[i], str) == 0)
      return TRUE;
  return FALSE;
}

gboolean
pm_date_parse (const char *text, GDate *date)
{
  guint year = 0, month = 0, day = 0;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = (guint)atoi (text);
  month = (guint)atoi (text + 5);
  day = (guint)atoi (text + 8);
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

const char *
pm_date_format (const GDate *date, char buf[static 11])
{
  g_snprintf (buf, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  return buf;
}

/* JSON and CSV outputs must parse back to the same double: try the shortest precision that
 * round-trips (so 83.5 prints as "83.5", not "83.500000000000000"). Locale-independent. */
const char *
pm_double_format (double value, char buf[static 32])
{
  int precision;

  if (value == 0.0)
    return strcpy (buf, "0");
  for (precision = 1; precision < 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, 32, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  if (precision == 17)
    g_ascii_formatd (buf, 32, "%.17g", value);
  /* %g switches to exponents early ("3e+01"); keep plain decimals for everyday magnitudes,
   * with just the digits the shortest form needed. */
  if (strchr (buf, 'e') != NULL && fabs (value) >= 1e-6 && fabs (value) < 1e15)
    {
      int exponent = (int)floor (log10 (fabs (value)));
      int decimals = MAX (0, precision - 1 - exponent);
      char format[8];

      g_snprintf (format, sizeof format, "%%.%df", decimals);
      g_ascii_formatd (buf, 32, format, value);
    }
  return buf;
}

/* For people, not parsers: one decimal at most ("86.7", "84"), as the text outputs show it. */
const char *
pm_double_format_brief (double value, char buf[static 32])
{
  char *dot;

  g_ascii_formatd (buf, 32, "%.1f", value);
  dot = strchr (buf, '.');
  if (dot != NULL && strcmp (dot, ".0") == 0)
    *dot = '\0';
  if (strcmp (buf, "-0") == 0)
    strcpy (buf, "0");
  return buf;
}
