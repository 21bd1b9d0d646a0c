/* peermatch tests: why a person's row cannot meet a hard rule (pm_rota_explain), on hand-made
 * models with the expected reach computed by hand, and against a brute force over tiny rows.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pm-test-util.h"
#include "pm-rota-explain-private.h"

#include <stdlib.h>
#include <string.h>

#define D 0 /* "day", 08:00 for 720 minutes */
#define N 1 /* "night", 20:00 for 720 minutes */

/* One person S1 over @n_days from @first with the day and night shifts; not finished. */
static PmRotaModel *
one_person (const char *first, int n_days)
{
  PmRotaModel *model;
  GDate date;

  assert_true (pm_date_parse (first, &date));
  model = pm_rota_model_new ("test", &date, n_days);
  assert_int_equal (pm_rota_model_add_shift (model, "day", 8 * 60, 720, NULL), D);
  assert_int_equal (pm_rota_model_add_shift (model, "night", 20 * 60, 720, NULL), N);
  assert_int_equal (pm_rota_model_add_person (model, "S1", NULL, NULL), 0);
  return model;
}

static PmRotaPerson *
s1 (PmRotaModel *model)
{
  return PM_ROTA_PERSON (model, 0);
}

/* Asserts that @rule has a cause containing every one of the NULL-terminated @parts, and that
 * the message names nothing private. */
static void
assert_cause (const PmRotaModel *model, PmRotaRule rule, ...)
{
  g_autofree char *why = pm_rota_explain (model, 0, rule);
  const char *part;
  va_list args;

  if (why == NULL)
    fail_msg ("no cause for %s", pm_rota_rule_to_string (rule));
  va_start (args, rule);
  while ((part = va_arg (args, const char *)) != NULL)
    if (strstr (why, part) == NULL)
      fail_msg ("'%s' not in '%s'", part, why);
  va_end (args);
  for (const char *const *word = (const char *const[]){ "leave", "pause", "train", "sick", NULL };
       *word != NULL; word++)
    assert_null (strstr (why, *word));
}

static void
assert_no_cause (const PmRotaModel *model, PmRotaRule rule)
{
  g_autofree char *why = pm_rota_explain (model, 0, rule);

  if (why != NULL)
    fail_msg ("unexpected cause for %s: %s", pm_rota_rule_to_string (rule), why);
}

static void
assert_no_cause_at_all (const PmRotaModel *model)
{
  for (int rule = 0; rule < PM_ROTA_RULE_N; rule++)
    assert_no_cause (model, (PmRotaRule)rule);
}

/* A person who can meet everything: 7 days, 3 in a row at most, 2880 of the 5040 minutes the
 * week could hold. And nobody without a minimum has a cause, however tight the rest. */
static void
test_feasible (void **state)
{
  g_autoptr (PmRotaModel) model = one_person ("2026-12-07", 7);

  pm_rota_model_finish (model, 660);
  s1 (model)->max_consecutive = 3;
  s1 (model)->min_days_off = 2;
  s1 (model)->min_minutes = 2880;
  assert_no_cause_at_all (model);
  /* Exactly the reach: WWW..WW holds 5 x 720 = 3600. */
  s1 (model)->min_minutes = 3600;
  assert_no_cause_at_all (model);
  s1 (model)->min_minutes = 0;
  s1 (model)->max_consecutive = 0;
  for (int d = 0; d < 7; d++)
    s1 (model)->day_off[d] = 1;
  assert_no_cause_at_all (model);
}

static void
test_min_above_max (void **state)
{
  g_autoptr (PmRotaModel) model = one_person ("2026-12-07", 7);

  pm_rota_model_finish (model, 0);
  s1 (model)->min_minutes = 1500;
  s1 (model)->max_minutes = 1000;
  assert_cause (model, PM_ROTA_RULE_MIN_MINUTES, "at least 1500 minutes",
                "at most 1000 are allowed", NULL);
  assert_cause (model, PM_ROTA_RULE_MAX_MINUTES, "at most 1000 are allowed", NULL);
  assert_no_cause (model, PM_ROTA_RULE_MAX_CONSECUTIVE);
  assert_no_cause (model, PM_ROTA_RULE_ONE_PER_DAY);
  /* 1000 to 1200 minutes: no sum of 720-minute shifts falls there (0, 720, 1440). */
  s1 (model)->min_minutes = 1000;
  s1 (model)->max_minutes = 1200;
  assert_cause (model, PM_ROTA_RULE_MIN_MINUTES, "at most 720 of the 1000 minutes",
                "at most 1200 minutes", NULL);
  s1 (model)->max_minutes = 1440;
  assert_no_cause_at_all (model);
}

