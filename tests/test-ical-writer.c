/* peermatch tests: the iCalendar export of rotas (spec/calendar.md "Export").
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The fixture is read with the public readers: tests/data/ical-rota.ini (three days across
 * the end of British Summer Time, 2026-10-25), ical-supporters.csv (P2 has a long name with a
 * comma, a semicolon and non-ASCII letters; `quiet` has no shift) and the hand-set rota
 * ical-rota.csv; ical-spring.ini/.csv is the same around the start of summer time. Everything
 * written is parsed back with libical, whose instants are compared with pm_rota_shift_span().
 * PM_UPDATE_GOLDEN=1 rewrites the goldens tests/data/ical-rota.ics and ical-P3.ics. */
#include "pm-test-util.h"

#include "pm-ical-private.h"
#include "pm-rota-api-private.h"
#include "pm-rota-time-private.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <string.h>

#define DTSTAMP ((gint64)1798761600) /* 2027-01-01T00:00:00Z */

static int
setup (void **state)
{
  (void)state;
  return g_chdir (PM_TEST_DATA);
}

static PmRota *
fixture_rota (const char *ini, const char *csv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRegionTree) regions = pm_reader_read_regions ("ical-regions.csv", NULL, &error);
  g_autoptr (PmPolicy) policy = pm_policy_new ();
  g_autoptr (PmNetwork) network = NULL;
  g_autoptr (PmRotaProblem) problem = NULL;
  PmRota *rota;

  assert_non_null (regions);
  network = pm_network_new (regions, policy);
  assert_true (pm_reader_read_supporters (network, "ical-supporters.csv", NULL, &error));
  problem = pm_reader_read_rota_problem (network, ini, NULL, NULL, NULL, NULL, &error);
  assert_null (error);
  rota = pm_reader_read_rota (problem, csv, NULL, &error);
  assert_null (error);
  assert_non_null (rota);
  return rota;
}

static char *export(PmRota *rota, const char *person)
{
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  char *data = pm_rota_to_ical (rota, person, DTSTAMP, &length, &error);

  assert_null (error);
  assert_non_null (data);
  assert_int_equal (strlen (data), length);
  return data;
}

static void
assert_golden (const char *data, const char *golden)
{
  g_autofree char *expected = NULL;

  if (g_getenv ("PM_UPDATE_GOLDEN") != NULL)
    assert_true (g_file_set_contents (golden, data, -1, NULL));
  expected = pm_test_read_file (golden, NULL);
  assert_string_equal (data, expected);
}

/* ---- the form of content lines (RFC 5545 3.1) */

/* CRLF only; physical lines of at most 75 octets, each valid UTF-8 on its own (no split
 * character), none ending in white space; continuation lines start with one space. */
static void
assert_lines (const char *data)
{
  const char *line = data;

  assert_true (g_str_has_suffix (data, "\r\n"));
  while (*line != '\0')
    {
      const char *end = strstr (line, "\r\n");
      gsize n;

      assert_non_null (end);
      n = (gsize)(end - line);
      assert_null (memchr (line, '\n', n));
      assert_null (memchr (line, '\r', n));
      assert_true (n <= 75);
      assert_true (n > 0);
      assert_true (g_utf8_validate (line, (gssize)n, NULL));
      assert_true (line[n - 1] != ' ' && line[n - 1] != '\t');
      assert_true (line[0] != '\t');
      line = end + 2;
    }
}

