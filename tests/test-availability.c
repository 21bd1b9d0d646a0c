/* peermatch tests: the availability grammar, overlap, containment and formatting.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-test-util.h"

#include <string.h>

#define DAY 1440
#define WEEK PM_MINUTES_PER_WEEK

static PmAvailability *
parse_ok (const char *text)
{
  g_autoptr (GError) error = NULL;
  PmAvailability *a = pm_availability_new_from_string (text, &error);

  if (a == NULL)
    fail_msg ("'%s' should parse: %s", text, error->message);
  assert_null (error);
  return a;
}

static void
assert_parse_error (const char *text, const char *fragment)
{
  g_autoptr (GError) error = NULL;
  PmAvailability *a = pm_availability_new_from_string (text, &error);

  if (a != NULL)
    {
      g_autofree char *back = pm_availability_to_string (a);

      pm_availability_free (a);
      fail_msg ("'%s' should not parse, got '%s'", text, back);
    }
  assert_non_null (error);
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  if (strstr (error->message, fragment) == NULL)
    fail_msg ("error for '%s' is '%s', expected it to mention '%s'", text, error->message,
              fragment);
}

/* Asserts @text parses to exactly the intervals in @expected (start, end pairs, then -1). */
static void
assert_intervals (const char *text, const int *expected)
{
  g_autoptr (PmAvailability) a = parse_ok (text);
  guint n = 0;

  while (expected[2 * n] >= 0)
    n++;
  if (pm_availability_get_n_intervals (a) != n)
    {
      g_autofree char *back = pm_availability_to_string (a);

      fail_msg ("'%s': %u intervals ('%s'), expected %u", text, pm_availability_get_n_intervals (a),
                back, n);
    }
  for (guint i = 0; i < n; i++)
    {
      guint start, end;

      pm_availability_get_interval (a, i, &start, &end);
      assert_int_equal (start, expected[2 * i]);
      assert_int_equal (end, expected[2 * i + 1]);
    }
}

#define IV(...) ((const int[]){ __VA_ARGS__, -1 })

static void
test_empty (void **state)
{
  const char *blanks[] = { "", "   ", "\t \n" };

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr (PmAvailability) a = parse_ok (blanks[i]);
      g_autofree char *text = pm_availability_to_string (a);

      assert_int_equal (pm_availability_get_n_intervals (a), 0);
      assert_int_equal (pm_availability_get_minutes (a), 0);
      assert_string_equal (text, "");
    }
}

static void
test_single_days (void **state)
{
  assert_intervals ("mon 09:00-17:00", IV (540, 1020));
  assert_intervals ("tue 00:00-24:00", IV (DAY, 2 * DAY));
  assert_intervals ("sun 23:59-24:00", IV (WEEK - 1, WEEK));
  assert_intervals ("wed 12:30-12:31", IV (2 * DAY + 750, 2 * DAY + 751));
  assert_intervals ("sat 10:00-12:00", IV (5 * DAY + 600, 5 * DAY + 720));
}

static void
test_ranges_and_lists (void **state)
{
  assert_intervals ("mon-wed 09:00-10:00",
                    IV (540, 600, DAY + 540, DAY + 600, 2 * DAY + 540, 2 * DAY + 600));
  /* fri-mon wraps: fri, sat, sun, mon */
  assert_intervals ("fri-mon 09:00-10:00",
                    IV (540, 600, 4 * DAY + 540, 4 * DAY + 600, 5 * DAY + 540, 5 * DAY + 600,
                        6 * DAY + 540, 6 * DAY + 600));
  assert_intervals ("thu-thu 09:00-10:00", IV (3 * DAY + 540, 3 * DAY + 600));
  assert_intervals ("mon,wed 09:00-10:00", IV (540, 600, 2 * DAY + 540, 2 * DAY + 600));
  assert_intervals ("sun,mon-tue 08:00-09:00",
                    IV (480, 540, DAY + 480, DAY + 540, 6 * DAY + 480, 6 * DAY + 540));
  assert_intervals ("mon,mon 09:00-10:00", IV (540, 600));
}

