/* peermatch tests: the rota model (weekends, rest rules) and the checker (hard rules and the
 * objective), with a brute-force oracle written from spec/rota.md.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-test-util.h"
#include "pm-rota-private.h"

#include <string.h>

#define D 0 /* the "day" shift, 08:00 for 720 minutes */
#define N 1 /* the "night" shift, 20:00 for 720 minutes */

static PmRotaModel *
model_new (const char *first, int n_days)
{
  GDate date;

  assert_true (pm_date_parse (first, &date));
  return pm_rota_model_new ("test", &date, n_days);
}

/* A horizon from @first with the usual day and night shifts and @n_people people S1, S2, ... */
static PmRotaModel *
day_night_model (const char *first, int n_days, int n_people)
{
  PmRotaModel *model = model_new (first, n_days);

  assert_int_equal (pm_rota_model_add_shift (model, "day", 8 * 60, 720, NULL), D);
  assert_int_equal (pm_rota_model_add_shift (model, "night", 20 * 60, 720, NULL), N);
  for (int p = 0; p < n_people; p++)
    {
      g_autofree char *id = g_strdup_printf ("S%d", p + 1);

      assert_int_equal (pm_rota_model_add_person (model, id, NULL, NULL), p);
    }
  return model;
}

/* A rota from one string per person: 'D' day, 'N' night, '.' off. */
static int *
rota_from (const PmRotaModel *model, const char *const *rows)
{
  int *rota = g_new (int, PM_ROTA_N_PEOPLE (model) * model->n_days);

  for (int p = 0; p < PM_ROTA_N_PEOPLE (model); p++)
    {
      assert_int_equal (strlen (rows[p]), model->n_days);
      for (int d = 0; d < model->n_days; d++)
        rota[p * model->n_days + d] = rows[p][d] == 'D' ? D : rows[p][d] == 'N' ? N : PM_ROTA_OFF;
    }
  return rota;
}

typedef struct
{
  PmRotaRule rule;
  int person;
  int day;
} Expected;

#define NONE ((const Expected[]){ { PM_ROTA_RULE_N, 0, 0 } })
#define EXPECT(...) ((const Expected[]){ __VA_ARGS__, { PM_ROTA_RULE_N, 0, 0 } })

/* Checks the rota given by @rows and asserts exactly the violations @expected, in order;
 * returns the violations for further checks. */
static GPtrArray *
assert_violations (const PmRotaModel *model, const char *const *rows, const Expected *expected)
{
  g_autofree int *rota = rota_from (model, rows);
  GPtrArray *violations = NULL;
  guint count = pm_rota_check (model, rota, NULL, &violations);
  guint n = 0;

  while (expected[n].rule != PM_ROTA_RULE_N)
    n++;
  for (guint i = 0; i < MAX (n, violations->len); i++)
    {
      const PmRotaViolation *v = i < violations->len ? g_ptr_array_index (violations, i) : NULL;

      if (i >= n || v == NULL || v->rule != expected[i].rule || v->person != expected[i].person
          || v->day != expected[i].day)
        fail_msg ("violation %u of %u (expected %u): got %s", i, violations->len, n,
                  v != NULL ? v->message : "none");
    }
  assert_int_equal (count, violations->len);
  assert_int_equal (pm_rota_check (model, rota, NULL, NULL), count);
  return violations;
}

static const char *
message_of (GPtrArray *violations, guint i)
{
  return ((PmRotaViolation *)g_ptr_array_index (violations, i))->message;
}

/* ---- the model */

static void
test_model_build (void **state)
{
  g_autoptr (PmRotaModel) model = model_new ("2026-12-07", 7);
  g_autoptr (GError) error = NULL;
  PmRotaPerson *person;

  assert_int_equal (pm_rota_model_add_shift (model, "day", 480, 720, &error), 0);
  assert_int_equal (pm_rota_model_add_shift (model, "night", 1200, 720, &error), 1);
  PM_ROTA_SHIFT (model, 1)->max_per_person = 3;
  assert_int_equal (pm_rota_model_add_shift (model, "day", 480, 720, &error), -1);
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  assert_non_null (strstr (error->message, "'day'"));
  g_clear_error (&error);
  assert_int_equal (pm_rota_model_add_shift (model, "x", 1440, 60, &error), -1);
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  g_clear_error (&error);
  assert_int_equal (pm_rota_model_add_shift (model, "x", 0, 0, &error), -1);
  g_clear_error (&error);
  assert_int_equal (pm_rota_model_add_shift (model, "x", 0, 1441, &error), -1);
  g_clear_error (&error);
  assert_int_equal (PM_ROTA_N_SHIFTS (model), 2);

  assert_int_equal (pm_rota_model_add_person (model, "S1", "Sam", &error), 0);
  assert_int_equal (pm_rota_model_add_person (model, "S2", NULL, &error), 1);
  assert_int_equal (pm_rota_model_add_person (model, "S1", NULL, &error), -1);
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  assert_non_null (strstr (error->message, "'S1'"));
  g_clear_error (&error);
  person = PM_ROTA_PERSON (model, 0);
  assert_string_equal (person->name, "Sam");
  assert_null (PM_ROTA_PERSON (model, 1)->name);
  assert_int_equal (person->max_per_shift[0], PM_ROTA_UNLIMITED);
  assert_int_equal (person->max_per_shift[1], 3);
  assert_int_equal (person->max_shifts, PM_ROTA_UNLIMITED);
  assert_int_equal (person->max_minutes, PM_ROTA_UNLIMITED);
  assert_int_equal (person->min_minutes, 0);
  assert_int_equal (person->max_consecutive, PM_ROTA_UNLIMITED);
  assert_int_equal (person->min_consecutive, 1);
  assert_int_equal (person->min_days_off, 1);
  assert_int_equal (person->max_weekends, PM_ROTA_UNLIMITED);
  for (int d = 0; d < 7; d++)
    {
      assert_int_equal (person->day_off[d], 0);
      assert_int_equal (person->allowed[d * 2], 1);
      assert_int_equal (person->allowed[d * 2 + 1], 1);
    }

  assert_int_equal (pm_rota_model_find_shift (model, "night"), 1);
  assert_int_equal (pm_rota_model_find_shift (model, "late"), -1);
  assert_int_equal (pm_rota_model_find_person (model, "S2"), 1);
  assert_int_equal (pm_rota_model_find_person (model, "S3"), -1);
  assert_int_equal (pm_rota_model_find_person (model, NULL), -1);

  assert_int_equal (pm_rota_model_add_cover (model, "all", 6, 1, 2, 100, 1, &error), 0);
  assert_int_equal (pm_rota_model_add_cover (model, "all", 0, 0, 2, 100, 1, &error), 1);
  assert_int_equal (pm_rota_model_add_cover (model, "all", 7, 0, 2, 100, 1, &error), -1);
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  assert_non_null (strstr (error->message, "'all'"));
  g_clear_error (&error);
  assert_int_equal (pm_rota_model_add_cover (model, "all", 0, 2, 2, 100, 1, &error), -1);
  g_clear_error (&error);
  assert_int_equal (pm_rota_model_add_cover (model, "all", 0, 0, -1, 100, 1, &error), -1);
  g_clear_error (&error);
  assert_int_equal (pm_rota_model_add_cover (model, "all", 0, 0, 1, 100, -1, &error), -1);
  g_clear_error (&error);
  assert_int_equal (PM_ROTA_COVER (model, 0)->member[1], 0);

  assert_true (pm_rota_model_add_request (model, 1, 6, 1, PM_ROTA_REQUEST_OFF, 5, &error));
  assert_false (pm_rota_model_add_request (model, 2, 0, 0, PM_ROTA_REQUEST_ON, 1, &error));
  assert_true (g_error_matches (error, PM_ERROR, PM_ERROR_INVALID_DATA));
  g_clear_error (&error);
  assert_false (pm_rota_model_add_request (model, 0, -1, 0, PM_ROTA_REQUEST_ON, 1, &error));
  assert_non_null (strstr (error->message, "'S1'"));
  g_clear_error (&error);
  assert_false (pm_rota_model_add_request (model, 0, 0, 0, PM_ROTA_REQUEST_ON, -1, &error));
  g_clear_error (&error);
  assert_int_equal (model->requests->len, 1);
}