static void
test_no_availability (void **state)
{
  g_autoptr (PmRotaModel) model = one_person ("2026-12-07", 7);

  pm_rota_model_finish (model, 0);
  s1 (model)->min_minutes = 720;
  memset (s1 (model)->allowed, 0, 7 * 2);
  s1 (model)->day_off[3] = 1;
  assert_cause (model, PM_ROTA_RULE_MIN_MINUTES, "available for no shift of the rota",
                "1 of 7 days are days off", "at least 720 minutes", NULL);
  assert_cause (model, PM_ROTA_RULE_NOT_ALLOWED, "available for no shift of the rota", NULL);
  assert_no_cause (model, PM_ROTA_RULE_MAX_SHIFTS);
  /* Every day a day off: said as such. */
  memset (s1 (model)->day_off, 1, 7);
  assert_cause (model, PM_ROTA_RULE_MIN_MINUTES, "all 7 days are days off", NULL);
  assert_cause (model, PM_ROTA_RULE_DAY_OFF, "all 7 days are days off", NULL);
}

/* Five days off leave two days: 1440 of 2160 minutes. */
static void
test_days_off (void **state)
{
  g_autoptr (PmRotaModel) model = one_person ("2026-12-07", 7);

  pm_rota_model_finish (model, 0);
  s1 (model)->min_minutes = 2160;
  for (int d = 1; d < 6; d++)
    s1 (model)->day_off[d] = 1;
  assert_cause (model, PM_ROTA_RULE_MIN_MINUTES, "at most 1440 of the 2160 minutes required",
                "2 of 7 days have a shift they may take, 5 are days off", NULL);
  assert_cause (model, PM_ROTA_RULE_DAY_OFF, "5 days off", "at most 1440", NULL);
  /* Availability is not what blocks here. */
  assert_no_cause (model, PM_ROTA_RULE_NOT_ALLOWED);
  assert_no_cause (model, PM_ROTA_RULE_MAX_CONSECUTIVE);
}

static void
test_max_shifts (void **state)
{
  g_autoptr (PmRotaModel) model = one_person ("2026-12-07", 7);

  pm_rota_model_finish (model, 0);
  s1 (model)->min_minutes = 2000;
  s1 (model)->max_shifts = 2;
  assert_cause (model, PM_ROTA_RULE_MIN_MINUTES,
                "2 shifts of at most 720 minutes give at most 1440", NULL);
  assert_cause (model, PM_ROTA_RULE_MAX_SHIFTS, "at most 1440", NULL);
  assert_no_cause (model, PM_ROTA_RULE_MAX_WEEKENDS);
}

/* 7 days, at most 3 in a row, at least 2 days off between runs: WWW..WW, 5 x 720 = 3600;
 * without min_days_off WWW.WWW (4320), without max_consecutive all 7 (5040). */
static void
test_runs_contradiction (void **state)
{
  g_autoptr (PmRotaModel) model = one_person ("2026-12-07", 7);

  pm_rota_model_finish (model, 0);
  s1 (model)->max_consecutive = 3;
  s1 (model)->min_days_off = 2;
  s1 (model)->min_minutes = 4320;
  assert_cause (model, PM_ROTA_RULE_MIN_MINUTES, "at most 3600 of the 4320 minutes required",
                "at most 3 working days in a row", "at least 2 days off in a row", NULL);
  assert_cause (model, PM_ROTA_RULE_MAX_CONSECUTIVE, "at most 3 working days in a row",
                "at most 3600", NULL);
  assert_cause (model, PM_ROTA_RULE_MIN_DAYS_OFF, "at least 2 days off", NULL);
  assert_no_cause (model, PM_ROTA_RULE_MAX_SHIFTS);
  /* max_consecutive 0: not a single shift. */
  s1 (model)->max_consecutive = 0;
  s1 (model)->min_minutes = 720;
  assert_cause (model, PM_ROTA_RULE_MAX_CONSECUTIVE, "at most 0 working days", "at most 0 are",
                NULL);
}

