/* peermatch: the compact VTIMEZONE of the iCalendar export.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * spec/calendar.md wants one compact VTIMEZONE per TZID: a DAYLIGHT and a STANDARD with
 * yearly rules, not the zone's whole history, and the TZID exactly as rota.ini names the zone
 * (no vendor prefix such as libical's /citadel.org/...). The current yearly rule of a zone is
 * the POSIX TZ string that ends every TZif file of version 2 or later (RFC 8536 section 3.3),
 * for instance `GMT0BST,M3.5.0/1,M10.5.0` for Europe/London, so that is what is read, from
 * /usr/share/zoneinfo (the path is fixed: the library reads no environment variable such as
 * TZDIR).
 *
 * A rule `Mm.w.d/t` (the wth, or with w = 5 the last, weekday d of month m, at local time t
 * before the change) becomes RRULE:FREQ=YEARLY;BYMONTH=m;BYDAY=wDD (-1DD for the last).
 * When t lies outside 0:00-24:00 (Jerusalem's `M3.4.4/26`, Nuuk's `M3.5.0/-1`) the change
 * falls on the next or previous day, which RFC 5545 cannot say with BYDAY alone; it is then
 * the shifted weekday restricted to the shifted days of the month (BYDAY=FR;BYMONTHDAY=23,
 * ...,29), as long as those stay inside the month. The other forms (Jn, n: a fixed day of the
 * year) are not used by any zone with daylight saving time today and are refused with a clear
 * error, as is a zone with daylight saving time all year. Each component starts in 1970 on
 * the rule's own date, so DTSTART is an occurrence of its RRULE.
 *
 * The rule describes the present; a rota in a year before it took effect would be mapped
 * differently by a reader of our VTIMEZONE than by the system's full history. The writer asks
 * pm_ical_zone_agrees() for each year it writes and writes that year's times in UTC when the
 * two disagree. */
#include "pm-ical-private.h"

#include <string.h>

#define ZONEINFO_DIR "/usr/share/zoneinfo"
#define TZIF_HEADER 44
#define SECONDS_PER_DAY 86400

static const char *const weekday_names[7] = { "SU", "MO", "TU", "WE", "TH", "FR", "SA" };

