/* peermatch: weekly availability windows.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-private.h"

#include <string.h>

/* Invariant: self->iv holds self->n half-open intervals [start, end) with
 * 0 <= start < end <= PM_MINUTES_PER_WEEK, sorted, and separated by gaps (two intervals that
 * overlap or touch are always merged into one). That makes the representation canonical, so
 * equality is a memcmp and overlap is a single linear merge. */

#define MINUTES_PER_DAY 1440
#define DAYS_PER_WEEK 7
#define WEEKDAYS_MASK 0x1f /* mon..fri */
#define WEEKENDS_MASK 0x60 /* sat, sun */
#define DAILY_MASK 0x7f

static const char *const day_names[DAYS_PER_WEEK] = {
  "mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

G_DEFINE_BOXED_TYPE (PmAvailability, pm_availability, pm_availability_copy, pm_availability_free)

/**
 * pm_availability_new:
 *
 * Returns: (transfer full): an empty availability (never available)
 *
 * Since: 0.1
 */
PmAvailability *
pm_availability_new (void)
{
  return g_new0 (PmAvailability, 1);
}

/**
 * pm_availability_copy:
 * @self: a #PmAvailability
 *
 * Returns: (transfer full): a copy of @self
 *
 * Since: 0.1
 */
PmAvailability *
pm_availability_copy (const PmAvailability *self)
{
  PmAvailability *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_new0 (PmAvailability, 1);
  copy->n = copy->alloc = self->n;
  if (self->n > 0)
    copy->iv = g_memdup2 (self->iv, 2 * self->n * sizeof (guint32));
  return copy;
}

/**
 * pm_availability_free:
 * @self: (nullable): a #PmAvailability
 *
 * Frees @self.
 *
 * Since: 0.1
 */
void
pm_availability_free (PmAvailability *self)
{
  if (self == NULL)
    return;
  g_free (self->iv);
  g_free (self);
}

/* The first interval whose end is at or after @minute (n when none). */
static guint
first_ending_at_or_after (const PmAvailability *self, guint minute)
{
  guint lo = 0, hi = self->n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->iv[2 * mid + 1] < minute)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The first interval whose start is after @minute (n when none). */
static guint
first_starting_after (const PmAvailability *self, guint minute)
{
  guint lo = 0, hi = self->n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->iv[2 * mid] <= minute)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * pm_availability_add_interval:
 * @self: a #PmAvailability
 * @start: the first minute of the week, Monday 00:00 being 0
 * @end: the minute after the last one, at most %PM_MINUTES_PER_WEEK
 *
 * Adds the half-open interval [@start, @end) of the week, merging it with the intervals it
 * overlaps or touches. An empty interval (@start = @end) changes nothing. To add a stretch
 * across Sunday midnight, add its two parts.
 *
 * Since: 0.1
 */
void
pm_availability_add_interval (PmAvailability *self, guint start, guint end)
{
  guint lo, hi;

  g_return_if_fail (self != NULL);
  g_return_if_fail (start <= end);
  g_return_if_fail (end <= PM_MINUTES_PER_WEEK);
  if (start == end)
    return;
  /* Intervals lo..hi-1 overlap or touch [start, end); they collapse into one. */
  lo = first_ending_at_or_after (self, start);
  hi = first_starting_after (self, end);
  if (lo < hi)
    {
      start = MIN (start, self->iv[2 * lo]);
      end = MAX (end, self->iv[2 * (hi - 1) + 1]);
      memmove (&self->iv[2 * (lo + 1)], &self->iv[2 * hi], 2 * (self->n - hi) * sizeof (guint32));
      self->n -= hi - lo - 1;
    }
  else
    {
      if (self->n == self->alloc)
        {
          self->alloc = MAX (4, 2 * self->alloc);
          self->iv = g_renew (guint32, self->iv, 2 * self->alloc);
        }
      memmove (&self->iv[2 * (lo + 1)], &self->iv[2 * lo], 2 * (self->n - lo) * sizeof (guint32));
      self->n++;
    }
  self->iv[2 * lo] = start;
  self->iv[2 * lo + 1] = end;
}

/* Adds [start, end) where end may pass the end of the week: the rest wraps into Monday. */
static void
add_wrapping (PmAvailability *self, guint start, guint end)
{
  if (end <= PM_MINUTES_PER_WEEK)
    pm_availability_add_interval (self, start, end);
  else
    {
      pm_availability_add_interval (self, start, PM_MINUTES_PER_WEEK);
      pm_availability_add_interval (self, 0, end - PM_MINUTES_PER_WEEK);
    }
}

/* ---- parsing */

typedef struct
{
  const char *text; /* the whole window, trimmed, for messages */
  const char *p;    /* the read position */
  GError **error;
} Parser;

static gboolean
parse_fail (Parser *parser, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
parse_fail (Parser *parser, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (parser->error, PM_ERROR, PM_ERROR_INVALID_DATA, "window '%s': %s", parser->text,
               what);
  return FALSE;
}

static void
skip_space (Parser *parser)
{
  while (g_ascii_isspace (*parser->p))
    parser->p++;
}

/* A run of letters, lower-cased into @word (empty when there is none). */
static void
read_word (Parser *parser, char *word, gsize size)
{
  gsize len = 0;

  while (g_ascii_isalpha (*parser->p))
    {
      if (len + 1 < size)
        word[len++] = g_ascii_tolower (*parser->p);
      parser->p++;
    }
  word[len] = '\0';
}

static gint
day_index (const char *word)
{
  for (guint d = 0; d < DAYS_PER_WEEK; d++)
    if (strcmp (word, day_names[d]) == 0)
      return (gint)d;
  return -1;
}

/* day | day "-" day (wrapping past Sunday) | daily | weekdays | weekends */
static gboolean
parse_dayspec (Parser *parser, guint *mask)
{
  char word[16], last[16];
  gint first, second;

  read_word (parser, word, sizeof word);
  if (*word == '\0')
    return parse_fail (parser, "missing days");
  if (strcmp (word, "daily") == 0)
    *mask |= DAILY_MASK;
  else if (strcmp (word, "weekdays") == 0)
    *mask |= WEEKDAYS_MASK;
  else if (strcmp (word, "weekends") == 0)
    *mask |= WEEKENDS_MASK;
  else if ((first = day_index (word)) < 0)
    return parse_fail (parser, "unknown day '%s'", word);
  else
    {
      const char *save = parser->p;

      skip_space (parser);
      if (*parser->p != '-')
        {
          parser->p = save;
          *mask |= 1u << first;
          return TRUE;
        }
      parser->p++;
      skip_space (parser);
      read_word (parser, last, sizeof last);
      if (*last == '\0')
        return parse_fail (parser, "day range '%s-' has no last day", word);
      if ((second = day_index (last)) < 0)
        return parse_fail (parser, "unknown day '%s'", last);
      for (gint d = first;; d = (d + 1) % DAYS_PER_WEEK)
        {
          *mask |= 1u << d;
          if (d == second)
            break;
        }
    }
  return TRUE;
}

static gboolean
parse_days (Parser *parser, guint *mask)
{
  for (;;)
    {
      const char *save;

      if (!parse_dayspec (parser, mask))
        return FALSE;
      save = parser->p;
      skip_space (parser);
      if (*parser->p != ',')
        {
          parser->p = save;
          return TRUE;
        }
      parser->p++;
      skip_space (parser);
    }
}

/* HH:MM, 00:00 to 24:00, into minutes of the day. */
static gboolean
parse_time (Parser *parser, guint *minutes)
{
  const char *p = parser->p;
  guint hours, mins;
  gsize len = 0;

  while (p[len] != '\0' && !g_ascii_isspace (p[len]) && p[len] != '-' && p[len] != ';')
    len++;
  if (len == 0)
    return parse_fail (parser, "missing time");
  if (len != 5 || !g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || p[2] != ':'
      || !g_ascii_isdigit (p[3]) || !g_ascii_isdigit (p[4]))
    return parse_fail (parser, "bad time '%.*s' (expected HH:MM)", (int)len, p);
  hours = (guint)(p[0] - '0') * 10 + (guint)(p[1] - '0');
  mins = (guint)(p[3] - '0') * 10 + (guint)(p[4] - '0');
  if (hours > 24)
    return parse_fail (parser, "hour out of range in '%.5s'", p);
  if (mins > 59)
    return parse_fail (parser, "minutes out of range in '%.5s'", p);
  if (hours == 24 && mins != 0)
    return parse_fail (parser, "time '%.5s' is after 24:00", p);
  *minutes = hours * 60 + mins;
  parser->p += len;
  return TRUE;
}

static gboolean
parse_times (Parser *parser, guint *start, guint *end)
{
  if (!parse_time (parser, start))
    return FALSE;
  if (*start == MINUTES_PER_DAY)
    return parse_fail (parser, "24:00 can only end a window");
  skip_space (parser);
  if (*parser->p != '-')
    return parse_fail (parser, "missing '-' between start and end time");
  parser->p++;
  skip_space (parser);
  return parse_time (parser, end);
}

static gboolean
parse_window (PmAvailability *self, const char *window, GError **error)
{
  Parser parser = { window, window, error };
  guint mask = 0, start, end;

  if (g_ascii_isdigit (*window))
    return parse_fail (&parser, "missing days");
  if (!parse_days (&parser, &mask))
    return FALSE;
  if (*parser.p == '\0')
    return parse_fail (&parser, "missing time range");
  if (!g_ascii_isspace (*parser.p))
    return parse_fail (&parser, "unexpected '%s' after the days", parser.p);
  skip_space (&parser);
  if (!parse_times (&parser, &start, &end))
    return FALSE;
  skip_space (&parser);
  if (*parser.p != '\0')
    return parse_fail (&parser, "unexpected '%s' after the times", parser.p);
  /* An end not after the start runs past midnight into the next day. */
  if (end <= start)
    end += MINUTES_PER_DAY;
  for (guint d = 0; d < DAYS_PER_WEEK; d++)
    if (mask & (1u << d))
      add_wrapping (self, d * MINUTES_PER_DAY + start, d * MINUTES_PER_DAY + end);
  return TRUE;
}

/**
 * pm_availability_new_from_string:
 * @text: windows in the availability grammar, such as `weekdays 09:00-17:00; sat 10:00-12:00`
 * @error: return location for a #GError
 *
 * Parses weekly windows separated by `;`. A window is a comma-separated list of days
 * (`mon` .. `sun`; ranges such as `mon-fri`, which wrap past Sunday so that `fri-mon` is
 * Friday to Monday; `daily`, `weekdays` for Monday to Friday, `weekends` for Saturday and
 * Sunday), white space, and a time range `HH:MM-HH:MM` between 00:00 and 24:00 (24:00 only
 * as an end). A window whose end is not after its start runs past midnight into the next
 * day, Sunday into Monday: `sun 22:00-06:00` ends Monday 06:00, and a window whose end
 * equals its start (`mon 09:00-09:00`, `mon 00:00-00:00`) lasts 24 hours.
 *
 * Case and white space around and between the parts do not matter; anything else outside
 * the grammar is an error, an empty window (a stray `;`) included. An empty or blank @text
 * is valid and means never available. Overlapping and touching windows merge.
 *
 * Returns: (transfer full): the availability, or %NULL with @error set
 *   (%PM_ERROR_INVALID_DATA, naming the offending window and what is wrong with it)
 *
 * Since: 0.1
 */
PmAvailability *
pm_availability_new_from_string (const char *text, GError **error)
{
  g_autoptr (PmAvailability) self = NULL;
  g_auto (GStrv) windows = NULL;
  g_autofree char *copy = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  self = pm_availability_new ();
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return g_steal_pointer (&self);
  windows = g_strsplit (copy, ";", -1);
  for (guint i = 0; windows[i] != NULL; i++)
    {
      const char *window = g_strstrip (windows[i]);

      if (*window == '\0')
        {
          g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                       "empty window %u of '%s' (a stray ';')", i + 1, copy);
          return NULL;
        }
      if (!parse_window (self, window, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

/* ---- queries */

/**
 * pm_availability_get_n_intervals:
 * @self: a #PmAvailability
 *
 * Returns: the number of disjoint intervals (a window across Sunday midnight counts as two)
 *
 * Since: 0.1
 */
guint
pm_availability_get_n_intervals (const PmAvailability *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n;
}

/**
 * pm_availability_get_interval:
 * @self: a #PmAvailability
 * @index: an index below pm_availability_get_n_intervals()
 * @start: (out) (optional): the interval's first minute of the week
 * @end: (out) (optional): the minute after its last one
 *
 * Gets an interval; intervals are sorted, disjoint and never touch.
 *
 * Since: 0.1
 */
void
pm_availability_get_interval (const PmAvailability *self, guint index, guint *start, guint *end)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->n);
  if (start != NULL)
    *start = self->iv[2 * index];
  if (end != NULL)
    *end = self->iv[2 * index + 1];
}

/**
 * pm_availability_get_minutes:
 * @self: a #PmAvailability
 *
 * Returns: the minutes per week covered
 *
 * Since: 0.1
 */
guint
pm_availability_get_minutes (const PmAvailability *self)
{
  guint total = 0;

  g_return_val_if_fail (self != NULL, 0);
  for (guint i = 0; i < self->n; i++)
    total += self->iv[2 * i + 1] - self->iv[2 * i];
  return total;
}

/**
 * pm_availability_overlap:
 * @a: a #PmAvailability
 * @b: another #PmAvailability
 *
 * Counts the minutes per week in both @a and @b, in one linear pass over both interval
 * lists.
 *
 * Returns: the overlap in minutes
 *
 * Since: 0.1
 */
guint
pm_availability_overlap (const PmAvailability *a, const PmAvailability *b)
{
  const guint32 *x, *y, *x_end, *y_end;
  guint total = 0;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);
  x = a->iv;
  y = b->iv;
  x_end = x + 2 * a->n;
  y_end = y + 2 * b->n;
  /* Both lists are sorted: the interval that ends first cannot meet anything later. */
  while (x < x_end && y < y_end)
    {
      guint32 lo = MAX (x[0], y[0]);
      guint32 hi = MIN (x[1], y[1]);

      if (lo < hi)
        total += hi - lo;
      if (x[1] < y[1])
        x += 2;
      else
        y += 2;
    }
  return total;
}

/* Whether [start, end) lies inside one interval, with end <= PM_MINUTES_PER_WEEK. */
static gboolean
contains_linear (const PmAvailability *self, guint start, guint end)
{
  guint i = first_starting_after (self, start);

  /* Interval i - 1 is the last one starting at or before @start. */
  return i > 0 && self->iv[2 * (i - 1) + 1] >= end;
}

/**
 * pm_availability_contains:
 * @self: a #PmAvailability
 * @start: a minute of the week (below %PM_MINUTES_PER_WEEK)
 * @minutes: a duration
 *
 * Tells whether the stretch of @minutes from @start, wrapping from Sunday into Monday, lies
 * entirely inside @self. An empty stretch is always inside; a stretch of a week or more is
 * inside only when @self covers the whole week.
 *
 * Returns: %TRUE if @self covers the whole stretch
 *
 * Since: 0.1
 */
gboolean
pm_availability_contains (const PmAvailability *self, guint start, guint minutes)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (start < PM_MINUTES_PER_WEEK, FALSE);
  if (minutes == 0)
    return TRUE;
  if (minutes >= PM_MINUTES_PER_WEEK)
    return self->n == 1 && self->iv[0] == 0 && self->iv[1] == PM_MINUTES_PER_WEEK;
  if (start + minutes <= PM_MINUTES_PER_WEEK)
    return contains_linear (self, start, start + minutes);
  return contains_linear (self, start, PM_MINUTES_PER_WEEK)
         && contains_linear (self, 0, start + minutes - PM_MINUTES_PER_WEEK);
}

/**
 * pm_availability_equal:
 * @a: a #PmAvailability
 * @b: another #PmAvailability
 *
 * Returns: %TRUE if @a and @b cover the same minutes of the week
 *
 * Since: 0.1
 */
gboolean
pm_availability_equal (const PmAvailability *a, const PmAvailability *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);
  return a->n == b->n && (a->n == 0 || memcmp (a->iv, b->iv, 2 * a->n * sizeof (guint32)) == 0);
}