static void
test_keywords (void **state)
{
  g_autoptr (PmAvailability) daily = parse_ok ("daily 09:00-10:00");
  g_autoptr (PmAvailability) week = parse_ok ("mon-sun 09:00-10:00");
  g_autoptr (PmAvailability) weekdays = parse_ok ("weekdays 09:00-10:00");
  g_autoptr (PmAvailability) mon_fri = parse_ok ("mon,tue,wed,thu,fri 09:00-10:00");
  g_autoptr (PmAvailability) weekends = parse_ok ("weekends 09:00-10:00");
  g_autoptr (PmAvailability) sat_sun = parse_ok ("sat-sun 09:00-10:00");
  g_autoptr (PmAvailability) all = parse_ok ("daily 00:00-24:00");
  g_autoptr (PmAvailability) mixed = parse_ok ("weekends,mon 09:00-10:00");

  assert_int_equal (pm_availability_get_n_intervals (daily), 7);
  assert_true (pm_availability_equal (daily, week));
  assert_true (pm_availability_equal (weekdays, mon_fri));
  assert_true (pm_availability_equal (weekends, sat_sun));
  assert_int_equal (pm_availability_get_minutes (weekdays), 5 * 60);
  assert_int_equal (pm_availability_get_minutes (weekends), 2 * 60);
  /* the whole week is one interval: touching days merge */
  assert_int_equal (pm_availability_get_n_intervals (all), 1);
  assert_int_equal (pm_availability_get_minutes (all), WEEK);
  assert_int_equal (pm_availability_get_n_intervals (mixed), 3);
}

static void
test_past_midnight (void **state)
{
  /* sun 22:00-06:00 ends on Monday 06:00: it wraps into the start of the week */
  assert_intervals ("sun 22:00-06:00", IV (0, 360, 6 * DAY + 1320, WEEK));
  assert_intervals ("fri 22:00-02:00", IV (4 * DAY + 1320, 5 * DAY + 120));
  /* an end equal to the start runs 24 hours */
  assert_intervals ("mon 09:00-09:00", IV (540, DAY + 540));
  assert_intervals ("mon 00:00-00:00", IV (0, DAY));
  assert_intervals ("sun 12:00-12:00", IV (0, 720, 6 * DAY + 720, WEEK));
  /* 24:00 is the end of the day, not past midnight */
  assert_intervals ("mon 20:00-24:00", IV (1200, DAY));
  assert_intervals ("mon 23:00-00:00", IV (1380, DAY + 0));
  /* a night shift every day becomes one piece per night, Sunday's wrapping into Monday */
  assert_intervals ("daily 22:00-06:00",
                    IV (0, 360, 1320, DAY + 360, DAY + 1320, 2 * DAY + 360, 2 * DAY + 1320,
                        3 * DAY + 360, 3 * DAY + 1320, 4 * DAY + 360, 4 * DAY + 1320, 5 * DAY + 360,
                        5 * DAY + 1320, 6 * DAY + 360, 6 * DAY + 1320, WEEK));
}

static void
test_merging (void **state)
{
  /* overlapping windows merge */
  assert_intervals ("mon 09:00-12:00; mon 11:00-14:00", IV (540, 840));
  /* touching windows merge */
  assert_intervals ("mon 09:00-12:00; mon 12:00-14:00", IV (540, 840));
  /* order does not matter, contained windows vanish */
  assert_intervals ("mon 12:00-14:00; mon 09:00-12:00; mon 10:00-11:00", IV (540, 840));
  /* a bridge joins three intervals into one */
  assert_intervals ("mon 08:00-09:00; mon 10:00-11:00; mon 12:00-13:00; mon 08:30-12:30",
                    IV (480, 780));
  /* across midnight: Monday evening touches Tuesday morning */
  assert_intervals ("mon 20:00-24:00; tue 00:00-06:00", IV (1200, DAY + 360));
  assert_intervals ("mon 20:00-02:00; tue 01:00-03:00", IV (1200, DAY + 180));
  /* and across the end of the week */
  assert_intervals ("sun 22:00-06:00; mon 05:00-07:00", IV (0, 420, 6 * DAY + 1320, WEEK));
  /* a gap of one minute stays a gap */
  assert_intervals ("mon 09:00-10:00; mon 10:01-11:00", IV (540, 600, 601, 660));
}

