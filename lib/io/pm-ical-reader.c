/* peermatch: busy times from iCalendar files (spec/calendar.md "Import of busy times"). The
 * one source file that includes libical.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each file is first scanned line by line (pm-ical-scan.c: libical keeps no line numbers and
 * drops what it cannot place), then parsed by libical; the components of both are paired in
 * document order, so that a problem libical finds is reported on its line. What blocks:
 *   - every VEVENT not TRANSP:TRANSPARENT and not STATUS:CANCELLED, at DTSTART and at every
 *     RRULE and RDATE occurrence, less the EXDATEs; a VEVENT with a RECURRENCE-ID replaces
 *     the occurrence of its UID that starts then (a cancelled or transparent one just
 *     removes it; RANGE=THISANDFUTURE is read as that one occurrence);
 *   - every FREEBUSY period of a VFREEBUSY whose FBTYPE is not FREE (BUSY by default; an
 *     unknown type counts as BUSY, as RFC 5545 3.2.9 requires).
 * An event lasts until DTEND (the exact time between DTSTART and DTEND, for every
 * occurrence), or for DURATION (days and weeks on the clock face, hours and less exact), or by
 * default one day for a DATE and nothing for a DATE-TIME: a zero-length event (a reminder)
 * blocks nothing, as in RFC 5545 free/busy time. Intervals are half open: an event that ends
 * when a shift starts does not block it.
 * Times: UTC as is; a TZID through the file's own VTIMEZONE, else the system's tzdata zone of
 * that name (with or without libical's `/freeassociation.sourceforge.net/` prefix), read
 * through GTimeZone like the rota's own times, so skipped and repeated local times follow the
 * same RFC 5545 3.3.5 rule (and libical's global zone cache, not thread-safe in 3.0, is never
 * touched); floating times and DATE values are in the rota's zone, a DATE blocking the whole
 * local day. Only occurrences that overlap the shifts are kept; rules are followed from
 * DTSTART (at most MAX_OCCURRENCES before the rota ends).
 * Messages never quote a value of the file (SUMMARY, DESCRIPTION and the like are
 * personal), only property and component names and TZIDs. */
#include "pm-private.h"
#include "pm-ical-reader-private.h"
#include "pm-rota-time-private.h"
#include "pm-table-private.h"

#include <libical/ical.h>
#include <string.h>

#define SECONDS_PER_DAY ((gint64)86400)
#define MAX_OCCURRENCES 1000000
#define VENDOR_PREFIX "/freeassociation.sourceforge.net/"

typedef struct
{
  const char *uid; /* borrowed from the component; NULL for free/busy periods */
  gint64 key;      /* the UTC start it was generated at (RECURRENCE-ID, EXDATE) */
  gint64 start, end;
  gboolean removed;
} Instance;

typedef struct
{
  icaltimezone *ical; /* a VTIMEZONE of the file */
  GTimeZone *glib;    /* a system zone or the rota's; both NULL: UTC */
} Zone;

typedef struct
{
  Zone zone;
  struct icaltimetype start; /* wall-clock time, zone stripped */
  gint64 start_utc;
  int days;       /* length on the clock face */
  gint64 seconds; /* exact length beyond that */
} Event;

typedef struct
{
  PmTableCtx *ctx;
  const PmIcalWindow *w;
  GPtrArray *comps;    /* PmIcalComp*: the scan */
  GHashTable *comp_of; /* icalcomponent* -> PmIcalComp* */
  GHashTable *zones;   /* system zone name -> GTimeZone* or NULL (unknown) */
  icalcomponent *vcal; /* the VCALENDAR being read */
  GArray *instances;   /* Instance */
} File;

/* ---- where problems are */

static void G_GNUC_PRINTF (4, 5)
    file_error (File *f, guint line, const char *field, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  pm_table_report (f->ctx, PM_SEVERITY_ERROR, line, field, "%s", message);
}