static void
test_weekends (void **state)
{
  /* Monday 2026-12-07 for two weeks: 12/13 and 19/20 December. */
  {
    g_autoptr (PmRotaModel) model = day_night_model ("2026-12-07", 14, 1);
    const int expected[14] = { -1, -1, -1, -1, -1, 0, 0, -1, -1, -1, -1, -1, 1, 1 };

    pm_rota_model_finish (model, 0);
    assert_int_equal (model->n_weekends, 2);
    assert_memory_equal (model->weekend_of, expected, sizeof expected);
  }
  /* From Sunday 2026-12-06: that Sunday is a weekend of its own. */
  {
    g_autoptr (PmRotaModel) model = day_night_model ("2026-12-06", 9, 1);
    const int expected[9] = { 0, -1, -1, -1, -1, -1, 1, 1, -1 };

    pm_rota_model_finish (model, 0);
    assert_int_equal (model->n_weekends, 2);
    assert_memory_equal (model->weekend_of, expected, sizeof expected);
  }
  /* Ending on a Saturday: the Saturday alone is a weekend. */
  {
    g_autoptr (PmRotaModel) model = day_night_model ("2026-12-10", 3, 1);
    const int expected[3] = { -1, -1, 0 };

    pm_rota_model_finish (model, 0);
    assert_int_equal (model->n_weekends, 1);
    assert_memory_equal (model->weekend_of, expected, sizeof expected);
  }
}

static void
test_weekends_worked (void **state)
{
  /* Monday to Sunday two weeks later: weekends 0 (days 5, 6) and 1 (12, 13). */
  g_autoptr (PmRotaModel) model = day_night_model ("2026-12-07", 14, 1);
  g_autoptr (PmRotaModel) sunday = day_night_model ("2026-12-06", 8, 1);
  g_autoptr (GPtrArray) v = NULL;

  PM_ROTA_PERSON (model, 0)->max_weekends = 1;
  pm_rota_model_finish (model, 0);
  /* Saturday only, Sunday only, both: one weekend each. */
  g_ptr_array_unref (assert_violations (model, (const char *[]){ ".....D........" }, NONE));
  g_ptr_array_unref (assert_violations (model, (const char *[]){ "......N......." }, NONE));
  g_ptr_array_unref (assert_violations (model, (const char *[]){ ".....DD......." }, NONE));
  g_ptr_array_unref (assert_violations (model, (const char *[]){ "............DD" }, NONE));
  /* Saturday of one and Sunday of the next: two. */
  v = assert_violations (model, (const char *[]){ ".....D.......D" },
                         EXPECT ({ PM_ROTA_RULE_MAX_WEEKENDS, 0, -1 }));
  assert_string_equal (message_of (v, 0), "S1: 2 weekends worked (at most 1)");
  g_clear_pointer (&v, g_ptr_array_unref);
  PM_ROTA_PERSON (model, 0)->max_weekends = 0;
  g_ptr_array_unref (assert_violations (model, (const char *[]){ "DDDD.........." }, NONE));
  g_ptr_array_unref (assert_violations (model, (const char *[]){ "......D......." },
                                        EXPECT ({ PM_ROTA_RULE_MAX_WEEKENDS, 0, -1 })));

  /* From a Sunday: that Sunday and the next Saturday are two weekends. */
  PM_ROTA_PERSON (sunday, 0)->max_weekends = 1;
  pm_rota_model_finish (sunday, 0);
  g_ptr_array_unref (assert_violations (sunday, (const char *[]){ "D.....D." },
                                        EXPECT ({ PM_ROTA_RULE_MAX_WEEKENDS, 0, -1 })));
  g_ptr_array_unref (assert_violations (sunday, (const char *[]){ "D....D.." }, NONE));
  g_ptr_array_unref (assert_violations (sunday, (const char *[]){ "......DD" }, NONE));
}