gint64
pm_ical_days_from_civil (int year, int month, int day)
{
  /* H. Hinnant's days_from_civil: eras of 400 years starting on March 1st */
  gint64 y = (gint64)year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

void
pm_ical_civil_from_days (gint64 days, int *year, int *month, int *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;

  *day = (int)(doy - (153 * mp + 2) / 5 + 1);
  *month = (int)(mp < 10 ? mp + 3 : mp - 9);
  *year = (int)(yoe + era * 400 + (*month <= 2));
}

static int
month_length (int year, int month)
{
  return (int)(pm_ical_days_from_civil (month == 12 ? year + 1 : year, month % 12 + 1, 1)
               - pm_ical_days_from_civil (year, month, 1));
}

static int
floor_div (int a, int b)
{
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* The first and last day of the month on which @rule's change can fall, and its weekday. */
static void
rule_day_range (const PmIcalRule *rule, int month_days, int *first, int *last, int *weekday)
{
  int shift = floor_div (rule->seconds, SECONDS_PER_DAY);

  *first = rule->week == 5 ? month_days - 6 : 7 * (rule->week - 1) + 1;
  *first += shift;
  *last = *first + 6;
  *weekday = ((rule->weekday + shift) % 7 + 7) % 7;
}

/* Local seconds since the epoch (on the clock before the change) of @rule in @year. */
static gint64
rule_local_time (const PmIcalRule *rule, int year)
{
  gint64 first = pm_ical_days_from_civil (year, rule->month, 1);
  int wd1 = (int)(((first + 4) % 7 + 7) % 7); /* 1970-01-01 was a Thursday */
  int day = 1 + (rule->weekday - wd1 + 7) % 7;

  if (rule->week == 5)
    day += 7 * ((month_length (year, rule->month) - day) / 7);
  else
    day += 7 * (rule->week - 1);
  return (first + day - 1) * SECONDS_PER_DAY + rule->seconds;
}

/* ---- reading the TZif footer */

static guint32
be32 (const guint8 *p)
{
  return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

/* The length of the data block after a header at @h with 4 or 8 byte times. */
static gsize
tzif_block (const guint8 *h, gsize time_size)
{
  gsize isut = be32 (h + 20), isstd = be32 (h + 24), leap = be32 (h + 28);
  gsize timecnt = be32 (h + 32), typecnt = be32 (h + 36), charcnt = be32 (h + 40);

  return timecnt * (time_size + 1) + typecnt * 6 + charcnt + leap * (time_size + 4) + isstd + isut;
}

static char *
tzif_footer (const guint8 *data, gsize length)
{
  gsize second, footer;
  const guint8 *end;

  if (length < TZIF_HEADER || memcmp (data, "TZif", 4) != 0 || data[4] < '2')
    return NULL;
  second = TZIF_HEADER + tzif_block (data, 4);
  if (second + TZIF_HEADER > length || memcmp (data + second, "TZif", 4) != 0)
    return NULL;
  footer = second + TZIF_HEADER + tzif_block (data + second, 8);
  if (footer + 2 > length || data[footer] != '\n')
    return NULL;
  end = memchr (data + footer + 1, '\n', length - footer - 1);
  return end != NULL ? g_strndup ((const char *)data + footer + 1, (gsize)(end - data) - footer - 1)
                     : NULL;
}

/* ---- parsing the POSIX TZ string */

static char *
parse_name (const char **p)
{
  const char *s = *p, *e;

  if (*s == '<')
    {
      e = strchr (s, '>');
      if (e == NULL || e == s + 1)
        return NULL;
      *p = e + 1;
      return g_strndup (s + 1, (gsize)(e - s - 1));
    }
  for (e = s; g_ascii_isalpha (*e); e++)
    ;
  if (e - s < 3)
    return NULL;
  *p = e;
  return g_strndup (s, (gsize)(e - s));
}

static gboolean
parse_number (const char **p, int max, int *value)
{
  int n = 0, digits = 0;

  while (g_ascii_isdigit (**p) && digits < 3)
    {
      n = n * 10 + (*(*p)++ - '0');
      digits++;
    }
  *value = n;
  return digits > 0 && n <= max;
}

/* [+-]hh[:mm[:ss]] in seconds, hours up to @max_hours */
static gboolean
parse_time (const char **p, int max_hours, int *seconds)
{
  int sign = 1, h, m = 0, s = 0;

  if (**p == '+' || **p == '-')
    sign = *(*p)++ == '-' ? -1 : 1;
  if (!parse_number (p, max_hours, &h))
    return FALSE;
  if (**p == ':' && (++*p, !parse_number (p, 59, &m)))
    return FALSE;
  if (**p == ':' && (++*p, !parse_number (p, 59, &s)))
    return FALSE;
  *seconds = sign * (h * 3600 + m * 60 + s);
  return TRUE;
}

static gboolean
parse_rule (const char **p, PmIcalRule *rule)
{
  if (*(*p)++ != 'M' || !parse_number (p, 12, &rule->month) || rule->month < 1 || *(*p)++ != '.'
      || !parse_number (p, 5, &rule->week) || rule->week < 1 || *(*p)++ != '.'
      || !parse_number (p, 6, &rule->weekday))
    return FALSE;
  rule->seconds = 2 * 3600;
  if (**p == '/')
    {
      ++*p;
      return parse_time (p, 167, &rule->seconds);
    }
  return TRUE;
}

/* Whether RFC 5545 can say @rule with one RRULE (see the top comment). */
static gboolean
rule_expressible (const PmIcalRule *rule)
{
  int first, last, weekday;
  int days = rule->month == 2 ? 28 : month_length (1970, rule->month);

  if (floor_div (rule->seconds, SECONDS_PER_DAY) == 0)
    return TRUE;
  rule_day_range (rule, days, &first, &last, &weekday);
  return first >= 1 && last <= days && (rule->month != 2 || rule->week != 5);
}

static gboolean
parse_posix (PmIcalZone *zone, const char *text)
{
  const char *p = text;
  int offset;

  if ((zone->std_name = parse_name (&p)) == NULL || !parse_time (&p, 24, &offset))
    return FALSE;
  zone->std_offset = -offset; /* POSIX counts west of Greenwich */
  if (*p == '\0')
    return TRUE;
  if ((zone->dst_name = parse_name (&p)) == NULL)
    return FALSE;
  zone->has_dst = TRUE;
  zone->dst_offset = zone->std_offset + 3600;
  if (*p != ',' && *p != '\0')
    {
      if (!parse_time (&p, 24, &offset))
        return FALSE;
      zone->dst_offset = -offset;
    }
  if (*p++ != ',' || !parse_rule (&p, &zone->to_dst) || *p++ != ','
      || !parse_rule (&p, &zone->to_std) || *p != '\0')
    return FALSE;
  /* daylight saving time all year is written as a change at the year's very start and end */
  return zone->dst_offset != zone->std_offset && rule_expressible (&zone->to_dst)
         && rule_expressible (&zone->to_std);
}

PmIcalZone *
pm_ical_zone_load (const char *tzid, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *footer = NULL;
  g_autoptr (PmIcalZone) zone = NULL;
  gsize length;

  g_return_val_if_fail (tzid != NULL, NULL);
  /* a zone name is a relative path of plain components */
  if (tzid[0] == '\0' || tzid[0] == '/' || strstr (tzid, "..") != NULL
      || strspn (tzid, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_+-.")
             != strlen (tzid))
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA, "timezone: '%s' is not a time zone name",
                   tzid);
      return NULL;
    }
  path = g_build_filename (ZONEINFO_DIR, tzid, NULL);
  if (!g_file_get_contents (path, &data, &length, NULL))
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                   "timezone: '%s' is not a time zone known to this system (%s)", tzid, path);
      return NULL;
    }
  zone = g_new0 (PmIcalZone, 1);
  zone->tzid = g_strdup (tzid);
  footer = tzif_footer ((const guint8 *)data, length);
  if (footer == NULL || !parse_posix (zone, footer))
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                   "timezone: the rule of '%s' (%s: '%s') cannot be written as a yearly "
                   "iCalendar rule",
                   tzid, path, footer != NULL ? footer : "no TZif version 2 rule");
      return NULL;
    }
  return g_steal_pointer (&zone);
}