/* Undoes folding (a CRLF and one blank), independently of the writer. */
static char *
unfold (const char *data)
{
  GString *out = g_string_new (NULL);

  for (const char *p = data; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n' && (p[2] == ' ' || p[2] == '\t'))
        p += 2;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The value of the first unfolded line starting with @name, TEXT escapes undone. */
static char *
text_value (const char *data, const char *name)
{
  g_autofree char *all = unfold (data);
  g_autofree char *prefix = g_strconcat ("\r\n", name, ":", NULL);
  const char *start = strstr (all, prefix);
  GString *out = g_string_new (NULL);

  assert_non_null (start);
  for (const char *p = start + strlen (prefix); *p != '\r'; p++)
    {
      if (*p == '\\')
        {
          p++;
          g_string_append_c (out, *p == 'n' || *p == 'N' ? '\n' : *p);
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
test_fold_escape (void **state)
{
  static const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "plain", "plain" },
    { "a,b;c\\d", "a,b;c\\d" },
    { "line one\nline two\r\nthree\rfour", "line one\nline two\nthree\nfour" },
    { "  padded \t  name  ", "padded name" },
    { "trailing blank before newline   \n  and after", "trailing blank before newline\nand after" },
    { "bell\a and\x7f delete", "bell and delete" },
    /* 2-, 3- and 4-byte characters across every fold position */
    { "Siân Ní Bhriain-Ffoulkes Siân Ní Bhriain-Ffoulkes Siân Ní Bhriain-Ffoulkes Siân Ní "
      "Bhriain",
      NULL },
    { "東京消防庁東京消防庁東京消防庁東京消防庁東京消防庁東京消防庁東京消防庁東京消防庁東京消防"
      "庁",
      NULL },
    { "🚑🚒🚓🚑🚒🚓🚑🚒🚓🚑🚒🚓🚑🚒🚓🚑🚒🚓🚑🚒🚓🚑🚒🚓🚑🚒🚓🚑🚒🚓", NULL },
    /* escapes and blanks at the fold position */
    { ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,", NULL },
    { "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s",
      NULL },
    { "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx yyyyy "
      "\\\\\\\\\\\\;;;;\n\n\n",
      NULL },
  };

  (void)state;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      for (gsize pad = 0; pad < 6; pad++)
        {
          /* shift the text against the fold positions */
          g_autofree char *name = g_strnfill (pad + 1, 'X');
          g_autoptr (GString) out = g_string_new ("BEGIN:X\r\n");
          g_autofree char *back = NULL;

          pm_ical_append_text (out, name, cases[i].text);
          g_string_append (out, "END:X\r\n");
          assert_lines (out->str);
          back = text_value (out->str, name);
          assert_string_equal (back, cases[i].expected != NULL ? cases[i].expected : cases[i].text);
        }
    }
}

/* ---- libical reads everything, and the same instants */

/* The X-LIC-ERROR properties of @c and its components. */
static int
count_errors (icalcomponent *c)
{
  int n = 0;

  for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_XLICERROR_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (c, ICAL_XLICERROR_PROPERTY))
    {
      print_message ("# X-LIC-ERROR: %s\n", icalproperty_get_xlicerror (p));
      n++;
    }
  for (icalcomponent *k = icalcomponent_get_first_component (c, ICAL_ANY_COMPONENT); k != NULL;
       k = icalcomponent_get_next_component (c, ICAL_ANY_COMPONENT))
    n += count_errors (k);
  return n;
}

static gint
span_compare (gconstpointer a, gconstpointer b)
{
  const gint64 *x = a, *y = b;

  if (x[0] != y[0])
    return x[0] < y[0] ? -1 : 1;
  return x[1] < y[1] ? -1 : x[1] > y[1];
}

/* Parses @data with libical: no error, and every restriction of RFC 5545 holds (libical
 * checks those of RFC 5545 when there is no METHOD); no ORGANIZER or ATTENDEE; returns the events'
 * (start, end) instants in the file's order. */
static GArray *
libical_spans (const char *data)
{
  icalcomponent *cal = icalparser_parse_string (data);
  GArray *spans = g_array_new (FALSE, FALSE, 2 * sizeof (gint64));

  assert_non_null (cal);
  assert_int_equal (icalcomponent_isa (cal), ICAL_VCALENDAR_COMPONENT);
  assert_int_equal (count_errors (cal), 0);
  assert_int_equal (icalcomponent_count_components (cal, ICAL_VTIMEZONE_COMPONENT), 1);
  for (icalcomponent *ev = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT);
       ev != NULL; ev = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (ev);
      struct icaltimetype end = icalcomponent_get_dtend (ev);
      gint64 span[2];

      assert_non_null (start.zone);
      assert_non_null (end.zone);
      span[0] = icaltime_as_timet_with_zone (start, start.zone);
      span[1] = icaltime_as_timet_with_zone (end, end.zone);
      g_array_append_val (spans, span);
      assert_int_equal (icalcomponent_count_properties (ev, ICAL_ORGANIZER_PROPERTY), 0);
      assert_int_equal (icalcomponent_count_properties (ev, ICAL_ATTENDEE_PROPERTY), 0);
    }
  assert_false (strstr (data, "\r\nMETHOD:") != NULL);
  assert_int_equal (icalrestriction_check (cal), 1);
  assert_int_equal (count_errors (cal), 0);
  icalcomponent_free (cal);
  return spans;
}

/* The expected (start, end) of every (day, shift) with someone on it, or of @person's. */
static GArray *
expected_spans (PmRota *rota, int person)
{
  const PmRotaModel *model = pm_rota_problem_get_model (pm_rota_get_problem (rota));
  const int *cells = pm_rota_get_cells (rota);
  g_autoptr (GTimeZone) tz = pm_rota_time_zone (model, NULL);
  GArray *spans = g_array_new (FALSE, FALSE, 2 * sizeof (gint64));

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
  return spans;
}

static void
assert_same_instants (PmRota *rota, int person, const char *data)
{
  g_autoptr (GArray) got = libical_spans (data);
  g_autoptr (GArray) want = expected_spans (rota, person);

  /* rota.ics is already in start order */
  for (guint i = 1; person < 0 && i < got->len; i++)
    assert_true (g_array_index (got, gint64, 2 * (i - 1)) <= g_array_index (got, gint64, 2 * i));
  g_array_sort (got, span_compare);
  assert_int_equal (got->len, want->len);
  assert_memory_equal (got->data, want->data, got->len * 2 * sizeof (gint64));
}

/* ---- the fixture */

static void
test_golden_autumn (void **state)
{
  g_autoptr (PmRota) rota = fixture_rota ("ical-rota.ini", "ical-rota.csv");
  g_autofree char *all = export(rota, NULL);
  g_autofree char *p3 = export(rota, "P3");

  (void)state;
  assert_golden (all, "ical-rota.ics");
  assert_golden (p3, "ical-P3.ics");
  assert_lines (all);
  assert_lines (p3);
  assert_same_instants (rota, -1, all);
  assert_same_instants (rota, 2, p3);
}

/* Every person's calendar, and the spring change, read by libical at the same instants. */
static void
test_libical_everyone (void **state)
{
  static const char *const fixtures[][2]
      = { { "ical-rota.ini", "ical-rota.csv" }, { "ical-spring.ini", "ical-spring.csv" } };

  (void)state;
  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autoptr (PmRota) rota = fixture_rota (fixtures[f][0], fixtures[f][1]);
      PmRotaProblem *problem = pm_rota_get_problem (rota);
      g_autofree char *all = export(rota, NULL);

      assert_lines (all);
      assert_same_instants (rota, -1, all);
      for (guint p = 0; p < pm_rota_problem_get_n_people (problem); p++)
        {
          g_autofree char *data = export(rota, pm_rota_problem_get_person_id (problem, p));
          assert_lines (data);
          assert_same_instants (rota, (int)p, data);
        }
    }
}