/* The rest between two shifts on consecutive days, as in the header of pm-rota-model.c. */
static void
test_min_rest (void **state)
{
  g_autoptr (PmRotaModel) model = model_new ("2026-12-07", 3);
  enum
  {
    DAY,
    NIGHT,
    LATE,
    EARLY,
    FULL,
    NS
  };
  /* rest[a][b] = b.start + 1440 - (a.start + a.minutes), worked out by hand:
   * day 08:00+720 ends at 1200, night 20:00+720 at 1920, late 22:00+720 at 2040,
   * early 06:00+480 at 840, full 08:00+1440 at 1920. */
  const int rest[NS][NS] = {
    /* to:  day    night  late  early  full */
    { 720, 1440, 1560, 600, 720 },   /* day */
    { 0, 720, 840, -120, 0 },        /* night */
    { -120, 600, 720, -240, -120 },  /* late */
    { 1080, 1800, 1920, 960, 1080 }, /* early */
    { 0, 720, 840, -120, 0 },        /* full */
  };

  assert_int_equal (pm_rota_model_add_shift (model, "day", 480, 720, NULL), DAY);
  assert_int_equal (pm_rota_model_add_shift (model, "night", 1200, 720, NULL), NIGHT);
  assert_int_equal (pm_rota_model_add_shift (model, "late", 1320, 720, NULL), LATE);
  assert_int_equal (pm_rota_model_add_shift (model, "early", 360, 480, NULL), EARLY);
  assert_int_equal (pm_rota_model_add_shift (model, "full", 480, 1440, NULL), FULL);
  /* An explicit rule, kept whatever the rest. */
  assert_true (pm_rota_model_forbid (model, EARLY, DAY));
  pm_rota_model_finish (model, 660);
  assert_int_equal (model->min_rest_minutes, 660);
  for (int a = 0; a < NS; a++)
    for (int b = 0; b < NS; b++)
      {
        gboolean expected = rest[a][b] < 660 || (a == EARLY && b == DAY);

        if (model->forbidden[a * NS + b] != expected)
          fail_msg ("%d then %d: forbidden %d, rest %d", a, b, model->forbidden[a * NS + b],
                    rest[a][b]);
      }

  /* Without a minimum rest, overlaps only (and the explicit rule); 0 minutes' rest is fine. */
  {
    g_autoptr (PmRotaModel) open = model_new ("2026-12-07", 3);

    assert_int_equal (pm_rota_model_add_shift (open, "day", 480, 720, NULL), DAY);
    assert_int_equal (pm_rota_model_add_shift (open, "night", 1200, 720, NULL), NIGHT);
    assert_int_equal (pm_rota_model_add_shift (open, "late", 1320, 720, NULL), LATE);
    assert_int_equal (pm_rota_model_add_shift (open, "early", 360, 480, NULL), EARLY);
    assert_int_equal (pm_rota_model_add_shift (open, "full", 480, 1440, NULL), FULL);
    pm_rota_model_finish (open, 0);
    for (int a = 0; a < NS; a++)
      for (int b = 0; b < NS; b++)
        assert_int_equal (open->forbidden[a * NS + b], rest[a][b] < 0);
  }
  /* 721 minutes: a day after a day (720) is now too close, a night after a day (1440) not. */
  {
    g_autoptr (PmRotaModel) strict = day_night_model ("2026-12-07", 3, 0);

    pm_rota_model_finish (strict, 721);
    assert_int_equal (strict->forbidden[D * 2 + D], 1);
    assert_int_equal (strict->forbidden[D * 2 + N], 0);
    assert_int_equal (strict->forbidden[N * 2 + N], 1);
    assert_int_equal (strict->forbidden[N * 2 + D], 1);
  }
}

static void
test_succession (void **state)
{
  g_autoptr (PmRotaModel) model = model_new ("2026-12-07", 4);
  g_autoptr (GPtrArray) v = NULL;
  int rota[4];

  pm_rota_model_add_shift (model, "day", 480, 720, NULL);
  pm_rota_model_add_shift (model, "night", 1200, 720, NULL);
  pm_rota_model_add_shift (model, "late", 1320, 720, NULL);
  pm_rota_model_add_shift (model, "early", 360, 480, NULL);
  pm_rota_model_forbid (model, 3, 3);
  pm_rota_model_add_person (model, "S1", NULL, NULL);
  pm_rota_model_finish (model, 660);

  /* night, day: 0 minutes' rest; late, early: overlap; early, early: listed. */
  memcpy (rota, (int[]){ 1, 0, 1, 0 }, sizeof rota);
  assert_int_equal (pm_rota_check (model, rota, NULL, &v), 2);
  assert_int_equal (((PmRotaViolation *)g_ptr_array_index (v, 0))->day, 0);
  assert_int_equal (((PmRotaViolation *)g_ptr_array_index (v, 1))->day, 2);
  assert_string_equal (message_of (v, 0), "S1: night on 2026-12-07 then day on 2026-12-08 "
                                          "(0 minutes' rest, at least 660)");
  g_clear_pointer (&v, g_ptr_array_unref);
  memcpy (rota, (int[]){ 2, 3, 3, PM_ROTA_OFF }, sizeof rota);
  assert_int_equal (pm_rota_check (model, rota, NULL, &v), 2);
  assert_string_equal (message_of (v, 0), "S1: late on 2026-12-07 then early on 2026-12-08 "
                                          "(the shifts overlap)");
  assert_string_equal (message_of (v, 1), "S1: early on 2026-12-08 then early on 2026-12-09 "
                                          "(early may not follow early)");
  assert_int_equal (((PmRotaViolation *)g_ptr_array_index (v, 1))->rule, PM_ROTA_RULE_SUCCESSION);
  g_clear_pointer (&v, g_ptr_array_unref);
  /* Allowed: day, night (1440), night, night (720), a day off between night and day. */
  memcpy (rota, (int[]){ 0, 1, 1, PM_ROTA_OFF }, sizeof rota);
  assert_int_equal (pm_rota_check (model, rota, NULL, NULL), 0);
  memcpy (rota, (int[]){ 1, PM_ROTA_OFF, 0, 0 }, sizeof rota);
  assert_int_equal (pm_rota_check (model, rota, NULL, NULL), 0);
}

/* Runs: max 3 working days, at least 2 working days and 2 days off in a row, except at the
 * ends of the horizon (a run there may continue outside it). */
static void
test_runs (void **state)
{
  g_autoptr (PmRotaModel) model = day_night_model ("2026-12-07", 10, 1);
  PmRotaPerson *person = PM_ROTA_PERSON (model, 0);
  g_autoptr (GPtrArray) v = NULL;

  person->max_consecutive = 3;
  person->min_consecutive = 2;
  person->min_days_off = 2;
  pm_rota_model_finish (model, 0);

  /* A one-day run at either end is fine; the same run in the middle is not. */
  g_ptr_array_unref (assert_violations (model, (const char *[]){ "D........." }, NONE));
  g_ptr_array_unref (assert_violations (model, (const char *[]){ ".........N" }, NONE));
  g_ptr_array_unref (assert_violations (model, (const char *[]){ ".........." }, NONE));
  v = assert_violations (model, (const char *[]){ "...D......" },
                         EXPECT ({ PM_ROTA_RULE_MIN_CONSECUTIVE, 0, 3 }));
  assert_string_equal (message_of (v, 0),
                       "S1: 1 working day in a row, 2026-12-10 to 2026-12-10 (at least 2)");
  g_clear_pointer (&v, g_ptr_array_unref);
  g_ptr_array_unref (assert_violations (model, (const char *[]){ "...DD....." }, NONE));
  g_ptr_array_unref (assert_violations (model, (const char *[]){ "........D." },
                                        EXPECT ({ PM_ROTA_RULE_MIN_CONSECUTIVE, 0, 8 })));

  /* The maximum holds at the ends too. */
  v = assert_violations (model, (const char *[]){ "DDDD......" },
                         EXPECT ({ PM_ROTA_RULE_MAX_CONSECUTIVE, 0, 0 }));
  assert_string_equal (message_of (v, 0),
                       "S1: 4 working days in a row, 2026-12-07 to 2026-12-10 (at most 3)");
  g_clear_pointer (&v, g_ptr_array_unref);
  g_ptr_array_unref (assert_violations (model, (const char *[]){ "DDD......." }, NONE));
  g_ptr_array_unref (assert_violations (model, (const char *[]){ "......DDDD" },
                                        EXPECT ({ PM_ROTA_RULE_MAX_CONSECUTIVE, 0, 6 })));

  /* Days off: one between two runs is too short; one at either end is fine. */
  v = assert_violations (model, (const char *[]){ "DD.DD....." },
                         EXPECT ({ PM_ROTA_RULE_MIN_DAYS_OFF, 0, 2 }));
  assert_string_equal (message_of (v, 0),
                       "S1: 1 day off in a row, 2026-12-09 to 2026-12-09 (at least 2)");
  g_clear_pointer (&v, g_ptr_array_unref);
  g_ptr_array_unref (assert_violations (model, (const char *[]){ ".DD..DD..." }, NONE));
  g_ptr_array_unref (assert_violations (model, (const char *[]){ ".DDD..DDD." }, NONE));

  /* Several at once, in day order. */
  g_ptr_array_unref (assert_violations (model, (const char *[]){ ".DDDD.N..." },
                                        EXPECT ({ PM_ROTA_RULE_MAX_CONSECUTIVE, 0, 1 },
                                                { PM_ROTA_RULE_MIN_DAYS_OFF, 0, 5 },
                                                { PM_ROTA_RULE_MIN_CONSECUTIVE, 0, 6 })));
  g_ptr_array_unref (assert_violations (
      model, (const char *[]){ "N.DDDDDDDD" },
      EXPECT ({ PM_ROTA_RULE_MIN_DAYS_OFF, 0, 1 }, { PM_ROTA_RULE_MAX_CONSECUTIVE, 0, 2 })));
}