/* ---- formatting */

static void
append_time (GString *out, guint minutes)
{
  g_string_append_printf (out, "%02u:%02u", minutes / 60, minutes % 60);
}

/* Days as `daily`, `weekdays`, `weekends` or a comma list of runs (`mon-wed,fri`). */
static void
append_days (GString *out, guint mask)
{
  gboolean first = TRUE;

  if (mask == DAILY_MASK)
    {
      g_string_append (out, "daily");
      return;
    }
  if (mask == WEEKDAYS_MASK || mask == WEEKENDS_MASK)
    {
      g_string_append (out, mask == WEEKDAYS_MASK ? "weekdays" : "weekends");
      return;
    }
  for (guint d = 0; d < DAYS_PER_WEEK;)
    {
      guint run = d;

      if (!(mask & (1u << d)))
        {
          d++;
          continue;
        }
      while (run + 1 < DAYS_PER_WEEK && (mask & (1u << (run + 1))))
        run++;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      g_string_append (out, day_names[d]);
      if (run == d + 1)
        g_string_append_printf (out, ",%s", day_names[run]);
      else if (run > d + 1)
        g_string_append_printf (out, "-%s", day_names[run]);
      d = run + 1;
    }
}

typedef struct
{
  guint start, end; /* minutes of the day, end <= 1440 */
  guint mask;       /* the days that have exactly this piece */
} Piece;