/* The content the spec asks for, and nothing private. */
static void
test_content (void **state)
{
  g_autoptr (PmRota) rota = fixture_rota ("ical-rota.ini", "ical-rota.csv");
  g_autofree char *all = export(rota, NULL);
  g_autofree char *unfolded = unfold (all);
  g_autofree char *quiet = export(rota, "quiet");
  g_autofree char *p2 = export(rota, "P2");
  g_autofree char *calname = text_value (all, "X-WR-CALNAME");
  g_autofree char *p2_calname = text_value (p2, "X-WR-CALNAME");

  (void)state;
  assert_string_equal (calname, "Merseyside peer support, on-call; autumn");
  assert_string_equal (p2_calname, "Merseyside peer support, on-call; autumn \u2013 P2");
  assert_non_null (strstr (unfolded, "\r\nX-WR-TIMEZONE:Europe/London\r\n"));
  assert_non_null (strstr (unfolded, "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n"));
  assert_non_null (strstr (unfolded, "\r\nX-PUBLISHED-TTL:PT12H\r\n"));
  assert_non_null (strstr (unfolded, "\r\nTZID:Europe/London\r\n"));
  assert_non_null (strstr (unfolded, "\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"));
  assert_non_null (strstr (unfolded, "\r\nDTSTAMP:20270101T000000Z\r\n"));
  /* the Saturday night: P1 and P2 by name, escaped; P1 counts in trim-nights (trim skill) */
  assert_non_null (strstr (unfolded, "\r\nDESCRIPTION:On call:\\nAlex Example\\nSiân "
                                     "O'Brien-Ffoulkes\\, Ambulance\\; Station 7 — Birkenhead "
                                     "& Wallasey Night Team\r\n"));
  assert_non_null (strstr (unfolded, "\r\nSUMMARY:Peer support on call: night (2 people)\r\n"));
  assert_non_null (strstr (unfolded, "\r\nLOCATION:merseyside\\, trim-nights\r\n"));
  assert_null (strstr (unfolded, "ptsd"));
  assert_null (strstr (unfolded, "ORGANIZER"));
  assert_null (strstr (unfolded, "ATTENDEE"));
  /* the night ends at 08:00 local on the night the clocks go back */
  assert_non_null (strstr (unfolded, "\r\nDTSTART;TZID=Europe/London:20261024T200000\r\n"
                                     "DTEND;TZID=Europe/London:20261025T080000\r\n"));
  /* 01:30 happens twice that night: the first, in UTC */
  assert_non_null (strstr (unfolded, "\r\nDTSTART:20261025T003000Z\r\n"));
  /* someone without a shift still gets a calendar, without events */
  assert_non_null (strstr (quiet, "BEGIN:VTIMEZONE\r\n"));
  assert_null (strstr (quiet, "BEGIN:VEVENT"));
  assert_lines (quiet);
  assert_same_instants (rota, 3, quiet);
}