static void
test_totals (void **state)
{
  g_autoptr (PmRotaModel) model = day_night_model ("2026-12-07", 7, 2);
  PmRotaPerson *s1 = PM_ROTA_PERSON (model, 0);
  PmRotaPerson *s2 = PM_ROTA_PERSON (model, 1);
  g_autoptr (GPtrArray) v = NULL;

  pm_rota_model_finish (model, 0);
  s1->max_per_shift[N] = 2;
  s1->max_shifts = 4;
  s2->max_minutes = 3 * 720;
  s2->min_minutes = 2 * 720;

  g_ptr_array_unref (assert_violations (model, (const char *[]){ "NN.DD..", "DDN...." }, NONE));
  v = assert_violations (model, (const char *[]){ "NNN.DD.", "DDNN..." },
                         EXPECT ({ PM_ROTA_RULE_MAX_PER_SHIFT, 0, -1 },
                                 { PM_ROTA_RULE_MAX_SHIFTS, 0, -1 },
                                 { PM_ROTA_RULE_MAX_MINUTES, 1, -1 }));
  assert_string_equal (message_of (v, 0), "S1: 3 night shifts (at most 2)");
  assert_string_equal (message_of (v, 1), "S1: 5 shifts (at most 4)");
  assert_string_equal (message_of (v, 2), "S2: 2880 minutes (at most 2160)");
  g_clear_pointer (&v, g_ptr_array_unref);
  /* The minimum applies to someone with no shift at all, as to anyone. */
  v = assert_violations (model, (const char *[]){ ".......", "D......" },
                         EXPECT ({ PM_ROTA_RULE_MIN_MINUTES, 1, -1 }));
  assert_string_equal (message_of (v, 0), "S2: 720 minutes (at least 1440)");
  g_clear_pointer (&v, g_ptr_array_unref);
  g_ptr_array_unref (assert_violations (model, (const char *[]){ ".......", "......." },
                                        EXPECT ({ PM_ROTA_RULE_MIN_MINUTES, 1, -1 })));
  /* Per type: one violation per type over its limit. */
  s1->max_per_shift[D] = 1;
  g_ptr_array_unref (assert_violations (model, (const char *[]){ "NNN.DD.", "DD....." },
                                        EXPECT ({ PM_ROTA_RULE_MAX_PER_SHIFT, 0, -1 },
                                                { PM_ROTA_RULE_MAX_PER_SHIFT, 0, -1 },
                                                { PM_ROTA_RULE_MAX_SHIFTS, 0, -1 })));
}

static void
test_days_off (void **state)
{
  g_autoptr (PmRotaModel) model = day_night_model ("2026-12-07", 4, 2);
  PmRotaPerson *s1 = PM_ROTA_PERSON (model, 0);
  PmRotaPerson *s2 = PM_ROTA_PERSON (model, 1);
  g_autoptr (GPtrArray) v = NULL;

  pm_rota_model_finish (model, 0);
  s1->day_off[1] = 1;
  s1->allowed[1 * 2 + D] = 0; /* the day off says it all */
  s2->allowed[2 * 2 + N] = 0; /* S2 may not do the night of day 2, but may do the day */

  g_ptr_array_unref (assert_violations (model, (const char *[]){ "D.DD", "DDD." }, NONE));
  v = assert_violations (
      model, (const char *[]){ "DD..", "D.N." },
      EXPECT ({ PM_ROTA_RULE_DAY_OFF, 0, 1 }, { PM_ROTA_RULE_NOT_ALLOWED, 1, 2 }));
  assert_string_equal (message_of (v, 0), "S1: day on 2026-12-08, a day off");
  assert_string_equal (message_of (v, 1),
                       "S2: night on 2026-12-09 is outside their availability or over busy time");
  g_clear_pointer (&v, g_ptr_array_unref);
  g_ptr_array_unref (assert_violations (model, (const char *[]){ ".N..", "...." },
                                        EXPECT ({ PM_ROTA_RULE_DAY_OFF, 0, 1 })));
}

static void
test_order (void **state)
{
  g_autoptr (PmRotaModel) model = day_night_model ("2026-12-07", 5, 2);
  PmRotaPerson *s1 = PM_ROTA_PERSON (model, 0);

  s1->max_consecutive = 1;
  s1->max_shifts = 1;
  s1->day_off[0] = 1;
  pm_rota_model_finish (model, 660);
  /* Person, then day (-1 first), then rule. */
  g_ptr_array_unref (assert_violations (
      model, (const char *[]){ "ND...", "NDN.." },
      EXPECT ({ PM_ROTA_RULE_MAX_SHIFTS, 0, -1 }, { PM_ROTA_RULE_SUCCESSION, 0, 0 },
              { PM_ROTA_RULE_MAX_CONSECUTIVE, 0, 0 }, { PM_ROTA_RULE_DAY_OFF, 0, 0 },
              { PM_ROTA_RULE_SUCCESSION, 1, 0 })));
}

static void
test_rule_names (void **state)
{
  const char *expected[PM_ROTA_RULE_N] = {
    "one_per_day",  "succession",   "max_per_shift",   "max_shifts",
    "max_minutes",  "min_minutes",  "max_consecutive", "min_consecutive",
    "min_days_off", "max_weekends", "day_off",         "not_allowed",
  };

  for (int r = 0; r < PM_ROTA_RULE_N; r++)
    assert_string_equal (pm_rota_rule_to_string (r), expected[r]);
  pm_rota_violation_free (NULL);
}