static void
test_white_space_and_case (void **state)
{
  g_autoptr (PmAvailability) canonical = parse_ok ("mon-fri 09:00-17:00; sat 10:00-12:00");
  const char *variants[] = {
    "  MON-FRI   09:00-17:00 ;  Sat 10:00-12:00  ",
    "Mon-Fri\t09:00-17:00;sat 10:00-12:00",
    "mon - fri 09:00 - 17:00; SAT 10:00 -12:00",
    "Weekdays 09:00-17:00;sAt 10:00-12:00",
    "mon, tue ,wed,thu , fri 09:00-17:00; sat 10:00-12:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr (PmAvailability) a = parse_ok (variants[i]);

      if (!pm_availability_equal (a, canonical))
        fail_msg ("'%s' differs from the canonical form", variants[i]);
    }
}

static void
test_malformed (void **state)
{
  assert_parse_error ("mon 25:00-26:00", "hour out of range");
  assert_parse_error ("mon 25:00-26:00", "window 'mon 25:00-26:00'");
  assert_parse_error ("mon 09:60-10:00", "minutes out of range");
  assert_parse_error ("mon 09:00-24:01", "after 24:00");
  assert_parse_error ("mon 24:00-02:00", "24:00");
  assert_parse_error ("mon 9:00-10:00", "bad time '9:00'");
  assert_parse_error ("mon 09:00-10:0", "bad time");
  assert_parse_error ("mon 09h00-10:00", "bad time");
  assert_parse_error ("mon 0900-1000", "bad time");
  assert_parse_error ("mon 09:00", "missing '-'");
  assert_parse_error ("mon 09:00-", "missing time");
  assert_parse_error ("mon -10:00", "no last day");
  assert_parse_error ("mon", "missing time range");
  assert_parse_error ("mon-fri", "missing time range");
  assert_parse_error ("09:00-17:00", "missing days");
  assert_parse_error (" 09:00-17:00", "missing days");
  assert_parse_error ("mnday 09:00-17:00", "unknown day 'mnday'");
  assert_parse_error ("monday 09:00-17:00", "unknown day 'monday'");
  assert_parse_error ("mon-frx 09:00-17:00", "unknown day 'frx'");
  assert_parse_error ("mon- 09:00-17:00", "no last day");
  assert_parse_error ("daily-mon 09:00-17:00", "after the days");
  assert_parse_error ("mon,,tue 09:00-17:00", "missing days");
  assert_parse_error ("mon, 09:00-17:00", "missing days");
  assert_parse_error ("mon09:00-17:00", "after the days");
  assert_parse_error ("mon 09:00-17:00 extra", "after the times");
  assert_parse_error ("mon 09:00-17:00-18:00", "after the times");
  assert_parse_error ("mon 09:00-17:00;", "empty window");
  assert_parse_error ("mon 09:00-17:00;; tue 09:00-17:00", "empty window");
  assert_parse_error (";", "empty window");
  assert_parse_error ("mon 09:00-17:00, tue 09:00-10:00", "bad time '17:00,'");
  assert_parse_error ("mon 09:00-17:00; tue 9-5", "window 'tue 9-5'");
  assert_parse_error ("garbage", "unknown day 'garbage'");
  assert_parse_error ("!!", "missing days");
  assert_parse_error ("mon 09:00–17:00", "bad time");
  assert_parse_error ("mon 99:99-00:00", "out of range");
}

static void
test_overlap_cases (void **state)
{
  g_autoptr (PmAvailability) office = parse_ok ("weekdays 09:00-17:00");
  g_autoptr (PmAvailability) evenings = parse_ok ("daily 16:00-20:00");
  g_autoptr (PmAvailability) night = parse_ok ("sun 22:00-06:00");
  g_autoptr (PmAvailability) early = parse_ok ("mon 05:00-07:00; sun 23:30-24:00");
  g_autoptr (PmAvailability) split = parse_ok ("mon 09:00-10:00; mon 11:00-12:00");
  g_autoptr (PmAvailability) span = parse_ok ("mon 09:30-11:30");
  g_autoptr (PmAvailability) empty = pm_availability_new ();
  g_autoptr (PmAvailability) all = parse_ok ("daily 00:00-24:00");

  /* an hour (16:00-17:00) on each weekday */
  assert_int_equal (pm_availability_overlap (office, evenings), 5 * 60);
  assert_int_equal (pm_availability_overlap (evenings, office), 5 * 60);
  /* Monday 05:00-06:00 and Sunday 23:30-24:00, across the end of the week */
  assert_int_equal (pm_availability_overlap (night, early), 90);
  assert_int_equal (pm_availability_overlap (early, night), 90);
  /* 09:30-10:00 and 11:00-11:30 */
  assert_int_equal (pm_availability_overlap (split, span), 60);
  assert_int_equal (pm_availability_overlap (span, split), 60);
  assert_int_equal (pm_availability_overlap (office, night), 0);
  assert_int_equal (pm_availability_overlap (office, empty), 0);
  assert_int_equal (pm_availability_overlap (empty, empty), 0);
  assert_int_equal (pm_availability_overlap (office, all), 40 * 60);
  assert_int_equal (pm_availability_overlap (all, all), WEEK);
  assert_int_equal (pm_availability_overlap (night, night), 8 * 60);
  assert_int_equal (pm_availability_overlap (office, office), pm_availability_get_minutes (office));
}