static guint
begin_line (File *f, icalcomponent *c)
{
  const PmIcalComp *sc = g_hash_table_lookup (f->comp_of, c);

  return sc != NULL ? sc->begin_line : 0;
}

static guint
prop_line (File *f, icalcomponent *c, const char *name, const char *needle)
{
  const PmIcalComp *sc = g_hash_table_lookup (f->comp_of, c);

  return sc != NULL ? pm_ical_comp_find_line (sc, name, needle) : 0;
}

/* libical drops components it does not know (and what they hold). */
static gboolean
dropped_by_libical (const PmIcalComp *sc)
{
  icalcomponent_kind kind = icalcomponent_string_to_kind (sc->name);

  return kind == ICAL_NO_COMPONENT || kind == ICAL_X_COMPONENT;
}

/* Pairs @c and its subcomponents with the scanned ones from *@next on. */
static void
pair_components (File *f, icalcomponent *c, guint *next)
{
  const PmIcalComp *sc;

  while (*next < f->comps->len && dropped_by_libical (g_ptr_array_index (f->comps, *next)))
    {
      guint depth = ((PmIcalComp *)g_ptr_array_index (f->comps, *next))->depth;

      for ((*next)++; *next < f->comps->len; (*next)++)
        if (((PmIcalComp *)g_ptr_array_index (f->comps, *next))->depth <= depth)
          break;
    }
  if (*next >= f->comps->len)
    return;
  sc = g_ptr_array_index (f->comps, *next);
  if (icalcomponent_string_to_kind (sc->name) != icalcomponent_isa (c))
    return; /* not expected; lines of what follows are then unknown (0) */
  g_hash_table_insert (f->comp_of, c, (gpointer)sc);
  (*next)++;
  for (icalcomponent *child = icalcomponent_get_first_component (c, ICAL_ANY_COMPONENT);
       child != NULL; child = icalcomponent_get_next_component (c, ICAL_ANY_COMPONENT))
    pair_components (f, child, next);
}

/* ---- libical's parse errors (X-LIC-ERROR properties) */

static const char *
describe_type (const char *type)
{
  static const char *const names[][2] = {
    { "RECUR", "recurrence rule" }, { "DATE-TIME", "date-time" }, { "DATE", "date" },
    { "DURATION", "duration" },     { "PERIOD", "period" },       { "UTC-OFFSET", "UTC offset" },
    { "INTEGER", "integer" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (type, names[i][0]) == 0)
      return names[i][1];
  return "value";
}

/* The part of @text between @before and @after, if it is a name (letters, digits, '-'). */
static char *
name_between (const char *text, const char *before, const char *after)
{
  const char *start = strstr (text, before);
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen (before);
  end = strstr (start, after);
  if (end == NULL || end == start)
    return NULL;
  for (const char *p = start; p < end; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return NULL;
  return g_strndup (start, end - start);
}

/* libical 3.0 says: "Can't parse as RECUR value in RRULE property. Removing entire
 * property: VALUE"; the value finds the line, but is never quoted. */
static void
report_parse_error (File *f, icalcomponent *c, icalproperty *p)
{
  const char *text = icalproperty_get_xlicerror (p);
  icalparameter *param = icalproperty_get_first_parameter (p, ICAL_XLICERRORTYPE_PARAMETER);
  g_autofree char *prop = NULL;
  g_autofree char *type = NULL;
  const char *value;

  if (text == NULL)
    text = "";
  if (param != NULL
      && icalparameter_get_xlicerrortype (param) == ICAL_XLICERRORTYPE_VALUEPARSEERROR)
    {
      prop = name_between (text, " value in ", " property");
      type = name_between (text, "parse as ", " value");
    }
  if (prop == NULL)
    {
      file_error (f, begin_line (f, c), NULL, "%s could not be parsed",
                  icalcomponent_kind_to_string (icalcomponent_isa (c)));
      return;
    }
  value = strstr (text, "property: ");
  value = value != NULL && value[10] != '\0' ? value + 10 : NULL;
  file_error (f, prop_line (f, c, prop, value), prop, "%s: not a valid %s", prop,
              describe_type (type));
}

/* A property name libical does not know (neither X- nor one it implements, such as a newer
 * IANA one): RFC 5545 3.8.8.2 says to ignore it, not to reject the calendar. */
static gboolean
is_unknown_property (icalproperty *p)
{
  icalparameter *param = icalproperty_get_first_parameter (p, ICAL_XLICERRORTYPE_PARAMETER);
  const char *text = icalproperty_get_xlicerror (p);

  return param != NULL
         && icalparameter_get_xlicerrortype (param) == ICAL_XLICERRORTYPE_PROPERTYPARSEERROR
         && text != NULL && g_str_has_prefix (text, "Parse error in property name:");
}

static gboolean
has_parse_error (icalcomponent *c)
{
  for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_XLICERROR_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (c, ICAL_XLICERROR_PROPERTY))
    if (!is_unknown_property (p))
      return TRUE;
  return FALSE;
}

/* Reports every X-LIC-ERROR in @c and its subcomponents. */
static void
report_parse_errors (File *f, icalcomponent *c)
{
  for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_XLICERROR_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (c, ICAL_XLICERROR_PROPERTY))
    if (!is_unknown_property (p))
      report_parse_error (f, c, p);
  for (icalcomponent *child = icalcomponent_get_first_component (c, ICAL_ANY_COMPONENT);
       child != NULL; child = icalcomponent_get_next_component (c, ICAL_ANY_COMPONENT))
    report_parse_errors (f, child);
}