/* Three people on two days; S3 alone holds the "trim" skill. */
static void
test_objective (void **state)
{
  g_autoptr (PmRotaModel) model = day_night_model ("2026-12-07", 2, 3);
  g_autofree int *rota = NULL;
  PmRotaCost cost;
  int all_day0, trim_night0, all_day1;

  all_day0 = pm_rota_model_add_cover (model, "all", 0, D, 2, 100, 1, NULL);
  trim_night0 = pm_rota_model_add_cover (model, "trim", 0, N, 1, 50, 0, NULL);
  all_day1 = pm_rota_model_add_cover (model, "all", 1, D, 1, 100, 5, NULL);
  for (int p = 0; p < 3; p++)
    {
      PM_ROTA_COVER (model, all_day0)->member[p] = 1;
      PM_ROTA_COVER (model, all_day1)->member[p] = 1;
    }
  PM_ROTA_COVER (model, trim_night0)->member[2] = 1;
  assert_true (pm_rota_model_add_request (model, 0, 0, D, PM_ROTA_REQUEST_ON, 3, NULL));
  assert_true (pm_rota_model_add_request (model, 1, 1, N, PM_ROTA_REQUEST_ON, 4, NULL));
  assert_true (pm_rota_model_add_request (model, 2, 0, N, PM_ROTA_REQUEST_OFF, 2, NULL));
  assert_true (pm_rota_model_add_request (model, 2, 1, D, PM_ROTA_REQUEST_OFF, 7, NULL));
  pm_rota_model_finish (model, 0);

  /* Day 0: S1 on the day shift (2 needed: 1 missing, 100), S2 on nights (not in "trim": 50
   * missing). Day 1: all three on days (2 too many, 2 x 5). Requests: S2's night on day 1 not
   * granted (4), S3 on the day of day 1 (7). */
  rota = rota_from (model, (const char *[]){ "DD", "ND", ".D" });
  cost = pm_rota_cost (model, rota);
  assert_int_equal (cost.under, 150);
  assert_int_equal (cost.over, 10);
  assert_int_equal (cost.requests, 11);
  assert_int_equal (cost.objective, 171);
  g_clear_pointer (&rota, g_free);

  /* Day 0: S1, S2 on days (met), S3 on nights (met; off request not honoured, 2). Day 1: S2
   * on nights (no group: day 1 days need 1, missing, 100; request granted). */
  rota = rota_from (model, (const char *[]){ "D.", "DN", "N." });
  memset (&cost, 0xff, sizeof cost);
  pm_rota_check (model, rota, &cost, NULL);
  assert_int_equal (cost.under, 100);
  assert_int_equal (cost.over, 0);
  assert_int_equal (cost.requests, 2);
  assert_int_equal (cost.objective, 102);
  g_clear_pointer (&rota, g_free);

  /* Day 0: three on the day shift (one too many, 1) and nobody with "trim" on nights (50).
   * Requests: S2's night on day 1 not granted (4); S3's off requests honoured. */
  rota = rota_from (model, (const char *[]){ "DD", "D.", "D." });
  cost = pm_rota_cost (model, rota);
  assert_int_equal (cost.under, 50);
  assert_int_equal (cost.over, 1);
  assert_int_equal (cost.requests, 4);
  assert_int_equal (cost.objective, 55);
}

/* ---- more hand-made cases (each number worked out in the comment) */

/* A run that touches an end is exempt from the minima, however short, and whichever end. */
static void
test_run_edges (void **state)
{
  g_autoptr (PmRotaModel) model = day_night_model ("2026-12-07", 10, 1);
  PmRotaPerson *person = PM_ROTA_PERSON (model, 0);

  person->min_consecutive = 3;
  person->min_days_off = 3;
  pm_rota_model_finish (model, 0);
  /* Off runs of 1 on day 0 and on day 9; working runs of 3 and 4 in between, off run 3. */
  g_ptr_array_unref (assert_violations (model, (const char *[]){ ".DDD...DD." },
                                        EXPECT ({ PM_ROTA_RULE_MIN_CONSECUTIVE, 0, 7 })));
  g_ptr_array_unref (assert_violations (model, (const char *[]){ ".DDD...DDD" }, NONE));
  /* Working runs of 1 at both ends, off run of 8 between. */
  g_ptr_array_unref (assert_violations (model, (const char *[]){ "N........D" }, NONE));
  /* The same runs one day in: each is now inside the horizon. */
  g_ptr_array_unref (assert_violations (
      model, (const char *[]){ ".N......D." },
      EXPECT ({ PM_ROTA_RULE_MIN_CONSECUTIVE, 0, 1 }, { PM_ROTA_RULE_MIN_CONSECUTIVE, 0, 8 })));
  /* Off runs of 2 inside: too short; of 2 at the end: fine. */
  g_ptr_array_unref (assert_violations (model, (const char *[]){ "DDD..DDD.." },
                                        EXPECT ({ PM_ROTA_RULE_MIN_DAYS_OFF, 0, 3 })));
  /* A run spanning the whole horizon touches both ends: exempt from the minima. */
  person->min_consecutive = 11;
  g_ptr_array_unref (assert_violations (model, (const char *[]){ "DDDDDNNNNN" }, NONE));
}

/* max_consecutive counts a run wherever it lies, the whole horizon included: one violation
 * per run, on its first day. */
static void
test_max_consecutive_horizon (void **state)
{
  g_autoptr (PmRotaModel) model = day_night_model ("2026-12-07", 10, 2);
  g_autoptr (GPtrArray) v = NULL;

  PM_ROTA_PERSON (model, 0)->max_consecutive = 3;
  PM_ROTA_PERSON (model, 1)->max_consecutive = 10;
  pm_rota_model_finish (model, 0);
  v = assert_violations (model, (const char *[]){ "DDDDDDDDDD", "NNNNNNNNNN" },
                         EXPECT ({ PM_ROTA_RULE_MAX_CONSECUTIVE, 0, 0 }));
  assert_string_equal (message_of (v, 0),
                       "S1: 10 working days in a row, 2026-12-07 to 2026-12-16 (at most 3)");
  g_clear_pointer (&v, g_ptr_array_unref);
  PM_ROTA_PERSON (model, 1)->max_consecutive = 9;
  g_ptr_array_unref (assert_violations (model, (const char *[]){ "DDD.DDD.DD", "NNNNNNNNNN" },
                                        EXPECT ({ PM_ROTA_RULE_MAX_CONSECUTIVE, 1, 0 })));
}

/* min_rest_minutes: the gap is next start + 1440 - (start + length); a gap equal to the
 * minimum is allowed, a minute less is not. */
