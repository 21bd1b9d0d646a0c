/* peermatch benchmark: events per second of the iCalendar export.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * bench-ical [EVENTS.json] builds a rota of 2,000 people over 365 days from 2026-01-05 in
 * Europe/London (both clock changes): three shift types (day 08:00, late 14:00, night 20:00),
 * person p works day d when (p + d) % 7 == 0, shift (p + d / 7) % 3: 104,286 assigned shifts;
 * four cover groups by person index modulo 4 for every (day, shift). It times
 *   - per person: pm_rota_to_ical() for every person (the 104,286 shifts as events), and
 *   - whole rota: pm_rota_to_ical() of rota.ics (one event per (day, shift), ~700 names each),
 * best of 3 runs each, and prints events per second. With EVENTS.json it also writes, for the
 * ical-generator script, every person's calendar as peermatch wrote it: for each event the
 * UID, the UTC instants, SUMMARY and LOCATION, and the VTIMEZONE, so that both produce the
 * same events. Nothing here writes files in the timed part. */
#include "pm-private.h"
#include "pm-ical-private.h"
#include "pm-rota-api-private.h"
#include "pm-rota-time-private.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define N_PEOPLE 2000
#define N_DAYS 365
#define N_GROUPS 4
#define DTSTAMP ((gint64)1798761600)

static PmRota *
bench_rota (void)
{
  static const struct
  {
    const char *id;
    int start;
  } shifts[] = { { "day", 8 * 60 }, { "late", 14 * 60 }, { "night", 20 * 60 } };
  g_autoptr (PmRotaProblem) problem = NULL;
  PmRotaModel *model;
  GDate first;
  PmRota *rota;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 5, G_DATE_JANUARY, 2026);
  model = pm_rota_model_new ("Benchmark peer support on-call", &first, N_DAYS);
  model->timezone = g_strdup ("Europe/London");
  for (guint s = 0; s < G_N_ELEMENTS (shifts); s++)
    pm_rota_model_add_shift (model, shifts[s].id, shifts[s].start, 720, NULL);
  for (int p = 0; p < N_PEOPLE; p++)
    {
      g_autofree char *id = g_strdup_printf ("S%04d", p);
      g_autofree char *name = g_strdup_printf ("Supporter %04d Example", p);
      pm_rota_model_add_person (model, id, name, NULL);
    }
  for (int d = 0; d < N_DAYS; d++)
    for (int s = 0; s < (int)G_N_ELEMENTS (shifts); s++)
      for (int g = 0; g < N_GROUPS; g++)
        {
          g_autofree char *name = g_strdup_printf ("region-%d", g);
          int c = pm_rota_model_add_cover (model, name, d, s, 1, 100, 0, NULL);
          for (int p = g; p < N_PEOPLE; p += N_GROUPS)
            PM_ROTA_COVER (model, c)->member[p] = 1;
        }
  pm_rota_model_finish (model, 0);
  problem = pm_rota_problem_new_take (model);
  rota = pm_rota_new (problem);
  for (int p = 0; p < N_PEOPLE; p++)
    for (int d = 0; d < N_DAYS; d++)
      if ((p + d) % 7 == 0)
        pm_rota_set_cell (rota, p, d, (p + d / 7) % 3);
  return rota;
}

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static guint
count_events (const char *data)
{
  guint n = 0;

  for (const char *p = strstr (data, "BEGIN:VEVENT"); p != NULL; p = strstr (p + 1, "BEGIN:VEVENT"))
    n++;
  return n;
}

/* Best of 3: seconds for the whole rota (@person_files FALSE) or every person's calendar. */
static double
time_export (PmRota *rota, gboolean person_files, guint *events)
{
  PmRotaProblem *problem = pm_rota_get_problem (rota);
  double best = G_MAXDOUBLE;

  for (int run = 0; run < 3; run++)
    {
      double t0 = now (), t;
      guint n = 0;

      if (!person_files)
        {
          g_autofree char *data = pm_rota_to_ical (rota, NULL, DTSTAMP, NULL, NULL);
          t = now () - t0;
          n = count_events (data);
        }
      else
        {
          t = 0;
          for (guint p = 0; p < pm_rota_problem_get_n_people (problem); p++)
            {
              double t1 = now ();
              g_autofree char *data = pm_rota_to_ical (
                  rota, pm_rota_problem_get_person_id (problem, p), DTSTAMP, NULL, NULL);
              t += now () - t1;
              n += count_events (data);
            }
        }
      best = MIN (best, t);
      *events = n;
    }
  return best;
}