/* ---- times */

static gboolean
valid_time (struct icaltimetype t)
{
  if (icaltime_is_null_time (t) || t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12
      || t.day < 1 || t.day > g_date_get_days_in_month (t.month, t.year))
    return FALSE;
  return t.is_date
         || (t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59 && t.second >= 0
             && t.second <= 60);
}

/* The wall-clock time as Unix seconds, as if the clock were UTC. */
static gint64
wall_seconds (struct icaltimetype t)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, t.day, t.month, t.year);
  return pm_date_to_local_seconds (&date)
         + (t.is_date ? 0 : (gint64)t.hour * 3600 + t.minute * 60 + t.second);
}

static gint64
to_utc (File *f, const Zone *z, struct icaltimetype t)
{
  if (t.is_date) /* a whole local day of the rota's zone */
    return pm_local_seconds_to_utc (f->w->tz, wall_seconds (t), NULL);
  if (z->ical != NULL)
    {
      t.zone = NULL;
      return (gint64)icaltime_as_timet_with_zone (t, z->ical);
    }
  if (z->glib != NULL)
    return pm_local_seconds_to_utc (z->glib, wall_seconds (t), NULL);
  return wall_seconds (t);
}

/* Area/Location as in tzdata: never a path or a POSIX TZ rule, which GLib would also take. */
static gboolean
plausible_zone_name (const char *name)
{
  g_auto (GStrv) parts = NULL;

  if (strlen (name) > 255 || !g_ascii_isalpha (name[0]))
    return FALSE;
  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || parts[i][0] == '.')
        return FALSE;
      for (const char *p = parts[i]; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && strchr ("_+-", *p) == NULL)
          return FALSE;
    }
  return TRUE;
}

static GTimeZone *
system_zone (File *f, const char *tzid)
{
  const char *name = tzid;
  GTimeZone *tz = NULL;
  gpointer found;

  if (g_str_has_prefix (name, VENDOR_PREFIX))
    name += strlen (VENDOR_PREFIX);
  if (g_str_has_prefix (name, "Tzfile/"))
    name += strlen ("Tzfile/");
  if (g_hash_table_lookup_extended (f->zones, name, NULL, &found))
    return found;
  if (plausible_zone_name (name))
    tz = g_time_zone_new_identifier (name);
  g_hash_table_insert (f->zones, g_strdup (name), tz);
  return tz;
}