/* Days off on days 2 and 4: workable stretches 0-1, 3, 5-6. With runs of 3 required, day 3
 * can never be worked (a run of 1 between days off) and the others only as runs touching an
 * end: 4 x 720 = 2880 of 3600. */
static void
test_min_consecutive (void **state)
{
  g_autoptr (PmRotaModel) model = one_person ("2026-12-07", 7);

  pm_rota_model_finish (model, 0);
  s1 (model)->min_consecutive = 3;
  s1 (model)->day_off[2] = s1 (model)->day_off[4] = 1;
  s1 (model)->min_minutes = 3600;
  assert_cause (model, PM_ROTA_RULE_MIN_CONSECUTIVE, "no 3 workable days in a row (at most 2)",
                "at most 2880", NULL);
  assert_cause (model, PM_ROTA_RULE_MIN_MINUTES, "at most 2880 of the 3600",
                "no 3 workable days in a row", NULL);
  s1 (model)->min_minutes = 2880;
  assert_no_cause_at_all (model);
}

/* From Saturday 2026-12-05, 14 days: weekends 5-6 Dec and 12-13 Dec; none allowed leaves 10
 * weekdays, 7200 minutes. */
static void
test_weekends (void **state)
{
  g_autoptr (PmRotaModel) model = one_person ("2026-12-05", 14);

  pm_rota_model_finish (model, 0);
  s1 (model)->max_weekends = 0;
  s1 (model)->min_minutes = 7920;
  assert_cause (model, PM_ROTA_RULE_MAX_WEEKENDS, "at most 0 weekends worked", "at most 7200",
                NULL);
  assert_cause (model, PM_ROTA_RULE_MIN_MINUTES, "at most 7200 of the 7920", NULL);
  /* One weekend, worked whole (Saturday and Sunday count once): 12 x 720 = 8640. */
  s1 (model)->max_weekends = 1;
  s1 (model)->min_minutes = 8640;
  assert_no_cause_at_all (model);
  s1 (model)->min_minutes = 9360;
  assert_cause (model, PM_ROTA_RULE_MAX_WEEKENDS, "at most 1 weekends worked", "at most 8640",
                NULL);
}

/* At most one day and one night shift over 3 days: 1440 of 2160. */
static void
test_max_per_shift (void **state)
{
  g_autoptr (PmRotaModel) model = one_person ("2026-12-07", 3);

  pm_rota_model_finish (model, 0);
  s1 (model)->max_per_shift[D] = 1;
  s1 (model)->max_per_shift[N] = 1;
  s1 (model)->min_minutes = 2160;
  assert_cause (model, PM_ROTA_RULE_MAX_PER_SHIFT, "at most 1 day shifts, at most 1 night shifts",
                "at most 1440", NULL);
  assert_cause (model, PM_ROTA_RULE_MIN_MINUTES,
                "at least 2160 minutes are required but at most 1 day shifts, at most 1 night "
                "shifts give at most 1440",
                NULL);
}

/* 960 minutes' rest at least forbids day-day (720) and night-anything (720, 0); with day-night
 * forbidden too no shift may follow another the next day, so 7 days hold 4 shifts: 2880 of
 * 3600. */
static void
test_succession (void **state)
{
  g_autoptr (PmRotaModel) model = one_person ("2026-12-07", 7);

  pm_rota_model_finish (model, 960);
  pm_rota_model_forbid (model, D, N);
  s1 (model)->min_minutes = 3600;
  assert_cause (model, PM_ROTA_RULE_SUCCESSION, "rest", "at most 2880", NULL);
  assert_cause (model, PM_ROTA_RULE_MIN_MINUTES, "at most 2880 of the 3600", NULL);
  assert_no_cause (model, PM_ROTA_RULE_MIN_DAYS_OFF);
}

/* 28 days, 4 shift types each capped: too many counts to track them all, so some are dropped;
 * they do not bind here. Runs WWW.. from day 0 end with WWW: 6 x 3 = 18 shifts, 12960. */