/* The zones read so far, by name, each with a reference to the system's GTimeZone of that
 * name: both immutable, kept for the life of the process (a program uses a handful of zones)
 * so that exporting person after person neither rereads the TZif file nor makes GLib build
 * the zone again (GLib drops a zone from its own cache with its last reference). */
typedef struct
{
  PmIcalZone *zone;
  GTimeZone *tz;
} CachedZone;

static GMutex cache_lock;
static GHashTable *cache; /* tzid -> CachedZone* */

const PmIcalZone *
pm_ical_zone_get (const char *tzid, GError **error)
{
  CachedZone *entry;
  PmIcalZone *zone;

  g_mutex_lock (&cache_lock);
  entry = cache != NULL ? g_hash_table_lookup (cache, tzid) : NULL;
  g_mutex_unlock (&cache_lock);
  if (entry != NULL)
    return entry->zone;
  zone = pm_ical_zone_load (tzid, error);
  if (zone == NULL)
    return NULL;
  g_mutex_lock (&cache_lock);
  if (cache == NULL)
    cache = g_hash_table_new (g_str_hash, g_str_equal);
  entry = g_hash_table_lookup (cache, tzid);
  if (entry == NULL)
    {
      entry = g_new (CachedZone, 1);
      entry->zone = g_steal_pointer (&zone);
      entry->tz = g_time_zone_new_identifier (tzid); /* may be NULL: only a cache */
      g_hash_table_insert (cache, entry->zone->tzid, entry);
    }
  g_mutex_unlock (&cache_lock);
  pm_ical_zone_free (zone); /* another thread read it first */
  return entry->zone;
}

void
pm_ical_zone_free (PmIcalZone *zone)
{
  if (zone == NULL)
    return;
  g_free (zone->tzid);
  g_free (zone->std_name);
  g_free (zone->dst_name);
  g_free (zone);
}

/* ---- writing */

static void
append_offset (GString *out, const char *name, gint32 offset)
{
  gint32 a = ABS (offset);
  char value[16];

  if (a % 60 != 0)
    g_snprintf (value, sizeof value, "%c%02d%02d%02d", offset < 0 ? '-' : '+', a / 3600,
                a / 60 % 60, a % 60);
  else
    g_snprintf (value, sizeof value, "%c%02d%02d", offset < 0 ? '-' : '+', a / 3600, a / 60 % 60);
  pm_ical_append_line (out, name, value);
}