static void
test_contains (void **state)
{
  g_autoptr (PmAvailability) a = parse_ok ("mon 09:00-17:00; sun 22:00-06:00");
  g_autoptr (PmAvailability) all = parse_ok ("daily 00:00-24:00");
  g_autoptr (PmAvailability) empty = pm_availability_new ();

  assert_true (pm_availability_contains (a, 540, 480));
  assert_true (pm_availability_contains (a, 540, 60));
  assert_true (pm_availability_contains (a, 1019, 1));
  assert_false (pm_availability_contains (a, 1019, 2));
  assert_false (pm_availability_contains (a, 539, 2));
  assert_true (pm_availability_contains (a, 600, 0));
  assert_true (pm_availability_contains (empty, 600, 0));
  assert_false (pm_availability_contains (empty, 600, 1));
  /* Sunday 23:00 for two hours runs into Monday 01:00 */
  assert_true (pm_availability_contains (a, 6 * DAY + 1380, 120));
  assert_true (pm_availability_contains (a, 6 * DAY + 1320, 480));
  assert_false (pm_availability_contains (a, 6 * DAY + 1320, 481));
  assert_false (pm_availability_contains (a, 6 * DAY + 1319, 2));
  assert_true (pm_availability_contains (a, 0, 360));
  assert_false (pm_availability_contains (a, 0, 361));
  /* the whole week, from anywhere */
  assert_true (pm_availability_contains (all, 1234, WEEK));
  assert_true (pm_availability_contains (all, WEEK - 1, 100));
  assert_false (pm_availability_contains (a, 540, WEEK));
}

static void
test_add_interval (void **state)
{
  g_autoptr (PmAvailability) a = pm_availability_new ();
  g_autoptr (PmAvailability) b = NULL;
  guint start, end;

  pm_availability_add_interval (a, 100, 200);
  pm_availability_add_interval (a, 300, 400);
  pm_availability_add_interval (a, 50, 60);
  pm_availability_add_interval (a, 500, 500);
  assert_int_equal (pm_availability_get_n_intervals (a), 3);
  pm_availability_add_interval (a, 200, 300);
  assert_int_equal (pm_availability_get_n_intervals (a), 2);
  pm_availability_get_interval (a, 1, &start, &end);
  assert_int_equal (start, 100);
  assert_int_equal (end, 400);
  pm_availability_add_interval (a, 0, WEEK);
  assert_int_equal (pm_availability_get_n_intervals (a), 1);
  pm_availability_get_interval (a, 0, &start, NULL);
  pm_availability_get_interval (a, 0, NULL, &end);
  assert_int_equal (start, 0);
  assert_int_equal (end, WEEK);
  b = pm_availability_copy (a);
  assert_true (pm_availability_equal (a, b));
  pm_availability_add_interval (b, 0, 1);
  assert_true (pm_availability_equal (a, b));
}