static void
test_large (void **state)
{
  g_autoptr (PmRotaModel) model = NULL;
  gint64 start = g_get_monotonic_time ();
  GDate date;

  assert_true (pm_date_parse ("2026-12-07", &date));
  model = pm_rota_model_new ("large", &date, 28);
  pm_rota_model_add_shift (model, "day", 8 * 60, 720, NULL);
  pm_rota_model_add_shift (model, "night", 20 * 60, 720, NULL);
  pm_rota_model_add_shift (model, "early", 6 * 60, 720, NULL);
  pm_rota_model_add_shift (model, "late", 14 * 60, 720, NULL);
  assert_int_equal (pm_rota_model_add_person (model, "S1", NULL, NULL), 0);
  pm_rota_model_finish (model, 0);
  for (int s = 0; s < 4; s++)
    s1 (model)->max_per_shift[s] = 10;
  s1 (model)->max_shifts = 20;
  s1 (model)->max_weekends = 4; /* the pattern works all four */
  s1 (model)->max_consecutive = 3;
  s1 (model)->min_days_off = 2;
  s1 (model)->min_minutes = 13000;
  assert_cause (model, PM_ROTA_RULE_MIN_MINUTES, "at most 12960 of the 13000", NULL);
  assert_cause (model, PM_ROTA_RULE_MAX_CONSECUTIVE, "at most 12960", NULL);
  s1 (model)->min_minutes = 12960;
  assert_no_cause (model, PM_ROTA_RULE_MIN_MINUTES);
  /* Seconds would hold up a report of many violations. */
  assert_true (g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC);
}

/* A year-long row (the benchmark's longest): one 480-minute shift, at most 5 working days in a
 * row and 2 days off between runs, so at most 52 runs of 5: 260 x 480 = 124800. The per-type
 * limit (300, not binding) is too big to track within the budget and is dropped. */
static void
test_year (void **state)
{
  g_autoptr (PmRotaModel) model = NULL;
  gint64 start = g_get_monotonic_time ();
  GDate date;

  assert_true (pm_date_parse ("2024-01-01", &date));
  model = pm_rota_model_new ("year", &date, 364);
  pm_rota_model_add_shift (model, "D", 0, 480, NULL);
  pm_rota_model_add_person (model, "A", NULL, NULL);
  pm_rota_model_finish (model, 0);
  s1 (model)->max_per_shift[0] = 300;
  s1 (model)->max_consecutive = 5;
  s1 (model)->min_days_off = 2;
  s1 (model)->max_weekends = 30;
  s1 (model)->min_minutes = 125000;
  assert_cause (model, PM_ROTA_RULE_MIN_MINUTES, "at most 124800 of the 125000",
                "at most 5 working days in a row", "at least 2 days off", NULL);
  s1 (model)->min_minutes = 124800;
  assert_no_cause_at_all (model);
  assert_true (g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC);
}

/* ---- against a brute force: one person, at most 7 days, 2 shift types, every row */

typedef struct
{
  int n_rows;
  int best_other; /* most minutes of a row meeting every rule but min_minutes */
  gboolean any_valid;
} Brute;

static Brute
brute_force (PmRotaModel *model)
{
  PmRotaPerson *person = s1 (model);
  int n_days = model->n_days, need = person->min_minutes;
  int row[7];
  Brute brute = { 1, -1, FALSE };

  for (int d = 0; d < n_days; d++)
    brute.n_rows *= 3;
  person->min_minutes = 0;
  for (int code = 0; code < brute.n_rows; code++)
    {
      int minutes = 0;

      for (int d = 0, c = code; d < n_days; d++, c /= 3)
        {
          row[d] = c % 3 == 2 ? PM_ROTA_OFF : c % 3;
          minutes += row[d] == PM_ROTA_OFF ? 0 : PM_ROTA_SHIFT (model, row[d])->minutes;
        }
      if (pm_rota_check (model, row, NULL, NULL) != 0)
        continue;
      brute.best_other = MAX (brute.best_other, minutes);
      brute.any_valid |= minutes >= need;
    }
  person->min_minutes = need;
  return brute;
}

static int
pick (GRand *rand, int lo, int hi)
{
  return g_rand_int_range (rand, lo, hi + 1);
}