/**
 * pm_availability_to_string:
 * @self: a #PmAvailability
 *
 * Formats @self canonically in the availability grammar: the week is cut at each midnight,
 * days with the same time range are grouped (`weekdays 09:00-17:00; sat 10:00-24:00;
 * sun 00:00-06:00`), and windows come in order of their first day and start time. Equal
 * values give equal strings, and the string parses back to an equal value. An empty
 * availability gives "".
 *
 * Returns: (transfer full): the canonical string
 *
 * Since: 0.1
 */
char *
pm_availability_to_string (const PmAvailability *self)
{
  g_autoptr (GArray) pieces = NULL;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);
  pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  for (guint i = 0; i < self->n; i++)
    {
      guint s = self->iv[2 * i], e = self->iv[2 * i + 1];

      while (s < e)
        {
          guint day = s / MINUTES_PER_DAY;
          guint piece_end = MIN (e, (day + 1) * MINUTES_PER_DAY);
          Piece piece = { s - day * MINUTES_PER_DAY, piece_end - day * MINUTES_PER_DAY, 1u << day };
          guint j;

          for (j = 0; j < pieces->len; j++)
            {
              Piece *other = &g_array_index (pieces, Piece, j);

              if (other->start == piece.start && other->end == piece.end)
                {
                  other->mask |= piece.mask;
                  break;
                }
            }
          if (j == pieces->len)
            g_array_append_val (pieces, piece);
          s = piece_end;
        }
    }
  out = g_string_new (NULL);
  for (guint j = 0; j < pieces->len; j++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, j);

      if (j > 0)
        g_string_append (out, "; ");
      append_days (out, piece->mask);
      g_string_append_c (out, ' ');
      append_time (out, piece->start);
      g_string_append_c (out, '-');
      append_time (out, piece->end);
    }
  return g_string_free (out, FALSE);
}