/* UIDs: the same on every export, different between events, nothing readable in them. */
static void
test_uids (void **state)
{
  g_autoptr (PmRota) rota = fixture_rota ("ical-rota.ini", "ical-rota.csv");
  PmRotaProblem *problem = pm_rota_get_problem (rota);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  (void)state;
  for (int p = -1; p < (int)pm_rota_problem_get_n_people (problem); p++)
    {
      const char *id = p < 0 ? NULL : pm_rota_problem_get_person_id (problem, (guint)p);
      g_autofree char *first = pm_rota_to_ical (rota, id, DTSTAMP, NULL, NULL);
      g_autofree char *again = pm_rota_to_ical (rota, id, DTSTAMP + 86400, NULL, NULL);
      g_autofree char *a = unfold (first);
      g_autofree char *b = unfold (again);
      g_auto (GStrv) lines_a = g_strsplit (a, "\r\n", -1);
      g_auto (GStrv) lines_b = g_strsplit (b, "\r\n", -1);

      assert_int_equal (g_strv_length (lines_a), g_strv_length (lines_b));
      for (guint i = 0; lines_a[i] != NULL; i++)
        {
          if (g_str_has_prefix (lines_a[i], "DTSTAMP:"))
            continue;
          assert_string_equal (lines_a[i], lines_b[i]);
          if (!g_str_has_prefix (lines_a[i], "UID:"))
            continue;
          assert_int_equal (strlen (lines_a[i]), 4 + 32 + strlen ("@peermatch"));
          assert_true (g_str_has_suffix (lines_a[i], "@peermatch"));
          for (guint k = 4; k < 36; k++)
            assert_true (g_ascii_isxdigit (lines_a[i][k]) && !g_ascii_isupper (lines_a[i][k]));
          assert_true (g_hash_table_add (seen, g_strdup (lines_a[i])));
          n++;
        }
    }
  assert_int_equal (n, 7 + 8); /* the rota's (day, shift) events and everyone's shifts */
}

/* ---- rotas built on the private model */