static void
test_rest_boundary (void **state)
{
  g_autoptr (PmRotaModel) model = model_new ("2026-12-07", 2);
  g_autoptr (GPtrArray) v = NULL;
  int rota[2];
  enum
  {
    DAY,
    EARLY,   /* 07:00: 660 after a day shift ending 20:00 */
    EARLIER, /* 06:59: 659 */
    LATE,    /* 19:00 + 300: 660 after a night ending 08:00 the next morning */
    NIGHT,
  };

  pm_rota_model_add_shift (model, "day", 8 * 60, 720, NULL);
  pm_rota_model_add_shift (model, "early", 7 * 60, 480, NULL);
  pm_rota_model_add_shift (model, "earlier", 7 * 60 - 1, 480, NULL);
  pm_rota_model_add_shift (model, "late", 19 * 60, 300, NULL);
  pm_rota_model_add_shift (model, "night", 20 * 60, 720, NULL);
  pm_rota_model_add_person (model, "S1", NULL, NULL);
  pm_rota_model_finish (model, 660);
  assert_int_equal (model->forbidden[DAY * 5 + EARLY], 0);
  assert_int_equal (model->forbidden[DAY * 5 + EARLIER], 1);
  /* Across midnight: a night ends at 08:00 on the next day, so a late shift (19:00) on that
   * next day leaves 660 minutes: 19:00 + 1440 - (20:00 + 720) = 660. */
  assert_int_equal (model->forbidden[NIGHT * 5 + LATE], 0);
  /* late 19:00-00:00 then early 07:00: 420 minutes. */
  assert_int_equal (model->forbidden[LATE * 5 + EARLY], 1);
  memcpy (rota, (int[]){ DAY, EARLIER }, sizeof rota);
  assert_int_equal (pm_rota_check (model, rota, NULL, &v), 1);
  assert_string_equal (message_of (v, 0), "S1: day on 2026-12-07 then earlier on 2026-12-08 "
                                          "(659 minutes' rest, at least 660)");
  memcpy (rota, (int[]){ DAY, EARLY }, sizeof rota);
  assert_int_equal (pm_rota_check (model, rota, NULL, NULL), 0);
  memcpy (rota, (int[]){ NIGHT, LATE }, sizeof rota);
  assert_int_equal (pm_rota_check (model, rota, NULL, NULL), 0);
}

/* A person counts in every group whose (day, shift) they work: for need, and for excess. */
static void
test_objective_groups (void **state)
{
  g_autoptr (PmRotaModel) model = day_night_model ("2026-12-07", 1, 3);
  g_autofree int *rota = NULL;
  PmRotaCost cost;
  int all, trim, spare;

  all = pm_rota_model_add_cover (model, "all", 0, N, 1, 100, 2, NULL);
  trim = pm_rota_model_add_cover (model, "trim", 0, N, 1, 50, 3, NULL);
  spare = pm_rota_model_add_cover (model, "spare", 0, D, 0, 100, 7, NULL);
  for (int p = 0; p < 3; p++)
    PM_ROTA_COVER (model, all)->member[p] = PM_ROTA_COVER (model, spare)->member[p] = 1;
  PM_ROTA_COVER (model, trim)->member[2] = 1;
  assert_true (pm_rota_model_add_request (model, 2, 0, N, PM_ROTA_REQUEST_ON, 4, NULL));
  assert_true (pm_rota_model_add_request (model, 2, 0, N, PM_ROTA_REQUEST_ON, 1, NULL));
  pm_rota_model_finish (model, 0);

  /* S3 alone on nights meets both groups at once; both requests (duplicates count) granted. */
  rota = rota_from (model, (const char *[]){ ".", ".", "N" });
  cost = pm_rota_cost (model, rota);
  assert_int_equal (cost.under, 0);
  assert_int_equal (cost.over, 0);
  assert_int_equal (cost.requests, 0);
  g_clear_pointer (&rota, g_free);
  /* S1 and S3 on nights: one over in "all" (2); "trim" met. S2 on days: "spare" needs 0, one
   * over (7). */
  rota = rota_from (model, (const char *[]){ "N", "D", "N" });
  cost = pm_rota_cost (model, rota);
  assert_int_equal (cost.under, 0);
  assert_int_equal (cost.over, 9);
  assert_int_equal (cost.objective, 9);
  g_clear_pointer (&rota, g_free);
  /* S1 alone on nights: "all" met, "trim" short (50); S3's two requests not granted (5). */
  rota = rota_from (model, (const char *[]){ "N", ".", "." });
  cost = pm_rota_cost (model, rota);
  assert_int_equal (cost.under, 50);
  assert_int_equal (cost.over, 0);
  assert_int_equal (cost.requests, 5);
  assert_int_equal (cost.objective, 55);
}

/* ---- the brute-force oracle: a second reading of spec/rota.md on tiny random models */

#define MAX_P 3
#define MAX_D 6
#define MAX_S 2

typedef struct
{
  int first_julian;
  int n_people, n_days, n_shifts;
  int start[MAX_S], minutes[MAX_S], shift_max[MAX_S];
  gboolean listed[MAX_S][MAX_S];
  int min_rest;
  int max_per_shift[MAX_P][MAX_S];
  int max_shifts[MAX_P], max_minutes[MAX_P], min_minutes[MAX_P];
  int max_consecutive[MAX_P], min_consecutive[MAX_P], min_days_off[MAX_P], max_weekends[MAX_P];
  gboolean day_off[MAX_P][MAX_D], allowed[MAX_P][MAX_D][MAX_S];
  int n_covers;
  int cover_day[8], cover_shift[8], cover_need[8], cover_under[8], cover_over[8];
  gboolean cover_member[8][MAX_P];
  int n_requests;
  int req_person[8], req_day[8], req_shift[8], req_weight[8];
  gboolean req_on[8];
  int rota[MAX_P][MAX_D];
} Instance;

static int
limit (GRand *rand, int lo, int hi)
{
  return g_rand_int_range (rand, 0, 3) == 0 ? PM_ROTA_UNLIMITED
                                            : g_rand_int_range (rand, lo, hi + 1);
}