/* Limits drawn so that each one binds now and then. */
static PmRotaModel *
random_model (GRand *rand)
{
  static const char *const firsts[] = { "2026-12-05", "2026-12-06", "2026-12-07", "2026-12-10" };
  int n_days = pick (rand, 1, 7);
  PmRotaModel *model;
  PmRotaPerson *person;
  GDate date;

  assert_true (pm_date_parse (firsts[pick (rand, 0, 3)], &date));
  model = pm_rota_model_new ("random", &date, n_days);
  pm_rota_model_add_shift (model, "a", 60 * pick (rand, 0, 23), 60 * pick (rand, 2, 12), NULL);
  pm_rota_model_add_shift (model, "b", 60 * pick (rand, 0, 23), 60 * pick (rand, 2, 12), NULL);
  pm_rota_model_add_person (model, "S1", NULL, NULL);
  pm_rota_model_finish (model, 60 * pick (rand, 0, 14));
  person = s1 (model);
  for (int d = 0; d < n_days; d++)
    {
      person->day_off[d] = pick (rand, 0, 5) == 0;
      person->allowed[d * 2] = pick (rand, 0, 5) != 0;
      person->allowed[d * 2 + 1] = pick (rand, 0, 5) != 0;
    }
  if (pick (rand, 0, 2) == 0)
    person->max_per_shift[pick (rand, 0, 1)] = pick (rand, 0, 4);
  if (pick (rand, 0, 2) == 0)
    person->max_shifts = pick (rand, 0, 6);
  if (pick (rand, 0, 3) == 0)
    person->max_minutes = 60 * pick (rand, 0, 60);
  if (pick (rand, 0, 2) == 0)
    person->max_consecutive = pick (rand, 0, 4);
  person->min_consecutive = pick (rand, 1, 4);
  person->min_days_off = pick (rand, 1, 3);
  if (pick (rand, 0, 2) == 0)
    person->max_weekends = pick (rand, 0, 1);
  person->min_minutes = 60 * pick (rand, 0, 12 * n_days);
  return model;
}

/* The reach a message states ("at most R of the ...", "at most R are reachable"), or -1. */
static int
stated_reach (const char *why)
{
  const char *at = strstr (why, "at most ");
  const char *of = strstr (why, " of the ");
  const char *reachable = strstr (why, ": at most ");

  if (at == why && of != NULL)
    return atoi (why + strlen ("at most "));
  if (reachable != NULL)
    return atoi (reachable + strlen (": at most "));
  return -1;
}

static void
test_brute_force (void **state)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261207);
  int causes = 0, infeasible = 0;

  for (int round = 0; round < 600; round++)
    {
      g_autoptr (PmRotaModel) model = random_model (rand);
      Brute brute = brute_force (model);

      /* The all-off row meets every rule but min_minutes. */
      assert_true (brute.best_other >= 0);
      infeasible += !brute.any_valid;
      for (int rule = 0; rule < PM_ROTA_RULE_N; rule++)
        {
          g_autofree char *why = pm_rota_explain (model, 0, (PmRotaRule)rule);

          if (why == NULL)
            {
              /* Complete for min_minutes: no row meets it, so a cause is given. */
              if (rule == PM_ROTA_RULE_MIN_MINUTES && !brute.any_valid)
                fail_msg ("round %d: no cause, yet no row reaches %d minutes", round,
                          s1 (model)->min_minutes);
              continue;
            }
          causes++;
          /* Sound: a cause means no row meets every rule. */
          if (brute.any_valid)
            fail_msg ("round %d: '%s' but a row meets every rule", round, why);
          /* The reach stated is exact on rows this small. */
          if (stated_reach (why) >= 0 && stated_reach (why) != brute.best_other)
            fail_msg ("round %d: '%s' but the brute force reaches %d", round, why,
                      brute.best_other);
        }
    }
  /* The draw exercises both sides. */
  assert_true (infeasible > 50 && infeasible < 550);
  assert_true (causes > infeasible);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_feasible),        cmocka_unit_test (test_min_above_max),
    cmocka_unit_test (test_no_availability), cmocka_unit_test (test_days_off),
    cmocka_unit_test (test_max_shifts),      cmocka_unit_test (test_runs_contradiction),
    cmocka_unit_test (test_min_consecutive), cmocka_unit_test (test_weekends),
    cmocka_unit_test (test_max_per_shift),   cmocka_unit_test (test_succession),
    cmocka_unit_test (test_large),           cmocka_unit_test (test_year),
    cmocka_unit_test (test_brute_force),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