static gboolean
resolve_zone (File *f, icalcomponent *c, icalproperty *p, const char *name, struct icaltimetype t,
              Zone *z)
{
  icalparameter *param = icalproperty_get_first_parameter (p, ICAL_TZID_PARAMETER);
  const char *tzid = param != NULL ? icalparameter_get_tzid (param) : NULL;
  g_autofree char *quoted = NULL;

  *z = (Zone){ NULL, NULL };
  if (t.is_date || (tzid == NULL && !icaltime_is_utc (t)))
    z->glib = f->w->tz; /* floating */
  if (t.is_date || tzid == NULL || icaltime_is_utc (t))
    return TRUE;
  z->ical = icalcomponent_get_timezone (f->vcal, tzid);
  if (z->ical == NULL)
    z->glib = system_zone (f, tzid);
  if (z->ical != NULL || z->glib != NULL)
    return TRUE;
  quoted = g_strescape (tzid, NULL);
  file_error (f, prop_line (f, c, name, tzid), name,
              "%s: unknown TZID '%s' (no VTIMEZONE in the file, no such zone on this system)", name,
              quoted);
  return FALSE;
}

/* The UTC instant of @t, the value of property @p named @name of @c, and its zone. */
static gboolean
read_time (File *f, icalcomponent *c, icalproperty *p, const char *name, struct icaltimetype t,
           Zone *z, gint64 *utc)
{
  if (!valid_time (t))
    {
      file_error (f, prop_line (f, c, name, NULL), name, "%s: not a valid date or date-time", name);
      return FALSE;
    }
  if (!resolve_zone (f, c, p, name, t, z))
    return FALSE;
  *utc = to_utc (f, z, t);
  return TRUE;
}

/* ---- events */

static gboolean
is_busy (icalcomponent *c)
{
  icalproperty *transp = icalcomponent_get_first_property (c, ICAL_TRANSP_PROPERTY);
  icalproperty *status = icalcomponent_get_first_property (c, ICAL_STATUS_PROPERTY);

  if (transp != NULL
      && (icalproperty_get_transp (transp) == ICAL_TRANSP_TRANSPARENT
          || icalproperty_get_transp (transp) == ICAL_TRANSP_TRANSPARENTNOCONFLICT))
    return FALSE;
  return status == NULL || icalproperty_get_status (status) != ICAL_STATUS_CANCELLED;
}