static void
random_instance (GRand *rand, Instance *in)
{
  GDate date;

  memset (in, 0, sizeof *in);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_DECEMBER, 2026);
  in->first_julian = (int)g_date_get_julian (&date) + g_rand_int_range (rand, 0, 14);
  in->n_people = g_rand_int_range (rand, 2, MAX_P + 1);
  in->n_days = g_rand_int_range (rand, 3, MAX_D + 1);
  in->n_shifts = g_rand_int_range (rand, 1, MAX_S + 1);
  for (int s = 0; s < in->n_shifts; s++)
    {
      in->start[s] = 60 * g_rand_int_range (rand, 0, 24);
      in->minutes[s] = 60 * g_rand_int_range (rand, 1, 25);
      in->shift_max[s] = limit (rand, 0, 3);
      for (int t = 0; t < in->n_shifts; t++)
        in->listed[s][t] = g_rand_int_range (rand, 0, 5) == 0;
    }
  in->min_rest = 60 * g_rand_int_range (rand, 0, 16);
  for (int p = 0; p < in->n_people; p++)
    {
      for (int s = 0; s < in->n_shifts; s++)
        in->max_per_shift[p][s]
            = g_rand_int_range (rand, 0, 2) ? in->shift_max[s] : limit (rand, 0, 3);
      in->max_shifts[p] = limit (rand, 0, in->n_days);
      in->max_minutes[p] = limit (rand, 0, 4000);
      in->min_minutes[p] = g_rand_int_range (rand, 0, 2) ? 0 : g_rand_int_range (rand, 1, 4000);
      in->max_consecutive[p] = limit (rand, 1, 3);
      in->min_consecutive[p] = g_rand_int_range (rand, 1, 4);
      in->min_days_off[p] = g_rand_int_range (rand, 1, 4);
      in->max_weekends[p] = limit (rand, 0, 1);
      for (int d = 0; d < in->n_days; d++)
        {
          in->day_off[p][d] = g_rand_int_range (rand, 0, 7) == 0;
          for (int s = 0; s < in->n_shifts; s++)
            in->allowed[p][d][s] = g_rand_int_range (rand, 0, 7) != 0;
          in->rota[p][d] = g_rand_int_range (rand, 0, 5) < 2
                               ? PM_ROTA_OFF
                               : g_rand_int_range (rand, 0, in->n_shifts);
        }
    }
  in->n_covers = g_rand_int_range (rand, 0, 9);
  for (int c = 0; c < in->n_covers; c++)
    {
      in->cover_day[c] = g_rand_int_range (rand, 0, in->n_days);
      in->cover_shift[c] = g_rand_int_range (rand, 0, in->n_shifts);
      in->cover_need[c] = g_rand_int_range (rand, 0, 4);
      in->cover_under[c] = g_rand_int_range (rand, 0, 101);
      in->cover_over[c] = g_rand_int_range (rand, 0, 11);
      for (int p = 0; p < in->n_people; p++)
        in->cover_member[c][p] = g_rand_boolean (rand);
    }
  in->n_requests = g_rand_int_range (rand, 0, 9);
  for (int r = 0; r < in->n_requests; r++)
    {
      in->req_person[r] = g_rand_int_range (rand, 0, in->n_people);
      in->req_day[r] = g_rand_int_range (rand, 0, in->n_days);
      in->req_shift[r] = g_rand_int_range (rand, 0, in->n_shifts);
      in->req_on[r] = g_rand_boolean (rand);
      in->req_weight[r] = g_rand_int_range (rand, 0, 20);
    }
}

static PmRotaModel *
build_model (const Instance *in)
{
  GDate date;
  PmRotaModel *model;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32)in->first_julian);
  model = pm_rota_model_new ("random", &date, in->n_days);
  for (int s = 0; s < in->n_shifts; s++)
    {
      g_autofree char *id = g_strdup_printf ("s%d", s);

      assert_int_equal (pm_rota_model_add_shift (model, id, in->start[s], in->minutes[s], NULL), s);
      PM_ROTA_SHIFT (model, s)->max_per_person = in->shift_max[s];
    }
  for (int s = 0; s < in->n_shifts; s++)
    for (int t = 0; t < in->n_shifts; t++)
      if (in->listed[s][t])
        pm_rota_model_forbid (model, s, t);
  for (int p = 0; p < in->n_people; p++)
    {
      g_autofree char *id = g_strdup_printf ("P%d", p);
      PmRotaPerson *person;

      assert_int_equal (pm_rota_model_add_person (model, id, NULL, NULL), p);
      person = PM_ROTA_PERSON (model, p);
      for (int s = 0; s < in->n_shifts; s++)
        {
          if (person->max_per_shift[s] != in->shift_max[s])
            fail_msg ("max_per_shift not taken from the shift");
          person->max_per_shift[s] = in->max_per_shift[p][s];
        }
      person->max_shifts = in->max_shifts[p];
      person->max_minutes = in->max_minutes[p];
      person->min_minutes = in->min_minutes[p];
      person->max_consecutive = in->max_consecutive[p];
      person->min_consecutive = in->min_consecutive[p];
      person->min_days_off = in->min_days_off[p];
      person->max_weekends = in->max_weekends[p];
      for (int d = 0; d < in->n_days; d++)
        {
          person->day_off[d] = (guint8)in->day_off[p][d];
          for (int s = 0; s < in->n_shifts; s++)
            person->allowed[d * in->n_shifts + s] = (guint8)in->allowed[p][d][s];
        }
    }
  for (int c = 0; c < in->n_covers; c++)
    {
      assert_int_equal (pm_rota_model_add_cover (model, "g", in->cover_day[c], in->cover_shift[c],
                                                 in->cover_need[c], in->cover_under[c],
                                                 in->cover_over[c], NULL),
                        c);
      for (int p = 0; p < in->n_people; p++)
        PM_ROTA_COVER (model, c)->member[p] = (guint8)in->cover_member[c][p];
    }
  for (int r = 0; r < in->n_requests; r++)
    assert_true (pm_rota_model_add_request (
        model, in->req_person[r], in->req_day[r], in->req_shift[r],
        in->req_on[r] ? PM_ROTA_REQUEST_ON : PM_ROTA_REQUEST_OFF, in->req_weight[r], NULL));
  pm_rota_model_finish (model, in->min_rest);
  return model;
}

static gboolean
works (const Instance *in, int p, int d)
{
  return in->rota[p][d] != PM_ROTA_OFF;
}

/* Is [i, j] a maximal run of days on which @p works (@working) or is off (!@working)? */
static gboolean
is_maximal_run (const Instance *in, int p, int i, int j, gboolean working)
{
  for (int d = i; d <= j; d++)
    if (works (in, p, d) != working)
      return FALSE;
  return (i == 0 || works (in, p, i - 1) != working)
         && (j == in->n_days - 1 || works (in, p, j + 1) != working);
}

static void
oracle_runs (const Instance *in, int p, int counts[PM_ROTA_RULE_N])
{
  for (int i = 0; i < in->n_days; i++)
    for (int j = i; j < in->n_days; j++)
      {
        int length = j - i + 1;
        gboolean at_an_end = i == 0 || j == in->n_days - 1;

        if (is_maximal_run (in, p, i, j, TRUE))
          {
            counts[PM_ROTA_RULE_MAX_CONSECUTIVE] += length > in->max_consecutive[p];
            counts[PM_ROTA_RULE_MIN_CONSECUTIVE] += !at_an_end && length < in->min_consecutive[p];
          }
        if (is_maximal_run (in, p, i, j, FALSE))
          counts[PM_ROTA_RULE_MIN_DAYS_OFF] += !at_an_end && length < in->min_days_off[p];
      }
}