static void
append_local (GString *out, const char *name, gint64 local)
{
  gint64 days = local / SECONDS_PER_DAY - (local % SECONDS_PER_DAY < 0);
  gint64 s = local - days * SECONDS_PER_DAY;
  int y, m, d;
  char value[32];

  pm_ical_civil_from_days (days, &y, &m, &d);
  g_snprintf (value, sizeof value, "%04d%02d%02dT%02d%02d%02d", y, m, d, (int)(s / 3600),
              (int)(s / 60 % 60), (int)(s % 60));
  pm_ical_append_line (out, name, value);
}

static void
append_rrule (GString *out, const PmIcalRule *rule)
{
  g_autoptr (GString) value = g_string_new (NULL);
  int first, last, weekday;

  g_string_append_printf (value, "FREQ=YEARLY;BYMONTH=%d;BYDAY=", rule->month);
  if (floor_div (rule->seconds, SECONDS_PER_DAY) == 0)
    {
      g_string_append_printf (value, "%d%s", rule->week == 5 ? -1 : rule->week,
                              weekday_names[rule->weekday]);
    }
  else
    {
      rule_day_range (rule, month_length (1970, rule->month), &first, &last, &weekday);
      g_string_append_printf (value, "%s;BYMONTHDAY=%d", weekday_names[weekday], first);
      for (int d = first + 1; d <= last; d++)
        g_string_append_printf (value, ",%d", d);
    }
  pm_ical_append_line (out, "RRULE", value->str);
}

static void
append_component (GString *out, const char *kind, const PmIcalRule *rule, gint32 from, gint32 to,
                  const char *tzname)
{
  g_string_append_printf (out, "BEGIN:%s\r\n", kind);
  if (rule != NULL)
    append_local (out, "DTSTART", rule_local_time (rule, 1970));
  else
    append_local (out, "DTSTART", 0);
  append_offset (out, "TZOFFSETFROM", from);
  append_offset (out, "TZOFFSETTO", to);
  if (rule != NULL)
    append_rrule (out, rule);
  pm_ical_append_text (out, "TZNAME", tzname);
  g_string_append_printf (out, "END:%s\r\n", kind);
}

void
pm_ical_zone_write (const PmIcalZone *zone, GString *out)
{
  g_string_append (out, "BEGIN:VTIMEZONE\r\n");
  pm_ical_append_line (out, "TZID", zone->tzid);
  if (zone->has_dst)
    {
      append_component (out, "DAYLIGHT", &zone->to_dst, zone->std_offset, zone->dst_offset,
                        zone->dst_name);
      append_component (out, "STANDARD", &zone->to_std, zone->dst_offset, zone->std_offset,
                        zone->std_name);
    }
  else
    {
      append_component (out, "STANDARD", NULL, zone->std_offset, zone->std_offset, zone->std_name);
    }
  g_string_append (out, "END:VTIMEZONE\r\n");
}

/* ---- checking the rule against the full history */

static int
interval_at (GTimeZone *tz, gint64 utc)
{
  return g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc);
}

/* Whether @tz has one interval from @from to @to (UTC, inclusive) with @offset. */
static gboolean
one_interval (GTimeZone *tz, gint64 from, gint64 to, gint32 offset)
{
  int i = interval_at (tz, from);

  return interval_at (tz, to) == i && g_time_zone_get_offset (tz, i) == offset;
}

gboolean
pm_ical_zone_agrees (const PmIcalZone *zone, GTimeZone *tz, int year)
{
  /* a day of margin either side: shifts run past midnight and offsets move local days */
  gint64 from = (pm_ical_days_from_civil (year, 1, 1) - 1) * SECONDS_PER_DAY;
  gint64 to = (pm_ical_days_from_civil (year + 1, 1, 1) + 1) * SECONDS_PER_DAY;
  gint64 t1, t2;
  gint32 o0, o1;

  if (!zone->has_dst)
    return one_interval (tz, from, to, zone->std_offset);
  t1 = rule_local_time (&zone->to_dst, year) - zone->std_offset;
  t2 = rule_local_time (&zone->to_std, year) - zone->dst_offset;
  o0 = zone->std_offset;
  o1 = zone->dst_offset;
  if (t2 < t1) /* southern hemisphere: summer time spans the new year */
    {
      gint64 t = t1;
      t1 = t2;
      t2 = t;
      o0 = zone->dst_offset;
      o1 = zone->std_offset;
    }
  return one_interval (tz, from, t1 - 1, o0) && one_interval (tz, t1, t2 - 1, o1)
         && one_interval (tz, t2, to, o0);
}