static gboolean
read_dtend (File *f, icalcomponent *c, icalproperty *p, Event *e)
{
  struct icaltimetype t = icalproperty_get_dtend (p);
  Zone z;
  gint64 end;

  if (icalcomponent_get_first_property (c, ICAL_DURATION_PROPERTY) != NULL)
    {
      file_error (f, prop_line (f, c, "DTEND", NULL), "DTEND", "DTEND: not allowed with DURATION");
      return FALSE;
    }
  if (valid_time (t) && t.is_date != e->start.is_date)
    {
      file_error (f, prop_line (f, c, "DTEND", NULL), "DTEND",
                  "DTEND: a date where DTSTART has a date-time, or the other way round");
      return FALSE;
    }
  if (!read_time (f, c, p, "DTEND", t, &z, &end))
    return FALSE;
  if (t.is_date)
    e->days = (int)((wall_seconds (t) - wall_seconds (e->start)) / SECONDS_PER_DAY);
  else
    e->seconds = end - e->start_utc;
  if (e->days < 0 || e->seconds < 0)
    {
      file_error (f, prop_line (f, c, "DTEND", NULL), "DTEND", "DTEND: before DTSTART");
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_event (File *f, icalcomponent *c, Event *e)
{
  icalproperty *p = icalcomponent_get_first_property (c, ICAL_DTSTART_PROPERTY);
  struct icaltimetype t;

  memset (e, 0, sizeof *e);
  if (p == NULL)
    {
      file_error (f, begin_line (f, c), "DTSTART", "DTSTART: a VEVENT needs one");
      return FALSE;
    }
  t = icalproperty_get_dtstart (p);
  if (!read_time (f, c, p, "DTSTART", t, &e->zone, &e->start_utc))
    return FALSE;
  e->start = t;
  e->start.zone = NULL;
  if ((p = icalcomponent_get_first_property (c, ICAL_DTEND_PROPERTY)) != NULL)
    return read_dtend (f, c, p, e);
  if ((p = icalcomponent_get_first_property (c, ICAL_DURATION_PROPERTY)) != NULL)
    {
      struct icaldurationtype d = icalproperty_get_duration (p);

      if (d.is_neg)
        {
          file_error (f, prop_line (f, c, "DURATION", NULL), "DURATION", "DURATION: negative");
          return FALSE;
        }
      e->days = (int)(d.weeks * 7 + d.days);
      e->seconds = (gint64)d.hours * 3600 + (gint64)d.minutes * 60 + d.seconds;
      return TRUE;
    }
  e->days = t.is_date ? 1 : 0;
  return TRUE;
}

/* The end of an occurrence of @e at @wall (in @z), starting at @start_utc. */
static gint64
occurrence_end (File *f, const Event *e, const Zone *z, struct icaltimetype wall, gint64 start_utc)
{
  if (e->days == 0)
    return start_utc + e->seconds;
  icaltime_adjust (&wall, e->days, 0, 0, 0);
  return to_utc (f, z, wall) + e->seconds;
}

static void
add_instance (File *f, const char *uid, gint64 key, gint64 start, gint64 end)
{
  Instance in = { uid, key, start, end, FALSE };

  if (end > start && end > f->w->from && start < f->w->to)
    g_array_append_val (f->instances, in);
}

static void
remove_instances (File *f, guint first, const char *uid, gint64 key)
{
  for (guint i = first; i < f->instances->len; i++)
    {
      Instance *in = &g_array_index (f->instances, Instance, i);

      if (in->key == key && g_strcmp0 (in->uid, uid) == 0)
        in->removed = TRUE;
    }
}

/* The first UTC instant past UNTIL (inclusive; a DATE includes its whole day). */
static gboolean
rule_limit (File *f, icalcomponent *c, const Event *e, struct icaltimetype until, gint64 *limit)
{
  if (icaltime_is_null_time (until))
    *limit = G_MAXINT64;
  else if (!valid_time (until))
    {
      file_error (f, prop_line (f, c, "RRULE", NULL), "RRULE", "RRULE: UNTIL is not a valid date");
      return FALSE;
    }
  else if (until.is_date)
    {
      icaltime_adjust (&until, 1, 0, 0, 0);
      *limit = to_utc (f, &e->zone, until);
    }
  else
    *limit = (icaltime_is_utc (until) ? wall_seconds (until) : to_utc (f, &e->zone, until)) + 1;
  return TRUE;
}

static void
expand_rule (File *f, icalcomponent *c, const Event *e, const char *uid, icalproperty *p)
{
  struct icalrecurrencetype rule = icalproperty_get_rrule (p);
  icalrecur_iterator *it;
  gint64 limit;
  guint n = 0;

  if (!rule_limit (f, c, e, rule.until, &limit))
    return;
  /* UNTIL is compared here, in UTC: libical would compare it with the wall-clock times */
  rule.until = icaltime_null_time ();
  it = rule.freq != ICAL_NO_RECURRENCE ? icalrecur_iterator_new (rule, e->start) : NULL;
  if (it == NULL)
    {
      file_error (f, prop_line (f, c, "RRULE", NULL), "RRULE",
                  "RRULE: not a recurrence rule that can be expanded");
      return;
    }
  for (struct icaltimetype t = icalrecur_iterator_next (it); !icaltime_is_null_time (t);
       t = icalrecur_iterator_next (it))
    {
      gint64 start = to_utc (f, &e->zone, t);

      /* UTC times of later wall-clock times fall back by an hour at most: a day's margin */
      if (start >= MIN (limit, f->w->to) + SECONDS_PER_DAY)
        break;
      if (++n > MAX_OCCURRENCES)
        {
          file_error (f, prop_line (f, c, "RRULE", NULL), "RRULE",
                      "RRULE: more than %d occurrences before the rota ends", MAX_OCCURRENCES);
          break;
        }
      if (start < limit)
        add_instance (f, uid, start, start, occurrence_end (f, e, &e->zone, t, start));
    }
  icalrecur_iterator_free (it);
}

static void
add_rdate (File *f, icalcomponent *c, const Event *e, const char *uid, icalproperty *p)
{
  struct icaldatetimeperiodtype v = icalproperty_get_rdate (p);
  struct icaltimetype t = icaltime_is_null_time (v.time) ? v.period.start : v.time;
  Zone z;
  gint64 start, end;

  if (!read_time (f, c, p, "RDATE", t, &z, &start))
    return;
  t.zone = NULL;
  if (icaltime_is_null_time (v.time) && !icaltime_is_null_time (v.period.end))
    {
      if (!read_time (f, c, p, "RDATE", v.period.end, &z, &end))
        return;
    }
  else if (icaltime_is_null_time (v.time))
    end = start + icaldurationtype_as_int (v.period.duration);
  else
    end = occurrence_end (f, e, &z, t, start);
  add_instance (f, uid, start, start, end);
}

static void
remove_exdate (File *f, icalcomponent *c, guint first, const char *uid, icalproperty *p)
{
  Zone z;
  gint64 key;

  if (read_time (f, c, p, "EXDATE", icalproperty_get_exdate (p), &z, &key))
    remove_instances (f, first, uid, key);
}

/* A VEVENT without RECURRENCE-ID: every occurrence. */
static void
read_master (File *f, icalcomponent *c)
{
  const char *uid = icalcomponent_get_uid (c);
  guint first = f->instances->len;
  Event e;

  if (!read_event (f, c, &e) || !is_busy (c))
    return;
  add_instance (f, uid, e.start_utc, e.start_utc,
                occurrence_end (f, &e, &e.zone, e.start, e.start_utc));
  for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_RRULE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (c, ICAL_RRULE_PROPERTY))
    expand_rule (f, c, &e, uid, p);
  for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_RDATE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (c, ICAL_RDATE_PROPERTY))
    add_rdate (f, c, &e, uid, p);
  for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_EXDATE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (c, ICAL_EXDATE_PROPERTY))
    remove_exdate (f, c, first, uid, p);
}