static void
test_to_string (void **state)
{
  struct
  {
    const char *in, *out;
  } cases[] = {
    { "mon-fri 09:00-17:00; sat 10:00-12:00", "weekdays 09:00-17:00; sat 10:00-12:00" },
    { "daily 00:00-24:00", "daily 00:00-24:00" },
    { "sat,sun 08:00-09:00", "weekends 08:00-09:00" },
    { "sun 22:00-06:00", "mon 00:00-06:00; sun 22:00-24:00" },
    { "mon,tue,thu 09:00-10:00; sun 09:00-10:00", "mon,tue,thu,sun 09:00-10:00" },
    { "mon-wed,fri 09:00-10:00", "mon-wed,fri 09:00-10:00" },
    { "fri-mon 09:00-10:00", "mon,fri-sun 09:00-10:00" },
    { "mon 09:00-10:00; mon 12:00-13:00", "mon 09:00-10:00; mon 12:00-13:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PmAvailability) a = parse_ok (cases[i].in);
      g_autofree char *text = pm_availability_to_string (a);
      g_autoptr (PmAvailability) back = parse_ok (text);

      assert_string_equal (text, cases[i].out);
      assert_true (pm_availability_equal (a, back));
    }
}

/* ---- randomized checks against a minute-by-minute bitmap of the week */

static const char *const day_words[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static void
random_case (GRand *rand, GString *out, const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    g_string_append_c (out, g_rand_boolean (rand) ? g_ascii_toupper (*p) : *p);
}

static void
random_space (GRand *rand, GString *out, guint at_least)
{
  guint n = at_least + (g_rand_int_range (rand, 0, 4) == 0 ? 1 : 0);

  for (guint i = 0; i < n; i++)
    g_string_append_c (out, g_rand_boolean (rand) ? ' ' : '\t');
}

/* Appends a random dayspec list to @out and marks its days in @days. */
static void
random_days (GRand *rand, GString *out, gboolean days[7])
{
  guint n = g_rand_int_range (rand, 1, 4);

  for (guint k = 0; k < n; k++)
    {
      gint kind = g_rand_int_range (rand, 0, 10);

      if (k > 0)
        g_string_append_c (out, ',');
      if (kind == 0)
        {
          random_case (rand, out, "daily");
          for (guint d = 0; d < 7; d++)
            days[d] = TRUE;
        }
      else if (kind == 1)
        {
          random_case (rand, out, "weekdays");
          for (guint d = 0; d < 5; d++)
            days[d] = TRUE;
        }
      else if (kind == 2)
        {
          random_case (rand, out, "weekends");
          days[5] = days[6] = TRUE;
        }
      else if (kind < 6)
        {
          gint first = g_rand_int_range (rand, 0, 7), last = g_rand_int_range (rand, 0, 7);

          random_case (rand, out, day_words[first]);
          g_string_append_c (out, '-');
          random_case (rand, out, day_words[last]);
          for (gint d = first;; d = (d + 1) % 7)
            {
              days[d] = TRUE;
              if (d == last)
                break;
            }
        }
      else
        {
          gint d = g_rand_int_range (rand, 0, 7);

          random_case (rand, out, day_words[d]);
          days[d] = TRUE;
        }
    }
}

/* A random string in the grammar, and the minutes it covers according to the spec. */
static char *
random_availability (GRand *rand, guint8 bitmap[WEEK])
{
  GString *out = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 0, 5);

  memset (bitmap, 0, WEEK);
  random_space (rand, out, 0);
  for (guint w = 0; w < n; w++)
    {
      gboolean days[7] = { FALSE };
      guint start = g_rand_int_range (rand, 0, 24 * 4) * 15 + g_rand_int_range (rand, 0, 2);
      guint end = g_rand_int_range (rand, 0, 24 * 4 + 1) * 15;

      if (w > 0)
        {
          g_string_append_c (out, ';');
          random_space (rand, out, 0);
        }
      random_days (rand, out, days);
      random_space (rand, out, 1);
      g_string_append_printf (out, "%02u:%02u-%02u:%02u", start / 60, start % 60, end / 60,
                              end % 60);
      random_space (rand, out, 0);
      for (guint d = 0; d < 7; d++)
        {
          guint stop = end > start ? end : end + DAY;

          if (!days[d])
            continue;
          for (guint m = start; m < stop; m++)
            bitmap[(d * DAY + m) % WEEK] = 1;
        }
    }
  return g_string_free (out, FALSE);
}

static void
assert_matches_bitmap (const PmAvailability *a, const guint8 bitmap[WEEK], const char *text)
{
  guint8 mine[WEEK];
  guint total = 0, previous_end = 0;

  memset (mine, 0, sizeof mine);
  for (guint i = 0; i < pm_availability_get_n_intervals (a); i++)
    {
      guint start, end;

      pm_availability_get_interval (a, i, &start, &end);
      assert_true (start < end);
      assert_true (end <= WEEK);
      /* sorted and never touching */
      if (i > 0)
        assert_true (start > previous_end);
      previous_end = end;
      for (guint m = start; m < end; m++)
        mine[m] = 1;
    }
  for (guint m = 0; m < WEEK; m++)
    total += bitmap[m];
  if (memcmp (mine, bitmap, WEEK) != 0)
    fail_msg ("'%s' covers the wrong minutes", text);
  assert_int_equal (pm_availability_get_minutes (a), total);
}

#define N_RANDOM 300

static void
test_random_against_bitmap (void **state)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261201);
  static guint8 bitmaps[N_RANDOM][WEEK];
  PmAvailability *values[N_RANDOM];

  for (guint i = 0; i < N_RANDOM; i++)
    {
      g_autofree char *text = random_availability (rand, bitmaps[i]);
      g_autofree char *canonical = NULL;
      g_autoptr (PmAvailability) back = NULL;

      values[i] = parse_ok (text);
      assert_matches_bitmap (values[i], bitmaps[i], text);
      canonical = pm_availability_to_string (values[i]);
      back = parse_ok (canonical);
      if (!pm_availability_equal (values[i], back))
        fail_msg ("'%s' formats as '%s', which parses differently", text, canonical);
      for (guint k = 0; k < 20; k++)
        {
          guint start = g_rand_int_range (rand, 0, WEEK);
          guint minutes = g_rand_int_range (rand, 0, k < 10 ? 120 : 3000);
          gboolean expected = TRUE;

          for (guint m = 0; m < minutes && expected; m++)
            expected = bitmaps[i][(start + m) % WEEK];
          assert_int_equal (pm_availability_contains (values[i], start, minutes), expected);
        }
    }
  for (guint i = 0; i < N_RANDOM; i++)
    for (guint j = i; j < MIN (N_RANDOM, i + 40); j++)
      {
        guint expected = 0;

        for (guint m = 0; m < WEEK; m++)
          expected += bitmaps[i][m] & bitmaps[j][m];
        assert_int_equal (pm_availability_overlap (values[i], values[j]), expected);
        assert_int_equal (pm_availability_overlap (values[j], values[i]), expected);
      }
  for (guint i = 0; i < N_RANDOM; i++)
    pm_availability_free (values[i]);
}