/* TEXT escapes undone (ical-generator escapes again). */
static char *
unescape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, *p == 'n' ? '\n' : *p);
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* One person's events as peermatch wrote them, for the other generator. */
static void
dump_person (JsonBuilder *b, PmRota *rota, GTimeZone *tz, int person)
{
  const PmRotaModel *model = pm_rota_problem_get_model (pm_rota_get_problem (rota));
  const int *cells = pm_rota_get_cells (rota);
  const char *id = PM_ROTA_PERSON (model, person)->id;
  g_autofree char *data = pm_rota_to_ical (rota, id, DTSTAMP, NULL, NULL);
  g_autoptr (GString) unfolded = g_string_new (data);
  g_auto (GStrv) lines = NULL;
  int day = -1;

  g_string_replace (unfolded, "\r\n ", "", 0);
  lines = g_strsplit (unfolded->str, "\r\n", -1);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "events");
  json_builder_begin_array (b);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *colon = strchr (lines[i], ':');
      g_autofree char *value = colon != NULL ? unescape (colon + 1) : NULL;
      gint64 start, end;

      if (g_str_has_prefix (lines[i], "UID:"))
        {
          while (cells[(gsize)person * N_DAYS + (gsize)++day] == PM_ROTA_OFF)
            ;
          pm_rota_shift_span (model, tz, day, cells[(gsize)person * N_DAYS + (gsize)day], &start,
                              &end);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "uid");
          json_builder_add_string_value (b, value);
          json_builder_set_member_name (b, "start");
          json_builder_add_int_value (b, start);
          json_builder_set_member_name (b, "end");
          json_builder_add_int_value (b, end);
        }
      else if (g_str_has_prefix (lines[i], "SUMMARY:") || g_str_has_prefix (lines[i], "LOCATION:"))
        {
          *colon = '\0';
          json_builder_set_member_name (b, lines[i][0] == 'S' ? "summary" : "location");
          json_builder_add_string_value (b, value);
        }
      else if (strcmp (lines[i], "END:VEVENT") == 0)
        json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
dump_events (PmRota *rota, const char *path)
{
  const PmRotaModel *model = pm_rota_problem_get_model (pm_rota_get_problem (rota));
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GTimeZone) tz = pm_rota_time_zone (model, NULL);
  g_autofree char *whole = pm_rota_to_ical (rota, NULL, DTSTAMP, NULL, NULL);
  const char *vtz = strstr (whole, "BEGIN:VTIMEZONE");
  const char *vtz_end = strstr (whole, "END:VTIMEZONE\r\n");
  g_autofree char *vtimezone = g_strndup (vtz, (gsize)(vtz_end - vtz) + strlen ("END:VTIMEZONE"));
  g_autoptr (GError) error = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "zone");
  json_builder_add_string_value (b, model->timezone);
  json_builder_set_member_name (b, "calname");
  json_builder_add_string_value (b, model->name);
  json_builder_set_member_name (b, "vtimezone");
  json_builder_add_string_value (b, vtimezone);
  json_builder_set_member_name (b, "dtstamp");
  json_builder_add_int_value (b, DTSTAMP);
  json_builder_set_member_name (b, "calendars");
  json_builder_begin_array (b);
  for (int p = 0; p < PM_ROTA_N_PEOPLE (model); p++)
    dump_person (b, rota, tz, p);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  if (!json_generator_to_file (gen, path, &error))
    g_error ("%s: %s", path, error->message);
}

int
main (int argc, char **argv)
{
  g_autoptr (PmRota) rota = bench_rota ();
  guint person_events = 0, rota_events = 0;
  double person_s = time_export (rota, TRUE, &person_events);
  double rota_s = time_export (rota, FALSE, &rota_events);

  printf ("peermatch per person: %u events in %.3f s: %.0f events/s\n", person_events, person_s,
          person_events / person_s);
  printf ("peermatch rota.ics:   %u events in %.3f s: %.0f events/s\n", rota_events, rota_s,
          rota_events / rota_s);
  if (argc > 1)
    dump_events (rota, argv[1]);
  return 0;
}