/* A VEVENT with RECURRENCE-ID: replaces that occurrence of its UID. */
static void
read_override (File *f, icalcomponent *c, icalproperty *rid)
{
  const char *uid = icalcomponent_get_uid (c);
  Event e;
  Zone z;
  gint64 key;

  if (!read_time (f, c, rid, "RECURRENCE-ID", icalproperty_get_recurrenceid (rid), &z, &key))
    return;
  if (uid != NULL) /* without a UID it replaces nothing */
    remove_instances (f, 0, uid, key);
  if (read_event (f, c, &e) && is_busy (c))
    add_instance (f, uid, key, e.start_utc, occurrence_end (f, &e, &e.zone, e.start, e.start_utc));
}

static void
read_freebusy (File *f, icalcomponent *c)
{
  for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_FREEBUSY_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (c, ICAL_FREEBUSY_PROPERTY))
    {
      icalparameter *type = icalproperty_get_first_parameter (p, ICAL_FBTYPE_PARAMETER);
      struct icalperiodtype period = icalproperty_get_freebusy (p);
      Zone z;
      gint64 start, end;

      if (type != NULL && icalparameter_get_fbtype (type) == ICAL_FBTYPE_FREE)
        continue;
      if (!read_time (f, c, p, "FREEBUSY", period.start, &z, &start))
        continue;
      if (icaltime_is_null_time (period.end))
        end = start + icaldurationtype_as_int (period.duration);
      else if (!read_time (f, c, p, "FREEBUSY", period.end, &z, &end))
        continue;
      if (end < start)
        file_error (f, prop_line (f, c, "FREEBUSY", NULL), "FREEBUSY",
                    "FREEBUSY: a period that ends before it starts");
      else
        add_instance (f, NULL, start, start, end);
    }
}