/* A rota in @timezone from @first over @n_days, one shift "s" (@start minute, @minutes)
 * worked every day by each of @ids (person k on day d when (d + k) % n_ids == 0). */
static PmRota *
model_rota (const char *timezone, const char *first, int n_days, int start, int minutes,
            const char *const *ids)
{
  GDate date;
  PmRotaModel *model;
  g_autoptr (PmRotaProblem) problem = NULL;
  PmRota *rota;
  int n_ids = (int)g_strv_length ((GStrv)ids);

  g_date_clear (&date, 1);
  g_date_set_parse (&date, first);
  assert_true (g_date_valid (&date));
  model = pm_rota_model_new ("Model rota", &date, n_days);
  model->timezone = g_strdup (timezone);
  assert_int_equal (pm_rota_model_add_shift (model, "s", start, minutes, NULL), 0);
  for (int k = 0; k < n_ids; k++)
    assert_int_equal (pm_rota_model_add_person (model, ids[k], NULL, NULL), k);
  pm_rota_model_finish (model, 0);
  problem = pm_rota_problem_new_take (model);
  rota = pm_rota_new (problem);
  for (int d = 0; d < n_days; d++)
    pm_rota_set_cell (rota, d % n_ids, d, 0);
  return rota;
}

/* Zones with other rules, over a year and a half, read by libical at our instants: no DST,
 * the southern hemisphere, a change on another day than its weekday (Jerusalem's
 * M3.4.4/26), a negative change time (Nuuk), and a benchmark problem (no zone: London). */
static void
test_other_zones (void **state)
{
  static const char *const zones[] = { "Asia/Tokyo",   "Australia/Sydney", "Asia/Jerusalem",
                                       "America/Nuuk", "America/New_York", NULL };
  static const char *const ids[] = { "a", NULL };

  (void)state;
  for (guint z = 0; zones[z] != NULL || z == G_N_ELEMENTS (zones) - 1; z++)
    {
      /* a shift every day for 18 months, starting at 00:30 + z hours */
      g_autoptr (PmRota) rota
          = model_rota (zones[z], "2026-01-01", 540, 30 + 60 * (int)z, 690, ids);
      g_autofree char *data = export(rota, NULL);

      print_message ("# zone %s\n", zones[z] != NULL ? zones[z] : "(none)");
      assert_lines (data);
      assert_same_instants (rota, -1, data);
      if (zones[z] == NULL)
        {
          assert_non_null (strstr (data, "\r\nTZID:Europe/London\r\n"));
          break;
        }
      if (strcmp (zones[z], "Asia/Tokyo") == 0)
        {
          assert_null (strstr (data, "BEGIN:DAYLIGHT"));
          assert_non_null (strstr (data, "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
                                         "TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\n"));
        }
      /* the yearly rule agrees with the system's history: local times with the TZID */
      assert_non_null (strstr (data, "\r\nDTSTART;TZID="));
    }
}

static void
test_unknown_zone (void **state)
{
  static const char *const ids[] = { "a", NULL };
  static const char *const names[] = { "Europe/Atlantis", "Etc/../../etc/passwd", NULL };

  (void)state;
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr (PmRota) rota = model_rota (names[i], "2026-01-01", 2, 0, 60, ids);
      g_autoptr (GError) error = NULL;
      g_autofree char *data = pm_rota_to_ical (rota, NULL, DTSTAMP, NULL, &error);

      assert_null (data);
      assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
      assert_non_null (strstr (error->message, names[i]));
    }
}

static void
test_unknown_person (void **state)
{
  g_autoptr (PmRota) rota = fixture_rota ("ical-rota.ini", "ical-rota.csv");
  g_autoptr (GError) error = NULL;

  (void)state;
  assert_null (pm_rota_to_ical (rota, "P9", DTSTAMP, NULL, &error));
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_NOT_FOUND));
  assert_non_null (strstr (error->message, "P9"));
}

static char *
temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("pm-ical-XXXXXX", &error);

  assert_non_null (dir);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        assert_int_equal (g_unlink (path), 0);
    }
  assert_int_equal (g_rmdir (dir), 0);
}