static void
test_random_add_interval (void **state)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr (PmAvailability) a = pm_availability_new ();
      g_autoptr (PmAvailability) copy = NULL;
      g_autofree char *text = NULL;
      guint8 bitmap[WEEK];
      guint n = g_rand_int_range (rand, 0, 30);

      memset (bitmap, 0, sizeof bitmap);
      for (guint k = 0; k < n; k++)
        {
          guint start = g_rand_int_range (rand, 0, WEEK + 1);
          guint length = g_rand_int_range (rand, 0, 600);
          guint end = MIN (WEEK, start + length);

          if (g_rand_int_range (rand, 0, 4) == 0)
            {
              /* whole hours, so that intervals often touch */
              start = MIN (start / 60 * 60, WEEK - 60);
              end = start + 60;
            }
          pm_availability_add_interval (a, start, end);
          for (guint m = start; m < end; m++)
            bitmap[m] = 1;
        }
      assert_matches_bitmap (a, bitmap, "random intervals");
      assert_int_equal (pm_availability_overlap (a, a), pm_availability_get_minutes (a));
      copy = pm_availability_copy (a);
      assert_true (pm_availability_equal (a, copy));
      text = pm_availability_to_string (a);
      {
        g_autoptr (PmAvailability) back = parse_ok (text);

        assert_true (pm_availability_equal (a, back));
      }
    }
}

static void
test_boxed (void **state)
{
  g_autoptr (PmAvailability) a = parse_ok ("mon 09:00-10:00");
  PmAvailability *b = g_boxed_copy (PM_TYPE_AVAILABILITY, a);

  assert_true (G_TYPE_IS_BOXED (PM_TYPE_AVAILABILITY));
  assert_true (pm_availability_equal (a, b));
  g_boxed_free (PM_TYPE_AVAILABILITY, b);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_empty),
    cmocka_unit_test (test_single_days),
    cmocka_unit_test (test_ranges_and_lists),
    cmocka_unit_test (test_keywords),
    cmocka_unit_test (test_past_midnight),
    cmocka_unit_test (test_merging),
    cmocka_unit_test (test_white_space_and_case),
    cmocka_unit_test (test_malformed),
    cmocka_unit_test (test_overlap_cases),
    cmocka_unit_test (test_contains),
    cmocka_unit_test (test_add_interval),
    cmocka_unit_test (test_to_string),
    cmocka_unit_test (test_random_against_bitmap),
    cmocka_unit_test (test_random_add_interval),
    cmocka_unit_test (test_boxed),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