/* Masters first, so that every override finds the occurrence it replaces. */
static void
read_calendar (File *f, icalcomponent *vcal)
{
  f->vcal = vcal;
  for (icalcomponent *c = icalcomponent_get_first_component (vcal, ICAL_ANY_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (vcal, ICAL_ANY_COMPONENT))
    {
      if (has_parse_error (c))
        continue;
      if (icalcomponent_isa (c) == ICAL_VFREEBUSY_COMPONENT)
        read_freebusy (f, c);
      else if (icalcomponent_isa (c) == ICAL_VEVENT_COMPONENT
               && icalcomponent_get_first_property (c, ICAL_RECURRENCEID_PROPERTY) == NULL)
        read_master (f, c);
    }
  for (icalcomponent *c = icalcomponent_get_first_component (vcal, ICAL_VEVENT_COMPONENT);
       c != NULL; c = icalcomponent_get_next_component (vcal, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *rid = icalcomponent_get_first_property (c, ICAL_RECURRENCEID_PROPERTY);

      if (rid != NULL && !has_parse_error (c))
        read_override (f, c, rid);
    }
}

/* ---- files */

/* The scanned text through libical; the busy instances go to f->instances. */
static void
read_parsed (File *f, const char *text)
{
  icalcomponent *root = icalparser_parse_string (text);
  guint next = 0;

  if (root == NULL)
    {
      file_error (f, 0, NULL, "the file could not be parsed as iCalendar");
      return;
    }
  if (icalcomponent_isa (root) == ICAL_XROOT_COMPONENT)
    for (icalcomponent *c = icalcomponent_get_first_component (root, ICAL_ANY_COMPONENT); c != NULL;
         c = icalcomponent_get_next_component (root, ICAL_ANY_COMPONENT))
      pair_components (f, c, &next);
  else
    pair_components (f, root, &next);
  report_parse_errors (f, root);
  if (icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT)
    read_calendar (f, root);
  else
    for (icalcomponent *c = icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
         c != NULL; c = icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
      read_calendar (f, c);
  icalcomponent_free (root);
}

/* The cells of @w that the busy instances overlap, or NULL when none. */
static guint8 *
blocked_cells (const PmIcalWindow *w, GArray *instances)
{
  g_autofree guint8 *blocked = g_new0 (guint8, w->n_cells);
  gboolean any = FALSE;

  for (guint i = 0; i < instances->len; i++)
    {
      const Instance *in = &g_array_index (instances, Instance, i);

      for (int cell = 0; cell < w->n_cells && !in->removed; cell++)
        if (in->start < w->spans[2 * cell + 1] && w->spans[2 * cell] < in->end)
          blocked[cell] = any = TRUE;
    }
  return any ? g_steal_pointer (&blocked) : NULL;
}

static void
zone_unref (gpointer tz)
{
  if (tz != NULL)
    g_time_zone_unref (tz);
}

guint8 *
pm_ical_read_busy (PmTableCtx *ctx, const PmIcalWindow *w, const char *data, gsize length)
{
  g_autoptr (GPtrArray) comps = NULL;
  g_autoptr (GHashTable) comp_of = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) zones
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, zone_unref);
  g_autoptr (GArray) instances = g_array_new (FALSE, FALSE, sizeof (Instance));
  File f = { ctx, w, NULL, comp_of, zones, NULL, instances };
  guint errors = ctx->n_errors;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, length -= 3;
  pm_table_ctx_hold (ctx);
  if (pm_ical_scan (ctx, data, length, &comps))
    {
      f.comps = comps;
      read_parsed (&f, data);
    }
  pm_table_ctx_release (ctx);
  return ctx->n_errors == errors ? blocked_cells (w, instances) : NULL;
}
