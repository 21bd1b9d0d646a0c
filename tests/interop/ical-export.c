/* peermatch interop tests: writes the iCalendar export of the test fixtures, and the UTC
 * instants every reader must find in it, for the Python and ical.js checkers.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: ical-export DATA_DIR OUT_DIR
 * Writes OUT_DIR/autumn/ and OUT_DIR/spring/ (tests/data/ical-rota.ini and ical-spring.ini:
 * the two clock changes of Europe/London, pm_rota_write_ical: rota.ics and one file per
 * person), OUT_DIR/zones/N/rota.ics (a shift every day for 18 months in zones with other
 * rules) and OUT_DIR/expected.json:
 *   {"calendars": [{"file": "autumn/rota.ics", "spans": [[start, end], ...]}, ...]}
 * with each file's (start, end) pairs in Unix seconds, sorted, from pm_rota_shift_span(). */
#include "pm-private.h"
#include "pm-rota-api-private.h"
#include "pm-rota-time-private.h"

#include <stdio.h>
#include <stdlib.h>

#define DTSTAMP ((gint64)1798761600)

static void
die (const char *what, GError *error)
{
  g_printerr ("ical-export: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static PmRota *
fixture_rota (const char *data, const char *ini, const char *csv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *regions_path = g_build_filename (data, "ical-regions.csv", NULL);
  g_autofree char *people_path = g_build_filename (data, "ical-supporters.csv", NULL);
  g_autofree char *ini_path = g_build_filename (data, ini, NULL);
  g_autofree char *csv_path = g_build_filename (data, csv, NULL);
  g_autoptr (PmRegionTree) regions = pm_reader_read_regions (regions_path, NULL, &error);
  g_autoptr (PmPolicy) policy = pm_policy_new ();
  g_autoptr (PmNetwork) network = NULL;
  g_autoptr (PmRotaProblem) problem = NULL;
  PmRota *rota;

  if (regions == NULL)
    die (regions_path, error);
  network = pm_network_new (regions, policy);
  if (!pm_reader_read_supporters (network, people_path, NULL, &error))
    die (people_path, error);
  problem = pm_reader_read_rota_problem (network, ini_path, NULL, NULL, NULL, NULL, &error);
  if (problem == NULL)
    die (ini_path, error);
  rota = pm_reader_read_rota (problem, csv_path, NULL, &error);
  if (rota == NULL)
    die (csv_path, error);
  return rota;
}

/* A shift every day from 2026-01-01 for 540 days, 00:30 + @k hours, 690 minutes. */
static PmRota *
zone_rota (const char *zone, int k)
{
  GDate first;
  PmRotaModel *model;
  g_autoptr (PmRotaProblem) problem = NULL;
  PmRota *rota;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, 2026);
  model = pm_rota_model_new ("Zone rota", &first, 540);
  model->timezone = g_strdup (zone);
  pm_rota_model_add_shift (model, "s", 30 + 60 * k, 690, NULL);
  pm_rota_model_add_person (model, "a", NULL, NULL);
  pm_rota_model_finish (model, 0);
  problem = pm_rota_problem_new_take (model);
  rota = pm_rota_new (problem);
  for (int d = 0; d < 540; d++)
    pm_rota_set_cell (rota, 0, d, 0);
  return rota;
}

static gint
span_compare (gconstpointer a, gconstpointer b)
{
  const gint64 *x = a, *y = b;

  if (x[0] != y[0])
    return x[0] < y[0] ? -1 : 1;
  return x[1] < y[1] ? -1 : x[1] > y[1];
}

/* One calendar's entry: the spans of @person's shifts, or of every (day, shift) with someone
 * on it when @person < 0. */
static void
append_expected (GString *json, PmRota *rota, const char *file, int person)
{
  const PmRotaModel *model = pm_rota_problem_get_model (pm_rota_get_problem (rota));
  const int *cells = pm_rota_get_cells (rota);
  g_autoptr (GTimeZone) tz = pm_rota_time_zone (model, NULL);
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, 2 * sizeof (gint64));

  for (int day = 0; day < model->n_days; day++)
    for (int shift = 0; shift < PM_ROTA_N_SHIFTS (model); shift++)
      {
        gboolean on = FALSE;
        gint64 span[2];

        for (int p = 0; p < PM_ROTA_N_PEOPLE (model); p++)
          on |= (person < 0 || p == person) && cells[p * model->n_days + day] == shift;
        if (!on)
          continue;
        pm_rota_shift_span (model, tz, day, shift, &span[0], &span[1]);
        g_array_append_val (spans, span);
      }
  g_array_sort (spans, span_compare);
  g_string_append_printf (json, "%s\n  {\"file\": \"%s\", \"spans\": [",
                          json->str[json->len - 1] == '[' ? "" : ",", file);
  for (guint i = 0; i < spans->len; i++)
    g_string_append_printf (json, "%s[%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "]",
                            i > 0 ? ", " : "", g_array_index (spans, gint64, 2 * i),
                            g_array_index (spans, gint64, 2 * i + 1));
  g_string_append (json, "]}");
}

static void
write_rota (GString *json, PmRota *rota, const char *out, const char *sub)
{
  PmRotaProblem *problem = pm_rota_get_problem (rota);
  g_autofree char *dir = g_build_filename (out, sub, NULL);
  g_autofree char *rota_file = g_strconcat (sub, "/rota.ics", NULL);
  g_autoptr (GError) error = NULL;

  if (!pm_rota_write_ical (rota, dir, DTSTAMP, &error))
    die (dir, error);
  append_expected (json, rota, rota_file, -1);
  for (guint p = 0; p < pm_rota_problem_get_n_people (problem); p++)
    {
      g_autofree char *file
          = g_strdup_printf ("%s/%s.ics", sub, pm_rota_problem_get_person_id (problem, p));
      append_expected (json, rota, file, (int)p);
    }
}

int
main (int argc, char **argv)
{
  static const char *const zones[]
      = { "Asia/Tokyo", "Australia/Sydney", "Asia/Jerusalem", "America/Nuuk", "America/New_York" };
  g_autoptr (GString) json = g_string_new ("{\"calendars\": [");
  g_autofree char *json_path = NULL;
  g_autoptr (GError) error = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: ical-export DATA_DIR OUT_DIR\n");
      return 2;
    }
  {
    g_autoptr (PmRota) autumn = fixture_rota (argv[1], "ical-rota.ini", "ical-rota.csv");
    g_autoptr (PmRota) spring = fixture_rota (argv[1], "ical-spring.ini", "ical-spring.csv");

    write_rota (json, autumn, argv[2], "autumn");
    write_rota (json, spring, argv[2], "spring");
  }
  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr (PmRota) rota = zone_rota (zones[z], (int)z);
      g_autofree char *sub = g_strdup_printf ("zones/%u", z);

      write_rota (json, rota, argv[2], sub);
    }
  g_string_append (json, "\n]}\n");
  json_path = g_build_filename (argv[2], "expected.json", NULL);
  if (!g_file_set_contents (json_path, json->str, (gssize)json->len, &error))
    die (json_path, error);
  return 0;
}