static guint
count_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* rota.ics and everyone's file, the folder created, contents as pm_rota_to_ical(). */
static void
test_write_folder (void **state)
{
  g_autoptr (PmRota) rota = fixture_rota ("ical-rota.ini", "ical-rota.csv");
  PmRotaProblem *problem = pm_rota_get_problem (rota);
  g_autofree char *tmp = temp_dir ();
  g_autofree char *dir = g_build_filename (tmp, "calendars", "merseyside", NULL);
  g_autoptr (GError) error = NULL;

  (void)state;
  assert_true (pm_rota_write_ical (rota, dir, DTSTAMP, &error));
  assert_null (error);
  assert_int_equal (count_files (dir), 1 + pm_rota_problem_get_n_people (problem));
  for (int p = -1; p < (int)pm_rota_problem_get_n_people (problem); p++)
    {
      const char *id = p < 0 ? NULL : pm_rota_problem_get_person_id (problem, (guint)p);
      g_autofree char *name = g_strconcat (id != NULL ? id : "rota", ".ics", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *written = pm_test_read_file (path, NULL);
      g_autofree char *expected = export(rota, id);

      assert_string_equal (written, expected);
    }
  /* again, over the old files */
  assert_true (pm_rota_write_ical (rota, dir, DTSTAMP, &error));
  remove_dir (tmp);
}

/* An unsafe id is an input error naming it, and nothing is written. */
static void
test_unsafe_ids (void **state)
{
  static const char *const bad[]
      = { "a/b", "..",        ".hidden",   "-rf",  "a\\b",   "C:x",  "a*",
          "x?",  "tab\there", "new\nline", "dot.", "space ", "ROTA", "rota",
          "con", "Nul",       "com1",      "LPT9", NULL };
  g_autofree char *long_id = g_strnfill (201, 'x');
  g_autofree char *tmp = temp_dir ();
  g_autofree char *dir = g_build_filename (tmp, "out", NULL);

  (void)state;
  for (guint i = 0; bad[i] != NULL || long_id != NULL; i++)
    {
      const char *id = bad[i] != NULL ? bad[i] : long_id;
      const char *ids[] = { "ok", id, NULL };
      g_autoptr (PmRota) rota = model_rota ("Europe/London", "2026-01-01", 3, 0, 60, ids);
      g_autoptr (GError) error = NULL;
      g_autofree char *shown = g_strescape (id, NULL);

      assert_false (pm_rota_write_ical (rota, dir, DTSTAMP, &error));
      assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
      assert_non_null (strstr (error->message, shown));
      assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
      if (bad[i] == NULL)
        break;
    }
  {
    /* ids equal but for case would share a file on many systems */
    const char *ids[] = { "ab", "S1", "AB", NULL };
    g_autoptr (PmRota) rota = model_rota ("Europe/London", "2026-01-01", 3, 0, 60, ids);
    g_autoptr (GError) error = NULL;

    assert_false (pm_rota_write_ical (rota, dir, DTSTAMP, &error));
    assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
    assert_non_null (strstr (error->message, "'ab' and 'AB'"));
    assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  }
  {
    /* safe, if unusual */
    const char *ids[] = { "S1", "o'brien", "Siân", "a.b", "x-1", "_y", NULL };
    g_autoptr (PmRota) rota = model_rota ("Europe/London", "2026-01-01", 3, 0, 60, ids);
    g_autoptr (GError) error = NULL;

    assert_true (pm_rota_write_ical (rota, dir, DTSTAMP, &error));
    assert_int_equal (count_files (dir), 7);
  }
  remove_dir (tmp);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_fold_escape),
    cmocka_unit_test (test_golden_autumn),
    cmocka_unit_test (test_libical_everyone),
    cmocka_unit_test (test_content),
    cmocka_unit_test (test_uids),
    cmocka_unit_test (test_other_zones),
    cmocka_unit_test (test_unknown_zone),
    cmocka_unit_test (test_unknown_person),
    cmocka_unit_test (test_write_folder),
    cmocka_unit_test (test_unsafe_ids),
  };

  return cmocka_run_group_tests (tests, setup, NULL);
}