/* Weekends as calendar facts: the Saturday's julian day names the weekend of a Saturday and
 * of the Sunday after it. */
static int
oracle_weekends (const Instance *in, int p)
{
  int keys[MAX_D], n = 0;

  for (int d = 0; d < in->n_days; d++)
    {
      GDate date;
      int key;
      gboolean seen = FALSE;

      if (!works (in, p, d))
        continue;
      g_date_clear (&date, 1);
      g_date_set_julian (&date, (guint32)(in->first_julian + d));
      if (g_date_get_weekday (&date) == G_DATE_SATURDAY)
        key = in->first_julian + d;
      else if (g_date_get_weekday (&date) == G_DATE_SUNDAY)
        key = in->first_julian + d - 1;
      else
        continue;
      for (int k = 0; k < n; k++)
        seen = seen || keys[k] == key;
      if (!seen)
        keys[n++] = key;
    }
  return n;
}

static void
oracle_counts (const Instance *in, int counts[PM_ROTA_RULE_N])
{
  memset (counts, 0, PM_ROTA_RULE_N * sizeof (int));
  for (int p = 0; p < in->n_people; p++)
    {
      int per_shift[MAX_S] = { 0 }, total = 0, minutes = 0;

      for (int d = 0; d < in->n_days; d++)
        {
          int a = in->rota[p][d];

          if (a == PM_ROTA_OFF)
            continue;
          per_shift[a]++;
          total++;
          minutes += in->minutes[a];
          if (in->day_off[p][d])
            counts[PM_ROTA_RULE_DAY_OFF]++;
          else if (!in->allowed[p][d][a])
            counts[PM_ROTA_RULE_NOT_ALLOWED]++;
          if (d + 1 < in->n_days && works (in, p, d + 1))
            {
              int b = in->rota[p][d + 1];
              int gap = (in->start[b] + 24 * 60) - (in->start[a] + in->minutes[a]);

              counts[PM_ROTA_RULE_SUCCESSION] += in->listed[a][b] || gap < 0 || gap < in->min_rest;
            }
        }
      for (int s = 0; s < in->n_shifts; s++)
        counts[PM_ROTA_RULE_MAX_PER_SHIFT] += per_shift[s] > in->max_per_shift[p][s];
      counts[PM_ROTA_RULE_MAX_SHIFTS] += total > in->max_shifts[p];
      counts[PM_ROTA_RULE_MAX_MINUTES] += minutes > in->max_minutes[p];
      counts[PM_ROTA_RULE_MIN_MINUTES] += minutes < in->min_minutes[p];
      counts[PM_ROTA_RULE_MAX_WEEKENDS] += oracle_weekends (in, p) > in->max_weekends[p];
      oracle_runs (in, p, counts);
    }
}

static gint64
oracle_objective (const Instance *in)
{
  gint64 total = 0;

  for (int c = 0; c < in->n_covers; c++)
    {
      int assigned = 0;

      for (int p = 0; p < in->n_people; p++)
        assigned += in->cover_member[c][p] && in->rota[p][in->cover_day[c]] == in->cover_shift[c];
      total += (gint64)in->cover_under[c] * MAX (0, in->cover_need[c] - assigned);
      total += (gint64)in->cover_over[c] * MAX (0, assigned - in->cover_need[c]);
    }
  for (int r = 0; r < in->n_requests; r++)
    {
      gboolean on = in->rota[in->req_person[r]][in->req_day[r]] == in->req_shift[r];

      if (on != in->req_on[r])
        total += in->req_weight[r];
    }
  return total;
}

static void
test_random_against_oracle (void **state)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261207);
  int seen[PM_ROTA_RULE_N] = { 0 };

  for (int round = 0; round < 2000; round++)
    {
      Instance in;
      g_autoptr (PmRotaModel) model = NULL;
      g_autoptr (GPtrArray) violations = NULL;
      int rota[MAX_P * MAX_D];
      int expected[PM_ROTA_RULE_N], got[PM_ROTA_RULE_N] = { 0 };
      PmRotaCost cost;
      guint count;

      random_instance (rand, &in);
      model = build_model (&in);
      for (int p = 0; p < in.n_people; p++)
        for (int d = 0; d < in.n_days; d++)
          rota[p * in.n_days + d] = in.rota[p][d];
      count = pm_rota_check (model, rota, &cost, &violations);
      assert_int_equal (count, violations->len);
      assert_int_equal (pm_rota_check (model, rota, NULL, NULL), count);
      for (guint i = 0; i < violations->len; i++)
        {
          const PmRotaViolation *v = g_ptr_array_index (violations, i);

          got[v->rule]++;
          assert_true (v->person >= 0 && v->person < in.n_people);
          assert_true (v->day >= -1 && v->day < in.n_days);
          assert_non_null (v->message);
          if (i > 0)
            {
              const PmRotaViolation *u = g_ptr_array_index (violations, i - 1);

              assert_true (u->person < v->person
                           || (u->person == v->person
                               && (u->day < v->day || (u->day == v->day && u->rule <= v->rule))));
            }
        }
      oracle_counts (&in, expected);
      for (int r = 0; r < PM_ROTA_RULE_N; r++)
        {
          if (got[r] != expected[r])
            fail_msg ("round %d, rule %s: %d violations, the oracle says %d", round,
                      pm_rota_rule_to_string (r), got[r], expected[r]);
          seen[r] += got[r] > 0;
        }
      assert_int_equal (cost.objective, oracle_objective (&in));
      assert_int_equal (cost.objective, cost.under + cost.over + cost.requests);
      assert_int_equal (pm_rota_cost (model, rota).objective, cost.objective);
    }
  /* The random models exercise every rule. */
  /* ...except one_per_day: a rota array holds one shift per cell, so only a rota read from a
   * file can break it (the solution reader reports it). */
  for (int r = PM_ROTA_RULE_ONE_PER_DAY + 1; r < PM_ROTA_RULE_N; r++)
    if (seen[r] < 20)
      fail_msg ("rule %s broken in only %d random rotas", pm_rota_rule_to_string (r), seen[r]);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_model_build),
    cmocka_unit_test (test_weekends),
    cmocka_unit_test (test_weekends_worked),
    cmocka_unit_test (test_min_rest),
    cmocka_unit_test (test_succession),
    cmocka_unit_test (test_runs),
    cmocka_unit_test (test_totals),
    cmocka_unit_test (test_days_off),
    cmocka_unit_test (test_order),
    cmocka_unit_test (test_rule_names),
    cmocka_unit_test (test_objective),
    cmocka_unit_test (test_run_edges),
    cmocka_unit_test (test_max_consecutive_horizon),
    cmocka_unit_test (test_rest_boundary),
    cmocka_unit_test (test_objective_groups),
    cmocka_unit_test (test_random_against_oracle),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
